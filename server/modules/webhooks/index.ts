/** What the server and other modules may use of the webhooks module. */
export { webhooksModule } from './webhooks.routes.ts';
export { registerWebhookEvent, type WebhookEventSource } from './webhooks.events.ts';
