/**
 * The deadline sweep: every minute, in whichever server process claims the minute's job,
 * reminders go out before each open petition's due time, the overdue notice at it, and the
 * case escalates to the parent unit when its kind's policy says `auto_escalate`.
 *
 * Exactly once, with any number of processes: each petition is handled in its own short
 * transaction that locks the petition, checks it is still open with the same due time, and
 * claims (petition, stage, due time) in deadline_actions before acting; a second sweep on it
 * waits for the lock, then finds the claim (or a new due time) and does nothing. Notices carry
 * dedupe keys too. A new due time (an extension, an escalation, a reopening) is a new key, so
 * it gets its own reminders.
 */
import type { AppContext } from '../../platform/context.ts';
import { appendAudit } from '../../platform/audit.ts';
import { type JobDefinition, recurringJob } from '../../platform/jobs.ts';
import { notifyOfficials } from '../../platform/notify/notices.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import { escalatePetition, officialsAtUnit, pickPolicy, type DeadlinePolicy } from '../petitions/index.ts';
import { localDateTime } from '../../platform/calendar.ts';
import { parentRoles, recipients, routingRoles, stages, type StageName } from './deadlines.policy.ts';
import { escalationReason } from './deadlines.notify.ts';
import { openStatuses } from '../../contract/domain.ts';
import {
  advanceStage,
  allPolicies,
  claimAction,
  dueCandidates,
  dueExactlyAt,
  findUnit,
  lockPetition,
  recordOutcome,
  type Candidate,
  type SweepUnit,
} from './deadlines.queries.ts';

const sweepEveryMs = 60_000;
const sweepActor = { kind: 'system' as const, label: 'deadline-sweep' };
const attempts = 3;

export interface SweepResult {
  reminders: number;
  overdue: number;
  escalated: number;
  /** Petitions left for the next sweep after an error (logged). */
  failed: number;
}

type Outcome = 'acted' | 'escalated' | 'skipped';

/** What one sweep reads once: units, policies and the officials who route each unit's work. */
class Lookups {
  #units = new Map<number, SweepUnit | undefined>();
  #routers = new Map<string, number[]>();
  #policies: DeadlinePolicy[] | undefined;

  async unit(trx: Kysely<DB>, id: number): Promise<SweepUnit | undefined> {
    if (!this.#units.has(id)) this.#units.set(id, await findUnit(trx, id));
    return this.#units.get(id);
  }

  async routers(trx: Kysely<DB>, unitId: number, roles: Array<'dispatcher' | 'leader'>): Promise<number[]> {
    const key = `${unitId}:${roles.join(',')}`;
    let ids = this.#routers.get(key);
    if (!ids) this.#routers.set(key, (ids = await officialsAtUnit(trx, unitId, roles)));
    return ids;
  }

  async autoEscalates(trx: Kysely<DB>, p: Pick<DeadlinePolicy, 'kind' | 'channel'>, unit: SweepUnit): Promise<boolean> {
    this.#policies ??= await allPolicies(trx);
    return pickPolicy(this.#policies.filter((x) => x.kind === p.kind), unit, p.channel)?.auto_escalate ?? false;
  }
}

/** One stage for one petition, in its own transaction. */
async function handle(ctx: AppContext, c: Candidate, now: Date, lookups: Lookups): Promise<Outcome> {
  return ctx.db.transaction().execute(async (trx) => {
    const p = await lockPetition(trx, c.id);
    // Answered, closed or given a new due time since it was read: this due time is moot.
    if (!p || !openStatuses.includes(p.status) || p.due_at.getTime() !== c.due_at.getTime()) return 'skipped';
    if (!(await claimAction(trx, p.id, c.stage, p.due_at, now))) return 'skipped';

    const unit = await lookups.unit(trx, p.unit_id);
    if (!unit) throw new Error(`unit ${p.unit_id} of petition ${p.id} is gone`);
    const parent = unit.parent_id !== null ? await lookups.unit(trx, unit.parent_id) : undefined;
    const overdue = c.stage === 'overdue';
    const escalating = overdue && parent !== undefined && (await lookups.autoEscalates(trx, p, unit));
    const assigned = p.handler_id !== null || p.leader_id !== null;
    const people = {
      unitRouters: assigned ? [] : await lookups.routers(trx, unit.id, routingRoles(p.kind)),
      parentRouters: overdue && parent && !escalating ? await lookups.routers(trx, parent.id, parentRoles(p.kind)) : [],
    };
    const to = recipients(p, c.stage, people, escalating);
    const dueAt = localDateTime(p.due_at, unit.time_zone);
    const notified = await notifyOfficials(trx, to, {
      template: overdue ? 'petition_overdue_official' : 'petition_due_reminder',
      params: {
        trackingCode: p.tracking_code,
        kind: p.kind,
        unit: unit.name,
        dueAt,
        ...(overdue ? {} : { hoursLeft: Math.max(1, Math.round((p.due_at.getTime() - now.getTime()) / 3_600_000)) }),
      },
      subject: { type: 'petition', id: p.id },
      dedupeKey: `${c.stage}:${p.id}:${p.due_at.toISOString()}`,
      at: now,
    });
    if (!overdue) {
      await recordOutcome(trx, p.id, c.stage, p.due_at, { notified, escalatedTo: null });
      return 'acted';
    }
    await appendAudit(trx, {
      actor: sweepActor,
      action: 'petition.overdue',
      subjectType: 'petition',
      subjectId: p.id,
      unitId: unit.id,
      changes: { status: p.status, dueAt: p.due_at, notified: to.length, autoEscalate: escalating },
      at: now,
    });
    if (escalating) {
      // The petitions module's own command, inside this transaction: the case moves up with
      // its timeline event, audit event and the notices to the parent unit and the residents.
      await escalatePetition({ ...ctx, db: trx }, sweepActor, p.id, { reason: escalationReason(unit.country), cause: 'deadline_missed' });
    }
    await recordOutcome(trx, p.id, c.stage, p.due_at, { notified, escalatedTo: escalating ? parent!.id : null });
    return escalating ? 'escalated' : 'acted';
  });
}

async function handleWithRetries(ctx: AppContext, c: Candidate, now: Date, lookups: Lookups): Promise<Outcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await handle(ctx, c, now, lookups);
    } catch (e) {
      // A deadlock or a concurrent change of the same petition: the next try sees it committed.
      if (attempt >= attempts) throw e;
    }
  }
}

