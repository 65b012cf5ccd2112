import fs from 'node:fs';
import path from 'node:path';
import type { BackupView } from './backups.schema.ts';

/** A backup file as the API shows it: its name (never the folder), time and size. */
export function presentBackup(b: { file: string; at: Date; bytes?: number }): BackupView {
  let bytes = b.bytes;
  if (bytes === undefined) {
    try {
      bytes = fs.statSync(b.file).size;
    } catch {
      bytes = 0; // removed meanwhile
    }
  }
  return { name: path.basename(b.file), takenAt: b.at.toISOString(), bytes };
}
