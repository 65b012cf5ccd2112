/** The reviewer sends the version back to be rewritten, with the reason. */
import type { AppContext } from '../../../platform/context.ts';
import type { Official } from '../../../platform/access.ts';
import { updateArticle } from '../knowledge.queries.ts';
import { auditArticle, loadArticleFor } from './shared.ts';

export async function returnArticle(ctx: Pick<AppContext, 'db' | 'clock'>, actor: Official, id: number, reason: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const a = await loadArticleFor(trx, actor, id, 'return');
    await updateArticle(trx, a.id, { state: 'draft', submitted_at: null }, now);
    await auditArticle(trx, actor, 'returned', a, { version: a.version, reason }, now);
  });
}
