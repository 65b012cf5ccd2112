import type { Config } from '../server/platform/config.ts';
import { openDatabase } from '../server/platform/db.ts';
import { migrate, migrationStatus, type MigrationState } from '../server/platform/migrate.ts';

/** One line per migration: name, then when it was applied, "pending", or that this code does not know it. */
export function formatMigrationStatus(states: MigrationState[]): string {
  const width = Math.max(0, ...states.map((s) => s.name.length));
  const lines = states.map((s) => {
    const when = s.appliedAt ? `applied ${s.appliedAt.toISOString()}` : 'pending';
    return `${s.name.padEnd(width)}  ${when}${s.unknown ? '  (unknown to this version: the schema is newer)' : ''}`;
  });
  const pending = states.filter((s) => !s.appliedAt).length;
  const unknown = states.filter((s) => s.unknown).length;
  const summary = unknown
    ? `${unknown} applied migration(s) unknown to this version: run the newer version or restore the backup`
    : pending
      ? `${pending} pending`
      : 'the database is up to date';
  return [...lines, summary].join('\n');
}

export async function migrateCommand(config: Config, opts: { status?: boolean } = {}): Promise<void> {
  const database = await openDatabase(config);
  try {
    if (opts.status) {
      console.log(formatMigrationStatus(await migrationStatus(database.pool)));
      return;
    }
    const applied = await migrate(database.pool);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
  } finally {
    await database.close();
  }
}
