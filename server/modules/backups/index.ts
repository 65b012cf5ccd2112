/** The backups module as the server registers it; the command line uses takeBackup and restoreBackup. */
export { backupsModule } from './backups.routes.ts';
export { newestBackup } from './backups.jobs.ts';
export { takeBackup, type BackupProgress, type BackupResult } from './commands/takeBackup.ts';
export { restoreBackup, checkBackupFile, RestoreRefusedError, type RestoreProgress, type RestoreResult } from './commands/restoreBackup.ts';
export { BackupFileError, backupFileName, type BackupManifest } from './backups.format.ts';
