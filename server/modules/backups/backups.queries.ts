/**
 * Every statement of backups and restores. They read the catalog rather than a list of tables,
 * so a table a later migration adds is backed up without a change here.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import type { AuditHeads, SequenceState } from './backups.format.ts';

type Conn = Kysely<DB>;

export interface TableInfo {
  name: string;
  /** Every column, in order. */
  columns: string[];
  /** Columns a row is inserted with: not the generated ones. */
  insertable: string[];
  /** Primary key columns; text ones are ordered bytewise (COLLATE "C"), the same on every server. */
  key: Array<{ name: string; collatable: boolean }>;
}


/** The session settings every backup and restore reads and writes values under: output is the same on every server. */
async function settleOutput(conn: Conn): Promise<void> {
  await sql`SET LOCAL TimeZone = 'UTC'`.execute(conn);
  await sql`SET LOCAL DateStyle = 'ISO, YMD'`.execute(conn);
  await sql`SET LOCAL IntervalStyle = 'postgres'`.execute(conn);
  await sql`SET LOCAL extra_float_digits = 1`.execute(conn);
  await sql`SET LOCAL bytea_output = 'hex'`.execute(conn);
}

export async function beginSnapshot(conn: Conn): Promise<void> {
  await sql`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`.execute(conn);
  await settleOutput(conn);
}

export async function begin(conn: Conn): Promise<void> {
  await sql`BEGIN`.execute(conn);
  await settleOutput(conn);
}

export async function commit(conn: Conn): Promise<void> {
  await sql`COMMIT`.execute(conn);
}

export async function rollback(conn: Conn): Promise<void> {
  await sql`ROLLBACK`.execute(conn);
}

/** The tables of the schema, parents of foreign keys before their children. */
export async function listTables(conn: Conn): Promise<TableInfo[]> {
  const { rows } = await sql<{ name: string; columns: string[]; generated: boolean[]; key: string[] | null; key_collatable: boolean[] | null }>`
    SELECT c.relname AS name,
           array_agg(a.attname::text ORDER BY a.attnum) AS columns,
           array_agg(a.attgenerated <> '' ORDER BY a.attnum) AS generated,
           (SELECT array_agg(ka.attname::text ORDER BY k.ord)
              FROM pg_constraint pk
              CROSS JOIN LATERAL unnest(pk.conkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute ka ON ka.attrelid = c.oid AND ka.attnum = k.attnum
             WHERE pk.conrelid = c.oid AND pk.contype = 'p') AS key,
           (SELECT array_agg(ka.attcollation <> 0 ORDER BY k.ord)
              FROM pg_constraint pk
              CROSS JOIN LATERAL unnest(pk.conkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute ka ON ka.attrelid = c.oid AND ka.attnum = k.attnum
             WHERE pk.conrelid = c.oid AND pk.contype = 'p') AS key_collatable
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname NOT IN ('schema_migrations', 'schema_functions')
     GROUP BY c.oid, c.relname
     ORDER BY c.relname`.execute(conn);
  const edges = await sql<{ child: string; parent: string }>`
    SELECT DISTINCT ch.relname AS child, pa.relname AS parent
      FROM pg_constraint f
      JOIN pg_class ch ON ch.oid = f.conrelid
      JOIN pg_class pa ON pa.oid = f.confrelid
      JOIN pg_namespace n ON n.oid = ch.relnamespace
     WHERE f.contype = 'f' AND n.nspname = 'public' AND ch.oid <> pa.oid`.execute(conn);
  const tables = rows.map((r) => ({
    name: r.name,
    columns: r.columns,
    insertable: r.columns.filter((_, i) => !r.generated[i]),
    key: (r.key ?? []).map((name, i) => ({ name, collatable: r.key_collatable![i] })),
  }));
  // Parents first (a depth-first order over the foreign keys), then by name.
  const parents = new Map<string, string[]>();
  for (const e of edges.rows) parents.set(e.child, [...(parents.get(e.child) ?? []), e.parent]);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || !byName.has(name)) return;
    seen.add(name);
    for (const parent of parents.get(name) ?? []) visit(parent);
    ordered.push(byName.get(name)!);
  };
  for (const t of tables) visit(t.name);
  return ordered;
}

function orderBy(t: TableInfo) {
  if (t.key.length === 0) return sql`ORDER BY row_to_json(t)::text COLLATE "C"`;
  return sql`ORDER BY ${sql.join(t.key.map((k) => (k.collatable ? sql`t.${sql.id(k.name)} COLLATE "C"` : sql`t.${sql.id(k.name)}`)))}`;
}

/**
 * Every row of a table as PostgreSQL's JSON text, in key order, through a cursor: `onBatch`
 * gets `batch` rows at a time (fewer for tables of files), never the whole table.
 */
export async function readRows(conn: Conn, t: TableInfo, batch: number, onBatch: (rows: string[]) => Promise<void>): Promise<void> {
  await sql`DECLARE zd_backup_rows NO SCROLL CURSOR FOR
    SELECT row_to_json(t)::text AS j FROM ${sql.table(t.name)} t ${orderBy(t)}`.execute(conn);
  try {
    for (;;) {
      const { rows } = await sql<{ j: string }>`FETCH ${sql.raw(String(batch))} FROM zd_backup_rows`.execute(conn);
      if (rows.length) await onBatch(rows.map((r) => r.j));
      if (rows.length < batch) break;
    }
  } finally {
    await sql`CLOSE zd_backup_rows`.execute(conn);
  }
}

/** Tables holding files (bytea) are read a few rows at a time. */
export async function tablesWithFiles(conn: Conn): Promise<Set<string>> {
  const { rows } = await sql<{ name: string }>`
    SELECT DISTINCT c.relname AS name
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND a.atttypid = 'bytea'::regtype AND a.attnum > 0 AND NOT a.attisdropped`.execute(conn);
  return new Set(rows.map((r) => r.name));
}

