/**
 * Background jobs without a queue server: rows in the `jobs` table, polled by every server
 * process and leased with FOR UPDATE SKIP LOCKED, so several processes on one PostgreSQL
 * share the work and each job is claimed by one process at a time.
 *
 * Handlers MUST be idempotent. A job runs at least once, not exactly once: a process that
 * dies (or stalls past its lease) in the middle of a job leaves the lease to expire, and
 * another process runs the job again from the start. Check the state you are about to change
 * (is the petition still overdue? was the reminder already recorded?) inside the handler's own
 * transaction, and use dedupe keys for the notifications it sends.
 *
 * Every claim, finish and retry is one short statement: PGlite has one connection, and a
 * transaction held open while a handler works would stall every request.
 */
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { AppContext } from './context.ts';
import { deliverDueNotifications, closeTransports } from './notify/delivery.ts';

export interface Job<P = unknown> {
  id: number;
  kind: string;
  key: string | null;
  payload: P;
  /** 1 on the first run, 2 on the first retry … */
  attempt: number;
  maxAttempts: number;
  /** When it was due. */
  runAt: Date;
}

type JobHandler<P = unknown> = (ctx: AppContext, job: Job<P>) => Promise<void>;

interface JobHandlerOptions {
  /** How long a claim holds before another process may take the job over (default 5 min). */
  leaseMs?: number;
  /** The wait before the next retry, given the number of failures so far (1 after the first). */
  backoffMs?: (failures: number) => number;
}

interface NewJob {
  kind: string;
  /** Must survive JSON. */
  payload: unknown;
  runAt: Date;
  /**
   * Idempotent scheduling: a second enqueue with a key that exists (pending, running or done)
   * is a no-op. Put what makes the job unique in it, e.g. `remind:petition:42:2026-03-10T10:00Z`,
   * so that a new due time schedules a new reminder.
   */
  key?: string;
  /** Runs before the job is marked failed (default 10). */
  maxAttempts?: number;
}

interface JobPassResult {
  /** Jobs whose handler returned. */
  succeeded: number;
  /** Jobs whose handler threw (retried later or marked failed). */
  failed: number;
}

interface Registered {
  handler: JobHandler<unknown>;
  leaseMs: number;
  backoffMs: (failures: number) => number;
}

const defaultLeaseMs = 5 * 60_000;
const defaultMaxAttempts = 10;
/** 30 s, 1 min, 2 min, 4 min … at most an hour. */
export const defaultJobBackoffMs = (failures: number) => Math.min(30_000 * 2 ** (failures - 1), 3_600_000);
const recurringMaxAttempts = 3;
const errorLimit = 4000;

const handlers = new Map<string, Registered>();
const recurring = new Map<string, { everyMs: number }>();

/** Registers the code that runs jobs of a kind. Handlers must be idempotent. */
export function registerJobHandler<P = unknown>(kind: string, handler: JobHandler<P>, opts: JobHandlerOptions = {}): void {
  const existing = handlers.get(kind);
  if (existing && existing.handler !== handler) throw new Error(`job kind ${kind} has two handlers`);
  handlers.set(kind, {
    handler: handler as JobHandler<unknown>,
    leaseMs: opts.leaseMs ?? defaultLeaseMs,
    backoffMs: opts.backoffMs ?? defaultJobBackoffMs,
  });
}

/**
 * A job that runs once per period of `everyMs` across all processes on the database: each
 * pass enqueues the job keyed by the current period's start (a no-op for every process but
 * the first), then the ordinary job machinery runs it, with retries and lease expiry. A
 * period missed while every process was down is not caught up: only the current one runs.
 * The payload is `{ periodStart: ISO string }`.
 */
export function registerRecurringJob(
  kind: string,
  everyMs: number,
  handler: JobHandler<{ periodStart: string }>,
  opts: JobHandlerOptions = {},
): void {
  if (!Number.isInteger(everyMs) || everyMs < 1000) throw new Error(`recurring job ${kind}: period must be at least 1 s`);
  const existing = recurring.get(kind);
  if (existing && existing.everyMs !== everyMs) throw new Error(`recurring job ${kind} registered with two periods`);
  registerJobHandler(kind, handler, opts);
  recurring.set(kind, { everyMs });
}

/** A module's background work, for its `jobs` list: the app registers it with the module. */
export interface JobDefinition {
  kind: string;
  handler: JobHandler<never>;
  opts: JobHandlerOptions;
  /** Set for a recurring job: once per period of this many milliseconds. */
  everyMs?: number;
}

/** Code that runs the jobs of a kind when something enqueues one. */
export function jobHandler<P = unknown>(kind: string, handler: JobHandler<P>, opts: JobHandlerOptions = {}): JobDefinition {
  return { kind, handler: handler as JobHandler<never>, opts };
}

/** A job that runs once per period of `everyMs` (see registerRecurringJob). */
export function recurringJob(kind: string, everyMs: number, handler: JobHandler<{ periodStart: string }>, opts: JobHandlerOptions = {}): JobDefinition {
  return { kind, handler: handler as JobHandler<never>, opts, everyMs };
}

