import { matterStep, type StepContext } from './matterStep.ts';

/** evaluation → review: the comment period ends and the commune reviews legality and feasibility. */
export async function submitForReview(ctx: StepContext, matterId: number): Promise<void> {
  await matterStep(ctx, matterId, 'submit_for_review', async () => ({ stage: 'review', changes: {} }));
}
