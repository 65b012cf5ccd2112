/** What every petition command does the same way: load and authorize, record, audit. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { appendAudit, type AuditInput } from '../../../platform/audit.ts';
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import type { Locale } from '../../../platform/i18n.ts';
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db.ts';
import { decide, protectedKinds, recordingActions, type CommandActor } from '../petitions.policy.ts';
import { anonymous } from '../../../platform/access.ts';
import { findPetition, findPetitionLocked, findUnitById, insertEvent, officialsAtUnit, reportedReach, type EventInput, type PetitionRow, type UnitRow } from '../petitions.queries.ts';
import { policiesFor } from '../deadline-policies/policies.queries.ts';
import { pickPolicy, type DeadlinePolicy } from '../deadline-policies/petitions.deadlines.ts';
import type { ActionType, PetitionKind, PetitionStatus } from '../../../contract/domain.ts';

export type { CommandActor } from '../petitions.policy.ts';

export function actorFields(actor: CommandActor): { actor_id: number | null; actor_label: string } {
  switch (actor.kind) {
    case 'official':
      return { actor_id: actor.id, actor_label: 'official' };
    // A resident's account is not named in the timeline: officials who may not know who
    // denounced must not learn it from the history.
    case 'resident':
      return { actor_id: null, actor_label: 'resident' };
    case 'anonymous':
      return { actor_id: null, actor_label: 'anonymous' };
    case 'system':
      return { actor_id: null, actor_label: `system:${actor.label}` };
  }
}

/**
 * The petition, if the actor may take this action on it now: 404 when they may not see it
 * (403 outside their units), 403 when their roles do not allow it, 409 when its state does
 * not, 409 when the caller's version is out of date. A recording action (a note) takes the
 * row lock and no version: it changes nothing another caller could have relied on.
 */
export async function loadForAction(
  trx: Kysely<DB>,
  actor: CommandActor,
  id: number,
  type: ActionType,
  version?: number,
): Promise<PetitionRow> {
  const recording = recordingActions.includes(type);
  const p = recording ? await findPetitionLocked(trx, id) : await findPetition(trx, id);
  if (!p) throw notFound();
  const decision = decide(actor, p, type, await reportedReach(trx, p));
  if (!decision.ok) throw new AppError(decision.status, decision.code, decision.params ?? {});
  if (!recording && version !== undefined && version !== p.version) throw conflict('version_conflict');
  return p;
}

/**
 * One action on one case, in one transaction: the case loaded and checked (loadForAction), then
 * the action's own step; answers the case's id.
 */
export function actOnCase(
  ctx: AppContext,
  actor: CommandActor,
  id: number,
  type: ActionType,
  version: number | undefined,
  step: (trx: Kysely<DB>, p: PetitionRow, now: Date) => Promise<void>,
): Promise<number> {
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const p = await loadForAction(trx, actor, id, type, version);
    await step(trx, p, now);
    return p.id;
  });
}

export async function unitOf(trx: Kysely<DB>, unitId: number): Promise<UnitRow> {
  const unit = await findUnitById(trx, unitId);
  if (!unit) throw new Error(`unit ${unitId} is gone`);
  return unit;
}

/** The deadline policy of a petition's kind and channel in force at a unit. */
export async function policyAt(trx: Kysely<DB>, p: Pick<PetitionRow, 'kind' | 'channel'>, unit: UnitRow): Promise<DeadlinePolicy> {
  const policy = pickPolicy(await policiesFor(trx, p.kind, unit), unit, p.channel);
  if (!policy) throw new Error(`no deadline policy for ${p.kind}`);
  return policy;
}

export async function recordEvent(
  trx: Kysely<DB>,
  p: Pick<PetitionRow, 'id' | 'unit_id'>,
  actor: CommandActor,
  at: Date,
  e: Omit<EventInput, 'petition_id' | 'at' | 'actor_id' | 'actor_label'>,
): Promise<void> {
  await insertEvent(trx, { petition_id: p.id, at, unit_id: e.unit_id ?? p.unit_id, ...actorFields(actor), ...e });
}

/** What a change of status records besides the row: its timeline event and its audit event. */
export interface StatusChange {
  to: PetitionStatus;
  /** The timeline event; `unit_id` when the case moved to another unit. */
  event: Omit<EventInput, 'petition_id' | 'at' | 'actor_id' | 'actor_label' | 'from_status' | 'to_status'>;
  /** The audit action, and what its changes add to the two statuses. */
  audit: string;
  auditChanges?: Record<string, unknown>;
}

/**
 * The timeline and audit events of a change of status, both naming the status before and after;
 * the audit event is filed at the unit the case is at afterwards.
 */
export async function recordStatusChange(trx: Kysely<DB>, actor: CommandActor, p: PetitionRow, now: Date, c: StatusChange): Promise<void> {
  await recordEvent(trx, p, actor, now, { ...c.event, from_status: p.status, to_status: c.to });
  const filedAt = { id: p.id, unit_id: c.event.unit_id ?? p.unit_id, kind: p.kind };
  await auditPetition(trx, actor, c.audit, filedAt, { from: p.status, to: c.to, ...c.auditChanges }, now);
}

/**
 * The audit event of a command. Never personal data: ids, statuses and times. A resident who
 * denounces or reports an official is recorded as anonymous: the audit trail is read by
 * auditors, who must not learn who denounced.
 */
export async function auditPetition(
  trx: Kysely<DB>,
  actor: CommandActor,
  action: string,
  p: Pick<PetitionRow, 'id' | 'unit_id'> & { kind?: PetitionKind },
  changes: Record<string, unknown>,
  at: Date,
): Promise<void> {
  await appendAudit(trx, petitionAudit(actor, action, p, changes, at));
}

export function petitionAudit(
  actor: CommandActor,
  action: string,
  p: Pick<PetitionRow, 'id' | 'unit_id'> & { kind?: PetitionKind },
  changes: Record<string, unknown>,
  at: Date,
): AuditInput {
  const who = actor.kind === 'resident' && p.kind && protectedKinds.includes(p.kind) ? anonymous : actor;
  return { actor: who, action: `petition.${action}`, subjectType: 'petition', subjectId: p.id, unitId: p.unit_id, changes, at };
}

/** A first-time fact keeps its first value: `coalesce(column, now)`. */
export function firstTime(column: 'answered_at' | 'accepted_at' | 'escalated_at' | 'transferred_at', at: Date) {
  return sql<Date>`coalesce(${sql.ref(column)}, ${at})`;
}

export function increment(column: 'escalation_count' | 'transfer_count' | 'extension_count' | 'reopen_count' | 'answer_count') {
  return sql<number>`${sql.ref(column)} + 1`;
}

/** The language a resident is written to in: theirs when we speak it, else the unit's country's. */
export function localeFor(language: string | null | undefined, country: string): Locale {
  const primary = language?.split('-')[0]?.toLowerCase();
  if (primary === 'vi' || primary === 'zh' || primary === 'en') return primary;
  if (country === 'VN') return 'vi';
  if (country === 'CN' || country === 'TW' || country === 'HK' || country === 'MO') return 'zh';
  return 'en';
}

/** Who approves a case's answers: its responsible leader, or the unit's leaders when none is named. */
export async function leadersOf(trx: Kysely<DB>, p: PetitionRow): Promise<number[]> {
  if (p.leader_id !== null) return [p.leader_id];
  return (await officialsAtUnit(trx, p.unit_id, ['leader'])).filter((id) => id !== p.reported_official_id);
}
