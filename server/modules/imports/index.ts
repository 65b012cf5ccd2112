/** What the server and other modules may use of the imports module. */
export { importsModule } from './imports.routes.ts';
