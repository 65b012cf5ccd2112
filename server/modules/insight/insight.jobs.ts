/**
 * The insight module's background work, through the jobs table: the routing models are
 * trained again every hour when something was routed since (and at once when an administrator
 * asks), and every day the last seven days are checked for hotspots.
 */
import { registerJobHandler, registerRecurringJob } from '../../platform/jobs.ts';
import { trainRoutingModels } from './commands/trainRoutingModels.ts';
import { flagHotspots } from './commands/flagHotspots.ts';

export const trainEveryMs = 3_600_000;
export const hotspotsEveryMs = 86_400_000;

registerRecurringJob('insight.train_routing', trainEveryMs, async (ctx) => {
  await trainRoutingModels(ctx);
});

/** An administrator's "train now". */
registerJobHandler('insight.train_routing_now', async (ctx) => {
  await trainRoutingModels(ctx, { force: true });
});

registerRecurringJob('insight.hotspots', hotspotsEveryMs, async (ctx, job) => {
  await flagHotspots(ctx, new Date(job.payload.periodStart));
});
