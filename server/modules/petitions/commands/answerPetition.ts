/** answer: in progress → answered by the handler or leader; received → answered on the spot. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import type { AppContext } from '../../../platform/context.ts';
import { updatePetition, type PetitionChanges, type PetitionRow, type UnitRow } from '../petitions.queries.ts';
import { tellResidents } from '../petitions.notify.ts';
import {
  auditPetition,
  firstTime,
  followCase,
  inTransaction,
  increment,
  loadForAction,
  recordEvent,
  unitOf,
  type CommandActor,
} from './shared.ts';

export interface AnswerInput {
  text: string;
  publish?: boolean;
  version?: number;
}

export async function answerPetition(ctx: AppContext, actor: CommandActor, id: number, input: AnswerInput): Promise<number> {
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const p = await loadForAction(trx, actor, id, 'answer', input.version);
    const unit = await unitOf(trx, p.unit_id);
    await writeAnswer(trx, actor, p, { text: input.text, publish: !!input.publish, onTheSpot: p.status === 'received', now, unit });
    return p.id;
  });
}

/** Writes an answer to a case and to every petition merged into it; used by intake too. */
export async function writeAnswer(
  trx: Kysely<DB>,
  actor: CommandActor,
  p: PetitionRow,
  a: { text: string; publish: boolean; onTheSpot: boolean; now: Date; unit: UnitRow },
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
      answered_by: actor.kind === 'official' ? actor.id : null,
      answer_count: increment('answer_count'),
      ...(a.onTheSpot ? { answered_on_the_spot: true } : {}),
    },
    now,
  );
  await followCase(trx, p.id, facts, now);
  await recordEvent(trx, p, actor, now, {
    type: 'answered',
    from_status: p.status,
    to_status: 'answered',
    text: a.text,
    data: { publish: a.publish, onTheSpot: a.onTheSpot },
    visibility: 'public',
  });
  await auditPetition(trx, actor, 'answer', p, {
    from: p.status,
    to: 'answered',
    onTheSpot: a.onTheSpot,
    publish: a.publish,
    onTime,
    answerNumber: p.answer_count + 1,
  }, now);
  await tellResidents(trx, p.id, 'petition_answered', { unit: a.unit.name, answer: a.text }, `answer${p.answer_count + 1}`, now);
}
