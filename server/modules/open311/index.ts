/** What the server and other modules may use of the open311 module. */
export { open311Module } from './open311.routes.ts';
