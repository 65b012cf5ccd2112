/** What the server and other modules may use of the reports module. */
export { reportsModule } from './reports.routes.ts';
export { setTargets } from './commands/setTargets.ts';
