import type { Config } from '../server/platform/config.ts';
import { openDatabase } from '../server/platform/db.ts';
import { migrate } from '../server/platform/migrate.ts';

export async function migrateCommand(config: Config): Promise<void> {
  const database = await openDatabase(config);
  try {
    const applied = await migrate(database.pool);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
  } finally {
    await database.close();
  }
}
