/**
 * Bulk loading: secondary indexes, unique and foreign-key constraints of the petition tables
 * are set aside, the rows stream in with COPY (one connection per table, all at once), then
 * every index and constraint is built again exactly as the migrations define them (their
 * definitions are read from the catalog before they are dropped) and the tables analysed.
 */
import os from 'node:os';
import { Writable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { PGlite } from '@electric-sql/pglite';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../server/schema.ts';
import { searchTextOf } from '../server/modules/petitions/intake/submitPetition.ts';
import { allTexts } from './texts.ts';
import { GeneratorThreads } from './generatorThreads.ts';
import { auditColumns, eventColumns, petitionColumns, petitionerColumns, checkAuditHash, ratingColumns, type Batch, type World } from './workload.ts';

const loadedTables = ['petitions', 'petitioners', 'petition_events', 'petition_ratings', 'audit_events'] as const;
type Table = (typeof loadedTables)[number];

const columnsOf: Record<Table, readonly string[]> = {
  petitions: petitionColumns,
  petitioners: petitionerColumns,
  petition_events: eventColumns,
  petition_ratings: ratingColumns,
  audit_events: auditColumns,
};

const batchKey: Record<Table, keyof Batch['lines']> = {
  petitions: 'petitions',
  petitioners: 'petitioners',
  petition_events: 'events',
  petition_ratings: 'ratings',
  audit_events: 'audit',
};

/** Where COPY text goes: a PostgreSQL server (streams) or PGlite (one COPY per chunk). */
export interface CopyTarget {
  open(table: string, columns: readonly string[]): Promise<{ write(text: string | Uint8Array<ArrayBuffer>): Promise<void>; end(): Promise<void> }>;
}

export function serverCopyTarget(connectionString: string): CopyTarget {
  return {
    async open(table, columns) {
      const client = new pg.Client({ connectionString });
      await client.connect();
      await client.query('SET synchronous_commit = off');
      const stream: Writable = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
      const failed = new Promise<never>((_, reject) => stream.on('error', reject));
      failed.catch(() => {});
      return {
        async write(text) {
          if (!text.length) return;
          if (!stream.write(text)) await Promise.race([new Promise((r) => stream.once('drain', r)), failed]);
        },
        async end() {
          await Promise.race([new Promise((r) => stream.end(r)), failed]);
          await client.end();
        },
      };
    },
  };
}

export function pgliteCopyTarget(pglite: PGlite): CopyTarget {
  return {
    async open(table, columns) {
      return {
        async write(text) {
          if (!text.length) return;
          await pglite.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob: new Blob([text]) });
        },
        async end() {},
      };
    },
  };
}

interface SetAside {
  indexes: Array<{ name: string; def: string }>;
  constraints: Array<{ table: string; name: string; def: string; type: 'u' | 'f' }>;
}

/** Drops the secondary indexes and the unique and foreign-key constraints, returning their definitions. */
export async function setAsideIndexes(db: Kysely<DB>, tables: readonly string[]): Promise<SetAside> {
  const constraints = (
    await sql<{ table: string; name: string; def: string; type: 'u' | 'f' }>`
      SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def, contype AS type
        FROM pg_constraint
       WHERE conrelid::regclass::text = ANY(${[...tables]}::text[]) AND contype IN ('u', 'f')
       ORDER BY contype DESC, conname`.execute(db)
  ).rows;
  const indexes = (
    await sql<{ name: string; def: string }>`
      SELECT indexname AS name, indexdef AS def FROM pg_indexes
       WHERE schemaname = current_schema() AND tablename = ANY(${[...tables]}::text[])
         AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u', 'x'))
       ORDER BY indexname`.execute(db)
  ).rows;
  // Foreign keys first ('f' sorts after 'u': DESC puts them first), then unique constraints.
  for (const c of constraints) await sql.raw(`ALTER TABLE ${c.table} DROP CONSTRAINT ${c.name}`).execute(db);
  for (const i of indexes) await sql.raw(`DROP INDEX ${i.name}`).execute(db);
  return { indexes, constraints };
}

/** Builds them again: indexes, then unique constraints, then foreign keys (validated in one pass each). */
export async function restoreIndexes(run: (statement: string) => Promise<void>, aside: SetAside, parallel: number): Promise<void> {
  const queue = [
    ...aside.indexes.map((i) => i.def),
    ...aside.constraints.filter((c) => c.type === 'u').map((c) => `ALTER TABLE ${c.table} ADD CONSTRAINT ${c.name} ${c.def}`),
  ];
  const workers = Array.from({ length: parallel }, async () => {
    for (let s = queue.shift(); s; s = queue.shift()) await run(s);
  });
  await Promise.all(workers);
  // Foreign keys lock their referenced tables: one at a time.
  for (const c of aside.constraints.filter((c) => c.type === 'f')) await run(`ALTER TABLE ${c.table} ADD CONSTRAINT ${c.name} ${c.def}`);
}

/** The search vector of every workload text, computed by the server's own function and to_tsvector. */
export async function searchVectors(db: Kysely<DB>): Promise<string[]> {
  const out: string[] = [];
  for (const t of allTexts()) {
    const { rows } = await sql<{ v: string }>`SELECT to_tsvector('simple', ${searchTextOf([t.title, t.body, t.category])})::text AS v`.execute(db);
    out[t.id] = rows[0].v.replace(/\\/g, '\\\\');
  }
  return out;
}

