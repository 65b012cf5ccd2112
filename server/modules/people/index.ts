/** What the server and other modules may use of the people module. */
export { peopleModule } from './people.routes.ts';
export { createOfficial } from './commands/createOfficial.ts';
export { canManageOfficial } from './people.policy.ts';
export { parseDestination } from './destination.ts';