export async function listSequences(conn: Conn): Promise<SequenceState[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`.execute(conn);
  const states: SequenceState[] = [];
  for (const { name } of rows) {
    const { rows: s } = await sql<{ last_value: number; is_called: boolean }>`SELECT last_value, is_called FROM ${sql.table(name)}`.execute(conn);
    states.push({ name, lastValue: Number(s[0].last_value), isCalled: s[0].is_called });
  }
  return states;
}

export async function attachmentTotals(conn: Conn): Promise<{ count: number; bytes: number }> {
  const { rows } = await sql<{ count: number; bytes: number }>`
    SELECT count(*)::int AS count, coalesce(sum(size), 0)::bigint AS bytes FROM attachment_contents`.execute(conn);
  return { count: Number(rows[0].count), bytes: Number(rows[0].bytes) };
}

/** Attachment contents whose bytes do not hash to their name. */
export async function damagedAttachments(conn: Conn): Promise<string[]> {
  const { rows } = await sql<{ sha256: string }>`
    SELECT sha256 FROM attachment_contents WHERE encode(sha256(data), 'hex') <> sha256 ORDER BY sha256 LIMIT 10`.execute(conn);
  return rows.map((r) => r.sha256);
}

/** The audit trail's size and the digest of every chain's head (its last event), read in batches. */
export async function auditHeads(conn: Conn, digest: { add(row: { event_id: number; subject_type: string; subject_id: string; seq: number; hash: string }): void; digest(): string }): Promise<AuditHeads> {
  const { rows: totals } = await sql<{ events: number }>`SELECT count(*)::int AS events FROM audit_events`.execute(conn);
  let chains = 0;
  for (let after = 0; ; ) {
    const { rows } = await sql<{ event_id: number; subject_type: string; subject_id: string; seq: number; hash: string }>`
      SELECT e.id AS event_id, e.subject_type, e.subject_id, e.seq, e.hash
        FROM audit_events e
       WHERE e.id > ${after}
         AND NOT EXISTS (SELECT 1 FROM audit_events later
                          WHERE later.subject_type = e.subject_type AND later.subject_id = e.subject_id AND later.seq > e.seq)
       ORDER BY e.id
       LIMIT 5000`.execute(conn);
    for (const row of rows) digest.add(row);
    chains += rows.length;
    if (rows.length < 5000) break;
    after = rows[rows.length - 1].event_id;
  }
  const { rows: checkpoint } = await sql<{ id: number; hash: string }>`
    SELECT id, hash FROM audit_checkpoints WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1`.execute(conn);
  return { events: Number(totals[0].events), chains, headsSha256: digest.digest(), latestCheckpoint: checkpoint[0] ? { id: Number(checkpoint[0].id), hash: checkpoint[0].hash } : null };
}

/** The tables of the schema public, whatever they are (a restore needs none). */
export async function existingTables(conn: Conn): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname LIMIT 5`.execute(conn);
  return rows.map((r) => r.name);
}

/** Empties every table (the rows the migrations put there come back from the backup). */
export async function emptyTables(conn: Conn, tables: TableInfo[]): Promise<void> {
  if (tables.length) await sql`TRUNCATE ${sql.join(tables.map((t) => sql.table(t.name)))}`.execute(conn);
}

interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/** Foreign keys come off while rows load in any order, and go back on (checked) after. */
export async function dropForeignKeys(conn: Conn): Promise<ForeignKey[]> {
  const { rows } = await sql<ForeignKey>`
    SELECT c.relname AS table, f.conname AS name, pg_get_constraintdef(f.oid) AS definition
      FROM pg_constraint f JOIN pg_class c ON c.oid = f.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE f.contype = 'f' AND n.nspname = 'public' ORDER BY c.relname, f.conname`.execute(conn);
  for (const fk of rows) await sql`ALTER TABLE ${sql.table(fk.table)} DROP CONSTRAINT ${sql.id(fk.name)}`.execute(conn);
  return rows;
}

export async function addForeignKeys(conn: Conn, keys: ForeignKey[]): Promise<void> {
  for (const fk of keys) {
    await sql`ALTER TABLE ${sql.table(fk.table)} ADD CONSTRAINT ${sql.id(fk.name)} ${sql.raw(fk.definition)}`.execute(conn);
  }
}

/** Triggers (the figures' deltas, search vectors …) stay off while rows load: the rows carry their results. */
export async function setUserTriggers(conn: Conn, tables: TableInfo[], on: boolean): Promise<void> {
  for (const t of tables) {
    await sql`ALTER TABLE ${sql.table(t.name)} ${sql.raw(on ? 'ENABLE' : 'DISABLE')} TRIGGER USER`.execute(conn);
  }
}

/** Inserts rows given as PostgreSQL's JSON text of each row, identity values as they were. */
export async function insertRows(conn: Conn, t: TableInfo, rows: string[]): Promise<void> {
  const columns = sql.join(t.insertable.map((c) => sql.id(c)));
  await sql`INSERT INTO ${sql.table(t.name)} (${columns}) OVERRIDING SYSTEM VALUE
    SELECT ${columns} FROM json_populate_recordset(NULL::${sql.table(t.name)}, ${`[${rows.join(',')}]`}::json)`.execute(conn);
}

export async function countRows(conn: Conn, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::bigint AS n FROM ${sql.table(table)}`.execute(conn);
  return Number(rows[0].n);
}

export async function setSequence(conn: Conn, s: SequenceState): Promise<void> {
  await sql`SELECT setval(${`public.${JSON.stringify(s.name)}`}::regclass, ${s.lastValue}, ${s.isCalled})`.execute(conn);
}
