/** The SQL of the knowledge module (knowledge.announce.ts reads an article's unit itself). */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../schema.ts';
import type { ArticlesTable, ArticleVersionsTable, Guide } from './knowledge.tables.ts';
import type { ArticleKind } from '../../contract/domain.ts';
import type { Locale } from '../../platform/i18n.ts';
import { insertReturningId } from '../../platform/db.ts';

export type ArticleRow = Selectable<ArticlesTable> & { unit_code: string; unit_name: string };
export type VersionRow = Omit<Selectable<ArticleVersionsTable>, 'guide'> & { guide: Guide | null };

const articleColumns = [
  'a.id', 'a.kind', 'a.state', 'a.unit_id', 'a.unit_path', 'a.category', 'a.source_petition_id', 'a.service_point_id',
  'a.valid_from', 'a.valid_to', 'a.version', 'a.published_version', 'a.author_id', 'a.submitted_at', 'a.reviewed_by',
  'a.published_at', 'a.withdrawn_at', 'a.created_at', 'a.updated_at', 'a.announced_at', 'u.code as unit_code', 'u.name as unit_name',
] as const;

// Dates are kept as 'YYYY-MM-DD' text on both databases.
const dateText = (column: 'valid_from' | 'valid_to') => sql<string | null>`to_char(${sql.ref(`a.${column}`)}, 'YYYY-MM-DD')`.as(column);

