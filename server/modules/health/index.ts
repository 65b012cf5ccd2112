/** The health module as the server registers it; other modules use nothing else of it. */
export { healthModule } from './health.routes.ts';
