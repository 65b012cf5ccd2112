import { badRequest, conflict } from '../../../platform/errors.ts';
import { councilMembers, insertComment } from '../deliberation.queries.ts';
import { matterStep, type StepContext } from './matterStep.ts';

/**
 * A comment in the evaluation period (a resident, while the period is open), or a member's written
 * evaluation (`member`: the member themself, or recorded for them by the council's staff).
 */
export async function commentOnMatter(
  ctx: StepContext,
  matterId: number,
  input: { body: string; accountId: number | null; authorName: string; member?: number },
): Promise<number> {
  const action = input.member ? 'evaluate' : 'comment';
  return (await matterStep(ctx, matterId, action, async (trx, matter) => {
    let memberId: number | null = null;
    let authorName = input.authorName;
    if (input.member) {
      const member = (await councilMembers(trx, [matter.council_id])).find((m) => Number(m.id) === input.member);
      if (!member) throw badRequest('not_a_council_member', { member: input.member });
      memberId = input.member;
      authorName = member.name;
    } else if (matter.comments_close_at && ctx.now >= matter.comments_close_at) {
      throw conflict('comment_period_closed', { closedAt: matter.comments_close_at.toISOString() });
    }
    const id = await insertComment(trx, { matterId, accountId: input.accountId, memberId, authorName, body: input.body }, ctx.now);
    return { changes: { comment: id, ...(memberId ? { member: memberId } : {}) }, result: id };
  }))!;
}
