import type { Module } from '../index.ts';
import { isOfficial } from '../../platform/access.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { requireUnitIfSent } from '../units/index.ts';
import { CreatedSubscription, CreateSubscriptionBody, DeliveryList, EventList, SubscriptionList, SubscriptionParams, SubscriptionView } from './webhooks.schema.ts';
import { acceptableUrl, canManageWebhook, webhookScope } from './webhooks.policy.ts';
import { getSubscription, listSubscriptions, recentDeliveries } from './webhooks.queries.ts';
import { presentDelivery, presentSubscription } from './webhooks.presenter.ts';
import { isWebhookEvent, webhookEventNames } from './webhooks.events.ts';
import { subscribeWebhook } from './commands/subscribeWebhook.ts';
import { stopWebhook } from './commands/stopWebhook.ts';
import { webhookMessages } from './webhooks.messages.ts';
import { scanJobs } from './webhooks.scan.ts';
import { deliverJobs } from './webhooks.deliver.ts';
import { petitionWebhookSources } from './webhooks.petitions.ts';
import { routesOf } from '../../platform/routes.ts';
import { webhookManagers } from '../../contract/roleSets.ts';

const access = { roles: webhookManagers };

export const webhooksModule: Module = {
  name: 'webhooks',
  messages: [webhookMessages],
  jobs: [...scanJobs, ...deliverJobs],
  webhookEvents: petitionWebhookSources,
  routes(app, ctx) {
    const routes = routesOf(app, 'webhooks');

    routes.get(
      '/api/v1/webhooks/events',
      { access, summary: 'The events a webhook may subscribe to', response: { 200: EventList } },
      async () => ({ items: webhookEventNames() }),
    );

    routes.get(
      '/api/v1/webhooks',
      {
        access,
        summary: 'Webhook subscriptions within your units, with their deliveries counted and the last status',
        response: { 200: SubscriptionList },
      },
      async (request) => ({ items: (await listSubscriptions(ctx.db, webhookScope(request.actor))).map(presentSubscription) }),
    );

    routes.post(
      '/api/v1/webhooks',
      {
        access,
        summary: "Subscribe a URL to events of a unit's subtree (without unit: the whole deployment); the signing secret is shown once",
        body: CreateSubscriptionBody,
        response: { 201: CreatedSubscription },
      },
      async (request, reply) => {
        const body = request.body;
        const actor = request.actor;
        if (!acceptableUrl(body.url)) throw badRequest('webhook_invalid_url');
        const unknown = body.events.find((e) => !isWebhookEvent(e));
        if (unknown) throw badRequest('webhook_unknown_event', { event: unknown, events: webhookEventNames().join(', ') });
        // Without a unit, the whole deployment.
        const unit = (await requireUnitIfSent(ctx.db, body.unit, ctx.clock.now())) ?? null;
        if (!isOfficial(actor) || !canManageWebhook(actor, unit?.path ?? '/')) throw forbidden();
        const made = await subscribeWebhook(ctx, actor, { url: body.url, unit, events: body.events, description: body.description?.trim() ?? '' });
        const row = await getSubscription(ctx.db, made.id);
        if (!row) throw notFound();
        return reply.status(201).send({ ...presentSubscription(row), secret: made.secret });
      },
    );

    routes.post(
      '/api/v1/webhooks/:id/stop',
      { access, summary: 'Stop a subscription: nothing more is sent to it', params: SubscriptionParams, response: { 200: SubscriptionView } },
      async (request) => {
        const actor = request.actor;
        const s = await getSubscription(ctx.db, request.params.id);
        if (!s || !isOfficial(actor) || !canManageWebhook(actor, s.unit_path)) throw notFound();
        await stopWebhook(ctx, actor, s);
        return presentSubscription((await getSubscription(ctx.db, s.id))!);
      },
    );

    routes.get(
      '/api/v1/webhooks/:id/deliveries',
      { access, summary: "A subscription's last 50 deliveries and how each went", params: SubscriptionParams, response: { 200: DeliveryList } },
      async (request) => {
        const s = await getSubscription(ctx.db, request.params.id);
        if (!s || !canManageWebhook(request.actor, s.unit_path)) throw notFound();
        return { items: (await recentDeliveries(ctx.db, s.id, 50)).map(presentDelivery) };
      },
    );
  },
};
