/** What the server and other modules may use of the people module. */
export { peopleModule } from './people.routes.ts';
export { createOfficial } from './commands/createOfficial.ts';
export { canManageOfficial, type Place } from './people.policy.ts';
export { parseDestination, type Destination } from './destination.ts';