/** Registers a module's jobs (idempotent). */
export function registerJobs(...definitions: readonly JobDefinition[]): void {
  for (const d of definitions) {
    if (d.everyMs === undefined) registerJobHandler(d.kind, d.handler as JobHandler<unknown>, d.opts);
    else registerRecurringJob(d.kind, d.everyMs, d.handler as JobHandler<{ periodStart: string }>, d.opts);
  }
}

/** Schedules a job in the caller's transaction. Returns false when the key already exists. */
export async function enqueueJob(trx: Kysely<DB>, job: NewJob): Promise<boolean> {
  const inserted = await trx
    .insertInto('jobs')
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? null),
      key: job.key ?? null,
      run_at: job.runAt,
      max_attempts: job.maxAttempts ?? defaultMaxAttempts,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Removes a keyed job that has not started; its key may be used again. Returns whether one was removed. */
export async function cancelJob(trx: Kysely<DB>, key: string): Promise<boolean> {
  const result = await trx.deleteFrom('jobs').where('key', '=', key).where('state', '=', 'pending').executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The key of a recurring job's run in the period containing `now`. */
export function recurringKey(kind: string, everyMs: number, now: Date): { key: string; periodStart: Date } {
  const periodStart = new Date(Math.floor(now.getTime() / everyMs) * everyMs);
  return { key: `recurring:${kind}:${periodStart.toISOString()}`, periodStart };
}

async function scheduleRecurring(ctx: AppContext, now: Date): Promise<void> {
  if (recurring.size === 0) return;
  const rows = [...recurring].map(([kind, { everyMs }]) => {
    const { key, periodStart } = recurringKey(kind, everyMs, now);
    return {
      kind,
      key,
      payload: JSON.stringify({ periodStart: periodStart.toISOString() }),
      run_at: periodStart,
      max_attempts: recurringMaxAttempts,
    };
  });
  await ctx.db.insertInto('jobs').values(rows).onConflict((oc) => oc.column('key').doNothing()).execute();
}

/** A job whose process died on its last allowed attempt will not be tried again. */
async function failAbandoned(ctx: AppContext, now: Date): Promise<void> {
  await ctx.db
    .updateTable('jobs')
    .set({
      state: 'failed',
      finished_at: now,
      lease_token: null,
      locked_until: null,
      last_error: sql<string>`coalesce(last_error || E'\n', '') || 'the process running it stopped (lease expired) on the last attempt'`,
    })
    .where('state', '=', 'running')
    .where('locked_until', '<=', now)
    .whereRef('attempts', '>=', 'max_attempts')
    .execute();
}

interface Claimed {
  id: number;
  kind: string;
  key: string | null;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  run_at: Date;
}

/** One due job of a kind this process knows, leased to us in one statement; undefined if none. */
async function claimJob(ctx: AppContext, now: Date, token: string): Promise<Claimed | undefined> {
  const kinds = [...handlers.keys()];
  if (kinds.length === 0) return undefined;
  // The lease is set for the longest lease of any kind; it is corrected below for the one claimed.
  const leaseMs = Math.max(...[...handlers.values()].map((h) => h.leaseMs));
  const result = await sql<Claimed>`
    UPDATE jobs
       SET state = 'running', attempts = attempts + 1, lease_token = ${token},
           locked_until = ${new Date(now.getTime() + leaseMs)}
     WHERE id = (
       SELECT id FROM jobs
        WHERE kind = ANY(${kinds}::text[])
          AND ((state = 'pending' AND run_at <= ${now})
            OR (state = 'running' AND locked_until <= ${now} AND attempts < max_attempts))
        ORDER BY run_at, id
        LIMIT 1
        FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, key, payload, attempts, max_attempts, run_at`.execute(ctx.db);
  const job = result.rows[0];
  if (job && handlers.get(job.kind)!.leaseMs !== leaseMs) {
    await extendLease(ctx, job.id, token, handlers.get(job.kind)!.leaseMs);
  }
  return job;
}

async function extendLease(ctx: AppContext, id: number, token: string, leaseMs: number): Promise<void> {
  await ctx.db
    .updateTable('jobs')
    .set({ locked_until: new Date(ctx.clock.now().getTime() + leaseMs) })
    .where('id', '=', id)
    .where('lease_token', '=', token)
    .where('state', '=', 'running')
    .execute();
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, errorLimit);
}

