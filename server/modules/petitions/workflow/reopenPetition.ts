/**
 * reopen: answered | closed → reopened. By a leader, or by an unsatisfied resident's rating
 * (ratePetition). The case is unresolved again and gets a new resolution time.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import type { AppContext } from '../../../platform/context.ts';
import { loadCalendar, localDateTime, type Calendar } from '../../../platform/calendar.ts';
import { updateMergedInto, updatePetition, type PetitionChanges, type PetitionRow } from '../petitions.queries.ts';
import { resolutionDue } from '../deadline-policies/petitions.deadlines.ts';
import { tellOfficials } from '../petitions.notify.ts';
import { actOnCase, increment, policyAt, recordStatusChange, unitOf, type CommandActor } from './shared.ts';

export async function reopenPetition(
  ctx: AppContext,
  actor: CommandActor,
  id: number,
  input: { reason: string; version?: number },
): Promise<number> {
  const cal = await loadCalendar(ctx.db);
  return actOnCase(ctx, actor, id, 'reopen', input.version, async (trx, p, now) => {
    await reopenCase(trx, actor, p, { reason: input.reason, now, cal, byRating: false });
  });
}

/** Reopens a case (and what is merged into it); `extra` joins other changes of the same row. */
export async function reopenCase(
  trx: Kysely<DB>,
  actor: CommandActor,
  p: PetitionRow,
  r: { reason: string; now: Date; cal: Calendar; byRating: boolean; extra?: PetitionChanges },
): Promise<void> {
  const { now } = r;
  const unit = await unitOf(trx, p.unit_id);
  const policy = await policyAt(trx, p, unit);
  const dueAt = resolutionDue(r.cal, policy, now, p.urgent, unit);
  const facts: PetitionChanges = {
    resolved: false,
    resolved_at: null,
    resolved_on_time: null,
    closed_at: null,
    reopened_at: now,
    reopen_count: increment('reopen_count'),
    due_at: dueAt,
  };
  await updatePetition(trx, p, { ...r.extra, ...facts, status: 'reopened' }, now);
  await updateMergedInto(trx, p.id, facts, now);
  await recordStatusChange(trx, actor, p, now, {
    to: 'reopened',
    event: { type: 'reopened', reason: r.reason, data: { byRating: r.byRating }, visibility: 'public' },
    audit: 'reopen',
    auditChanges: { dueAt, byRating: r.byRating },
  });
  const people = [p.handler_id, p.leader_id].filter((x): x is number => x !== null);
  await tellOfficials(trx, people, 'petition_reopened_official', p.id, {
    trackingCode: p.tracking_code,
    kind: p.kind,
    unit: unit.name,
    reason: r.reason,
    dueAt: localDateTime(dueAt, unit.time_zone),
  }, `reopen${p.reopen_count + 1}`, now);
}
