/** The backups module as the server registers it; the command line uses takeBackup and restoreBackup. */
export { backupsModule } from './backups.routes.ts';
export { newestBackup } from './backups.jobs.ts';
export { takeBackup } from './commands/takeBackup.ts';
export { restoreBackup, checkBackupFile, RestoreRefusedError, type RestoreProgress } from './commands/restoreBackup.ts';
export { BackupFileError, backupFileName, type BackupManifest } from './backups.format.ts';
