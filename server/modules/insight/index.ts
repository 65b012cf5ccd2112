/** What the server and other modules may use of the insight module. */
export { insightModule } from './insight.routes.ts';
export { trainRoutingModels } from './commands/trainRoutingModels.ts';
export { flagHotspots } from './commands/flagHotspots.ts';
export { hotspotsEveryMs } from './insight.jobs.ts';
export { hotspotsOf } from './insight.list.ts';
