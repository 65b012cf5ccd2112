/** The staff view of one petition: who may see it, what is read, what is shown. */
import { type ReviewStage, reviewStages } from '../../../contract/domain.ts';
import type { Actor } from '../../../platform/access.ts';
import type { AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import { attachmentsOf } from '../attachments/attachments.queries.ts';
import { canSee } from '../petitions.policy.ts';
import { type PetitionRow, accountNames, agencyNames, eventsOf, findPetition, findUnitById, mergedPetitions, namesFor, petitionersOfCase, reportedReach } from '../petitions.queries.ts';
import { presentPetition } from './petitions.presenter.ts';
import { policyAt } from '../workflow/shared.ts';

/** The staff view of one petition, as this official may see it; 404 when they may not see it at all. */
export async function petitionView(ctx: AppContext, actor: Actor, id: number) {
  const p = await findPetition(ctx.db, id);
  if (!p || !canSee(actor, p)) throw notFound();
  return viewOf(ctx, actor, p);
}

export async function viewOf(ctx: AppContext, actor: Actor, p: PetitionRow) {
  const [names, petitioners, events, attachments, merged] = [
    await namesFor(ctx.db, p),
    await petitionersOfCase(ctx.db, p.id),
    await eventsOf(ctx.db, p.id),
    await attachmentsOf(ctx.db, p.id),
    await mergedPetitions(ctx.db, p.id),
  ];
  // Who the case was given to and which agency it went to, named in the history.
  const ids = (key: string) => events.map((e) => (typeof e.data[key] === 'number' ? (e.data[key] as number) : null));
  const eventPeople = await accountNames(ctx.db, [...ids('handlerId'), ...ids('leaderId')]);
  const eventAgencies = await agencyNames(ctx.db, ids('agencyId'));
  const reviewSteps = await reviewStepsOf(ctx, p);
  const reported = await reportedReach(ctx.db, p);
  return presentPetition(actor, p, names, { petitioners, events, attachments, merged, eventPeople, eventAgencies, reviewSteps, reported }, ctx.clock.now());
}

/** The review steps the rules at an answered petition's unit provide; none before an answer. */
async function reviewStepsOf(ctx: AppContext, p: PetitionRow): Promise<ReviewStage[]> {
  if (p.status !== 'answered' && p.status !== 'closed') return [];
  const unit = await findUnitById(ctx.db, p.unit_id);
  if (!unit) return [];
  const rules = await policyAt(ctx.db, p, unit);
  return reviewStages.filter((stage) => (stage === 'review' ? rules.review_days : rules.re_review_days) !== null);
}
