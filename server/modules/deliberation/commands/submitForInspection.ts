import { conflict } from '../../../platform/errors.ts';
import { matterTasks } from '../deliberation.queries.ts';
import { matterStep, type StepContext } from './matterStep.ts';

/** implementation → inspection, once every task is done: the residents inspect the work. */
export async function submitForInspection(ctx: StepContext, matterId: number): Promise<void> {
  await matterStep(ctx, matterId, 'submit_for_inspection', async (trx) => {
    const tasks = await matterTasks(trx, matterId, true);
    const open = tasks.filter((t) => t.status !== 'done' && t.status !== 'accepted').length;
    if (tasks.length === 0 || open > 0) throw conflict('tasks_not_done', { open: tasks.length === 0 ? 1 : open });
    return { stage: 'inspection', changes: { tasks: tasks.map((t) => Number(t.id)) } };
  });
}
