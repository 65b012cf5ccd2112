import { badRequest, conflict } from '../../../platform/errors.ts';
import { insertProgress, matterTasks } from '../deliberation.queries.ts';
import { matterStep, type StepContext } from './matterStep.ts';

/** Progress of a task: how far (100 = done), money spent, photos. A contested task is worked on again. */
export async function reportProgress(
  ctx: StepContext,
  matterId: number,
  input: { task: number; progress: number; spent: number; photos: string[]; note: string; reportedOn: string },
): Promise<void> {
  await matterStep(ctx, matterId, 'report_progress', async (trx) => {
    const task = (await matterTasks(trx, matterId, true)).find((t) => Number(t.id) === input.task);
    if (!task) throw badRequest('task_not_in_matter', { task: input.task });
    if (task.status === 'done' || task.status === 'accepted') throw conflict('task_closed', { task: input.task, status: task.status });
    await insertProgress(trx, { taskId: input.task, ...input }, ctx.now);
    return { changes: { ...input } };
  });
}
