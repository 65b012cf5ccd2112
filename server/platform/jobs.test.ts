import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../test/server.ts';
import { backends, createServerDatabaseUrl, createTestDatabase } from '../test/databases.ts';
import { FixedClock } from './clock.ts';
import { testConfig } from './config.ts';
import { createLogger } from './log.ts';
import { openServer, type Backend, type Database } from './db.ts';
import type { AppContext } from './context.ts';
import { cancelJob, defaultJobBackoffMs, enqueueJob, recurringKey, registerJobHandler, registerRecurringJob, runDueJobs, startJobRunner } from './jobs.ts';
import { defineTemplates, registerTemplates } from './notify/templates.ts';
import { enqueueNotification } from './notify/outbox.ts';
import { deliverDueNotifications } from './notify/delivery.ts';
import type { OutgoingMessage, Transports } from './notify/transports.ts';

/** A promise with its resolve, to hold a handler until the test lets it go. */
function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

// Handlers are registered once per process; each records into state the tests reset.
const runs = new Map<string, number>();
const count = (key: string) => runs.get(key) ?? 0;
const record = (key: string) => runs.set(key, count(key) + 1);

registerJobHandler<{ name: string }>('test.record', async (_ctx, job) => {
  record(job.payload.name);
});

let failuresBeforeSuccess = new Map<string, number>();
registerJobHandler<{ name: string }>('test.flaky', async (_ctx, job) => {
  record(job.payload.name);
  const left = failuresBeforeSuccess.get(job.payload.name) ?? 0;
  if (left > 0) {
    failuresBeforeSuccess.set(job.payload.name, left - 1);
    throw new Error(`boom on attempt ${job.attempt}`);
  }
});

const leaseMs = 60_000;
let holds: Array<{ started: () => void; release: Promise<void> }> = [];
registerJobHandler<{ name: string }>(
  'test.held',
  async (_ctx, job) => {
    record(job.payload.name);
    const hold = holds.shift();
    if (hold) {
      hold.started();
      await hold.release;
    }
  },
  { leaseMs },
);

let perRunner = new Map<string, number>();
let barrier: { arrived: Set<string>; open: () => void; promise: Promise<void> } | undefined;
registerJobHandler<{ n: number }>('test.drain', async (ctx, job) => {
  record(`drain:${job.payload.n}`);
  const runner = (ctx as AppContext & { runner: string }).runner;
  perRunner.set(runner, (perRunner.get(runner) ?? 0) + 1);
  // The first job of each runner waits until the other runner has one too: both take part.
  if (barrier && !barrier.arrived.has(runner)) {
    barrier.arrived.add(runner);
    if (barrier.arrived.size >= 2) barrier.open();
    await barrier.promise;
  }
  await new Promise((r) => setImmediate(r));
});

const period = 60_000;
registerRecurringJob('test.every_minute', period, async (_ctx, job) => {
  record(`minute:${job.payload.periodStart}`);
});

async function jobRow(ctx: AppContext, kind: string, key?: string) {
  let q = ctx.db.selectFrom('jobs').selectAll().where('kind', '=', kind);
  if (key) q = q.where('key', '=', key);
  return q.orderBy('id').execute();
}

function contextOn(database: Database, clock: FixedClock, runner: string): AppContext & { runner: string } {
  return { config: testConfig(), database, db: database.db, clock, log: createLogger('silent'), runner };
}

