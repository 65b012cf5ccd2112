/** What other modules may use of the staff directory. */
export { inUnitStaff } from './directory.queries.ts';
export { directoryModule } from './directory.routes.ts';
