import { badRequest } from '../../../platform/errors.ts';
import type { ReviewOutcome } from '../../../contract/domain.ts';
import { matterStep, type StepContext } from './matterStep.ts';

const next: Record<ReviewOutcome, string> = { approved: 'resolution', returned: 'proposal', rejected: 'rejected' };

/**
 * review → resolution when approved; back to proposal for revision when returned; rejected
 * otherwise. A return or a rejection says why.
 */
export async function reviewMatter(ctx: StepContext, matterId: number, input: { outcome: ReviewOutcome; reason?: string }): Promise<void> {
  if (input.outcome !== 'approved' && !input.reason?.trim()) throw badRequest('review_reason_required');
  await matterStep(ctx, matterId, 'review', async () => ({
    stage: next[input.outcome],
    extra: { reviewOutcome: input.outcome, reviewReason: input.reason?.trim() ?? null, revise: input.outcome === 'returned' },
    changes: { outcome: input.outcome, reason: input.reason ?? null },
  }));
}
