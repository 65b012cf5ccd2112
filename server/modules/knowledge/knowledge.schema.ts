import { Type, type Static } from 'typebox';
import { CategoryKey, Nullable, UnitRef } from '../../platform/shapes.ts';
import { articleActions, articleKinds, articleStates } from '../../contract/domain.ts';
import { locales } from '../../platform/i18n.ts';

const Text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const ArticleKindSchema = Type.Enum([...articleKinds]);
export const ArticleLanguageSchema = Type.Enum([...locales]);

export const GuideSchema = Type.Object(
  {
    steps: Type.Array(Text(1000), { maxItems: 30 }),
    papers: Type.Array(Text(500), { maxItems: 30 }),
    fees: Nullable(Text(500)),
    timeLimit: Nullable(Text(300)),
    whereToGo: Nullable(Text(500)),
  },
  { additionalProperties: false },
);

export const ArticleTextInput = Type.Object(
  {
    language: ArticleLanguageSchema,
    title: Text(300),
    body: Text(20000),
    guide: Type.Optional(Nullable(GuideSchema)),
  },
  { additionalProperties: false },
);

export const CreateArticleBody = Type.Object(
  {
    kind: ArticleKindSchema,
    unit: Type.Optional(Text(64, 'a unit code; an answer takes its petition\'s unit')),
    category: Type.Optional(Nullable(Text(64))),
    petition: Type.Optional(Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1, description: 'an answer: the petition it comes from' })),
    servicePoint: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1, description: 'a guide: the service point to go to' }))),
    validFrom: Type.Optional(Nullable(DateText)),
    validTo: Type.Optional(Nullable(DateText)),
    texts: Type.Array(ArticleTextInput, { minItems: 1, maxItems: 3 }),
  },
  { additionalProperties: false },
);
export type CreateArticleBody = Static<typeof CreateArticleBody>;

export const ArticleActionBody = Type.Object(
  {
    type: Type.Enum([...articleActions]),
    texts: Type.Optional(Type.Array(ArticleTextInput, { minItems: 1, maxItems: 3, description: 'revise: the new texts' })),
    category: Type.Optional(Nullable(Text(64))),
    servicePoint: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }))),
    validFrom: Type.Optional(Nullable(DateText)),
    validTo: Type.Optional(Nullable(DateText)),
    reason: Type.Optional(Text(2000, 'return, withdraw: why')),
  },
  { additionalProperties: false },
);
export type ArticleActionBody = Static<typeof ArticleActionBody>;

export const ArticleParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }) }, { additionalProperties: false });

export const ArticleText = Type.Object({
  language: ArticleLanguageSchema,
  title: Type.String(),
  body: Type.String(),
  guide: Nullable(GuideSchema),
});

/** What residents read. */
export const ArticleView = Type.Object({
  id: Type.Integer(),
  kind: ArticleKindSchema,
  unit: UnitRef,
  category: Nullable(Type.String()),
  servicePoint: Nullable(Type.Object({ id: Type.Integer(), name: Type.String(), address: Nullable(Type.String()) })),
  validFrom: Nullable(Type.String()),
  validTo: Nullable(Type.String()),
  version: Type.Integer(),
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
  texts: Type.Array(ArticleText),
});
export type ArticleView = Static<typeof ArticleView>;

/** What officials see while the article is written and reviewed. */
export const ArticleWorkView = Type.Object({
  id: Type.Integer(),
  kind: ArticleKindSchema,
  state: Type.Enum([...articleStates]),
  unit: UnitRef,
  category: Nullable(Type.String()),
  petition: Nullable(Type.Integer()),
  servicePoint: Nullable(Type.Integer()),
  validFrom: Nullable(Type.String()),
  validTo: Nullable(Type.String()),
  version: Type.Integer(),
  publishedVersion: Nullable(Type.Integer()),
  author: Type.Object({ id: Type.Integer(), name: Type.String() }),
  reviewer: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  submittedAt: Nullable(Type.String({ format: 'date-time' })),
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
  texts: Type.Array(ArticleText),
  abilities: Type.Array(Type.Enum([...articleActions]), { description: 'the actions the caller may take now' }),
});
export type ArticleWorkView = Static<typeof ArticleWorkView>;