export interface LoadResult {
  petitions: number;
  rows: Record<Table, number>;
  copySeconds: number;
  indexSeconds: number;
  rollupSeconds: number;
  totalSeconds: number;
  firstId: number;
  lastId: number;
}

async function nextId(db: Kysely<DB>, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT coalesce(max(id), 0)::bigint + 1 AS n FROM ${sql.table(table)}`.execute(db);
  return Number(rows[0].n);
}

/**
 * Loads `count` petitions (with petitioners, timelines, ratings and audit chains) into a
 * migrated database that holds the world's units and officials.
 */
export async function loadPetitions(
  db: Kysely<DB>,
  target: CopyTarget,
  world: World,
  opts: {
    count: number;
    seed: string;
    now: number;
    spanDays: number;
    openOnly?: boolean;
    batch?: number;
    /** Threads that make the rows (bench/generator.worker.ts); one per core by default. */
    generatorThreads?: number;
    runStatement: (statement: string) => Promise<void>;
    parallelIndexBuilds: number;
    onProgress?: (done: number, total: number, phase: string) => void;
    /** Recomputes derived tables (the figures' rollups) from the loaded rows. */
    rebuildRollups?: () => Promise<void>;
  },
): Promise<LoadResult> {
  const started = performance.now();
  checkAuditHash();
  const vectors = await searchVectors(db);
  const firstId = await nextId(db, 'petitions');
  const aside = await setAsideIndexes(db, loadedTables);
  // Row triggers (the figures' deltas) would fire per row: off during the load, and the
  // rollups are rebuilt from the loaded rows afterwards (opts.rebuildRollups).
  const { rows: triggers } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM pg_trigger WHERE tgrelid = 'petitions'::regclass AND NOT tgisinternal`.execute(db);
  const hasTriggers = triggers[0].n > 0;
  if (hasTriggers) await sql`ALTER TABLE petitions DISABLE TRIGGER USER`.execute(db);
  const sinks = await Promise.all(loadedTables.map((t) => target.open(t, columnsOf[t])));
  const rows = Object.fromEntries(loadedTables.map((t) => [t, 0])) as Record<Table, number>;
  const size = opts.batch ?? 5000;
  const generator = new GeneratorThreads(
    world,
    { seed: opts.seed, now: opts.now, spanDays: opts.spanDays, searchVectors: vectors, openOnly: opts.openOnly, firstId, count: opts.count },
    opts.generatorThreads ?? os.availableParallelism(),
  );
  try {
    let done = 0;
    for await (const batch of generator.batches(firstId, firstId + opts.count, size)) {
      await Promise.all(
        loadedTables.map((t, i) => {
          rows[t] += batch.lines[batchKey[t]];
          return sinks[i].write(batch[batchKey[t]]);
        }),
      );
      done += batch.lines.petitions;
      opts.onProgress?.(done, opts.count, 'copy');
    }
    await Promise.all(sinks.map((s) => s.end()));
  } catch (e) {
    await Promise.allSettled(sinks.map((s) => s.end()));
    throw e;
  } finally {
    await generator.close();
  }
  const copied = performance.now();
  opts.onProgress?.(0, aside.indexes.length + aside.constraints.length, 'indexes');
  await restoreIndexes(opts.runStatement, aside, opts.parallelIndexBuilds);
  for (const t of loadedTables) {
    await sql.raw(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT max(id) FROM ${t}))`).execute(db);
  }
  let rollupSeconds = 0;
  if (hasTriggers) {
    await sql`ALTER TABLE petitions ENABLE TRIGGER USER`.execute(db);
    const t = performance.now();
    await opts.rebuildRollups?.();
    rollupSeconds = (performance.now() - t) / 1000;
  }
  // VACUUM as well: it sets the visibility map, as autovacuum would in a running system.
  for (const t of loadedTables) await opts.runStatement(`VACUUM (ANALYZE) ${t}`);
  const finished = performance.now();
  return {
    petitions: opts.count,
    rows,
    copySeconds: (copied - started) / 1000,
    indexSeconds: (finished - copied) / 1000 - rollupSeconds,
    rollupSeconds,
    totalSeconds: (finished - started) / 1000,
    firstId,
    lastId: firstId + opts.count - 1,
  };
}

/**
 * The loaded history counts as swept: each stage of the deadline sweep is marked done up to
 * its window's end at `now`, as if the sweep had run every minute all along. Without it the
 * first server started on the data would spend its first minutes (and the measurements) on
 * reminders and overdue notices for the whole history.
 */
export async function markSwept(db: Kysely<DB>, now: number): Promise<void> {
  const { rows } = await sql<{ ok: boolean }>`SELECT to_regclass('deadline_sweep_state') IS NOT NULL AS ok`.execute(db);
  if (!rows[0].ok) return;
  await sql`DELETE FROM deadline_sweep_state`.execute(db);
  await sql`INSERT INTO deadline_sweep_state (stage, done_until) VALUES
              ('overdue', ${new Date(now)}), ('reminder_final', ${new Date(now + 24 * 3600_000)}),
              ('reminder_early', ${new Date(now + 72 * 3600_000)})`.execute(db);
}
