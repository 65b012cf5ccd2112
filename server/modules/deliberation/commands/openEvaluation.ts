import { getCouncil } from '../deliberation.queries.ts';
import { matterStep, type StepContext } from './matterStep.ts';

/** proposal → evaluation: the comment period opens for the council's number of days. */
export async function openEvaluation(ctx: StepContext, matterId: number): Promise<void> {
  await matterStep(ctx, matterId, 'open_evaluation', async (trx, matter) => {
    const council = await getCouncil(trx, matter.council_id);
    const closes = new Date(ctx.now.getTime() + (council?.comment_days ?? 7) * 86_400_000);
    return { stage: 'evaluation', extra: { commentsCloseAt: closes }, changes: { commentsCloseAt: closes.toISOString() } };
  });
}
