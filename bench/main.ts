/**
 * `npm run bench -- --petitions 1e6`: loads a national workload into PostgreSQL (and a smaller
 * one into the embedded database), starts server processes on 127.0.0.1 and measures intake,
 * the direct-write limit, tracking, inboxes, public figures, the newer read paths (bench/paths.ts)
 * and the deadline sweep. Writes bench/results/<time>.json and .md, and the table in
 * docs/PERFORMANCE.md.
 *
 * `npm run bench -- --quick`: the same steps over 1e4 petitions with short loops, in a few
 * minutes, for a developer to run before and after a change; it leaves docs/PERFORMANCE.md alone.
 *
 * Every loop is bounded in time and count; the bench stops its servers and exits by itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Command } from 'commander';
import pg from 'pg';
import { sql } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { fromPglite, openServer, pgliteExtensions, type Database } from '../server/platform/db.ts';
import { migrate } from '../server/platform/migrate.ts';
import { Random } from './random.ts';
import { buildWorld, loadWorld } from './world.ts';
import { loadPetitions, markSwept, pgliteCopyTarget, serverCopyTarget, type LoadResult } from './load.ts';
import { startServerProcess, repoRoot, profileServersInto } from './server.ts';
import type { World } from './workload.ts';
import { measureIntake, measureLimit, measureReads, measureFigures, checkFigures, measureSweep, prepareSessions, type Results } from './scenarios.ts';
import { writeReport } from './report.ts';
import { measurePaths } from './paths.ts';
import { loadArticles, type ArticleLoad } from './articles.ts';
import { foldAsTheWorker, rebuildRollups } from './rollups.ts';
import { registerModules } from '../server/modules/index.ts';

const program = new Command('bench')
  .description('Zero Distance at national scale on this machine')
  .option('--petitions <n>', 'petitions in the PostgreSQL data set (1e6 … 1e7)', '1e6')
  .option('--articles <n>', 'published articles in the PostgreSQL data set, for the search paths', '1e5')
  .option('--embedded <n>', 'petitions in the embedded (PGlite) data set; 0 skips it', '1e5')
  .option('--seed <text>', 'the workload seed', 'zerodistance')
  .option('--database-url <url>', 'the PostgreSQL server (a database that will be dropped and created)', process.env.DATABASE_URL ?? defaultDatabaseUrl())
  .option('--pool <n>', 'connections to PostgreSQL per server process and for the direct writes', '10')
  .option('--intake-seconds <s>', 'how long intake runs', '20')
  .option('--connections <n>', 'concurrent intake connections', '32')
  .option('--sweep-open <n>', 'open petitions for the sweep (extra open ones are loaded if fewer)', '1e6')
  .option('--skip <steps>', 'comma-separated: intake,limit,reads,figures,paths,check,sweep,embedded', '')
  .option('--quick', "1e4 petitions (1e3 embedded), short loops, no figures check; docs/PERFORMANCE.md is left alone")
  .option('--rollup-work-mem <size>', "work_mem of the figures' rollup rebuild after the load ('' for the server's)", '512MB')
  .option('--reuse', 'keep a database already loaded with the same size and seed')
  .option('--out <dir>', 'where results go', path.join(repoRoot, 'bench/results'))
  .option('--cpu-prof <dir>', "write each server process's CPU profile (.cpuprofile, for Chrome's DevTools) into this folder")
  .option('--no-docs', 'do not update docs/PERFORMANCE.md');

/** The local server over its Unix socket when it has one (what docs/OPERATIONS.md recommends), else TCP. */
function defaultDatabaseUrl(): string {
  const socketDir = '/var/run/postgresql';
  return fs.existsSync(path.join(socketDir, '.s.PGSQL.5432'))
    ? `postgres://postgres@localhost/zd_bench?host=${socketDir}`
    : 'postgres://postgres@127.0.0.1:5432/zd_bench';
}

program.parse();
// The in-process steps call the modules' commands as a server does, with what the modules bring.
registerModules();
const o = program.opts<{
  petitions: string;
  articles: string;
  embedded: string;
  seed: string;
  databaseUrl: string;
  intakeSeconds: string;
  connections: string;
  sweepOpen: string;
  skip: string;
  pool: string;
  reuse?: boolean;
  rollupWorkMem: string;
  out: string;
  docs: boolean;
  quick?: boolean;
  cpuProf?: string;
}>();
if (o.cpuProf) profileServersInto(path.resolve(o.cpuProf));

