/** The web module as the server registers it; other modules use nothing else of it. */
export { webModule } from './web.routes.ts';
