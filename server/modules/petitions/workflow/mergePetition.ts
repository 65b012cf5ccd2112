/**
 * merge: the petition joins another case of the same unit ("into"); from then on the case's
 * answer is its answer. Each petitioner keeps their tracking code and access key, hears the
 * answer and may rate it. Petitions already merged into this one follow it into the case.
 */
import type { AppContext } from '../../../platform/context.ts';
import { badRequest, conflict, notFound } from '../../../platform/errors.ts';
import { canSee, protectedKinds } from '../petitions.policy.ts';
import { findPetition, mergedPetitions, moveMergedPetitions, noPendingAnswer, updateMergedInto, updatePetition, type PetitionChanges } from '../petitions.queries.ts';
import { tellResidents } from '../petitions.notify.ts';
import { actOnCase, auditPetition, recordEvent, recordStatusChange, unitOf, type CommandActor } from './shared.ts';
import type { PetitionStatus } from '../../../contract/domain.ts';

/** A case may take in petitions while it is open, and once answered (they get the answer at once). */
const mergeTargets: readonly PetitionStatus[] = ['received', 'transferred', 'accepted', 'assigned', 'in_progress', 'reopened', 'answered'];

export async function mergePetition(
  ctx: AppContext,
  actor: CommandActor,
  id: number,
  input: { into: number; reason?: string; version?: number },
): Promise<number> {
  if (input.into === id) throw badRequest('merge_into_self');
  return actOnCase(ctx, actor, id, 'merge', input.version, async (trx, p, now) => {
    const target = await findPetition(trx, input.into);
    if (!target || !canSee(actor, target)) throw notFound();
    if (!mergeTargets.includes(target.status)) throw conflict('merge_target_closed', { id: target.id, status: target.status });
    if (target.unit_id !== p.unit_id) throw badRequest('merge_target_unit', { id: target.id });
    // A case shows the petitioners of every petition merged into it, under the case's rules:
    // a denouncer merged into a plain case would be named to all who see it, and a conduct
    // report could reach the official it is about. Protected kinds merge only with their own.
    if (
      (protectedKinds.includes(p.kind) || protectedKinds.includes(target.kind)) &&
      (p.kind !== target.kind || p.reported_official_id !== target.reported_official_id)
    ) {
      throw badRequest('merge_protected_kind', { id: target.id });
    }

    const children = await mergedPetitions(trx, p.id);
    await moveMergedPetitions(trx, p.id, target.id, now);
    const answered = target.status === 'answered';
    const facts: PetitionChanges = {
      due_at: target.due_at,
      ...(answered
        ? {
            answered_at: now,
            last_answered_at: now,
            resolved: true,
            resolved_at: now,
            resolved_on_time: now.getTime() <= target.due_at.getTime(),
          }
        : {}),
    };
    // A merged petition shares the case's answer: a draft of its own is dropped.
    await updatePetition(trx, p, { ...facts, ...noPendingAnswer, status: 'merged', case_id: target.id, merged_at: now }, now);
    if (answered) await updateMergedInto(trx, target.id, facts, now);
    // The case changed too (it has more petitioners): its version moves, so a concurrent
    // action on it cannot miss this.
    await updatePetition(trx, target, {}, now);

    await recordStatusChange(trx, actor, p, now, {
      to: 'merged',
      event: { type: 'merged', reason: input.reason ?? null, data: { caseId: target.id, caseTrackingCode: target.tracking_code }, visibility: 'public' },
      audit: 'merge',
      auditChanges: { caseId: target.id },
    });
    await recordEvent(trx, target, actor, now, {
      type: 'merged_in',
      reason: input.reason ?? null,
      data: { petitionId: p.id, trackingCode: p.tracking_code, alsoMerged: children.map((c) => c.id) },
      visibility: 'internal',
    });
    await auditPetition(trx, actor, 'merge_in', target, { petitionId: p.id, alsoMerged: children.map((c) => c.id) }, now);

    if (answered && target.answer_text) {
      const unit = await unitOf(trx, target.unit_id);
      for (const pid of [p.id, ...children.map((c) => c.id)]) {
        await tellResidents(trx, pid, 'petition_answered', { unit: unit.name, answer: target.answer_text }, `merged${target.id}`, now);
      }
    }
  });
}
