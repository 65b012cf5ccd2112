/**
 * The staff view of one petition, the one loader every route that answers it uses: who may see
 * it, what is read (at most three statements: the petition, everything it shows, and the rules
 * that offer a review once it is answered), what is shown.
 */
import { reviewStages, type ReviewStage } from '../../../contract/domain.ts';
import type { Actor } from '../../../platform/access.ts';
import type { AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import { canSee } from '../petitions.policy.ts';
import { findPetition, type PetitionRow } from '../petitions.queries.ts';
import { pickPolicy, type PolicyPlace } from '../deadline-policies/petitions.deadlines.ts';
import { policiesFor } from '../deadline-policies/policies.queries.ts';
import { presentPetition } from './petitions.presenter.ts';
import { staffViewData } from './view.queries.ts';

/** The staff view of one petition, as this official may see it; 404 when they may not see it at all. */
export async function petitionView(ctx: AppContext, actor: Actor, id: number) {
  const p = await findPetition(ctx.db, id);
  if (!p || !canSee(actor, p)) throw notFound();
  return viewOf(ctx, actor, p);
}

/** The view of a petition already read and found visible to the actor (two statements more at most). */
export async function viewOf(ctx: AppContext, actor: Actor, p: PetitionRow) {
  const { names, unit, extras } = await staffViewData(ctx.db, p);
  const reviewSteps = await reviewStepsOf(ctx, p, unit);
  return presentPetition(actor, p, names, { ...extras, reviewSteps }, ctx.clock.now());
}

/** The review steps the rules at an answered petition's unit provide; none before an answer. */
async function reviewStepsOf(ctx: AppContext, p: PetitionRow, unit: PolicyPlace): Promise<ReviewStage[]> {
  if (p.status !== 'answered' && p.status !== 'closed') return [];
  const rules = pickPolicy(await policiesFor(ctx.db, p.kind, unit), unit, p.channel);
  if (!rules) return [];
  return reviewStages.filter((stage) => (stage === 'review' ? rules.review_days : rules.re_review_days) !== null);
}
