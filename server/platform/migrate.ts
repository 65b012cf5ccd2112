import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { CompiledQuery, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'migrations');
/** Where each SQL function's current definition lives, one `<name>.sql` file per function. */
export const functionsDir = path.join(migrationsDir, 'functions');

export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationChangedError extends Error {
  constructor(file: string) {
    super(
      `Migration ${file} was changed after it was applied to this database. ` +
        `Applied migrations must never be edited: restore the file and put the change in a new migration.`,
    );
    this.name = 'MigrationChangedError';
  }
}

/** A pending migration sorts before one already applied: the database would miss it or run it out of order. */
export class MigrationOutOfOrderError extends Error {
  constructor(
    readonly pending: string[],
    latest: string,
  ) {
    super(
      `Migration${pending.length > 1 ? 's' : ''} ${pending.join(', ')} ${pending.length > 1 ? 'have' : 'has'} a number below ` +
        `${latest}, which this database already has: migration numbers only grow. Nothing was applied. ` +
        `Give the new migration a number after every released one.`,
    );
    this.name = 'MigrationOutOfOrderError';
  }
}

/** The database holds migrations this code does not have: it was upgraded by a newer version. */
export class SchemaNewerError extends Error {
  constructor(readonly unknown: string[]) {
    super(
      `The database schema is newer than this version of Zero Distance: migration${unknown.length > 1 ? 's' : ''} ` +
        `${unknown.join(', ')} ${unknown.length > 1 ? 'were' : 'was'} applied by a newer version. ` +
        `Run the newer version, or restore the backup taken before the upgrade (docs/OPERATIONS.md).`,
    );
    this.name = 'SchemaNewerError';
  }
}

export interface MigrationState {
  name: string;
  /** null while pending. */
  appliedAt: Date | null;
  /** Applied to the database but unknown to this code. */
  unknown?: true;
}

interface AppliedRow {
  version: string;
  name: string;
  checksum: string;
  applied_at: Date;
}

/** A pool, a client, or any connection that runs SQL text with parameters. */
interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

async function appliedRows(db: Queryable): Promise<AppliedRow[]> {
  const { rows } = await db.query<AppliedRow & pg.QueryResultRow>('SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version');
  return rows;
}

function unknownApplied(applied: AppliedRow[], migrations: Migration[]): string[] {
  const known = new Set(migrations.map((m) => m.version));
  return applied.filter((r) => !known.has(r.version)).map((r) => r.name);
}

/**
 * Every migration this code knows, applied (with when) or pending, then any the database holds
 * that this code does not know. Reads only: a database never migrated shows everything pending.
 */
export async function migrationStatus(pool: pg.Pool, migrations = readMigrations()): Promise<MigrationState[]> {
  const exists = await pool.query<{ t: string | null }>(`SELECT to_regclass('public.schema_migrations')::text AS t`);
  const applied = exists.rows[0].t ? await appliedRows(pool) : [];
  const byVersion = new Map(applied.map((r) => [r.version, r]));
  const known: MigrationState[] = migrations.map((m) => ({ name: m.name, appliedAt: byVersion.get(m.version)?.applied_at ?? null }));
  const unknown = new Set(unknownApplied(applied, migrations));
  return [
    ...known,
    ...applied.filter((r) => unknown.has(r.name)).map((r) => ({ name: r.name, appliedAt: r.applied_at, unknown: true as const })),
  ];
}

/** Runs SQL text on a Kysely connection, for code written against `pg` (the migrations). */
export function queryable(db: Kysely<DB>): Queryable {
  return { query: async (text, values) => db.executeQuery(CompiledQuery.raw(text, values ?? [])) as never };
}

/** The names of the migrations applied to a database, in order (none when it has no schema). */
export async function appliedMigrationNames(db: Queryable | Kysely<DB>): Promise<string[]> {
  const q: Queryable = 'executeQuery' in db ? queryable(db) : db;
  const exists = await q.query<{ t: string | null }>(`SELECT to_regclass('public.schema_migrations')::text AS t`);
  if (!exists.rows[0].t) return [];
  return (await appliedRows(q)).map((r) => r.name);
}

