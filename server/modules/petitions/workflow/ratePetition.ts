/**
 * A petitioner rates the answer with the access key given at intake (or signed in as the
 * resident who submitted it). An unsatisfied petitioner may send the case back once, within
 * the policy's number of days after the answer.
 */
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../platform/access.ts';
import { loadCalendar } from '../../../platform/calendar.ts';
import { AppError, badRequest, conflict, notFound } from '../../../platform/errors.ts';
import { normaliseTrackingCode } from '../intake/petitions.codes.ts';
import { keyHolder } from '../tracking/petitions.keys.ts';
import { findPetition, findPetitionByCode, insertRating, petitionersOf, updatePetition } from '../petitions.queries.ts';
import { auditPetition, policyAt, recordEvent, unitOf } from './shared.ts';
import { inTransaction } from '../../../platform/db.ts';
import { reopenCase } from './reopenPetition.ts';
import type { RatingScore } from '../../../contract/domain.ts';

export interface RatingInput {
  accessKey?: string;
  score: RatingScore;
  reasons?: string[];
  comment?: string;
  reopen?: boolean;
}

/** A rating may send a case back only while it was reopened fewer times than this (by anyone). */
const reopensByRating = 1;

export async function ratePetition(ctx: AppContext, actor: Actor, trackingCode: string, input: RatingInput): Promise<string> {
  if (input.reopen && input.score !== 'unsatisfied') throw badRequest('reopen_needs_unsatisfied');
  const code = normaliseTrackingCode(trackingCode);
  if (!code) throw notFound();
  const now = ctx.clock.now();
  const cal = await loadCalendar(ctx.db);
  // The key is checked before the transaction, so that a wrong one stays counted.
  let holderId: number | undefined;
  if (input.accessKey !== undefined) {
    const found = await findPetitionByCode(ctx.db, code);
    if (!found) throw notFound();
    holderId = (await keyHolder(ctx.db, found.id, input.accessKey, now)).id;
  }
  return inTransaction(ctx.db, async (trx) => {
    const p = await findPetitionByCode(trx, code);
    if (!p) throw notFound();
    const petitioners = await petitionersOf(trx, p.id);
    const petitioner = petitioners.find((pe) =>
      holderId !== undefined ? pe.id === holderId : actor.kind === 'resident' && pe.resident_account_id === actor.id,
    );
    if (!petitioner) throw new AppError(403, 'invalid_access_key');

    const kase = p.case_id !== null ? await findPetition(trx, p.case_id) : p;
    if (!kase) throw notFound();
    if (kase.status !== 'answered' && kase.status !== 'closed') throw conflict('not_answered_yet');

    if (input.reopen) {
      if (kase.reopen_count >= reopensByRating) throw conflict('reopen_used');
      const policy = await policyAt(trx, kase, await unitOf(trx, kase.unit_id));
      const answeredAt = p.last_answered_at ?? kase.last_answered_at!;
      const until = new Date(answeredAt.getTime() + policy.reopen_days * 86_400_000);
      if (now.getTime() > until.getTime()) throw conflict('reopen_window_closed', { days: policy.reopen_days, until: until.toISOString() });
    }

    const inserted = await insertRating(trx, {
      petition_id: p.id,
      case_id: kase.id,
      petitioner_id: petitioner.id,
      answer_number: kase.answer_count,
      score: input.score,
      reasons: input.reasons ?? [],
      comment: input.comment ?? null,
      reopen: !!input.reopen,
      created_at: now,
    });
    if (!inserted) throw conflict('already_rated');

    const rated = { rating: input.score, rated_at: now };
    if (input.reopen && kase.id === p.id) {
      await reopenCase(trx, actor, kase, { reason: input.comment ?? 'unsatisfied', now, cal, byRating: true, extra: rated });
    } else {
      await updatePetition(trx, p, rated, now);
      if (input.reopen) await reopenCase(trx, actor, kase, { reason: input.comment ?? 'unsatisfied', now, cal, byRating: true });
    }
    await recordEvent(trx, p, actor, now, { type: 'rated', data: { score: input.score, answerNumber: kase.answer_count }, visibility: 'public' });
    await auditPetition(trx, actor, 'rate', p, { score: input.score, reopen: !!input.reopen, caseId: kase.id }, now);
    return p.tracking_code;
  });
}
