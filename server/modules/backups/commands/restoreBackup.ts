/**
 * Restores a backup into an EMPTY database of either backend, in one transaction: the schema
 * the backup was taken at (its migrations), then the rows (foreign keys off and triggers off
 * while they load in any order; the keys are put back, and so checked, after), the sequences,
 * then the checks: row counts, each table's checksum read back from the database, every
 * attachment's bytes against its SHA-256, the audit chains' heads against the manifest and the
 * whole audit verification. Only when all pass is it committed; then the migrations this
 * version has beyond the backup's are applied as at any start.
 *
 * The file is read twice: once to check it whole (a damaged file is refused before the database
 * is touched), once to load it.
 */
import crypto from 'node:crypto';
import type { Database } from '../../../platform/db.ts';
import { headsHasher } from '../../../platform/audit.ts';
import { verifyAudit } from '../../../platform/audit-verify.ts';
import { applyMigrations, migrate, queryable, readMigrations, type Migration } from '../../../platform/migrate.ts';
import { readBackup, type BackupHeader, type BackupManifest } from '../backups.format.ts';
import {
  addForeignKeys,
  auditHeads,
  begin,
  commit,
  countRows,
  damagedAttachments,
  dropForeignKeys,
  emptyTables,
  existingTables,
  insertRows,
  listTables,
  readRows,
  rollback,
  setSequence,
  setUserTriggers,
  type TableInfo,
} from '../backups.queries.ts';

/** A restore that was not done, and why (the database is as it was). */
export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

export interface RestoreProgress {
  step: 'check' | 'load' | 'verify';
  table?: string;
  rows?: number;
}

export interface RestoreResult {
  header: BackupHeader;
  manifest: BackupManifest;
  rows: number;
  /** Migrations of this version newer than the backup, applied after it was restored. */
  migrated: string[];
}

/** Reads the whole file, checking every checksum; answers its header and manifest. */
export async function checkBackupFile(file: string, onProgress?: (p: RestoreProgress) => void): Promise<{ header: BackupHeader; manifest: BackupManifest }> {
  let header: BackupHeader | undefined;
  let manifest: BackupManifest | undefined;
  for await (const record of readBackup(file)) {
    if (record.kind === 'header') header = record.header;
    else if (record.kind === 'end') onProgress?.({ step: 'check', table: record.table, rows: record.summary.rows });
    else if (record.kind === 'manifest') manifest = record.manifest;
  }
  return { header: header!, manifest: manifest! };
}

/** The migrations to build the backup's schema with; refuses a backup of a newer schema. */
function schemaOf(header: BackupHeader, known: Migration[]): Migration[] {
  const names = new Set(known.map((m) => m.name));
  const unknown = header.migrations.filter((n) => !names.has(n));
  if (unknown.length) {
    throw new RestoreRefusedError(
      `the backup's schema is newer than this version of Zero Distance: it has migration${unknown.length > 1 ? 's' : ''} ` +
        `${unknown.join(', ')}, which this version does not know. Restore it with the version that took it, or a newer one.`,
    );
  }
  const wanted = new Set(header.migrations);
  return known.filter((m) => wanted.has(m.name));
}

export async function restoreBackup(
  database: Database,
  file: string,
  opts: {
    onProgress?: (p: RestoreProgress) => void;
    migrations?: Migration[];
    /** What checkBackupFile() answered for this file, when the caller checked it already. */
    checked?: { header: BackupHeader; manifest: BackupManifest };
  } = {},
): Promise<RestoreResult> {
  const known = opts.migrations ?? readMigrations();
  const { header, manifest } = opts.checked ?? (await checkBackupFile(file, opts.onProgress));
  const schema = schemaOf(header, known);
  const rows = await database.db.connection().execute(async (conn) => {
    const existing = await existingTables(conn);
    if (existing.length) {
      throw new RestoreRefusedError(
        `the database is not empty: it has tables (${existing.join(', ')}${existing.length === 5 ? ', …' : ''}). ` +
          'A backup restores only into a new, empty database (PostgreSQL: createdb; embedded: a ZD_DATA_DIR that does not exist yet).',
      );
    }
    await begin(conn);
    try {
      await applyMigrations(queryable(conn), schema);
      const tables = await listTables(conn);
      const byName = new Map(tables.map((t) => [t.name, t]));
      for (const name of Object.keys(manifest.tables)) {
        if (!byName.has(name)) throw new RestoreRefusedError(`the backup has a table ${name} that its own schema does not create`);
      }
      await emptyTables(conn, tables);
      const foreignKeys = await dropForeignKeys(conn);
      await setUserTriggers(conn, tables, false);
      let loaded = 0;
      let current: TableInfo | undefined;
      let tableRows = 0;
      for await (const record of readBackup(file)) {
        if (record.kind === 'table') {
          current = byName.get(record.name);
          tableRows = 0;
        } else if (record.kind === 'rows') {
          await insertRows(conn, current!, record.rows);
          tableRows += record.rows.length;
          loaded += record.rows.length;
          opts.onProgress?.({ step: 'load', table: current!.name, rows: tableRows });
        } else if (record.kind === 'sequences') {
          for (const s of record.sequences) await setSequence(conn, s);
        }
      }
      await setUserTriggers(conn, tables, true);
      await addForeignKeys(conn, foreignKeys);
      await verifyRestored(conn, tables, manifest, opts.onProgress);
      await commit(conn);
      return loaded;
    } catch (e) {
      await rollback(conn).catch(() => {});
      throw e;
    }
  });
  const migrated = await migrate(database.pool, known);
  return { header, manifest, rows, migrated };
}

async function verifyRestored(
  conn: Parameters<typeof countRows>[0],
  tables: TableInfo[],
  manifest: BackupManifest,
  onProgress?: (p: RestoreProgress) => void,
): Promise<void> {
  for (const t of tables) {
    const expected = manifest.tables[t.name] ?? { rows: 0, sha256: crypto.createHash('sha256').digest('hex') };
    const count = await countRows(conn, t.name);
    if (count !== expected.rows) throw new RestoreRefusedError(`table ${t.name} has ${count} rows after the restore where the backup has ${expected.rows}`);
    const hash = crypto.createHash('sha256');
    await readRows(conn, t, 500, async (batch) => {
      for (const row of batch) hash.update(`${row}\n`);
    });
    if (hash.digest('hex') !== expected.sha256) throw new RestoreRefusedError(`table ${t.name} does not read back as the backup wrote it (checksum)`);
    onProgress?.({ step: 'verify', table: t.name, rows: count });
  }
  const damaged = await damagedAttachments(conn);
  if (damaged.length) throw new RestoreRefusedError(`attachment ${damaged[0]} does not match its checksum`);
  const heads = await auditHeads(conn, headsHasher());
  const want = manifest.audit;
  if (heads.events !== want.events || heads.chains !== want.chains || heads.headsSha256 !== want.headsSha256) {
    throw new RestoreRefusedError('the audit chains after the restore do not end where the backup says they did');
  }
  const verification = await verifyAudit(conn);
  if (!verification.ok) {
    const bad = verification.firstBad!;
    throw new RestoreRefusedError(`the audit trail of the backup does not verify: ${bad.id === null ? bad.subject : `event ${bad.id} (${bad.subject})`}: ${bad.reason}`);
  }
}