export const ArticleSummary = Type.Object({
  id: Type.Integer(),
  kind: ArticleKindSchema,
  unit: UnitRef,
  category: Nullable(Type.String()),
  language: ArticleLanguageSchema,
  title: Type.String(),
  excerpt: Type.String(),
  score: Type.Optional(Type.Number()),
});
export type ArticleSummary = Static<typeof ArticleSummary>;

export const ArticleList = Type.Object({ items: Type.Array(ArticleSummary) });

export const WorkSummary = Type.Object({
  id: Type.Integer(),
  kind: ArticleKindSchema,
  state: Type.Enum([...articleStates]),
  unit: UnitRef,
  title: Type.String(),
  author: Type.Object({ id: Type.Integer(), name: Type.String() }),
  updatedAt: Type.String({ format: 'date-time' }),
  mayReview: Type.Boolean(),
});
export const WorkList = Type.Object({ items: Type.Array(WorkSummary) });

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 500 })),
    unit: Type.Optional(Text(64)),
    category: Type.Optional(Text(64)),
    kind: Type.Optional(ArticleKindSchema),
    lang: Type.Optional(ArticleLanguageSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

export const StaffSearchResult = Type.Object({
  articles: Type.Array(ArticleSummary),
  petitions: Type.Array(
    Type.Object({ id: Type.Integer(), trackingCode: Type.String(), kind: Type.String(), status: Type.String(), unit: UnitRef, title: Type.String() }),
  ),
});

export const WorkQuery = Type.Object(
  { state: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('in_review')])), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) },
  { additionalProperties: false },
);

export const DraftParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' }) }, { additionalProperties: false });
export const DraftBody = Type.Object(
  {
    unit: Text(64),
    event: Type.Union([Type.Literal('suggested'), Type.Literal('opened'), Type.Literal('submitted')]),
    article: Type.Optional(Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 })),
  },
  { additionalProperties: false },
);

export const FiguresQuery = Type.Object(
  {
    unit: Type.Optional(Text(64)),
    from: Type.Optional(DateText),
    to: Type.Optional(DateText),
  },
  { additionalProperties: false },
);
export const DeflectionFigures = Type.Object({
  drafts: Type.Integer({ description: 'drafts of new petitions started on the portal' }),
  suggested: Type.Integer({ description: 'drafts for which articles were suggested' }),
  opened: Type.Integer({ description: 'drafts in which the resident opened an article' }),
  openedThenSubmitted: Type.Integer(),
  abandonedAfterArticle: Type.Integer({ description: 'an article was opened and no petition followed within a day' }),
  deflectionRate: Nullable(Type.Number({ description: 'abandonedAfterArticle / opened' })),
});

export const SubscribeBody = Type.Object(
  {
    unit: Type.Optional(Text(64, 'a unit code: its announcements and those of the units above it that reach it')),
    category: Type.Optional(CategoryKey),
    channel: Type.Enum(['sms', 'email']),
    phone: Type.Optional(Text(40)),
    email: Type.Optional(Text(254)),
    language: Type.Optional(ArticleLanguageSchema),
  },
  { additionalProperties: false },
);
export type SubscribeBody = Static<typeof SubscribeBody>;

export const SubscriptionView = Type.Object({
  unit: Nullable(UnitRef),
  category: Nullable(Type.String()),
  channel: Type.Enum(['sms', 'email']),
  created: Type.Boolean({ description: 'false: the same address already followed the same' }),
  ended: Type.Boolean(),
});
export type SubscriptionView = Static<typeof SubscriptionView>;

export const UnsubscribeBody = Type.Object(
  { code: Type.String({ minLength: 6, maxLength: 20, pattern: '^[A-Za-z0-9]+$', description: 'the code in every message' }) },
  { additionalProperties: false },
);
