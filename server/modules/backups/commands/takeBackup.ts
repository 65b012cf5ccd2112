/**
 * A backup: every table read in ONE repeatable-read, read-only transaction (a consistent
 * snapshot, while the server goes on serving: on PostgreSQL nothing waits for it; the embedded
 * database has one connection, so its requests wait while the rows are read), written as it is
 * read into one gzip'd file with its manifest (backups.format.ts). Attachments are rows of
 * attachment_contents; the audit chains' heads are in the manifest.
 */
import type { Database } from '../../../platform/db.ts';
import { headsHasher } from '../../../platform/audit.ts';
import { appliedMigrationNames } from '../../../platform/migrate.ts';
import { BackupWriter, backupFormat, backupFormatVersion, type BackupManifest } from '../backups.format.ts';
import { attachmentTotals, auditHeads, beginSnapshot, listSequences, listTables, readRows, rollback, tablesWithFiles } from '../backups.queries.ts';

export interface BackupProgress {
  table: string;
  /** Rows of this table written so far. */
  rows: number;
  /** Tables finished before this one, and of how many. */
  tablesDone: number;
  tables: number;
}

export interface BackupResult {
  file: string;
  manifest: BackupManifest;
  /** Size of the rows before compression. */
  rawBytes: number;
}

/** Rows read per fetch; tables holding files read a few at a time (each may be 10 MB). */
const rowsPerFetch = 1000;
const fileRowsPerFetch = 4;

export async function takeBackup(
  database: Database,
  file: string,
  opts: { now?: Date; onProgress?: (p: BackupProgress) => void } = {},
): Promise<BackupResult> {
  const createdAt = (opts.now ?? new Date()).toISOString();
  const writer = new BackupWriter(file);
  try {
    const manifest = await database.db.connection().execute(async (conn) => {
      await beginSnapshot(conn);
      try {
        const migrations = await appliedMigrationNames(conn);
        if (migrations.length === 0) throw new Error('the database has no schema: there is nothing to back up');
        const schemaVersion = migrations[migrations.length - 1];
        await writer.header({ format: backupFormat, formatVersion: backupFormatVersion, createdAt, backend: database.backend, schemaVersion, migrations });
        const tables = await listTables(conn);
        const withFiles = await tablesWithFiles(conn);
        for (const [i, t] of tables.entries()) {
          await writer.beginTable(t.name, t.columns);
          let rows = 0;
          await readRows(conn, t, withFiles.has(t.name) ? fileRowsPerFetch : rowsPerFetch, async (batch) => {
            for (const row of batch) await writer.row(row);
            rows += batch.length;
            opts.onProgress?.({ table: t.name, rows, tablesDone: i, tables: tables.length });
          });
          await writer.endTable();
        }
        const attachments = await attachmentTotals(conn);
        const audit = await auditHeads(conn, headsHasher());
        // Last: a sequence is not part of the snapshot, so read after the rows it numbered.
        const sequences = await listSequences(conn);
        await writer.sequences(sequences);
        const m: BackupManifest = {
          formatVersion: backupFormatVersion,
          createdAt,
          schemaVersion,
          tables: writer.tables,
          sequences: sequences.length,
          attachments,
          audit,
        };
        return m;
      } finally {
        await rollback(conn);
      }
    });
    await writer.finish(manifest);
    return { file, manifest, rawBytes: writer.bytes };
  } catch (e) {
    await writer.abort();
    throw e;
  }
}