/**
 * One sweep at `ctx.clock.now()`. Safe to run in several processes at once and to repeat.
 * Returns what this sweep did (another sweep running at the same time did the rest).
 */
export async function sweepDeadlines(
  ctx: AppContext,
  opts: { batch?: number; shouldContinue?: () => boolean } = {},
): Promise<SweepResult> {
  const batch = opts.batch ?? 500;
  const result: SweepResult = { reminders: 0, overdue: 0, escalated: 0, failed: 0 };
  const now = ctx.clock.now();
  const lookups = new Lookups();
  for (let round = 0; round < 1000 && (opts.shouldContinue?.() ?? true); round++) {
    const found = await dueCandidates(ctx.db, now, batch);
    if (found.length === 0) break;
    let more = false;
    for (const stage of stages) {
      const list = found.filter((c) => c.stage === stage.name).sort((a, b) => a.due_at.getTime() - b.due_at.getTime() || a.id - b.id);
      if (list.length === 0) continue;
      const full = list.length >= batch;
      if (full) {
        // The batch may end inside a run of equal due times: take the whole run, so that the
        // stage can be marked done up to it.
        const last = list[list.length - 1].due_at;
        const seen = new Set(list.map((c) => c.id));
        for (const id of await dueExactlyAt(ctx.db, last)) if (!seen.has(id)) list.push({ stage: stage.name, id, due_at: last });
      }
      const doneUntil = await runStage(ctx, stage.name, list, now, lookups, result);
      if (doneUntil) await advanceStage(ctx.db, stage.name, doneUntil);
      // Another round only for a full batch handled to its end (a failure waits for the next sweep).
      if (full && doneUntil?.getTime() === list[list.length - 1].due_at.getTime()) more = true;
    }
    if (!more) break;
  }
  return result;
}

/**
 * Handles a stage's petitions in due order; answers the due time up to which every one
 * succeeded (null if the first failed), so that a failure is tried again next minute.
 */
async function runStage(
  ctx: AppContext,
  stage: StageName,
  list: Candidate[],
  now: Date,
  lookups: Lookups,
  result: SweepResult,
): Promise<Date | null> {
  let firstFailure: Date | undefined;
  for (const c of list) {
    try {
      const outcome = await handleWithRetries(ctx, c, now, lookups);
      if (outcome === 'skipped') continue;
      if (stage === 'overdue') result.overdue++;
      else result.reminders++;
      if (outcome === 'escalated') result.escalated++;
    } catch (e) {
      result.failed++;
      firstFailure ??= c.due_at;
      ctx.log.error({ err: e, petition: c.id, stage }, 'deadline sweep: petition left for the next sweep');
    }
  }
  if (firstFailure === undefined) return list[list.length - 1].due_at;
  const before = list.filter((c) => c.due_at < firstFailure);
  return before.length ? before[before.length - 1].due_at : null;
}

const sweepJob = recurringJob('deadlines.sweep', sweepEveryMs, async (ctx) => {
  const result = await sweepDeadlines(ctx);
  if (result.reminders || result.overdue || result.failed) ctx.log.info(result, 'deadline sweep');
}, { leaseMs: 10 * 60_000 });

/** The module's background work, registered by the app with the module. */
export const deadlineJobs: JobDefinition[] = [sweepJob];
