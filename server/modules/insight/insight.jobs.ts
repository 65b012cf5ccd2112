/**
 * The insight module's background work, through the jobs table: the routing models are
 * trained again every hour when something was routed since (and at once when an administrator
 * asks), and every day the last seven days are checked for hotspots.
 */
import { type JobDefinition, jobHandler, recurringJob } from '../../platform/jobs.ts';
import { trainRoutingModels } from './commands/trainRoutingModels.ts';
import { flagHotspots } from './commands/flagHotspots.ts';

const trainEveryMs = 3_600_000;
export const hotspotsEveryMs = 86_400_000;

const trainRoutingJob = recurringJob('insight.train_routing', trainEveryMs, async (ctx) => {
  await trainRoutingModels(ctx);
});

/** An administrator's "train now". */
const trainRoutingNowJob = jobHandler('insight.train_routing_now', async (ctx) => {
  await trainRoutingModels(ctx, { force: true });
});

const hotspotsJob = recurringJob('insight.hotspots', hotspotsEveryMs, async (ctx, job) => {
  await flagHotspots(ctx, new Date(job.payload.periodStart));
});

/** The module's background work, registered by the app with the module. */
export const insightJobs: JobDefinition[] = [trainRoutingJob, trainRoutingNowJob, hotspotsJob];
