/** The notices module as the server registers it; other modules use nothing else of it. */
export { noticesModule } from './notices.routes.ts';
