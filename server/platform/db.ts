import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { Kysely, PostgresDialect, sql, type CompiledQuery, type Insertable, type RawBuilder } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { DB } from '../schema.ts';

// int8 (counts, bigint ids) as numbers: every id and count we keep stays far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// numeric (averages, rates) as numbers.
pg.types.setTypeParser(1700, (v) => Number(v));
// date stays 'YYYY-MM-DD': a calendar day has no time zone.
pg.types.setTypeParser(1082, (v) => v);

export type Backend = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  pool: pg.Pool;
  backend: Backend;
  close(): Promise<void>;
}

export const pgliteExtensions = { pg_trgm, unaccent };

export class DataDirInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The data directory ${dir} is already in use by another Zero Distance process (pid ${pid}). ` +
        `Stop that process first, or set ZD_DATA_DIR to another directory. ` +
        `Two processes on one embedded database would lose data.`,
    );
    this.name = 'DataDirInUseError';
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no lock of its own: two processes on one directory silently lose rows.
 * A lock file created with O_EXCL holds our pid; a lock left by a dead process is taken over.
 */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'zerodistance.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return () => {
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && pidAlive(pid)) {
        throw new DataDirInUseError(dir, pid);
      }
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not lock ${dir}`);
}

/** The Database each query builder belongs to, so that executePrepared finds its pool from the builder alone. */
const databaseOf = new WeakMap<Kysely<DB>, Database>();

function wrap(pool: pg.Pool, backend: Backend, after: () => Promise<void>): Database {
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  const database: Database = {
    db,
    pool,
    backend,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy(); // ends the pool
      await after();
    },
  };
  databaseOf.set(db, database);
  return database;
}

/** The embedded database: PGlite persisted under `dir/pg`, reached through the `pg` driver. */
export async function openEmbedded(dir: string): Promise<Database> {
  const unlock = lockDataDir(dir);
  try {
    const pglite = await PGlite.create(path.join(dir, 'pg'), { extensions: pgliteExtensions });
    return fromPglite(pglite, async () => {
      await pglite.close();
      unlock();
    });
  } catch (e) {
    unlock();
    throw e;
  }
}

/** Wraps a PGlite instance (for tests that load a prepared data directory). */
export function fromPglite(pglite: PGlite, after: () => Promise<void> = () => pglite.close()): Database {
  const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
  return wrap(pool, 'pglite', after);
}

const preparedNames = new Map<string, string>();

/**
 * Runs fn in a transaction, or inside the caller's when it already is one (an import or the demo
 * seeder writes many rows through the modules' commands in one transaction).
 */
export function inTransaction<T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/**
 * Runs a statement that PostgreSQL keeps prepared on each pooled connection: parsed and
 * planned once per connection instead of on every call (for intake, about a third of the
 * database's CPU per petition). Only for the hottest statements, whose text has a few fixed
 * shapes and whose best plan does not depend on the values. Given a transaction, it runs
 * there as an ordinary statement; so it does on the embedded database, whose connection does
 * not survive an error in a named statement (and which has no network round trip to save).
 * Without `given`, the database is the one `db` was opened on.
 */
export async function executePrepared<R>(
  db: Kysely<DB>,
  given: Database | undefined,
  query: CompiledQuery,
  opts: { genericPlan?: boolean } = {},
): Promise<R[]> {
  const database = given ?? databaseOf.get(db);
  if (db.isTransaction || database?.backend !== 'postgres') return (await db.executeQuery<R>(query)).rows;
  let name = preparedNames.get(query.sql);
  if (!name) {
    name = `zd_${crypto.createHash('sha256').update(query.sql).digest('hex').slice(0, 24)}`;
    preparedNames.set(query.sql, name);
  }
  const statement = { name, text: query.sql, values: query.parameters as unknown[] };
  if (!opts.genericPlan) return (await database.pool.query<R & pg.QueryResultRow>(statement)).rows;
  // PostgreSQL plans a prepared statement again on every call for as long as its plan for any
  // values looks costlier than the plans for the values at hand, which for a large statement
  // can cost more than running it; genericPlan keeps the one plan (the caller vouches for it).
  const client = await database.pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('SET plan_cache_mode = force_generic_plan');
    return (await client.query<R & pg.QueryResultRow>(statement)).rows;
  } finally {
    try {
      await client.query('RESET plan_cache_mode');
    } catch (e) {
      broken = e as Error;
    }
    client.release(broken);
  }
}

export function openServer(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => {});
  return wrap(pool, 'postgres', async () => {});
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string; databasePoolSize?: number }): Promise<Database> {
  return opts.databaseUrl ? openServer(opts.databaseUrl, opts.databasePoolSize) : openEmbedded(opts.dataDir);
}

/**
 * A list of fixed words (a domain list such as the open statuses) written into the statement as
 * literals, `('a', 'b')`, so that the planner can prove a partial index's predicate from it;
 * parameters would hide the values from it. Only for the project's own constant lists.
 */
export function literalList(values: readonly string[]): RawBuilder<unknown> {
  if (values.some((v) => !/^[a-z_]+$/.test(v))) throw new Error(`not a list of plain words: ${values.join(', ')}`);
  return sql.raw(`(${values.map((v) => `'${v}'`).join(', ')})`);
}

/**
 * The paths under `path` (itself included) as two bounds in the order of a text_pattern_ops
 * index. A prefix LIKE with a parameter becomes a range of the index only in a plan made for
 * its value; the bounds stay a range in the plan PostgreSQL keeps for a prepared statement.
 */
export function underPath(column: RawBuilder<unknown>, path: string): RawBuilder<boolean> {
  const above = path.slice(0, -1) + String.fromCharCode(path.charCodeAt(path.length - 1) + 1);
  return sql<boolean>`(${column} ~>=~ ${path} AND ${column} ~<~ ${above})`;
}

/** The tables whose rows have an `id`. */
type TableWithId = { [K in keyof DB]: 'id' extends keyof DB[K] ? K : never }[keyof DB];

/**
 * Inserts one row and answers its id, the one way every *.queries.ts writes "insert … returning
 * id".
 */
export async function insertReturningId<T extends TableWithId>(db: Kysely<DB>, table: T, values: Insertable<DB[T]>): Promise<number> {
  // Kysely cannot follow a table chosen by a type parameter; `values` is checked against the table above.
  const row = await (db as unknown as Kysely<Record<string, { id: unknown }>>)
    .insertInto(table)
    .values(values as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * The id of the agency or service point of this kind and name in this unit, if there is one
 * (seeding and imports look before they add).
 */
export async function namedPlaceId(db: Kysely<DB>, table: 'agencies' | 'service_points', unitId: number, kind: string, name: string): Promise<number | undefined> {
  const { rows } = await sql<{ id: number }>`
    SELECT id FROM ${sql.table(table)} WHERE unit_id = ${unitId} AND kind = ${kind} AND name = ${name} ORDER BY id LIMIT 1`.execute(db);
  return rows[0] === undefined ? undefined : Number(rows[0].id);
}
