/**
 * Every server process takes part in folding the deltas into the rollups. Folding is only
 * housekeeping: figures are exact either way, and a query reads fewer deltas after it.
 */
import { registerRecurringJob } from '../../platform/jobs.ts';
import { foldStatsDeltas } from './stats.queries.ts';

export const foldEveryMs = 10_000;
const batch = 10_000;

registerRecurringJob('stats.fold', foldEveryMs, async (ctx) => {
  // Batch after batch, each its own short transaction (PGlite has one connection).
  for (let i = 0; i < 100; i++) {
    if ((await foldStatsDeltas(ctx.db, batch)) < batch) break;
  }
});