async function runClaimed(ctx: AppContext, job: Claimed, token: string): Promise<boolean> {
  const registered = handlers.get(job.kind)!;
  // While the handler works, keep the lease alive so that a slow job is not taken over.
  const heartbeat = setInterval(() => {
    extendLease(ctx, job.id, token, registered.leaseMs).catch(() => {});
  }, Math.max(1000, Math.floor(registered.leaseMs / 3)));
  heartbeat.unref();
  let error: unknown;
  let ok = true;
  try {
    await registered.handler(ctx, {
      id: job.id,
      kind: job.kind,
      key: job.key,
      payload: job.payload,
      attempt: job.attempts,
      maxAttempts: job.max_attempts,
      runAt: job.run_at,
    });
  } catch (e) {
    ok = false;
    error = e;
  } finally {
    clearInterval(heartbeat);
  }
  const now = ctx.clock.now();
  // `lease_token = token`: a process whose lease was taken over cannot overwrite the outcome.
  if (ok) {
    const done = await ctx.db
      .updateTable('jobs')
      .set({ state: 'done', finished_at: now, lease_token: null, locked_until: null })
      .where('id', '=', job.id)
      .where('lease_token', '=', token)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) ctx.log.warn({ job: job.id, kind: job.kind }, 'job finished after its lease was taken over');
    return true;
  }
  const last = job.attempts >= job.max_attempts;
  ctx.log[last ? 'error' : 'warn']({ err: error, job: job.id, kind: job.kind, attempt: job.attempts }, last ? 'job failed for good' : 'job failed, will retry');
  await ctx.db
    .updateTable('jobs')
    .set(
      last
        ? { state: 'failed', finished_at: now, lease_token: null, locked_until: null, last_error: describeError(error) }
        : {
            state: 'pending',
            run_at: new Date(now.getTime() + registered.backoffMs(job.attempts)),
            lease_token: null,
            locked_until: null,
            last_error: describeError(error),
          },
    )
    .where('id', '=', job.id)
    .where('lease_token', '=', token)
    .execute();
  return false;
}

/**
 * One pass: schedules this period's recurring jobs, then runs due jobs one at a time until
 * none is due (or `max` have run, or `shouldContinue` says stop). Deterministic with a
 * FixedClock: tests, and sweeps that must run now, call it directly.
 */
export async function runDueJobs(
  ctx: AppContext,
  opts: { max?: number; shouldContinue?: () => boolean } = {},
): Promise<JobPassResult> {
  const result: JobPassResult = { succeeded: 0, failed: 0 };
  const max = opts.max ?? 1000;
  const now = ctx.clock.now();
  await scheduleRecurring(ctx, now);
  await failAbandoned(ctx, now);
  while (result.succeeded + result.failed < max && (opts.shouldContinue?.() ?? true)) {
    const token = crypto.randomUUID();
    const job = await claimJob(ctx, ctx.clock.now(), token);
    if (!job) break;
    if (await runClaimed(ctx, job, token)) result.succeeded++;
    else result.failed++;
  }
  return result;
}

const wakers = new Set<() => void>();

/**
 * Asks this process's runners for a pass soon instead of at the next poll, so that a
 * one-time sign-in code goes out at once. enqueueNotification calls it with a short delay,
 * since it runs before its transaction commits; a pass that comes too early finds nothing
 * and the next poll sends the message.
 */
export function wakeJobRunners(afterMs = 0): void {
  if (wakers.size === 0) return;
  if (afterMs <= 0) {
    for (const wake of wakers) wake();
    return;
  }
  setTimeout(() => {
    for (const wake of wakers) wake();
  }, afterMs).unref();
}

interface JobRunner {
  /** Stops polling and waits for the job or notification in hand. */
  stop(): Promise<void>;
}

/**
 * The background loop of a server process: every `config.jobPollMs`, run due jobs, then
 * deliver due notifications. A pass never overlaps another one of the same runner.
 */
export function startJobRunner(ctx: AppContext, opts: { pollMs?: number } = {}): JobRunner {
  const pollMs = opts.pollMs ?? ctx.config.jobPollMs;
  let stopped = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const shouldContinue = () => !stopped;

  const pass = async () => {
    try {
      await runDueJobs(ctx, { shouldContinue });
      if (!stopped) await deliverDueNotifications(ctx, { shouldContinue });
    } catch (e) {
      ctx.log.error({ err: e }, 'background pass failed; trying again at the next poll');
    }
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  const tick = () => {
    if (running) {
      again = true;
      return;
    }
    running = pass().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        schedule(0);
      } else schedule(pollMs);
    });
  };
  const wake = () => (running ? (again = true) : schedule(0));
  wakers.add(wake);
  schedule(0);

  return {
    async stop() {
      stopped = true;
      wakers.delete(wake);
      clearTimeout(timer);
      await running;
      await closeTransports(ctx);
    },
  };
}

/**
 * Done jobs are kept a week for inspection (failed ones are not removed). Keyed jobs stay, since
 * their key guards against a repeat; a recurring job's key names a period that never comes back.
 */
registerRecurringJob('jobs.cleanup', 3_600_000, async (ctx) => {
  const before = new Date(ctx.clock.now().getTime() - 7 * 86_400_000);
  await ctx.db
    .deleteFrom('jobs')
    .where('state', '=', 'done')
    .where('finished_at', '<', before)
    .where((eb) => eb.or([eb('key', 'is', null), eb('key', 'like', 'recurring:%')]))
    .execute();
});