function articles(db: Kysely<DB>) {
  return db
    .selectFrom('articles as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(articleColumns.filter((c) => c !== 'a.valid_from' && c !== 'a.valid_to'))
    .select([dateText('valid_from'), dateText('valid_to')]);
}

export async function findArticle(db: Kysely<DB>, id: number): Promise<ArticleRow | undefined> {
  return (await articles(db).where('a.id', '=', id).executeTakeFirst()) as ArticleRow | undefined;
}

export async function findArticleLocked(trx: Kysely<DB>, id: number): Promise<ArticleRow | undefined> {
  return (await articles(trx).where('a.id', '=', id).forUpdate('a').executeTakeFirst()) as ArticleRow | undefined;
}

export async function versionTexts(db: Kysely<DB>, articleId: number, version: number): Promise<VersionRow[]> {
  return (await db
    .selectFrom('article_versions')
    .selectAll()
    .where('article_id', '=', articleId)
    .where('version', '=', version)
    .orderBy('language')
    .execute()) as VersionRow[];
}

/** The texts of several articles at a version each (the published one for residents). */
export async function textsOf(db: Kysely<DB>, pairs: Array<{ id: number; version: number }>): Promise<VersionRow[]> {
  if (!pairs.length) return [];
  const { rows } = await sql<VersionRow>`
    SELECT v.* FROM article_versions v
    JOIN unnest(${pairs.map((p) => p.id)}::bigint[], ${pairs.map((p) => p.version)}::int[]) AS x(id, version)
      ON x.id = v.article_id AND x.version = v.version
    ORDER BY v.article_id, v.language
  `.execute(db);
  return rows.map((r) => ({ ...r, article_id: Number(r.article_id) }));
}

export type NewArticle = Pick<
  Selectable<ArticlesTable>,
  'kind' | 'unit_id' | 'unit_path' | 'category' | 'source_petition_id' | 'service_point_id' | 'valid_from' | 'valid_to' | 'author_id'
> & { at: Date };

export async function insertArticle(trx: Kysely<DB>, a: NewArticle): Promise<number> {
  return insertReturningId(trx, 'articles', {
    kind: a.kind,
    state: 'draft',
    unit_id: a.unit_id,
    unit_path: a.unit_path,
    category: a.category,
    source_petition_id: a.source_petition_id,
    service_point_id: a.service_point_id,
    valid_from: a.valid_from,
    valid_to: a.valid_to,
    author_id: a.author_id,
    created_at: a.at,
    updated_at: a.at,
  });
}

export interface VersionText {
  language: Locale;
  title: string;
  body: string;
  guide: Guide | null;
}

export async function insertVersion(trx: Kysely<DB>, articleId: number, version: number, authorId: number, at: Date, texts: VersionText[]): Promise<void> {
  await trx
    .insertInto('article_versions')
    .values(
      texts.map((t) => ({
        article_id: articleId,
        version,
        language: t.language,
        title: t.title,
        body: t.body,
        guide: t.guide ? JSON.stringify(t.guide) : null,
        author_id: authorId,
        created_at: at,
      })),
    )
    .execute();
}

export async function deleteVersion(trx: Kysely<DB>, articleId: number, version: number): Promise<void> {
  await trx.deleteFrom('article_versions').where('article_id', '=', articleId).where('version', '=', version).execute();
}

type ArticleChanges = Partial<
  Pick<
    Selectable<ArticlesTable>,
    'state' | 'category' | 'service_point_id' | 'valid_from' | 'valid_to' | 'version' | 'published_version' | 'author_id' | 'submitted_at' | 'reviewed_by' | 'published_at' | 'withdrawn_at'
  >
>;

export async function updateArticle(trx: Kysely<DB>, id: number, changes: ArticleChanges, at: Date): Promise<void> {
  await trx.updateTable('articles').set({ ...changes, updated_at: at }).where('id', '=', id).execute();
}

/**
 * The search terms of an article's published version: replaced as a whole, with the count of
 * articles per term. The counts change in one statement in term order, so that two articles
 * published at once take the rows' locks in the same order (a term an article leaves is counted
 * already, so its -1 always meets its row).
 */
export async function replaceTerms(
  trx: Kysely<DB>,
  article: { id: number; unitPath: string },
  rows: Array<{ language: string; term: string; weight: number }>,
): Promise<void> {
  const before = await trx.selectFrom('article_terms').select('term').distinct().where('article_id', '=', article.id).execute();
  const had = new Set(before.map((r) => r.term));
  const has = new Set(rows.map((r) => r.term));
  const changes = [...new Set([...had, ...has])]
    .filter((term) => had.has(term) !== has.has(term))
    .sort()
    .map((term) => ({ term, delta: has.has(term) ? 1 : -1 }));
  await trx.deleteFrom('article_terms').where('article_id', '=', article.id).execute();
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('article_terms')
      .values(rows.slice(i, i + 500).map((r) => ({ article_id: article.id, unit_path: article.unitPath, ...r })))
      .execute();
  }
  if (!changes.length) return;
  await sql`
    INSERT INTO article_term_counts (term, articles)
    SELECT term, delta FROM unnest(${changes.map((c) => c.term)}::text[], ${changes.map((c) => c.delta)}::int[]) AS c(term, delta) ORDER BY term
    ON CONFLICT (term) DO UPDATE SET articles = article_term_counts.articles + excluded.articles`.execute(trx);
}

export interface SearchFilters {
  /** Articles of this unit's branch: the unit, the units above it, the units below it. */
  unitPath?: string;
  category?: string;
  kinds?: ArticleKind[];
  /** Today in the deployment (validity dates). */
  today: string;
  limit: number;
  offset?: number;
}

