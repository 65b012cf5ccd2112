import type { Command } from 'commander';
import { loadConfig } from '../server/platform/config.ts';
import { openDatabase } from '../server/platform/db.ts';
import { systemClock } from '../server/platform/clock.ts';
import { computeFigures, findFiguresUnit, isDay, naiveFigures, rebuildFigures, type FiguresScope, type UnitRollups } from '../server/modules/figures/index.ts';

export function registerFiguresCommands(program: Command): void {
  const figures = program.command('figures').alias('stats').description('the public figures (docs/FIGURES.md)');

  figures
    .command('rebuild')
    .description('recompute the figures\' rollups from the petitions (after a bulk load, or a change of figures_levels)')
    .action(async () => {
      const database = await openDatabase(loadConfig());
      try {
        const started = performance.now();
        await rebuildFigures(database.db, { now: systemClock.now() });
        console.log(`rollups rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      } finally {
        await database.close();
      }
    });

  figures
    .command('check')
    .description('compare the figures of a unit and period with the naive query over the petitions; exits non-zero if they differ')
    .option('--unit <code>', 'a unit code (default: the whole deployment)')
    .requiredOption('--from <day>', 'YYYY-MM-DD')
    .requiredOption('--to <day>', 'YYYY-MM-DD')
    .action(async (opts: { unit?: string; from: string; to: string }) => {
      if (!isDay(opts.from) || !isDay(opts.to) || opts.from > opts.to) throw new Error('--from and --to must be days, from ≤ to');
      const database = await openDatabase(loadConfig());
      try {
        let scope: FiguresScope = { unitId: 0, unitPath: '/' };
        let rollups: UnitRollups | undefined;
        if (opts.unit) {
          const unit = await findFiguresUnit(database.db, opts.unit, new Date());
          if (!unit) throw new Error(`no unit ${opts.unit}`);
          scope = { unitId: unit.id, unitPath: unit.path };
          rollups = unit;
        }
        const q = { scope, from: opts.from, to: opts.to, now: systemClock.now() };
        const t0 = performance.now();
        const fast = await computeFigures(database.db, q, rollups);
        const t1 = performance.now();
        const naive = await naiveFigures(database.db, q);
        const t2 = performance.now();
        const same = JSON.stringify(fast) === JSON.stringify(naive);
        console.log(`${same ? 'identical' : 'DIFFERENT'}: received ${fast.received}, resolved ${fast.resolved}, overdue ${fast.overdue}; ` +
          `fast path ${(t1 - t0).toFixed(1)} ms, naive ${(t2 - t1).toFixed(1)} ms`);
        if (!same) {
          console.log(JSON.stringify({ fast, naive }, null, 2));
          process.exitCode = 1;
        }
      } finally {
        await database.close();
      }
    });
}