function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

export function readMigrations(dir = migrationsDir): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = fs.readFileSync(path.join(dir, file), 'utf8');
      return { version: file.slice(0, 4), name: file.replace(/\.sql$/, ''), sql, checksum: sha256(sql) };
    });
}

/** One SQL function's current definition: `CREATE OR REPLACE FUNCTION <name>…`. */
interface FunctionFile {
  name: string;
  sql: string;
  checksum: string;
}

/** The function files, by name (none when the folder does not exist). */
export function readFunctionFiles(dir = functionsDir): FunctionFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((file) => {
      const sql = fs.readFileSync(path.join(dir, file), 'utf8');
      return { name: file.replace(/\.sql$/, ''), sql, checksum: sha256(sql) };
    });
}

/**
 * Applies every pending migration, then every function file whose content changed, in one
 * transaction, under an advisory lock so that several servers starting at once on one
 * PostgreSQL apply each once. Refuses a database holding migrations this code does not know
 * (SchemaNewerError) and a pending migration numbered below an applied one
 * (MigrationOutOfOrderError). Returns the names of the migrations applied.
 */
export async function migrate(pool: pg.Pool, migrations = readMigrations(), functions = readFunctionFiles()): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const done = await applyMigrations(client, migrations);
    await applyFunctionFiles(client, functions);
    await client.query('COMMIT');
    return done;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/**
 * What migrate() does, in the caller's open transaction (a restore creates the schema and loads
 * the rows in one): takes the advisory lock, refuses a newer schema or an edited migration, and
 * applies the pending ones. Returns the names applied.
 */
export async function applyMigrations(client: Queryable, migrations: Migration[]): Promise<string[]> {
  await client.query('SELECT pg_advisory_xact_lock(7261001)');
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now())`);
  const rows = await appliedRows(client);
  // Older code must not run on a schema it does not know, nor migrate under it.
  const unknown = unknownApplied(rows, migrations);
  if (unknown.length) throw new SchemaNewerError(unknown);
  const applied = new Map(rows.map((r) => [r.version, r]));
  for (const m of migrations) {
    const before = applied.get(m.version);
    if (before && before.checksum !== m.checksum) throw new MigrationChangedError(`${m.name}.sql`);
  }
  const pending = migrations.filter((m) => !applied.has(m.version));
  // A migration slipped in below the latest applied one would run after it here but before it on
  // a new database: the two would end with different schemas.
  const latest = rows.at(-1);
  const early = latest ? pending.filter((m) => m.version < latest.version) : [];
  if (latest && early.length) throw new MigrationOutOfOrderError(early.map((m) => m.name), latest.name);
  const done: string[] = [];
  for (const m of pending) {
    await client.query(m.sql);
    await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
    done.push(m.name);
  }
  return done;
}

/**
 * Applies each function file whose content differs from what the database last applied, in
 * the caller's transaction, and forgets files that are gone (a migration dropped the function).
 * A database whose migrations predate the function files (no schema_functions table, as while
 * a restore loads an older backup's schema) keeps the definitions its migrations made.
 * Returns the names applied.
 */
async function applyFunctionFiles(client: Queryable, functions: FunctionFile[]): Promise<string[]> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('public.schema_functions')::text AS t`);
  if (!exists.rows[0].t) return [];
  const { rows } = await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_functions');
  const recorded = new Map(rows.map((r) => [r.name, r.checksum]));
  const done: string[] = [];
  for (const f of functions) {
    if (recorded.get(f.name) === f.checksum) continue;
    await client.query(f.sql);
    await client.query(
      `INSERT INTO schema_functions (name, checksum) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET checksum = excluded.checksum, applied_at = now()`,
      [f.name, f.checksum],
    );
    done.push(f.name);
  }
  const gone = rows.map((r) => r.name).filter((name) => !functions.some((f) => f.name === name));
  if (gone.length) await client.query('DELETE FROM schema_functions WHERE name = ANY($1)', [gone]);
  return done;
}
