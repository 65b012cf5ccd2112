/** The author sends the draft for review: another official must approve it before residents read it. */
import type { AppContext } from '../../../platform/context.ts';
import type { Official } from '../../../platform/access.ts';
import { updateArticle } from '../knowledge.queries.ts';
import { auditArticle, loadArticleFor } from './shared.ts';

export async function submitArticle(ctx: Pick<AppContext, 'db' | 'clock'>, actor: Official, id: number): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const a = await loadArticleFor(trx, actor, id, 'submit');
    await updateArticle(trx, a.id, { state: 'in_review', submitted_at: now }, now);
    await auditArticle(trx, actor, 'submitted', a, { version: a.version }, now);
  });
}
