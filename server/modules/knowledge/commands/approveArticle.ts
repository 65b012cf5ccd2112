/**
 * A second official approves the version in review: it becomes the one residents read, and its
 * terms replace the article's in the search index. An answer is checked once more: its
 * residents' consent still holds, and no text carries their personal data.
 */
import type { AppContext } from '../../../platform/context.ts';
import type { Official } from '../../../platform/access.ts';
import { conflict } from '../../../platform/errors.ts';
import { leaksPersonalData } from '../knowledge.scrub.ts';
import { replaceTerms, updateArticle, versionTexts } from '../knowledge.queries.ts';
import { articleTerms } from '../knowledge.index.ts';
import { auditArticle, loadArticleFor, publishableSource } from './shared.ts';
import { enqueueJob } from '../../../platform/jobs.ts';
import { announceJob } from '../knowledge.announce.ts';

export async function approveArticle(ctx: Pick<AppContext, 'db' | 'clock'>, actor: Official, id: number): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const a = await loadArticleFor(trx, actor, id, 'approve');
    const texts = await versionTexts(trx, a.id, a.version);
    if (a.source_petition_id !== null) {
      const facts = (await publishableSource({ db: trx }, actor, a.source_petition_id)).personal;
      const all = texts.flatMap((t) => [t.title, t.body, ...(t.guide ? [...t.guide.steps, ...t.guide.papers, t.guide.fees ?? '', t.guide.timeLimit ?? '', t.guide.whereToGo ?? ''] : [])]);
      if (all.some((text) => leaksPersonalData(text, facts))) throw conflict('article_personal_data');
    }
    await replaceTerms(trx, { id: a.id, unitPath: a.unit_path }, articleTerms(texts));
    // An announcement's followers hear of it once, at its first publication (from its first valid day).
    const announce = a.kind === 'announcement' && a.announced_at === null;
    await updateArticle(trx, a.id, { state: 'published', published_version: a.version, reviewed_by: actor.id, published_at: now, withdrawn_at: null, ...(announce ? { announced_at: now } : {}) }, now);
    if (announce) {
      const from = a.valid_from ? new Date(`${a.valid_from}T00:00:00+07:00`) : now;
      await enqueueJob(trx, { kind: announceJob, payload: { articleId: a.id }, runAt: from > now ? from : now, key: `${announceJob}:${a.id}` });
    }
    await auditArticle(trx, actor, 'published', a, { version: a.version, author: a.author_id }, now);
  });
}
