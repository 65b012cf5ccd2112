/** What the server and other modules may use of the gatherings module. */
export { gatheringsModule } from './gatherings.routes.ts';
export { planGathering } from './commands/planGathering.ts';
export { planSeries } from './commands/planSeries.ts';
export { actOnGathering } from './commands/actOnGathering.ts';
export { recordEntry } from './commands/recordEntry.ts';
