import { insertTask } from '../deliberation.queries.ts';
import { matterStep, type StepContext } from './matterStep.ts';

/** A task of a passed resolution's implementation: what, who answers for it, by when. */
export async function addTask(ctx: StepContext, matterId: number, input: { title: string; owner: string; dueOn: string }): Promise<number> {
  return (await matterStep(ctx, matterId, 'add_task', async (trx) => {
    const id = await insertTask(trx, { matterId, ...input }, ctx.now);
    return { changes: { task: id, ...input }, result: id };
  }))!;
}
