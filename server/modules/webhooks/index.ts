/** What the server and other modules may use of the webhooks module. */
export { webhooksModule } from './webhooks.routes.ts';
export { registerWebhookEvent, webhookEventNames, type WebhookEventSource } from './webhooks.events.ts';
export { scanWebhookEvents } from './webhooks.scan.ts';
export { signWebhook, verifyWebhook, webhookHeaders, replayWindowSeconds } from './webhooks.signature.ts';
