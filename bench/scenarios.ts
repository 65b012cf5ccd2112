/** The measurements: each bounded in time and count, each answering p50/p95/p99 and throughput. */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { Pool } from 'undici';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from '../server/schema.ts';
import type { Database } from '../server/platform/db.ts';
import { anonymous } from '../server/platform/access.ts';
import { createLogger } from '../server/platform/log.ts';
import { FixedClock, systemClock, type Clock } from '../server/platform/clock.ts';
import { testConfig } from '../server/platform/config.ts';
import type { AppContext } from '../server/platform/context.ts';
import { createSession } from '../server/platform/sessions.ts';
import { submitPetition } from '../server/modules/petitions/intake/submitPetition.ts';
import { IntakeRequests } from './intake.ts';
import { loop, repeat, round, type Summary } from './measure.ts';
import { Random } from './random.ts';
import { day, trackingCodeFor, type World } from './workload.ts';
import { naiveFigures, compareFigures } from './naive.ts';
import { loadPetitions, markSwept, serverCopyTarget, type LoadResult } from './load.ts';
import { repoRoot } from './server.ts';
import { rebuildRollups } from './rollups.ts';

export interface Results {
  startedAt: string;
  finishedAt?: string;
  machine: Record<string, string | number>;
  options: Record<string, unknown>;
  postgres: Partial<Record<'load' | 'articles' | 'reads' | 'figures' | 'paths' | 'intake' | 'limit' | 'check' | 'sweep', unknown>>;
  embedded: Partial<Record<'load' | 'reads' | 'figures' | 'paths' | 'intake' | 'limit' | 'error', unknown>>;
  /** The 1-minute load average before each step: above ~1.5 other work shared the cores. */
  loadAverage: Record<string, number>;
}

export interface BenchContext {
  database: Database;
  world: World;
  meta: { petitions: number; seed: string; now: number; load: LoadResult };
  seed: string;
  log(line: string): void;
  connections: number;
  intakeSeconds: number;
}

export interface Sessions {
  communeHandler: { token: string; unit: string };
  communeDispatcher: { token: string; unit: string };
  provinceDispatcher: { token: string; unit: string };
  provinceLeader: { token: string; unit: string };
}

/** Sessions for the officials of the busiest commune and its province (written directly). */
export async function prepareSessions(db: Kysely<DB>, world: World): Promise<Sessions> {
  const commune = world.communes.reduce((a, b) => (b.weight > a.weight ? b : a));
  const province = world.provinces[commune.province];
  const session = async (id: number) => (await createSession(db, id, new Date(), 24 * 7)).token;
  return {
    communeHandler: { token: await session(commune.officials.handler), unit: commune.code },
    communeDispatcher: { token: await session(commune.officials.dispatcher), unit: commune.code },
    provinceDispatcher: { token: await session(province.officials.dispatcher), unit: province.code },
    provinceLeader: { token: await session(province.officials.leader), unit: province.code },
  };
}

function client(url: string, connections: number): Pool {
  const u = new URL(url);
  if (u.hostname !== '127.0.0.1') throw new Error('the bench targets 127.0.0.1 only');
  return new Pool(u.origin, { connections, pipelining: 1, keepAliveTimeout: 60_000 });
}

