/** The stats module as the server registers it; other modules use nothing else of it. */
export { statsModule } from './stats.routes.ts';
