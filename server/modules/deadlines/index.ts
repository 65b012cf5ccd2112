/** The deadlines module as the server registers it; other modules use nothing else of it. */
export { deadlinesModule } from './deadlines.routes.ts';
