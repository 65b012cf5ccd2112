/**
 * What escalation and transfer share: the case goes to another unit (and perhaps one of its
 * agencies) under that unit's deadline policy, without a handler or leader, whom the receiving
 * unit picks; its dispatchers and leaders hear of it.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import type { Calendar } from '../../../platform/calendar.ts';
import { noPendingAnswer, officialsAtUnit, updateMergedInto, updatePetition, type PetitionChanges, type PetitionRow, type UnitRow } from '../petitions.queries.ts';
import { ackDue, resolutionDue, reviewDue } from '../deadline-policies/petitions.deadlines.ts';
import type { PetitionStatus, ReviewStage } from '../../../contract/domain.ts';
import { policyAt } from './shared.ts';
import { localDateTime } from '../../../platform/calendar.ts';
import { tellOfficials, tellResidents } from '../petitions.notify.ts';

export interface Move {
  to: UnitRow;
  agencyId: number | null;
  status: PetitionStatus;
  /** The counted facts of the move; petitions merged into the case get them too, with the new due time. */
  facts: PetitionChanges;
  /** A review or re-review: due within its own time limit rather than the resolution time. */
  review?: ReviewStage;
}

/** Moves the case and answers its new due times (computed from `now` at the receiving unit). */
export async function moveCase(
  trx: Kysely<DB>,
  cal: Calendar,
  p: PetitionRow,
  move: Move,
  now: Date,
): Promise<{ ackDueAt: Date; dueAt: Date }> {
  const policy = await policyAt(trx, p, move.to);
  const place = move.to;
  const ackDueAt = ackDue(cal, policy, now, p.urgent, place);
  const dueAt =
    (move.review && reviewDue(cal, policy, move.review, now, place)) || resolutionDue(cal, policy, now, p.urgent, place);
  const facts: PetitionChanges = { ...move.facts, due_at: dueAt };
  await updatePetition(trx, p, {
    ...facts,
    status: move.status,
    unit_id: move.to.id,
    unit_path: move.to.path,
    agency_id: move.agencyId,
    handler_id: null,
    leader_id: null,
    ack_due_at: ackDueAt,
    // the receiving unit writes its own answer
    ...noPendingAnswer,
  }, now);
  await updateMergedInto(trx, p.id, facts, now);
  return { ackDueAt, dueAt };
}

/**
 * Who at the receiving unit is told: its dispatchers and leaders, only leaders for a conduct
 * report, and never the official it reports.
 */
export async function receiversAt(trx: Kysely<DB>, p: PetitionRow, unitId: number): Promise<number[]> {
  const roles = p.kind === 'conduct_report' ? (['leader'] as const) : (['dispatcher', 'leader'] as const);
  return (await officialsAtUnit(trx, unitId, roles)).filter((x) => x !== p.reported_official_id);
}

/**
 * The notices of a case sent to the unit above (an escalation, a review, a re-review): the
 * receiving unit's routers and the residents hear where it went, why, and when it is due.
 */
export async function tellSentUp(
  trx: Kysely<DB>,
  p: PetitionRow,
  up: { from: UnitRow; to: UnitRow; reason: string; dueAt: Date; occasion: string },
  now: Date,
): Promise<void> {
  const dueAt = localDateTime(up.dueAt, up.to.time_zone);
  await tellOfficials(trx, await receiversAt(trx, p, up.to.id), 'petition_escalated_official', p.id, {
    trackingCode: p.tracking_code,
    kind: p.kind,
    unit: up.to.name,
    fromUnit: up.from.name,
    reason: up.reason,
    dueAt,
  }, up.occasion, now);
  await tellResidents(trx, p.id, 'petition_escalated', { unit: up.to.name, reason: up.reason, dueAt }, up.occasion, now);
}
