/** A reviewer takes the article away from residents: it leaves the search index; its versions stay. */
import type { AppContext } from '../../../platform/context.ts';
import type { Official } from '../../../platform/access.ts';
import { replaceTerms, updateArticle } from '../knowledge.queries.ts';
import { auditArticle, loadArticleFor } from './shared.ts';

export async function withdrawArticle(ctx: Pick<AppContext, 'db' | 'clock'>, actor: Official, id: number, reason: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const a = await loadArticleFor(trx, actor, id, 'withdraw');
    await replaceTerms(trx, { id: a.id, unitPath: a.unit_path }, []);
    await updateArticle(trx, a.id, { state: 'withdrawn', withdrawn_at: now }, now);
    await auditArticle(trx, actor, 'withdrawn', a, { version: a.published_version, reason }, now);
  });
}
