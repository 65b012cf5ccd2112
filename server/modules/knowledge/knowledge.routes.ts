import { Type } from 'typebox';
import type { Module } from '../index.ts';
import type { Official } from '../../platform/access.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { requireUnit, requireUnitIfSent } from '../units/index.ts';
import { searchPetitions } from '../petitions/index.ts';
import {
  ArticleActionBody,
  ArticleList,
  ArticleParams,
  ArticleView,
  ArticleWorkView,
  CreateArticleBody,
  DeflectionFigures,
  DraftBody,
  DraftParams,
  FiguresQuery,
  SearchQuery,
  StaffSearchResult,
  SubscribeBody,
  SubscriptionView,
  UnsubscribeBody,
  WorkList,
  WorkQuery,
} from './knowledge.schema.ts';
import { canSeeDraft, editorScope } from './knowledge.policy.ts';
import type { Locale } from '../../platform/i18n.ts';
import {
  accountName,
  articlesByIds,
  articlesInWork,
  deflectionCounts,
  findArticle,
  latestArticles,
  recordDraft,
  searchArticles,
  servicePointOf,
  textsOf,
  versionTexts,
  type ArticleRow,
  type SearchFilters,
} from './knowledge.queries.ts';
import { queryTerms } from './knowledge.text.ts';
import { pickText, presentArticle, presentSummary, presentWork, unitOf } from './knowledge.presenter.ts';
import { createArticle } from './commands/createArticle.ts';
import { reviseArticle } from './commands/reviseArticle.ts';
import { submitArticle } from './commands/submitArticle.ts';
import { approveArticle } from './commands/approveArticle.ts';
import { returnArticle } from './commands/returnArticle.ts';
import { withdrawArticle } from './commands/withdrawArticle.ts';
import { hasRoleAt } from '../../platform/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { subscribe } from './commands/subscribe.ts';
import { unsubscribe } from './commands/unsubscribe.ts';
import { knowledgeMessages } from './knowledge.messages.ts';
import { subscriptionTemplates } from './knowledge.notify.ts';
import { announceJobs } from './knowledge.announce.ts';
import { routesOf } from '../../platform/routes.ts';
import { articleReviewers, articleWriters } from '../../contract/roleSets.ts';

const language = (lang: string | undefined, header: string | undefined): Locale => {
  const l = (lang ?? header ?? 'vi').slice(0, 2).toLowerCase();
  return l === 'zh' || l === 'en' ? l : 'vi';
};

/** A day as YYYY-MM-DD in UTC+7/+8's neighbourhood: validity dates are whole days. */
const today = (now: Date) => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Published articles for a search, ranked, or the newest; with the texts to show. */
async function findPublished(ctx: AppContext, q: { q?: string; unitPath?: string; category?: string; kind?: string; limit: number }, lang: Locale) {
  const f: SearchFilters = {
    unitPath: q.unitPath,
    category: q.category,
    kinds: q.kind ? [q.kind as ArticleRow['kind']] : undefined,
    today: today(ctx.clock.now()),
    limit: q.limit,
  };
  const question = q.q?.trim();
  const hits = question ? await searchArticles(ctx.db, queryTerms(question), f) : (await latestArticles(ctx.db, f)).map((id) => ({ id, score: undefined, language: lang }));
  const rows = new Map((await articlesByIds(ctx.db, hits.map((h) => h.id))).map((r) => [r.id, r]));
  const texts = await textsOf(ctx.db, [...rows.values()].map((r) => ({ id: r.id, version: r.published_version! })));
  return hits.flatMap((h) => {
    const row = rows.get(h.id);
    if (!row) return [];
    const own = texts.filter((t) => t.article_id === h.id);
    // The reader's language when the article has it, else the language the question matched.
    const chosen = own.some((t) => t.language === lang) ? lang : h.language;
    const s = presentSummary(row, own, chosen, h.score);
    return s ? [s] : [];
  });
}

async function unitPathOf(ctx: AppContext, code: string | undefined): Promise<string | undefined> {
  return (await requireUnitIfSent(ctx.db, code, ctx.clock.now()))?.path;
}

async function workView(ctx: AppContext, actor: Official, id: number) {
  const a = await findArticle(ctx.db, id);
  if (!a || !canSeeDraft(actor, a)) throw notFound();
  const texts = await versionTexts(ctx.db, a.id, a.version);
  const names = await accountName(ctx.db, [a.author_id, ...(a.reviewed_by !== null ? [a.reviewed_by] : [])]);
  return presentWork(actor, a, texts, names);
}

