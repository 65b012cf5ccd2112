/** What the server and other modules may use of the insight module. */
export { insightModule } from './insight.routes.ts';
export { trainRoutingModels } from './commands/trainRoutingModels.ts';
export { flagHotspots } from './commands/flagHotspots.ts';
export { hotspotsEveryMs } from './insight.jobs.ts';
export { hotspotsOf, type HotspotsOf } from './insight.list.ts';
export type { HotspotView } from './insight.schema.ts';
