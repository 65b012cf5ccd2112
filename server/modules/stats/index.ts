/** What the server and other modules may use of the stats module. */
export { statsModule, statsOf, childStatsOf } from './stats.routes.ts';
export type { StatsView, ChildStatsView } from './stats.schema.ts';
