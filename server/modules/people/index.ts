/** What the server and other modules may use of the people module. */
export { peopleModule } from './people.routes.ts';
export { createOfficial } from './commands/createOfficial.ts';