// --quick overrides the sizes: a developer's before-and-after, not the table's figures.
if (o.quick) {
  Object.assign(o, { petitions: '1e4', embedded: '1e3', intakeSeconds: '5', sweepOpen: '1e4', docs: false, reuse: o.reuse });
  if (program.getOptionValueSource('articles') === 'default') o.articles = '1e3';
  o.skip = [o.skip, 'check'].filter(Boolean).join(',');
  // Its own database, so a quick run never drops the loaded 1e6 data set.
  const url = new URL(o.databaseUrl);
  url.pathname = `${url.pathname}_quick`;
  o.databaseUrl = url.toString();
}

const count = (s: string) => {
  const n = Number(s);
  if (!Number.isFinite(n) || n < 0 || n > 2e7) throw new Error(`not a size: ${s}`);
  return Math.round(n);
};
const petitions = count(o.petitions);
const articles = count(o.articles);
const embedded = count(o.embedded);
const skip = new Set(o.skip.split(',').filter(Boolean));
const intakeSeconds = Math.min(Math.max(Number(o.intakeSeconds), 1), 120);
const connections = Math.min(Math.max(count(o.connections), 1), 256);
const poolSize = Math.min(Math.max(count(o.pool), 1), 100);

function log(line: string) {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
}

function progress(label: string) {
  let last = 0;
  return (done: number, total: number, phase: string) => {
    const now = Date.now();
    if (now - last > 5000 || done === total) {
      last = now;
      log(`${label} ${phase} ${done.toLocaleString('en')}/${total.toLocaleString('en')}`);
    }
  };
}

/** Only loopback: the bench never sends traffic anywhere else. */
function assertLoopback(url: string) {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) throw new Error(`the bench targets 127.0.0.1 only, not ${host}`);
}

