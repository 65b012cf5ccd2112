/** What the server and other modules may use of the api-keys module. */
export { apiKeysModule } from './api-keys.routes.ts';
export { checkApiKey, keyActor, type ApiClient } from './api-keys.use.ts';
export { keyReaches } from './api-keys.policy.ts';
