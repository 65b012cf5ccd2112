/** What the server and other modules may use of the agencies module. */
export { agenciesModule } from './agencies.routes.ts';
export { canCreateAgency } from './agencies.policy.ts';
export { createAgency } from './commands/createAgency.ts';
export { findAgencyId, findAgenciesNamed } from './agencies.queries.ts';