function machine() {
  const pgVersion = (() => {
    try {
      return execFileSync('psql', ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  return {
    nproc: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    postgresClient: pgVersion,
    os: `${os.type()} ${os.release()}`,
  };
}

interface Meta {
  petitions: number;
  seed: string;
  now: number;
  load: LoadResult;
}

/** A fresh bench database (or the loaded one, with --reuse), migrated and filled. */
async function serverDataset(url: string): Promise<{ database: Database; world: World; meta: Meta; reused: boolean }> {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`a plain database name please, not "${name}"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    if (exists && o.reuse) {
      const database = openServer(url, poolSize);
      const meta = await sql<{ value: Meta }>`SELECT value FROM bench_meta WHERE key = 'load'`
        .execute(database.db)
        .then((r) => r.rows[0]?.value)
        .catch(() => undefined);
      if (meta && meta.petitions === petitions && meta.seed === o.seed) {
        log(`reusing ${name}: ${petitions.toLocaleString('en')} petitions loaded ${new Date(meta.now).toISOString()}`);
        // Migrations added since the load (an index, say) apply to the loaded data as they would on a live server.
        await migrate(database.pool);
        return { database, world: await loadWorld(database.db, new Random(o.seed)), meta, reused: true };
      }
      await database.close();
    }
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const database = openServer(url, poolSize);
  await migrate(database.pool);
  const now = Date.now();
  log('importing the unit tree (34 provinces, 3,321 communes, ~33,000 villages)');
  const t0 = performance.now();
  const world = await buildWorld(database.db, o.seed, { villagesPerCommune: 10, now: new Date(now) });
  const unitsSeconds = (performance.now() - t0) / 1000;
  log(`units in ${unitsSeconds.toFixed(1)} s; loading ${petitions.toLocaleString('en')} petitions`);
  const runner = new pg.Pool({ connectionString: url, max: 2 });
  const load = await loadPetitions(database.db, serverCopyTarget(url), world, {
    count: petitions,
    seed: o.seed,
    now,
    spanDays: 365,
    parallelIndexBuilds: 2,
    runStatement: async (s) => {
      const c = await runner.connect();
      try {
        await c.query("SET maintenance_work_mem = '1GB'");
        await c.query(s);
      } finally {
        c.release();
      }
    },
    onProgress: progress('load'),
    rebuildRollups: () => rebuildRollups(database.db, { connectionString: url, workMem: o.rollupWorkMem }),
  });
  await runner.end();
  log(`loaded in ${load.totalSeconds.toFixed(1)} s (copy ${load.copySeconds.toFixed(1)} s, indexes ${load.indexSeconds.toFixed(1)} s, rollups ${load.rollupSeconds.toFixed(1)} s)`);
  const meta: Meta = { petitions, seed: o.seed, now, load: { ...load, unitsSeconds } as LoadResult };
  await sql`CREATE TABLE IF NOT EXISTS bench_meta (key text PRIMARY KEY, value jsonb NOT NULL)`.execute(database.db);
  await sql`INSERT INTO bench_meta VALUES ('load', ${JSON.stringify(meta)}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(database.db);
  return { database, world, meta, reused: false };
}

/** Published articles up to `--articles`: a reused database gets only the ones it lacks. */
async function ensureArticles(database: Database, world: World, meta: Meta): Promise<ArticleLoad | { articles: number; reused: true }> {
  const have = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM articles`.execute(database.db)).rows[0].n);
  if (have >= articles) return { articles: have, reused: true };
  log(`loading ${(articles - have).toLocaleString('en')} published articles`);
  const runner = new pg.Pool({ connectionString: o.databaseUrl, max: 2 });
  try {
    const load = await loadArticles(database.db, serverCopyTarget(o.databaseUrl), world, {
      count: articles - have,
      seed: `${o.seed}:${have}`,
      now: meta.now,
      runStatement: async (s) => void (await runner.query(s)),
      onProgress: progress('load'),
    });
    log(`articles in ${load.seconds.toFixed(1)} s (${load.terms.toLocaleString('en')} search terms)`);
    return load;
  } finally {
    await runner.end();
  }
}

async function main() {
  assertLoopback(o.databaseUrl);
  fs.mkdirSync(o.out, { recursive: true });
  const started = new Date();
  const results: Results = { startedAt: started.toISOString(), machine: machine(), options: { petitions, embedded, quick: !!o.quick, seed: o.seed, intakeSeconds, connections, pool: poolSize, via: new URL(o.databaseUrl).searchParams.get('host') ? 'Unix socket' : 'TCP' }, postgres: {}, embedded: {}, loadAverage: {} };
  const step = (name: string) => {
    results.loadAverage[name] = Math.round(os.loadavg()[0] * 100) / 100;
    return true;
  };
  const deadline = setTimeout(() => {
    console.error('the bench ran past its limit of 3 hours; stopping');
    process.exit(2);
  }, 3 * 3600_000);
  deadline.unref();

  // ---- PostgreSQL ----
  step('postgres load');
  const { database, world, meta } = await serverDataset(o.databaseUrl);
  results.postgres.load = meta.load;
  results.postgres.articles = await ensureArticles(database, world, meta);
  const version = await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(database.db);
  results.machine.postgres = version.rows[0].v;
  // Settings that change the figures, as this server has them (a test machine may turn autovacuum off).
  const settings = await sql<{ name: string; setting: string; unit: string | null }>`
    SELECT name, setting, unit FROM pg_settings
     WHERE name IN ('shared_buffers', 'effective_cache_size', 'work_mem', 'random_page_cost', 'jit', 'autovacuum', 'synchronous_commit', 'fsync', 'max_connections', 'max_wal_size', 'wal_compression')
     ORDER BY name`.execute(database.db);
  const sharedBuffers = settings.rows.find((r) => r.name === 'shared_buffers');
  if (sharedBuffers && Number(sharedBuffers.setting) * 8192 < os.totalmem() / 8) {
    // Lookups then leave PostgreSQL's cache for the operating system's, and tail latencies show it.
    const quarter = `${Math.floor(os.totalmem() / 4 / 2 ** 30)}GB`;
    log(`note: shared_buffers is under an eighth of this machine's memory; docs/OPERATIONS.md recommends about a quarter (ALTER SYSTEM SET shared_buffers = '${quarter}', then restart PostgreSQL)`);
  }
  results.machine.postgresSettings = settings.rows
    .map((r) => (r.unit === '8kB' ? `${r.name} ${(Number(r.setting) * 8) / 1024} MB` : r.unit === 'kB' ? `${r.name} ${Number(r.setting) / 1024} MB` : r.unit === 'MB' ? `${r.name} ${r.setting} MB` : `${r.name} ${r.setting}`))
    .join(', ');
  const serverEnv = { DATABASE_URL: o.databaseUrl, ZD_DB_POOL_SIZE: String(poolSize), ZD_RATE_ANONYMOUS_WRITES: '1000000000' };
  const context = { database, world, meta, seed: o.seed, log, connections, intakeSeconds };
  await markSwept(database.db, Date.now());
  const folded = await foldAsTheWorker(database.db);
  if (folded) log(`folded ${folded.toLocaleString('en')} figures' deltas, as a deployment's worker does every ten seconds`);
  const sessions = await prepareSessions(database.db, world);
  let server = await startServerProcess(serverEnv);
  try {
    if (!skip.has('reads') && step('postgres reads')) results.postgres.reads = await measureReads(context, server.url, sessions);
    if (!skip.has('figures') && step('postgres figures')) results.postgres.figures = await measureFigures(context, server.url);
    if (!skip.has('paths') && step('postgres paths')) results.postgres.paths = await measurePaths(context, server.url, sessions, { seconds: o.quick ? 2 : 5 });
    if (!skip.has('intake') && step('postgres intake')) results.postgres.intake = await measureIntake(context, server.url);
  } finally {
    await server.stop();
  }
  if (!skip.has('limit') && step('postgres limit')) results.postgres.limit = await measureLimit(context);
  if (!skip.has('check') && step('postgres check')) results.postgres.check = await checkFigures({ ...context, databaseUrl: o.databaseUrl });
  if (!skip.has('sweep') && step('postgres sweep')) results.postgres.sweep = await measureSweep({ ...context, databaseUrl: o.databaseUrl, sweepOpen: count(o.sweepOpen) });
  await database.close();

  // ---- the embedded database ----
  if (embedded > 0 && !skip.has('embedded')) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-bench-'));
    try {
      log(`embedded: loading ${embedded.toLocaleString('en')} petitions into ${dir}`);
      const pglite = await PGlite.create(path.join(dir, 'pg'), { extensions: pgliteExtensions });
      let db = fromPglite(pglite);
      await migrate(db.pool);
      const now = Date.now();
      const t0 = performance.now();
      const eworld = await buildWorld(db.db, o.seed, { villagesPerCommune: 10, now: new Date(now) });
      const unitsSeconds = (performance.now() - t0) / 1000;
      const load = await loadPetitions(db.db, pgliteCopyTarget(pglite), eworld, {
        count: embedded,
        seed: o.seed,
        now,
        spanDays: 365,
        parallelIndexBuilds: 1,
        runStatement: async (s) => void (await pglite.exec(s)),
        onProgress: progress('embedded load'),
        rebuildRollups: () => rebuildRollups(db.db),
      });
      results.embedded.load = { ...load, unitsSeconds } as LoadResult;
      log(`embedded: loaded in ${load.totalSeconds.toFixed(1)} s`);
      await markSwept(db.db, Date.now());
      const esessions = await prepareSessions(db.db, eworld);
      await db.close();
      const emeta = { petitions: embedded, seed: o.seed, now, load };
      server = await startServerProcess({ ZD_DATA_DIR: dir, ZD_RATE_ANONYMOUS_WRITES: '1000000000' }, { timeoutMs: 120_000 });
      // The server holds the data directory now: reads, figures and intake go through it.
      const reader = { database: db, world: eworld, meta: emeta, seed: o.seed, log, connections, intakeSeconds };
      try {
        step('embedded');
        results.embedded.reads = await measureReads(reader, server.url, esessions);
        results.embedded.figures = await measureFigures(reader, server.url, { naive: false });
        results.embedded.intake = await measureIntake(reader, server.url);
      } finally {
        await server.stop();
      }
      db = fromPglite(await PGlite.create(path.join(dir, 'pg'), { extensions: pgliteExtensions }));
      results.embedded.limit = await measureLimit({ ...reader, database: db });
      await db.close();
    } catch (e) {
      // The PostgreSQL figures are worth writing even when the embedded part fails.
      log(`embedded: ${(e as Error).message}`);
      results.embedded.error = (e as Error).message.slice(0, 2000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  results.finishedAt = new Date().toISOString();
  const written = writeReport(results, { dir: o.out, docs: o.docs });
  log(`results: ${written.json}`);
  log(`table:   ${written.markdown}`);
  if (written.docs) log(`updated ${written.docs}`);
}

main()
  .then(() => process.exit(0))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
