/** What the article commands share: the texts as they are stored, scrubbed of a source petition's personal data. */
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../platform/access.ts';
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { petitionSource, type PetitionSource } from '../../petitions/index.ts';
import { scrubPersonalData, type PersonalFacts } from '../knowledge.scrub.ts';
import { decideArticle } from '../knowledge.policy.ts';
import type { ArticleAction } from '../../../contract/domain.ts';
import { findArticleLocked, type ArticleRow, type VersionText } from '../knowledge.queries.ts';
import type { Guide } from '../knowledge.tables.ts';

/** The source petition of an answer, when the actor may see it and its residents agreed to publication. */
export async function publishableSource(ctx: Pick<AppContext, 'db'>, actor: Actor, petitionId: number): Promise<PetitionSource> {
  const source = await petitionSource(ctx, actor, petitionId);
  if (!source) throw notFound();
  if (!source.publishable) throw conflict('petition_not_publishable');
  return source;
}

function scrubGuide(g: Guide, facts: PersonalFacts): Guide {
  const s = (t: string) => scrubPersonalData(t, facts);
  const n = (t: string | null) => (t === null ? null : s(t));
  return { steps: g.steps.map(s), papers: g.papers.map(s), fees: n(g.fees), timeLimit: n(g.timeLimit), whereToGo: n(g.whereToGo) };
}

/** The texts to store: trimmed, and without the personal data of the source petition's residents. */
export function cleanTexts(texts: VersionText[], facts: PersonalFacts | null): VersionText[] {
  const none: PersonalFacts = { names: [], phones: [], emails: [], addresses: [] };
  const f = facts ?? none;
  return texts.map((t) => ({
    language: t.language,
    title: scrubPersonalData(t.title.trim(), f),
    body: scrubPersonalData(t.body.trim(), f),
    guide: t.guide ? scrubGuide(t.guide, f) : null,
  }));
}

/** Every language once. */
export function checkLanguages(texts: VersionText[]): void {
  const seen = new Set<string>();
  for (const t of texts) {
    if (seen.has(t.language)) throw new AppError(400, 'article_language_twice', { language: t.language });
    seen.add(t.language);
  }
}

/** The article locked, if the actor may take this action on it now. */
export async function loadArticleFor(trx: Kysely<DB>, actor: Actor, id: number, action: ArticleAction): Promise<ArticleRow> {
  const a = await findArticleLocked(trx, id);
  if (!a) throw notFound();
  const decision = decideArticle(actor, a, action);
  if (!decision.ok) throw new AppError(decision.status, decision.code);
  return a;
}

export async function auditArticle(trx: Kysely<DB>, actor: Actor, action: string, a: Pick<ArticleRow, 'id' | 'unit_id'>, changes: Record<string, unknown>, at: Date) {
  await appendAudit(trx, { actor, action: `article.${action}`, subjectType: 'article', subjectId: a.id, unitId: a.unit_id, changes, at });
}
