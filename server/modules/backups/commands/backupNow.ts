/**
 * An administrator takes a backup now into ZD_BACKUP_DIR (the way to back up the embedded
 * database while its server runs, besides the schedule). The request waits for the backup;
 * the audit trail records who took it, with its file, rows and schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../../platform/context.ts';
import type { Official } from '../../../platform/access.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { conflict } from '../../../platform/errors.ts';
import { backupFileName } from '../backups.format.ts';
import { totalRows, writeBackupInto, type WrittenBackup } from '../backups.jobs.ts';

export async function backupNow(ctx: AppContext, actor: Official): Promise<WrittenBackup> {
  const dir = ctx.config.backupDir;
  if (!dir) throw conflict('backups_not_configured');
  const now = ctx.clock.now();
  if (fs.existsSync(path.join(dir, backupFileName(now)))) throw conflict('backup_exists');
  const written = await writeBackupInto(ctx, dir, now);
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, {
      actor,
      action: 'backup.take',
      subjectType: 'backup',
      subjectId: path.basename(written.file),
      changes: { rows: totalRows(written.manifest), schemaVersion: written.manifest.schemaVersion, bytes: written.bytes },
      at: now,
    }),
  );
  return written;
}
