/**
 * Scheduled backups (ZD_BACKUP_DIR): a recurring job looks every five minutes, in one process of
 * the deployment at a time, whether the newest backup in the folder is older than
 * ZD_BACKUP_EVERY (a day by default); if so it takes one there, logs its progress and a line
 * with what it wrote, and keeps the newest ZD_BACKUP_KEEP files (7 by default).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../platform/context.ts';
import { type JobDefinition, recurringJob } from '../../platform/jobs.ts';
import { backupFileName, backupFileTime, type BackupManifest } from './backups.format.ts';
import { takeBackup } from './commands/takeBackup.ts';

const backupCheckEveryMs = 5 * 60_000;
/** A progress line at most this often while a backup runs. */
const progressEveryMs = 10_000;

/** The backups in a folder (by their names), oldest first. */
export function listBackups(dir: string): Array<{ file: string; at: Date }> {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((name) => {
      const at = backupFileTime(name);
      return at ? [{ file: path.join(dir, name), at }] : [];
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The newest backup in a folder, with its size; undefined when there is none. */
export function newestBackup(dir: string): { file: string; at: Date; bytes: number } | undefined {
  const newest = listBackups(dir).at(-1);
  if (!newest) return undefined;
  try {
    return { ...newest, bytes: fs.statSync(newest.file).size };
  } catch {
    return undefined; // removed meanwhile
  }
}

export interface WrittenBackup {
  file: string;
  bytes: number;
  manifest: BackupManifest;
  /** Older backups removed to keep ZD_BACKUP_KEEP. */
  removed: string[];
}

/** Takes a backup into the folder now, logging its start, progress and result, and keeps the newest ZD_BACKUP_KEEP. */
export async function writeBackupInto(ctx: AppContext, dir: string, now: Date): Promise<WrittenBackup> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, backupFileName(now));
  const started = Date.now();
  let lastLine = started;
  ctx.log.info({ file }, 'backup started');
  try {
    const result = await takeBackup(ctx.database, file, {
      now,
      onProgress: (p) => {
        if (Date.now() - lastLine < progressEveryMs) return;
        lastLine = Date.now();
        ctx.log.info({ table: p.table, rows: p.rows, tablesDone: p.tablesDone, tables: p.tables }, 'backup in progress');
      },
    });
    const removed = listBackups(dir)
      .slice(0, -ctx.config.backupKeep)
      .map((b) => (fs.rmSync(b.file, { force: true }), path.basename(b.file)));
    const m = result.manifest;
    const bytes = fs.statSync(file).size;
    ctx.log.info(
      {
        file,
        bytes,
        rows: totalRows(m),
        tables: Object.keys(m.tables).length,
        attachments: m.attachments.count,
        auditEvents: m.audit.events,
        schemaVersion: m.schemaVersion,
        seconds: Math.round((Date.now() - started) / 100) / 10,
        removed,
      },
      'backup written',
    );
    return { file, bytes, manifest: m, removed };
  } catch (error) {
    ctx.log.error({ err: error, file }, 'backup failed');
    throw error;
  }
}

export const totalRows = (m: BackupManifest) => Object.values(m.tables).reduce((n, t) => n + t.rows, 0);

/** Takes a scheduled backup when one is due; answers its file, or undefined when none was due. */
async function runScheduledBackup(ctx: AppContext): Promise<string | undefined> {
  const dir = ctx.config.backupDir;
  if (!dir) return undefined;
  const now = ctx.clock.now();
  const newest = listBackups(dir).at(-1);
  if (newest && now.getTime() - newest.at.getTime() < ctx.config.backupEveryMs) return undefined;
  return (await writeBackupInto(ctx, dir, now)).file;
}

const scheduledBackupJob = recurringJob('backups.scheduled', backupCheckEveryMs, async (ctx) => {
  await runScheduledBackup(ctx);
});

/** The module's background work, registered by the app with the module. */
export const backupJobs: JobDefinition[] = [scheduledBackupJob];
