/**
 * answer: in progress → answered by the handler or leader; received → answered on the spot.
 * Where the unit requires it (answer_approval_units), a handler's answer is held for the
 * responsible leader's approval instead: the case stays in progress, the leader is told, and the
 * resident hears nothing until approveAnswer sends it.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import type { AppContext } from '../../../platform/context.ts';
import { approvalSetAt, noPendingAnswer, updateMergedInto, updatePetition, type PetitionChanges, type PetitionRow, type UnitRow } from '../petitions.queries.ts';
import { leads } from '../petitions.policy.ts';
import { tellOfficials, tellResidents } from '../petitions.notify.ts';
import { actOnCase, auditPetition, firstTime, increment, leadersOf, recordEvent, recordStatusChange, unitOf, type CommandActor } from './shared.ts';

interface AnswerInput {
  text: string;
  publish?: boolean;
  version?: number;
}

export async function answerPetition(ctx: AppContext, actor: CommandActor, id: number, input: AnswerInput): Promise<number> {
  return actOnCase(ctx, actor, id, 'answer', input.version, async (trx, p, now) => {
    const unit = await unitOf(trx, p.unit_id);
    const onTheSpot = p.status === 'received';
    // An answer on the spot has no leader yet; a leader's own answer is already approved.
    if (!onTheSpot && !leads(actor, p) && (await approvalSetAt(trx, p.unit_path))) {
      await holdAnswer(trx, actor, p, unit, { text: input.text, publish: !!input.publish, now });
      return;
    }
    await writeAnswer(trx, actor, p, { text: input.text, publish: !!input.publish, onTheSpot, now, unit });
  });
}

async function holdAnswer(
  trx: Kysely<DB>,
  actor: CommandActor,
  p: PetitionRow,
  unit: UnitRow,
  a: { text: string; publish: boolean; now: Date },
): Promise<void> {
  await updatePetition(
    trx,
    p,
    {
      pending_answer_text: a.text,
      pending_answer_publish: a.publish,
      pending_answer_by: actor.kind === 'official' ? actor.id : null,
      pending_answer_at: a.now,
    },
    a.now,
  );
  await recordEvent(trx, p, actor, a.now, {
    type: 'answer_submitted',
    from_status: p.status,
    to_status: p.status,
    text: a.text,
    data: { publish: a.publish },
    visibility: 'internal',
  });
  await auditPetition(trx, actor, 'submit_answer', p, { status: p.status, publish: a.publish }, a.now);
  const params = { trackingCode: p.tracking_code, kind: p.kind, unit: unit.name };
  await tellOfficials(trx, await leadersOf(trx, p), 'petition_answer_to_approve', p.id, params, `v${p.version + 1}`, a.now);
}

/** Writes an answer to a case and to every petition merged into it; used by intake and approval too. */
export async function writeAnswer(
  trx: Kysely<DB>,
  actor: CommandActor,
  p: PetitionRow,
  a: { text: string; publish: boolean; onTheSpot: boolean; now: Date; unit: UnitRow; by?: number | null; approvedBy?: number },
): Promise<void> {
  const { now } = a;
  const onTime = now.getTime() <= p.due_at.getTime();
  // What the figures count; an answer on the spot also counts as accepted.
  const facts: PetitionChanges = {
    answered_at: firstTime('answered_at', now),
    last_answered_at: now,
    resolved: true,
    resolved_at: now,
    resolved_on_time: onTime,
    ...(a.onTheSpot ? { accepted_at: firstTime('accepted_at', now) } : {}),
  };
  await updatePetition(
    trx,
    p,
    {
      ...facts,
      status: 'answered',
      answer_text: a.text,
      answer_publish: a.publish,
      answered_by: a.by !== undefined ? a.by : actor.kind === 'official' ? actor.id : null,
      answer_count: increment('answer_count'),
      ...(a.onTheSpot ? { answered_on_the_spot: true } : {}),
      ...noPendingAnswer,
    },
    now,
  );
  await updateMergedInto(trx, p.id, facts, now);
  const approval = a.approvedBy !== undefined ? { approvedBy: a.approvedBy, writtenBy: a.by ?? null } : {};
  await recordStatusChange(trx, actor, p, now, {
    to: 'answered',
    event: { type: 'answered', text: a.text, data: { publish: a.publish, onTheSpot: a.onTheSpot, ...approval }, visibility: 'public' },
    audit: 'answer',
    auditChanges: { onTheSpot: a.onTheSpot, publish: a.publish, onTime, answerNumber: p.answer_count + 1, ...approval },
  });
  await tellResidents(trx, p.id, 'petition_answered', { unit: a.unit.name, answer: a.text }, `answer${p.answer_count + 1}`, now);
}
