/**
 * Every server process takes part in folding the deltas into the rollups and moving the overdue
 * watermark up to now. Both are housekeeping: figures are exact either way, and a query reads
 * fewer deltas and fewer newly due petitions after them.
 */
import { type JobDefinition, recurringJob } from '../../platform/jobs.ts';
import { catchUpFigures } from './figures.queries.ts';

const foldEveryMs = 10_000;

const foldJob = recurringJob('figures.fold', foldEveryMs, async (ctx) => {
  await catchUpFigures(ctx.db, ctx.clock.now());
});

/** The module's background work, registered by the app with the module. */
export const figuresJobs: JobDefinition[] = [foldJob];
