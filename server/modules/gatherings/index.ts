/** What the server and other modules may use of the gatherings module. */
export { gatheringsModule, gatheringFiguresOf } from './gatherings.routes.ts';
export { compliance as gatheringCompliance } from './gatherings.compliance.ts';
export { planGathering } from './commands/planGathering.ts';
export { addException, planSeries } from './commands/planSeries.ts';
export { attachMinutesFile } from './commands/attachMinutesFile.ts';
export { actOnGathering } from './commands/actOnGathering.ts';
export { recordEntry } from './commands/recordEntry.ts';
export { compliance } from './gatherings.compliance.ts';
export type { EntryBody } from './gatherings.schema.ts';