describeEachBackend('jobs', (t) => {
  test('a keyed job is scheduled once and runs once, when due and not before', async () => {
    const { ctx, clock } = t();
    runs.clear();
    const runAt = new Date(clock.now().getTime() + 3_600_000);
    const job = { kind: 'test.record', payload: { name: 'keyed' }, runAt, key: 'test:keyed' };
    assert.equal(await enqueueJob(ctx.db, job), true);
    assert.equal(await enqueueJob(ctx.db, job), false, 'the same key again is a no-op');
    assert.equal((await jobRow(ctx, 'test.record', 'test:keyed')).length, 1);

    await runDueJobs(ctx);
    assert.equal(count('keyed'), 0, 'not due yet');
    clock.advance(3_600_000);
    await runDueJobs(ctx);
    await runDueJobs(ctx);
    assert.equal(count('keyed'), 1);
    const [row] = await jobRow(ctx, 'test.record', 'test:keyed');
    assert.equal(row.state, 'done');
    assert.equal(row.attempts, 1);
    // A done key still guards against a repeat.
    assert.equal(await enqueueJob(ctx.db, job), false);
  });

  test('enqueue in a transaction that rolls back schedules nothing', async () => {
    const { ctx, clock } = t();
    await assert.rejects(
      ctx.db.transaction().execute(async (trx) => {
        await enqueueJob(trx, { kind: 'test.record', payload: { name: 'rolled back' }, runAt: clock.now(), key: 'test:rollback' });
        throw new Error('the change failed');
      }),
    );
    assert.equal((await jobRow(ctx, 'test.record', 'test:rollback')).length, 0);
  });

  test('a cancelled job does not run and its key may be used again', async () => {
    const { ctx, clock } = t();
    runs.clear();
    const job = { kind: 'test.record', payload: { name: 'cancelled' }, runAt: clock.now(), key: 'test:cancel' };
    await enqueueJob(ctx.db, job);
    assert.equal(await cancelJob(ctx.db, 'test:cancel'), true);
    await runDueJobs(ctx);
    assert.equal(count('cancelled'), 0);
    assert.equal(await enqueueJob(ctx.db, job), true);
    await runDueJobs(ctx);
    assert.equal(count('cancelled'), 1);
    assert.equal(await cancelJob(ctx.db, 'test:cancel'), false, 'a finished job is not cancelled');
  });

  test('a job that throws is retried with exponential backoff, keeping its error, then fails for good', async () => {
    const { ctx, clock } = t();
    runs.clear();
    failuresBeforeSuccess = new Map([['twice', 2], ['always', 99]]);
    const start = clock.now();
    await enqueueJob(ctx.db, { kind: 'test.flaky', payload: { name: 'twice' }, runAt: start, key: 'test:twice' });
    await enqueueJob(ctx.db, { kind: 'test.flaky', payload: { name: 'always' }, runAt: start, key: 'test:always', maxAttempts: 3 });

    const pass1 = await runDueJobs(ctx);
    assert.equal(pass1.failed, 2);
    let [twice] = await jobRow(ctx, 'test.flaky', 'test:twice');
    assert.equal(twice.state, 'pending');
    assert.equal(twice.attempts, 1);
    assert.equal(twice.last_error, 'Error: boom on attempt 1');
    assert.equal(twice.run_at.getTime(), start.getTime() + defaultJobBackoffMs(1));

    // Not before the backoff has passed.
    clock.advance(defaultJobBackoffMs(1) - 1000);
    await runDueJobs(ctx);
    assert.equal(count('twice'), 1);

    clock.advance(1000);
    await runDueJobs(ctx);
    assert.equal(count('twice'), 2);
    [twice] = await jobRow(ctx, 'test.flaky', 'test:twice');
    assert.equal(twice.last_error, 'Error: boom on attempt 2');
    assert.equal(twice.run_at.getTime(), clock.now().getTime() + defaultJobBackoffMs(2));
    assert.ok(defaultJobBackoffMs(2) > defaultJobBackoffMs(1), 'the wait grows');

    clock.advance(defaultJobBackoffMs(2));
    await runDueJobs(ctx);
    [twice] = await jobRow(ctx, 'test.flaky', 'test:twice');
    assert.equal(twice.state, 'done');
    assert.equal(twice.attempts, 3);
    assert.equal(count('twice'), 3);

    const [always] = await jobRow(ctx, 'test.flaky', 'test:always');
    assert.equal(always.state, 'failed', 'three attempts were allowed');
    assert.equal(always.attempts, 3);
    assert.equal(always.last_error, 'Error: boom on attempt 3');
    clock.advance(86_400_000);
    await runDueJobs(ctx);
    assert.equal(count('always'), 3, 'a failed job is not run again');
  });

  test('a job of a kind this process has no handler for is left for a process that has one', async () => {
    const { ctx, clock } = t();
    await enqueueJob(ctx.db, { kind: 'test.unknown_kind', payload: {}, runAt: clock.now() });
    await runDueJobs(ctx);
    const [row] = await jobRow(ctx, 'test.unknown_kind');
    assert.equal(row.state, 'pending');
    assert.equal(row.attempts, 0);
  });

  test('when a runner dies holding a job, its lease expires and the job runs again; the late finisher changes nothing', async () => {
    const { ctx, clock } = t();
    runs.clear();
    const started = gate();
    const release = gate();
    holds = [{ started: started.open, release: release.promise }];
    await enqueueJob(ctx.db, { kind: 'test.held', payload: { name: 'held' }, runAt: clock.now(), key: 'test:held' });

    const dying = runDueJobs(ctx); // holds the job and never gets further while the gate is shut
    await started.promise;
    let [row] = await jobRow(ctx, 'test.held', 'test:held');
    assert.equal(row.state, 'running');

    await runDueJobs(ctx);
    assert.equal(count('held'), 1, 'a live lease is respected');

    clock.advance(leaseMs);
    await runDueJobs(ctx);
    assert.equal(count('held'), 2, 'the expired lease was taken over');
    [row] = await jobRow(ctx, 'test.held', 'test:held');
    assert.equal(row.state, 'done');
    assert.equal(row.attempts, 2);
    const finishedAt = row.finished_at;

    clock.advance(1000);
    release.open();
    await dying;
    [row] = await jobRow(ctx, 'test.held', 'test:held');
    assert.equal(row.state, 'done');
    assert.deepEqual(row.finished_at, finishedAt, 'the stale holder did not write its outcome');
  });

  test('a recurring job runs once per period', async () => {
    const { ctx, clock } = t();
    // Earlier tests' passes already ran this period: start at the next one.
    clock.advance(period - (clock.now().getTime() % period));
    runs.clear();
    const first = recurringKey('test.every_minute', period, clock.now()).periodStart.toISOString();
    await runDueJobs(ctx);
    await runDueJobs(ctx);
    clock.advance(period - 1 - (clock.now().getTime() % period)); // the last instant of the period
    await runDueJobs(ctx);
    assert.equal(count(`minute:${first}`), 1);
    clock.advance(1);
    await runDueJobs(ctx);
    const second = recurringKey('test.every_minute', period, clock.now()).periodStart.toISOString();
    assert.notEqual(second, first);
    assert.equal(count(`minute:${second}`), 1);
    assert.equal([...runs.keys()].filter((k) => k.startsWith('minute:')).length, 2);
  });

  test('finished jobs are cleared after a week, except keyed ones, whose key still guards against a repeat', async () => {
    const { ctx, clock } = t();
    const now = clock.now().getTime();
    const done = (key: string | null, daysAgo: number) => ({
      kind: 'test.cleanup',
      payload: '{}',
      key,
      state: 'done' as const,
      run_at: new Date(now - daysAgo * 86_400_000),
      finished_at: new Date(now - daysAgo * 86_400_000),
    });
    await ctx.db
      .insertInto('jobs')
      .values([done(null, 8), done('test:old-keyed', 8), done('recurring:test.old:2026-01-01T00:00:00.000Z', 8), done(null, 1)])
      .execute();
    clock.advance(3_600_000); // the next hour: the hourly cleanup is due
    await runDueJobs(ctx);
    const left = await ctx.db
      .selectFrom('jobs')
      .select(['key', 'finished_at'])
      .where('kind', '=', 'test.cleanup')
      .where('state', '=', 'done')
      .where('finished_at', '<', new Date(now))
      .execute();
    assert.deepEqual(
      left.map((r) => [r.key, Math.round((now - r.finished_at!.getTime()) / 86_400_000)]).sort(),
      [[null, 1], ['test:old-keyed', 8]].sort(),
    );
  });

  test('stopping the runner waits for the job in hand', async () => {
    const { ctx, clock } = t();
    runs.clear();
    const started = gate();
    const release = gate();
    holds = [{ started: started.open, release: release.promise }];
    await enqueueJob(ctx.db, { kind: 'test.held', payload: { name: 'in hand' }, runAt: clock.now() });
    const runner = startJobRunner(ctx, { pollMs: 3_600_000 });
    await started.promise;
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    assert.equal(stopped, false, 'stop waits while the handler works');
    release.open();
    await stopping;
    const [row] = (await jobRow(ctx, 'test.held')).filter((r) => (r.payload as { name: string }).name === 'in hand');
    assert.equal(row.state, 'done', 'the job in hand was finished, not abandoned');
  });
});

