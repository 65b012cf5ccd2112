import { Type, type Static } from 'typebox';

export const BackupView = Type.Object({
  name: Type.String({ description: 'the file name in ZD_BACKUP_DIR' }),
  takenAt: Type.String({ format: 'date-time' }),
  bytes: Type.Integer({ description: 'size of the file (compressed)' }),
});

export const BackupList = Type.Object({
  configured: Type.Boolean({ description: 'whether this server has a backup folder (ZD_BACKUP_DIR)' }),
  everyHours: Type.Number({ description: 'how often a scheduled backup is taken (ZD_BACKUP_EVERY)' }),
  keep: Type.Integer({ description: 'how many are kept (ZD_BACKUP_KEEP)' }),
  items: Type.Array(BackupView, { description: 'newest first' }),
});

export const BackupTaken = Type.Object({
  ...BackupView.properties,
  rows: Type.Integer(),
  tables: Type.Integer(),
  attachments: Type.Integer(),
  auditEvents: Type.Integer(),
  schemaVersion: Type.String(),
  removed: Type.Array(Type.String(), { description: 'older backups removed to keep ZD_BACKUP_KEEP' }),
});

export type BackupView = Static<typeof BackupView>;
export type BackupList = Static<typeof BackupList>;
export type BackupTaken = Static<typeof BackupTaken>;