/** The paths of the units above a unit: '/1/8/536/' → ['/1/', '/1/8/']. */
function ancestorPaths(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.slice(0, -1).map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** Articles residents may read now: published, not withdrawn, within their validity dates, of the filters' category and kinds. */
function readableNow(f: SearchFilters) {
  const parts = [
    sql`a.published_version IS NOT NULL`,
    sql`a.withdrawn_at IS NULL`,
    sql`(a.valid_from IS NULL OR a.valid_from <= ${f.today}::date)`,
    sql`(a.valid_to IS NULL OR a.valid_to >= ${f.today}::date)`,
  ];
  if (f.category) parts.push(sql`a.category = ${f.category}`);
  if (f.kinds?.length) parts.push(sql`a.kind IN (${sql.join(f.kinds)})`);
  return sql.join(parts, sql` AND `);
}

/** readableNow, of the unit's branch when there is one: the unit's subtree or a unit above it, both by the unit_path index. */
function readable(f: SearchFilters) {
  if (!f.unitPath) return readableNow(f);
  return sql`${readableNow(f)} AND (a.unit_path LIKE ${f.unitPath + '%'} OR a.unit_path = ANY (${ancestorPaths(f.unitPath)}::text[]))`;
}

/** The postings of the question's terms, of the articles of the unit's branch when there is one (the search's `df` rows). */
function postingsOf(f: SearchFilters) {
  const columns = sql`t.article_id, t.language, t.weight, df.qw, df.df`;
  if (!f.unitPath) return sql`SELECT ${columns} FROM df JOIN article_terms t ON t.term = df.term`;
  // Apart, so that each is one range of the postings index per term.
  return sql`
    SELECT ${columns} FROM df JOIN article_terms t ON t.term = df.term AND t.unit_path LIKE ${f.unitPath + '%'}
    UNION ALL
    SELECT ${columns} FROM df JOIN article_terms t ON t.term = df.term AND t.unit_path = ANY (${ancestorPaths(f.unitPath)}::text[])`;
}

interface Hit {
  id: number;
  score: number;
  language: string;
}

/**
 * Published articles ranked for a question: for each article and language, the sum over the
 * terms they share of the question's weight × the article's saturated weight × the term's
 * rarity among published articles (BM25's idf); the article's best language counts. Terms
 * come from knowledge.text.ts, so both databases rank alike.
 */
export async function searchArticles(db: Kysely<DB>, q: { terms: string[]; weights: number[] }, f: SearchFilters): Promise<Hit[]> {
  if (!q.terms.length) return [];
  const { rows } = await sql<{ id: string | number; score: number; language: string }>`
    WITH q AS MATERIALIZED (
      SELECT * FROM unnest(${q.terms}::text[], ${q.weights}::real[]) AS q(term, qw)
    ),
    -- BM25's N, the published articles: counted while there are few; over a large index the
    -- planner's estimate (kept by ANALYZE), since counting them would cost seconds per search.
    n AS (
      SELECT greatest(CASE WHEN c.reltuples >= 10000 THEN c.reltuples
                           ELSE (SELECT count(*) FROM articles WHERE published_version IS NOT NULL AND withdrawn_at IS NULL) END, 1)::float8 AS n
      FROM pg_class c WHERE c.oid = 'articles'::regclass
    ),
    -- How many articles hold each term, over the whole index (idf).
    df AS MATERIALIZED (
      SELECT q.term, q.qw, coalesce(c.articles, 0)::float8 AS df FROM q LEFT JOIN article_term_counts c ON c.term = q.term
    ),
    -- Only the articles the reader may see are scored: a commune's residents see its own, its
    -- villages' and the units' above it, a few percent of a national index. Their postings are
    -- read by term and unit path (migration 0980); only the articles they name are looked at.
    postings AS (${postingsOf(f)}),
    per_language AS (
      SELECT t.article_id, t.language,
             sum(t.qw * (t.weight * 2.2 / (t.weight + 1.2)) * ln(1 + (n.n - t.df + 0.5) / (t.df + 0.5))) AS score
      FROM postings t
      CROSS JOIN n
      GROUP BY t.article_id, t.language
    ),
    best AS (
      SELECT DISTINCT ON (article_id) article_id, language, score
      FROM per_language ORDER BY article_id, score DESC, language
    )
    -- Postings are only a published article's (replaceTerms): what may still make one unreadable
    -- (its validity dates, the filters) is looked at in rank order, until the page is full,
    -- instead of for every article a posting names (1,935 for a dozen Vietnamese syllables).
    SELECT b.article_id AS id, b.score::float8 AS score, b.language
    FROM (SELECT * FROM best ORDER BY score DESC, article_id) b
    JOIN articles a ON a.id = b.article_id AND ${readableNow(f)}
    ORDER BY b.score DESC, b.article_id
    LIMIT ${f.limit} OFFSET ${f.offset ?? 0}
  `.execute(db);
  return rows.map((r) => ({ id: Number(r.id), score: Number(r.score), language: r.language }));
}

/** Published articles without a question: newest first. */
export async function latestArticles(db: Kysely<DB>, f: SearchFilters): Promise<number[]> {
  const { rows } = await sql<{ id: string | number }>`
    SELECT a.id FROM articles a WHERE ${readable(f)}
    ORDER BY a.published_at DESC, a.id DESC LIMIT ${f.limit} OFFSET ${f.offset ?? 0}
  `.execute(db);
  return rows.map((r) => Number(r.id));
}

export async function articlesByIds(db: Kysely<DB>, ids: number[]): Promise<ArticleRow[]> {
  if (!ids.length) return [];
  return (await articles(db).where('a.id', 'in', ids).execute()) as ArticleRow[];
}

/** Articles being written or reviewed in the caller's subtrees, the oldest waiting first. */
export async function articlesInWork(db: Kysely<DB>, scope: string[], states: Array<'draft' | 'in_review'>, limit: number): Promise<ArticleRow[]> {
  if (!scope.length) return [];
  return (await articles(db)
    .where('a.state', 'in', states)
    .where((eb) => eb.or(scope.map((prefix) => eb('a.unit_path', 'like', `${prefix}%`))))
    .orderBy('a.updated_at')
    .orderBy('a.id')
    .limit(limit)
    .execute()) as ArticleRow[];
}

export async function accountName(db: Kysely<DB>, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('accounts').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function servicePointOf(db: Kysely<DB>, id: number) {
  return db.selectFrom('service_points').select(['id', 'unit_id', 'name', 'address']).where('id', '=', id).executeTakeFirst();
}

// ----------------------------------------------------------------------------- drafts (deflection)

export async function recordDraft(
  db: Kysely<DB>,
  d: { token: string; unitId: number; unitPath: string; at: Date; event: 'suggested' | 'opened' | 'submitted'; articleId?: number },
): Promise<void> {
  await db
    .insertInto('petition_drafts')
    .values({
      token: d.token,
      unit_id: d.unitId,
      unit_path: d.unitPath,
      started_at: d.at,
      suggested_at: d.event === 'suggested' || d.event === 'opened' ? d.at : null,
      opened_article_id: d.event === 'opened' ? (d.articleId ?? null) : null,
      opened_at: d.event === 'opened' ? d.at : null,
      submitted_at: d.event === 'submitted' ? d.at : null,
    })
    .onConflict((oc) =>
      oc.column('token').doUpdateSet((eb) => ({
        suggested_at: d.event === 'submitted' ? eb.ref('petition_drafts.suggested_at') : sql<Date>`coalesce(petition_drafts.suggested_at, ${d.at})`,
        opened_article_id: d.event === 'opened' ? sql<number>`coalesce(petition_drafts.opened_article_id, ${d.articleId ?? null})` : eb.ref('petition_drafts.opened_article_id'),
        opened_at: d.event === 'opened' ? sql<Date>`coalesce(petition_drafts.opened_at, ${d.at})` : eb.ref('petition_drafts.opened_at'),
        submitted_at: d.event === 'submitted' ? sql<Date>`coalesce(petition_drafts.submitted_at, ${d.at})` : eb.ref('petition_drafts.submitted_at'),
      })),
    )
    .execute();
}

interface DeflectionCounts {
  drafts: number;
  suggested: number;
  opened: number;
  openedThenSubmitted: number;
  /** An article was opened and no petition was sent within a day: the question was answered. */
  abandonedAfterArticle: number;
}

export async function deflectionCounts(db: Kysely<DB>, scope: string[], from: Date, to: Date, settledBefore: Date): Promise<DeflectionCounts> {
  if (!scope.length) return { drafts: 0, suggested: 0, opened: 0, openedThenSubmitted: 0, abandonedAfterArticle: 0 };
  const inScope = sql.join(scope.map((p) => sql`unit_path LIKE ${p + '%'}`), sql` OR `);
  const { rows } = await sql<Record<keyof DeflectionCounts, string | number>>`
    SELECT count(*) AS drafts,
           count(suggested_at) AS suggested,
           count(opened_at) AS opened,
           count(*) FILTER (WHERE opened_at IS NOT NULL AND submitted_at IS NOT NULL) AS "openedThenSubmitted",
           count(*) FILTER (WHERE opened_at IS NOT NULL AND submitted_at IS NULL AND started_at < ${settledBefore}) AS "abandonedAfterArticle"
    FROM petition_drafts
    WHERE (${inScope}) AND started_at >= ${from} AND started_at < ${to}
  `.execute(db);
  const r = rows[0];
  return {
    drafts: Number(r.drafts),
    suggested: Number(r.suggested),
    opened: Number(r.opened),
    openedThenSubmitted: Number(r.openedThenSubmitted),
    abandonedAfterArticle: Number(r.abandonedAfterArticle),
  };
}

// ---------------------------------------------------------------- subscriptions

export interface SubscriptionRow {
  id: number;
  unit_id: number | null;
  unit_code: string | null;
  unit_name: string | null;
  category: string | null;
  channel: 'sms' | 'email';
  recipient: string;
  locale: Locale;
  code: string;
  created_at: Date;
  unsubscribed_at: Date | null;
}

function subscriptions(db: Kysely<DB>) {
  return db
    .selectFrom('subscriptions as s')
    .leftJoin('units as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.unit_id', 'u.code as unit_code', 'u.name as unit_name', 's.category', 's.channel', 's.recipient', 's.locale', 's.code', 's.created_at', 's.unsubscribed_at']);
}

/** The active subscription of a recipient to exactly this unit and category, if any. */
export async function activeSubscription(db: Kysely<DB>, s: { channel: 'sms' | 'email'; recipient: string; unitId: number | null; category: string | null }): Promise<SubscriptionRow | undefined> {
  let q = subscriptions(db).where('s.channel', '=', s.channel).where('s.recipient', '=', s.recipient).where('s.unsubscribed_at', 'is', null);
  q = s.unitId === null ? q.where('s.unit_id', 'is', null) : q.where('s.unit_id', '=', s.unitId);
  q = s.category === null ? q.where('s.category', 'is', null) : q.where('s.category', '=', s.category);
  return (await q.executeTakeFirst()) as SubscriptionRow | undefined;
}

export async function insertSubscription(
  trx: Kysely<DB>,
  s: { unitId: number | null; unitPath: string | null; category: string | null; channel: 'sms' | 'email'; recipient: string; locale: Locale; code: string; at: Date },
): Promise<number> {
  return insertReturningId(trx, 'subscriptions', { unit_id: s.unitId, unit_path: s.unitPath, category: s.category, channel: s.channel, recipient: s.recipient, locale: s.locale, code: s.code, created_at: s.at });
}

export async function subscriptionByCode(db: Kysely<DB>, code: string): Promise<SubscriptionRow | undefined> {
  return (await subscriptions(db).where('s.code', '=', code).executeTakeFirst()) as SubscriptionRow | undefined;
}

export async function endSubscription(trx: Kysely<DB>, id: number, at: Date): Promise<boolean> {
  const r = await trx.updateTable('subscriptions').set({ unsubscribed_at: at }).where('id', '=', id).where('unsubscribed_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * The active followers of an announcement, after `afterId`, in id order: those who follow its
 * unit or a unit below it (an announcement reaches the unit's subtree), or every unit, and
 * its category or every category.
 */
export async function followersOf(db: Kysely<DB>, a: { unit_path: string; category: string | null }, afterId: number, limit: number): Promise<SubscriptionRow[]> {
  let q = subscriptions(db)
    .where('s.unsubscribed_at', 'is', null)
    .where('s.id', '>', afterId)
    .where((eb) => eb.or([eb('s.unit_path', 'is', null), eb('s.unit_path', 'like', `${a.unit_path}%`)]));
  q = a.category === null ? q.where('s.category', 'is', null) : q.where((eb) => eb.or([eb('s.category', 'is', null), eb('s.category', '=', a.category)]));
  return (await q.orderBy('s.id').limit(limit).execute()) as SubscriptionRow[];
}