async function enqueueDrain(ctx: AppContext, n: number) {
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < n; i++) await enqueueJob(trx, { kind: 'test.drain', payload: { n: i }, runAt: ctx.clock.now() });
  });
}

registerTemplates(defineTemplates({
  test_runner_note: { subject: { vi: 'T {n}', zh: 'T {n}', en: 'T {n}' }, text: { vi: 'n {n}', zh: 'n {n}', en: 'n {n}' } },
}));

/** Delivers the outbox through a transport that records each recipient, as `runner` would. */
function recordingTransports(sent: string[]): Transports {
  const transport = {
    name: 'recording',
    async send(m: OutgoingMessage) {
      sent.push(m.to);
      await new Promise((r) => setImmediate(r));
    },
  };
  return { email: transport, sms: transport };
}

async function enqueueNotes(ctx: AppContext, n: number) {
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < n; i++) {
      await enqueueNotification(trx, { channel: 'sms', recipient: `+8490000${String(i).padStart(4, '0')}`, template: 'test_runner_note', locale: 'vi', params: { n: i }, at: ctx.clock.now() });
    }
  });
}

function assertEachSentOnce(sent: string[], n: number) {
  assert.equal(sent.length, n);
  assert.equal(new Set(sent).size, n);
}

function assertEachRanOnce(n: number) {
  for (let i = 0; i < n; i++) assert.equal(count(`drain:${i}`), 1, `job ${i} ran ${count(`drain:${i}`)} times`);
  assert.equal([...runs.keys()].filter((k) => k.startsWith('drain:')).length, n);
}

