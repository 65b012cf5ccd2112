import type { Command } from 'commander';
import { loadConfig, type Config } from '../server/platform/config.ts';
import { openDatabase } from '../server/platform/db.ts';
import { migrate } from '../server/platform/migrate.ts';
import { systemClock } from '../server/platform/clock.ts';
import { formatDemoSignIns, seedDemo } from '../server/modules/demo/index.ts';

/** `zerodistance seed --demo`: adds whatever of the demo world is missing, on any database. */
async function seedCommand(config: Config, opts: { demo?: boolean }): Promise<void> {
  if (!opts.demo) throw new Error('say what to seed: --demo adds the demo units, agencies and officials');
  const database = await openDatabase(config);
  try {
    await migrate(database.pool);
    const result = await seedDemo({ db: database.db, clock: systemClock, database });
    const c = result.created;
    console.log(
      `demo data: ${c.units} units, ${c.agencies} agencies, ${c.servicePoints} service points, ${c.officials} officials, ${c.petitions} petitions added` +
        (c.units + c.agencies + c.servicePoints + c.officials + c.petitions === 0 ? ' (it was all there already)' : ''),
    );
    console.log(formatDemoSignIns(result.signIns));
  } finally {
    await database.close();
  }
}

export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('add demo data (idempotent: only what is missing is added)')
    .option('--demo', 'the demo world of the source articles: units, agencies, service points, one official per role')
    .action(async (opts: { demo?: boolean }) => {
      await seedCommand(loadConfig(), opts);
    });
}
