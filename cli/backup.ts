import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig, type Config } from '../server/platform/config.ts';
import { DataDirInUseError, openDatabase, type Database } from '../server/platform/db.ts';
import {
  BackupFileError,
  RestoreRefusedError,
  checkBackupFile,
  backupFileName,
  restoreBackup,
  takeBackup,
  type BackupManifest,
  type RestoreProgress,
} from '../server/modules/backups/index.ts';

/** Exit status of a refused restore or a damaged backup file (1 is any other failure). */
export const refusedExitCode = 2;

async function open(config: Config): Promise<Database> {
  try {
    return await openDatabase(config);
  } catch (e) {
    if (e instanceof DataDirInUseError) {
      throw new Error(
        `${e.message}\nWhile that server runs, it takes the backups itself: set ZD_BACKUP_DIR (docs/OPERATIONS.md).`,
      );
    }
    throw e;
  }
}

function describeManifest(m: BackupManifest): string {
  const rows = Object.values(m.tables).reduce((n, t) => n + t.rows, 0);
  return (
    `${rows.toLocaleString('en')} rows in ${Object.keys(m.tables).length} tables, ${m.attachments.count} attachments ` +
    `(${(m.attachments.bytes / 1048576).toFixed(1)} MB), ${m.audit.events.toLocaleString('en')} audit events in ${m.audit.chains.toLocaleString('en')} chains; ` +
    `schema ${m.schemaVersion}`
  );
}

const status = (text: string) => process.stderr.isTTY && process.stderr.write(`\r\x1b[K${text}`);

async function backupCommand(config: Config, file: string | undefined): Promise<void> {
  const target = path.resolve(file ?? backupFileName(new Date()));
  const database = await open(config);
  try {
    const result = await takeBackup(database, target, {
      onProgress: (p) => status(`table ${p.tablesDone + 1}/${p.tables} ${p.table}: ${p.rows.toLocaleString('en')} rows`),
    });
    status('');
    console.log(`backup written to ${result.file}: ${describeManifest(result.manifest)}`);
  } finally {
    await database.close();
  }
}

async function restoreCommand(config: Config, file: string): Promise<void> {
  const onProgress = (p: RestoreProgress) => status(`${p.step} ${p.table ?? ''}${p.rows !== undefined ? `: ${p.rows.toLocaleString('en')} rows` : ''}`);
  let checked: Awaited<ReturnType<typeof checkBackupFile>>;
  try {
    // A damaged file is refused before any database is opened (or an embedded one created).
    checked = await checkBackupFile(path.resolve(file), onProgress);
  } catch (e) {
    status('');
    if (!(e instanceof BackupFileError)) throw e;
    console.error(`restore refused: ${e.message}`);
    process.exitCode = refusedExitCode;
    return;
  }
  const database = await open(config);
  try {
    const result = await restoreBackup(database, path.resolve(file), { onProgress, checked });
    status('');
    console.log(
      `restored ${file} (taken ${result.header.createdAt} from the ${result.header.backend === 'pglite' ? 'embedded database' : 'PostgreSQL server'}) ` +
        `into the ${database.backend === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server'}: ${describeManifest(result.manifest)}; ` +
        `row counts, checksums and the audit trail verified` +
        (result.migrated.length ? `; then applied ${result.migrated.length} newer migration(s): ${result.migrated.join(', ')}` : ''),
    );
  } catch (e) {
    status('');
    if (e instanceof BackupFileError || e instanceof RestoreRefusedError) {
      console.error(`restore refused: ${e.message}`);
      process.exitCode = refusedExitCode;
      return;
    }
    throw e;
  } finally {
    await database.close();
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('write a consistent backup of the whole database (rows, attachments, audit chain heads) to one file, while the server keeps serving')
    .argument('[file]', 'where to write it (default: zerodistance-<time>.zdbackup here)')
    .action(async (file: string | undefined) => {
      await backupCommand(loadConfig(), file);
    });
  program
    .command('restore')
    .description('restore a backup into an empty database (embedded or DATABASE_URL), checking every checksum and the audit trail')
    .argument('<file>', 'a file written by zerodistance backup')
    .action(async (file: string) => {
      await restoreCommand(loadConfig(), file);
    });
}
