import { badRequest } from '../../../platform/errors.ts';
import type { InspectionVerdict } from '../../../contract/domain.ts';
import { insertInspections, matterTasks } from '../deliberation.queries.ts';
import { matterStep, type StepContext } from './matterStep.ts';

/**
 * Residents inspect the work: a verdict on every task still to be inspected. Contested tasks go
 * back to implementation (and the matter with them); when all are accepted the matter is completed.
 */
export async function inspectMatter(
  ctx: StepContext,
  matterId: number,
  input: { accountId: number | null; verdicts: Array<{ task: number; verdict: InspectionVerdict; note?: string }> },
): Promise<void> {
  await matterStep(ctx, matterId, 'inspect', async (trx) => {
    const tasks = await matterTasks(trx, matterId, true);
    const pending = tasks.filter((t) => t.status === 'done').map((t) => Number(t.id));
    const given = new Map(input.verdicts.map((v) => [v.task, v]));
    for (const v of input.verdicts) if (!pending.includes(v.task)) throw badRequest('task_not_in_matter', { task: v.task });
    if (pending.some((id) => !given.has(id)) || given.size !== input.verdicts.length) throw badRequest('inspection_incomplete');
    const verdicts = input.verdicts.map((v) => ({ task: v.task, verdict: v.verdict, note: v.note ?? '' }));
    await insertInspections(trx, matterId, input.accountId, verdicts, ctx.now);
    const contested = verdicts.some((v) => v.verdict === 'contested');
    return { stage: contested ? 'implementation' : 'completed', changes: { verdicts } };
  });
}