for (const backend of backends) runnerSuite(backend);

/**
 * PGlite is one process's database, so there it is one runner; on the PostgreSQL server two
 * runners (two pools, as two server processes would have) work on one database.
 */
function runnerSuite(backend: Backend) {
  if (backend === 'pglite') {
    describe('one runner drains the queue [pglite]', () => {
      let database: Database;
      before(async () => (database = await createTestDatabase('pglite')));
      after(async () => database.close());

      test('200 jobs each run exactly once', async () => {
        runs.clear();
        barrier = undefined;
        const ctx = contextOn(database, new FixedClock('2026-03-02T02:00:00Z'), 'a');
        await enqueueDrain(ctx, 200);
        const result = await runDueJobs(ctx);
        assert.equal(result.failed, 0);
        assertEachRanOnce(200);
        assert.equal(
          (await ctx.db.selectFrom('jobs').select('id').where('kind', '=', 'test.drain').where('state', '!=', 'done').execute()).length,
          0,
        );
      });

      test('60 notifications are each sent exactly once', async () => {
        const ctx = contextOn(database, new FixedClock('2026-03-02T02:00:00Z'), 'a');
        await enqueueNotes(ctx, 60);
        const sent: string[] = [];
        await deliverDueNotifications(ctx, { transports: recordingTransports(sent) });
        await deliverDueNotifications(ctx, { transports: recordingTransports(sent) });
        assertEachSentOnce(sent, 60);
      });
    });
    return;
  }

  describe('two runners on one database [postgres]', () => {
    let server: { url: string; drop(): Promise<void> };
    let one: Database;
    let two: Database;
    const clock = new FixedClock('2026-03-02T02:00:00Z');
    let a: AppContext;
    let b: AppContext;
    before(async () => {
      server = await createServerDatabaseUrl();
      one = openServer(server.url, 4);
      two = openServer(server.url, 4);
      a = contextOn(one, clock, 'a');
      b = contextOn(two, clock, 'b');
    });
    after(async () => {
      await one?.close();
      await two?.close();
      await server?.drop();
    });

    test('draining 200 jobs together, they run each job exactly once', async () => {
      runs.clear();
      perRunner = new Map();
      const g = gate();
      barrier = { arrived: new Set(), open: g.open, promise: g.promise };
      await enqueueDrain(a, 200);
      const [ra, rb] = await Promise.all([runDueJobs(a), runDueJobs(b)]);
      barrier = undefined;
      assertEachRanOnce(200);
      assert.equal(ra.failed + rb.failed, 0);
      assert.ok((perRunner.get('a') ?? 0) > 0 && (perRunner.get('b') ?? 0) > 0, 'both runners took part');
      assert.equal((perRunner.get('a') ?? 0) + (perRunner.get('b') ?? 0), 200);
      const left = await a.db.selectFrom('jobs').select('id').where('kind', '=', 'test.drain').where('state', '!=', 'done').execute();
      assert.equal(left.length, 0);
    });

    test('delivering 60 notifications together, they send each exactly once', async () => {
      await enqueueNotes(a, 60);
      const viaA: string[] = [];
      const viaB: string[] = [];
      await Promise.all([
        deliverDueNotifications(a, { transports: recordingTransports(viaA) }),
        deliverDueNotifications(b, { transports: recordingTransports(viaB) }),
      ]);
      assertEachSentOnce([...viaA, ...viaB], 60);
      const left = await a.db.selectFrom('notification_outbox').select('id').where('state', '!=', 'sent').execute();
      assert.equal(left.length, 0);
    });

    test('a recurring job runs once per period across both runners', async () => {
      clock.advance(period - (clock.now().getTime() % period)); // a period nobody has run yet
      runs.clear();
      const first = recurringKey('test.every_minute', period, clock.now()).periodStart.toISOString();
      await Promise.all([runDueJobs(a), runDueJobs(b)]);
      await Promise.all([runDueJobs(b), runDueJobs(a)]);
      assert.equal(count(`minute:${first}`), 1);
      clock.advance(period);
      await Promise.all([runDueJobs(a), runDueJobs(b)]);
      const second = recurringKey('test.every_minute', period, clock.now()).periodStart.toISOString();
      assert.equal(count(`minute:${second}`), 1);
      assert.equal([...runs.keys()].filter((k) => k.startsWith('minute:')).length, 2);
    });

    test('a job held by a runner that died is run by the other one after the lease expires', async () => {
      runs.clear();
      const started = gate();
      const release = gate();
      holds = [{ started: started.open, release: release.promise }];
      await enqueueJob(a.db, { kind: 'test.held', payload: { name: 'orphan' }, runAt: clock.now(), key: 'test:orphan' });
      const dying = runDueJobs(a);
      await started.promise;
      await runDueJobs(b);
      assert.equal(count('orphan'), 1, 'b leaves a leased job alone');
      clock.advance(leaseMs);
      await runDueJobs(b);
      assert.equal(count('orphan'), 2);
      const [row] = await jobRow(b, 'test.held', 'test:orphan');
      assert.equal(row.state, 'done');
      release.open();
      await dying;
      const [after] = await jobRow(a, 'test.held', 'test:orphan');
      assert.equal(after.attempts, 2);
      assert.deepEqual(after.finished_at, row.finished_at);
    });
  });
}