async function get(pool: Pool, path: string, token?: string): Promise<{ status: number; body: unknown }> {
  const res = await pool.request({ method: 'GET', path, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.body.text();
  return { status: res.statusCode, body: text ? JSON.parse(text) : null };
}

/** A GET that must answer 200 (anything else is an error of the loop). */
async function getOk(pool: Pool, path: string, token?: string): Promise<unknown> {
  const r = await get(pool, path, token);
  if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  return r.body;
}

// ---- reads: tracking and inboxes ----

export async function measureReads(ctx: BenchContext, url: string, sessions: Sessions) {
  const pool = client(url, 8);
  const random = new Random(`${ctx.seed}:reads`);
  const { firstId, lastId } = ctx.meta.load;
  try {
    ctx.log('tracking lookups: 8 connections, 10 s');
    const tracking = await loop({ concurrency: 8, seconds: 10, maxOps: 200_000, warmupOps: 200 }, async () => {
      const id = firstId + random.int(lastId - firstId + 1);
      await getOk(pool, `/api/v1/petitions/track/${trackingCodeFor(id)}`);
    });
    const inbox: Record<string, { request: string; summary: Summary; items: number }> = {};
    const variants: Array<[string, string, string]> = [
      ['commune handler: my open cases, due first', sessions.communeHandler.token, '/api/v1/petitions?assignedTo=me&status=assigned,in_progress,reopened&sort=due'],
      ['commune handler: newest', sessions.communeHandler.token, '/api/v1/petitions'],
      ['commune dispatcher: to accept, due first', sessions.communeDispatcher.token, '/api/v1/petitions?status=received,transferred&sort=due'],
      ['commune dispatcher: overdue', sessions.communeDispatcher.token, '/api/v1/petitions?overdue=true&sort=due'],
      ['province dispatcher: newest', sessions.provinceDispatcher.token, '/api/v1/petitions'],
      ['province dispatcher: to accept, due first', sessions.provinceDispatcher.token, '/api/v1/petitions?status=received,transferred&sort=due'],
      ['province dispatcher: overdue', sessions.provinceDispatcher.token, '/api/v1/petitions?overdue=true&sort=due'],
    ];
    for (const [name, token, path] of variants) {
      ctx.log(`inbox: ${name}`);
      const first = (await getOk(pool, path, token)) as { items: unknown[] };
      const summary = await loop({ concurrency: 4, seconds: 5, maxOps: 20_000, warmupOps: 20 }, async () => {
        await getOk(pool, path, token);
      });
      inbox[name] = { request: path, summary, items: first.items.length };
    }
    return { tracking, inbox };
  } finally {
    await pool.close();
  }
}

// ---- public figures ----

function period(now: number) {
  const to = new Date(now + day).toISOString().slice(0, 10);
  const from = new Date(now - 366 * day).toISOString().slice(0, 10);
  return { from, to };
}

export async function measureFigures(ctx: BenchContext, url: string, opts: { naive?: boolean } = {}) {
  const pool = client(url, 4);
  const { from, to } = period(ctx.meta.now);
  const commune = ctx.world.communes.reduce((a, b) => (b.weight > a.weight ? b : a));
  const province = ctx.world.provinces[commune.province];
  const units = [
    ['commune', commune],
    ['province', province],
    ['country', ctx.world.country],
  ] as const;
  const out: Record<string, unknown> = {};
  try {
    for (const [level, unit] of units) {
      const path = `/api/v1/figures?unit=${encodeURIComponent(unit.code)}&from=${from}&to=${to}`;
      const probe = await get(pool, path);
      let endpoint: unknown;
      if (probe.status === 200) {
        ctx.log(`figures endpoint: ${level}`);
        endpoint = await loop({ concurrency: 4, seconds: 5, maxOps: 5000, warmupOps: 8 }, async () => void (await getOk(pool, path)));
      } else endpoint = { available: false, status: probe.status, answer: JSON.stringify(probe.body).slice(0, 200) };
      let naive: unknown;
      if (opts.naive !== false) {
        ctx.log(`figures naive GROUP BY: ${level}`);
        const times = level === 'country' ? 3 : 10;
        naive = await repeat(times, async () => void (await naiveFigures(ctx.database.db, unit.path, from, to, new Date())), 1);
      }
      out[level] = { unit: unit.code, request: path, endpoint, naive };
    }
    return out;
  } finally {
    await pool.close();
  }
}

/**
 * On a small data set: the endpoint's figures equal the naive GROUP BY's, for the country, a
 * province, a commune and a village. Runs on its own database next to the bench's.
 */
export async function checkFigures(ctx: BenchContext & { databaseUrl: string }) {
  const { openServer } = await import('../server/platform/db.ts');
  const { migrate } = await import('../server/platform/migrate.ts');
  const { buildWorld } = await import('./world.ts');
  const { loadPetitions, serverCopyTarget } = await import('./load.ts');
  const { startServerProcess } = await import('./server.ts');
  const pg = (await import('pg')).default;
  const url = new URL(ctx.databaseUrl);
  const name = `${url.pathname.slice(1)}_check`;
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  url.pathname = `/${name}`;
  const database = openServer(url.toString(), 4);
  try {
    await migrate(database.pool);
    const now = Date.now();
    const world = await buildWorld(database.db, `${ctx.seed}:check`, { villagesPerCommune: 3, now: new Date(now) });
    const load = await loadPetitions(database.db, serverCopyTarget(url.toString()), world, {
      count: 20_000,
      seed: `${ctx.seed}:check`,
      now,
      spanDays: 365,
      parallelIndexBuilds: 1,
      runStatement: async (s) => void (await database.pool.query(s)),
      rebuildRollups: () => rebuildRollups(database.db, { connectionString: url.toString(), workMem: '256MB' }),
    });
    const server = await startServerProcess({ DATABASE_URL: url.toString() });
    const pool = client(server.url, 2);
    try {
      const commune = world.communes.reduce((a, b) => (b.weight > a.weight ? b : a));
      const units = [world.country, world.provinces[commune.province], commune, commune.villages[0]];
      const periods = [period(now), { from: new Date(now - 90 * day).toISOString().slice(0, 10), to: new Date(now - 30 * day).toISOString().slice(0, 10) }];
      const checks: Array<{ unit: string; from: string; to: string; received: number; differences: string[] | string }> = [];
      for (const unit of units) {
        for (const p of periods) {
          const r = await get(pool, `/api/v1/figures?unit=${encodeURIComponent(unit.code)}&from=${p.from}&to=${p.to}`);
          // "Overdue" is counted at the moment the endpoint says it counted it.
          const asOf = r.status === 200 ? new Date(String((r.body as { asOf: string }).asOf)) : new Date();
          const reference = await naiveFigures(database.db, unit.path, p.from, p.to, asOf);
          checks.push({
            unit: unit.code,
            ...p,
            received: reference.received,
            differences: r.status === 200 ? compareFigures(reference, r.body as Record<string, unknown>) : `endpoint answered ${r.status}`,
          });
        }
      }
      const identical = checks.every((c) => Array.isArray(c.differences) && c.differences.length === 0);
      ctx.log(`figures check on ${load.petitions.toLocaleString('en')} petitions: ${identical ? 'identical' : 'DIFFERENT'}`);
      return { petitions: load.petitions, identical, checks };
    } finally {
      await pool.close();
      await server.stop();
    }
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

// ---- intake ----

export async function measureIntake(ctx: BenchContext, url: string) {
  const pool = client(url, ctx.connections);
  const requests = new IntakeRequests(ctx.world, `${ctx.seed}:http`);
  const statuses: Record<string, number> = {};
  ctx.log(`intake over HTTP: ${ctx.connections} connections, ${ctx.intakeSeconds} s`);
  try {
    const summary = await loop(
      { concurrency: ctx.connections, seconds: ctx.intakeSeconds, maxOps: 200_000 * ctx.intakeSeconds, warmupOps: 200 },
      async () => {
        const res = await pool.request({
          method: 'POST',
          path: '/api/v1/petitions',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(requests.next()),
        });
        const text = await res.body.text();
        statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
        if (res.statusCode !== 201) throw new Error(`${res.statusCode}: ${text.slice(0, 200)}`);
      },
    );
    ctx.log(`intake: ${summary.throughput}/s, p99 ${summary.p99} ms`);
    return { ...summary, statuses };
  } finally {
    await pool.close();
  }
}

/** The same command, SQL and transactions as the route, called in-process: no HTTP, no JSON. */
export async function measureLimit(ctx: BenchContext) {
  const app: AppContext = {
    config: testConfig({ databaseUrl: 'bench' }),
    database: ctx.database,
    db: ctx.database.db,
    clock: systemClock,
    log: createLogger('silent'),
  };
  const requests = new IntakeRequests(ctx.world, `${ctx.seed}:direct`);
  ctx.log(`direct writes (no HTTP): ${ctx.connections} at once, ${ctx.intakeSeconds} s`);
  const summary = await loop(
    { concurrency: ctx.connections, seconds: ctx.intakeSeconds, maxOps: 200_000 * ctx.intakeSeconds, warmupOps: 200 },
    async () => void (await submitPetition(app, anonymous, requests.next())),
  );
  ctx.log(`direct: ${summary.throughput}/s, p99 ${summary.p99} ms`);
  return summary;
}

// ---- the deadline sweep ----

const sweepFile = path.join(repoRoot, 'server/modules/deadlines/deadlines.sweep.ts');
const openStatuses = sql.raw(`('received', 'accepted', 'transferred', 'assigned', 'in_progress', 'reopened')`);

interface SweepModule {
  sweepDeadlines(ctx: AppContext, opts?: { batch?: number }): Promise<{ reminders: number; overdue: number; escalated: number; failed: number }>;
}

/**
 * The sweep over `sweepOpen` open petitions (open ones are added when the data set has fewer):
 * with nothing due, and when 1% of them fall due at once. The loaded history counts as swept
 * up to the moment the measurement starts (deadline_sweep_state), as if the sweep had been
 * running every minute all along.
 */
export async function measureSweep(ctx: BenchContext & { databaseUrl: string; sweepOpen: number }) {
  if (!fs.existsSync(sweepFile)) return { available: false, reason: 'no deadline sweep module (server/modules/deadlines) in this tree' };
  const { sweepDeadlines } = (await import(sweepFile)) as SweepModule;
  const db = ctx.database.db;
  const countOpen = async () =>
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM petitions WHERE status IN ${openStatuses}`.execute(db)).rows[0].n;
  let open = await countOpen();
  let added: LoadResult | undefined;
  if (open < ctx.sweepOpen) {
    ctx.log(`sweep: adding ${(ctx.sweepOpen - open).toLocaleString('en')} open petitions (there are ${open.toLocaleString('en')})`);
    const runner = new pg.Pool({ connectionString: ctx.databaseUrl, max: 2 });
    try {
      added = await loadPetitions(db, serverCopyTarget(ctx.databaseUrl), ctx.world, {
        count: ctx.sweepOpen - open,
        seed: `${ctx.seed}:open`,
        now: Date.now(),
        spanDays: 30,
        openOnly: true,
        parallelIndexBuilds: 2,
        runStatement: async (statement) => {
          const c = await runner.connect();
          try {
            await c.query("SET maintenance_work_mem = '1GB'");
            await c.query(statement);
          } finally {
            c.release();
          }
        },
        // The figures were measured before: their rollups are not rebuilt for these (the
        // database is marked as not reusable instead, below).
      });
      await sql`DELETE FROM bench_meta WHERE key = 'load'`.execute(db).catch(() => {});
    } finally {
      await runner.end();
    }
    open = await countOpen();
  }
  const app = (clock: Clock): AppContext => ({
    config: testConfig({ databaseUrl: 'bench' }),
    database: ctx.database,
    db,
    clock,
    log: createLogger('warn'),
  });

  // Swept up to now: each stage done up to its window's end.
  const t0 = Date.now();
  await markSwept(db, t0);

  ctx.log(`sweep over ${open.toLocaleString('en')} open petitions: nothing due`);
  const idle = app(systemClock);
  const nothingDue = await loop({ concurrency: 1, seconds: 10, maxOps: 2000, warmupOps: 5 }, async () => {
    const r = await sweepDeadlines(idle);
    if (r.overdue + r.reminders + r.failed > 0) throw new Error(`a sweep with nothing due did something: ${JSON.stringify(r)}`);
  });

  // 1% of the open petitions fall due within the next minute; then one sweep handles them.
  const falling = Math.round(open / 100);
  const from = Date.now() + 5_000;
  await sql`
    UPDATE petitions SET due_at = ${new Date(from)}::timestamptz + (id % 60) * interval '1 second'
     WHERE id IN (SELECT id FROM petitions WHERE status IN ${openStatuses} ORDER BY md5(id::text) LIMIT ${falling})`.execute(db);
  const at = new FixedClock(new Date(from + 61_000));
  ctx.log(`sweep: ${falling.toLocaleString('en')} petitions fall due`);
  const started = performance.now();
  const result = await sweepDeadlines(app(at));
  const seconds = (performance.now() - started) / 1000;
  const again = await sweepDeadlines(app(at));
  ctx.log(`sweep: ${result.overdue} overdue in ${seconds.toFixed(1)} s; a second sweep did ${again.overdue + again.reminders}`);
  return {
    openPetitions: open,
    added: added ? { petitions: added.petitions, seconds: added.totalSeconds } : null,
    nothingDue,
    onePercentDue: {
      falling,
      seconds: round(seconds, 2),
      perSecond: round(result.overdue / seconds, 1),
      result,
      secondSweep: again,
    },
  };
}

export { round };