export const knowledgeModule: Module = {
  name: 'knowledge',
  messages: [knowledgeMessages],
  templates: [subscriptionTemplates],
  jobs: announceJobs,
  routes(app, ctx) {
    const routes = routesOf(app, 'knowledge');

    routes.get(
      '/api/v1/knowledge/articles',
      {
        access: 'public',
        summary: 'Published articles: with q, those that best answer the question (Vietnamese with or without diacritics, Chinese simplified or traditional, English); else the newest',
        description: '`unit`: the articles of that unit, of the units above it and of the units below it.',
        querystring: SearchQuery,
        response: { 200: ArticleList },
      },
      async (request) => {
        const q = request.query;
        const unitPath = await unitPathOf(ctx, q.unit);
        const items = await findPublished(ctx, { q: q.q, unitPath, category: q.category, kind: q.kind, limit: q.limit ?? 10 }, language(q.lang, request.headers['accept-language']));
        return { items };
      },
    );

    routes.get(
      '/api/v1/knowledge/articles/:id',
      { access: 'public', summary: 'A published article in every language it has', params: ArticleParams, response: { 200: ArticleView } },
      async (request) => {
        const a = await findArticle(ctx.db, request.params.id);
        const d = today(ctx.clock.now());
        const readable = a && a.published_version !== null && a.withdrawn_at === null && (!a.valid_from || a.valid_from <= d) && (!a.valid_to || a.valid_to >= d);
        if (!a || !readable) throw notFound();
        const texts = await versionTexts(ctx.db, a.id, a.published_version!);
        const point = a.service_point_id !== null ? await servicePointOf(ctx.db, a.service_point_id) : undefined;
        return presentArticle(a, texts, point);
      },
    );

    routes.post(
      '/api/v1/knowledge/articles',
      {
        access: { roles: articleWriters },
        summary: 'Write an article (a draft): a procedure guide, an announcement, or an answer from a petition whose resident agreed to publication',
        description: "An answer's texts are scrubbed of its petition's personal data (names, phone numbers, e-mail, identity numbers, addresses) as they are saved; another official reviews it before residents read it.",
        body: CreateArticleBody,
        response: { 201: ArticleWorkView },
      },
      async (request, reply) => {
        const actor = request.actor as Official;
        const b = request.body;
        const id = await createArticle(ctx, actor, { ...b, texts: b.texts.map((t) => ({ ...t, guide: t.guide ?? null })) });
        reply.status(201);
        return workView(ctx, actor, id);
      },
    );

    routes.get(
      '/api/v1/knowledge/articles/:id/work',
      {
        access: { roles: articleWriters },
        summary: 'The article as it is being written or reviewed, with what the caller may do',
        params: ArticleParams,
        response: { 200: ArticleWorkView },
      },
      async (request) => workView(ctx, request.actor as Official, request.params.id),
    );

    routes.post(
      '/api/v1/knowledge/articles/:id/actions',
      {
        access: { roles: articleWriters },
        summary: 'revise (new texts), submit (for review), approve (another official: publish), return (to the writer, with a reason), withdraw',
        params: ArticleParams,
        body: ArticleActionBody,
        response: { 200: ArticleWorkView },
      },
      async (request) => {
        const actor = request.actor as Official;
        const b = request.body;
        const id = request.params.id;
        switch (b.type) {
          case 'revise':
            if (!b.texts) throw badRequest('article_needs_texts');
            await reviseArticle(ctx, actor, id, { ...b, texts: b.texts.map((t) => ({ ...t, guide: t.guide ?? null })) });
            break;
          case 'submit':
            await submitArticle(ctx, actor, id);
            break;
          case 'approve':
            await approveArticle(ctx, actor, id);
            break;
          case 'return':
            if (!b.reason) throw badRequest('article_needs_reason');
            await returnArticle(ctx, actor, id, b.reason);
            break;
          case 'withdraw':
            if (!b.reason) throw badRequest('article_needs_reason');
            await withdrawArticle(ctx, actor, id, b.reason);
            break;
        }
        return workView(ctx, actor, id);
      },
    );

    routes.get(
      '/api/v1/knowledge/work',
      {
        access: { roles: articleWriters },
        summary: "Articles being written or waiting for review in the caller's units",
        querystring: WorkQuery,
        response: { 200: WorkList },
      },
      async (request) => {
        const actor = request.actor as Official;
        const states = request.query.state ? [request.query.state] : (['draft', 'in_review'] as const);
        const rows = await articlesInWork(ctx.db, editorScope(actor), [...states], request.query.limit ?? 50);
        const texts = await textsOf(ctx.db, rows.map((r) => ({ id: r.id, version: r.version })));
        const names = await accountName(ctx.db, [...new Set(rows.map((r) => r.author_id))]);
        const lang = language(undefined, request.headers['accept-language']);
        return {
          items: rows.map((r) => ({
            id: r.id,
            kind: r.kind,
            state: r.state,
            unit: unitOf(r),
            title: pickText(texts.filter((t) => t.article_id === r.id), lang)?.title ?? '',
            author: { id: r.author_id, name: names.get(r.author_id) ?? '' },
            updatedAt: r.updated_at.toISOString(),
            mayReview: r.state === 'in_review' && r.author_id !== actor.id && hasRoleAt(actor, r.unit_path, articleReviewers),
          })),
        };
      },
    );

    routes.get(
      '/api/v1/knowledge/search',
      {
        access: 'official',
        summary: "Officials' search: published articles, and the petitions the caller may see",
        querystring: SearchQuery,
        response: { 200: StaffSearchResult },
      },
      async (request) => {
        const q = request.query;
        const unitPath = await unitPathOf(ctx, q.unit);
        const limit = q.limit ?? 10;
        // Two statements on two connections at once: neither needs the other.
        const [articles, petitions] = await Promise.all([
          findPublished(ctx, { q: q.q, unitPath, category: q.category, kind: q.kind, limit }, language(q.lang, request.headers['accept-language'])),
          q.q?.trim() ? searchPetitions(ctx, request.actor as Official, q.q, limit) : [],
        ]);
        return { articles, petitions };
      },
    );

    routes.post(
      '/api/v1/knowledge/drafts/:token',
      {
        access: 'public',
        summary: 'The new-petition page tells what happened to a draft: articles suggested, one opened, the petition sent',
        description: 'The token is random and made by the page; nothing about the resident is stored. The figures count drafts abandoned after an article was opened (deflection).',
        params: DraftParams,
        body: DraftBody,
        response: { 204: Type.Null() },
      },
      async (request, reply) => {
        const b = request.body;
        const unit = await requireUnit(ctx.db, b.unit, ctx.clock.now());
        if (b.article !== undefined && !(await findArticle(ctx.db, b.article))) throw notFound();
        await recordDraft(ctx.db, { token: request.params.token, unitId: unit.id, unitPath: unit.path, at: ctx.clock.now(), event: b.event, articleId: b.article });
        return reply.status(204).send(null);
      },
    );

    routes.post(
      '/api/v1/subscriptions',
      {
        access: 'public',
        summary: "Follow a unit's announcements (and those of the units above it addressed to its area), a category's, or both, by SMS or e-mail",
        description: 'No account is needed. The first message says what is followed and gives the unsubscribe code; every announcement repeats it.',
        body: SubscribeBody,
        response: { 201: SubscriptionView },
      },
      async (request, reply) => {
        const b = request.body;
        const locale = language(b.language, request.headers['accept-language']);
        const { created, unit } = await subscribe(ctx, { unit: b.unit, category: b.category, channel: b.channel, phone: b.phone, email: b.email, locale });
        reply.status(201);
        return { unit: unit ? { code: unit.code, name: unit.name } : null, category: b.category ?? null, channel: b.channel, created, ended: false };
      },
    );

    routes.post(
      '/api/v1/subscriptions/unsubscribe',
      {
        access: 'public',
        summary: 'Stop a subscription with the code its messages carry (no sign-in)',
        body: UnsubscribeBody,
        response: { 200: SubscriptionView },
      },
      async (request) => {
        const s = await unsubscribe(ctx, request.body.code);
        return { unit: s.unit_code ? { code: s.unit_code, name: s.unit_name ?? '' } : null, category: s.category, channel: s.channel, created: false, ended: true };
      },
    );

    routes.get(
      '/api/v1/knowledge/figures',
      {
        access: 'official',
        summary: "Deflection in the caller's units: drafts of new petitions abandoned after the resident opened a suggested article",
        querystring: FiguresQuery,
        response: { 200: DeflectionFigures },
      },
      async (request) => {
        const actor = request.actor as Official;
        const q = request.query;
        const now = ctx.clock.now();
        let scope = actor.grants.map((g) => g.unitPath);
        const unitPath = await unitPathOf(ctx, q.unit);
        if (unitPath) scope = scope.some((p) => unitPath.startsWith(p)) ? [unitPath] : scope.filter((p) => p.startsWith(unitPath));
        const from = q.from ? new Date(`${q.from}T00:00:00Z`) : new Date(now.getTime() - 90 * 86_400_000);
        const to = q.to ? new Date(`${q.to}T00:00:00Z`) : now;
        const c = await deflectionCounts(ctx.db, scope, from, to, new Date(now.getTime() - 86_400_000));
        return { ...c, deflectionRate: c.opened ? Math.round((c.abandonedAfterArticle / c.opened) * 1000) / 1000 : null };
      },
    );
  },
};
