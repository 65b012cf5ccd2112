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
    await replaceTerms(trx, a.id, articleTerms(texts));
    await updateArticle(trx, a.id, { state: 'published', published_version: a.version, reviewed_by: actor.id, published_at: now, withdrawn_at: null }, now);
    await auditArticle(trx, actor, 'published', a, { version: a.version, author: a.author_id }, now);
  });
}
