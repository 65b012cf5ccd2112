import type { Module } from '../index.ts';
import { isOfficial } from '../../platform/access.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { recurringJob } from '../../platform/jobs.ts';
import { requireUnitIfSent } from '../units/index.ts';
import { ApiKeyList, ApiKeyParams, ApiKeyView, IssueApiKeyBody, IssuedApiKey } from './api-keys.schema.ts';
import { canManageKey, defaultPerMinute, keyScope } from './api-keys.policy.ts';
import { getApiKey, listApiKeys, pruneUsage } from './api-keys.queries.ts';
import { presentApiKey } from './api-keys.presenter.ts';
import { issueApiKey } from './commands/issueApiKey.ts';
import { revokeApiKey } from './commands/revokeApiKey.ts';
import { apiKeyMessages } from './api-keys.messages.ts';
import { routesOf } from '../../platform/routes.ts';
import { keyManagers } from '../../contract/roleSets.ts';

// Usage counts only matter for the current minute.
const pruneUsageJob = recurringJob('api_keys.prune_usage', 3_600_000, async (ctx) => {
  await pruneUsage(ctx.db, new Date(ctx.clock.now().getTime() - 3_600_000));
});

export const apiKeysModule: Module = {
  name: 'api-keys',
  messages: [apiKeyMessages],
  jobs: [pruneUsageJob],
  routes(app, ctx) {
    const routes = routesOf(app, 'api keys');

    routes.get(
      '/api/v1/api-keys',
      {
        access: { roles: keyManagers },
        summary: 'API keys of clients within your units (administrators); never the keys themselves',
        response: { 200: ApiKeyList },
      },
      async (request) => ({ items: (await listApiKeys(ctx.db, keyScope(request.actor))).map(presentApiKey) }),
    );

    routes.post(
      '/api/v1/api-keys',
      {
        access: { roles: keyManagers },
        summary: "Issue a key to a client for a unit's subtree (without unit: the whole deployment); the key is shown once",
        body: IssueApiKeyBody,
        response: { 201: IssuedApiKey },
      },
      async (request, reply) => {
        const body = request.body;
        const actor = request.actor;
        if (!isOfficial(actor)) throw forbidden();
        // Without a unit, the whole deployment.
        const unit = (await requireUnitIfSent(ctx.db, body.unit, ctx.clock.now())) ?? null;
        if (!canManageKey(actor, unit?.path ?? '/')) throw forbidden();
        const issued = await issueApiKey(ctx, actor, { client: body.client, unit, perMinute: body.perMinute ?? defaultPerMinute });
        const row = await getApiKey(ctx.db, issued.id);
        if (!row) throw notFound();
        return reply.status(201).send({ ...presentApiKey(row), key: issued.key });
      },
    );

    routes.post(
      '/api/v1/api-keys/:id/revoke',
      {
        access: { roles: keyManagers },
        summary: 'Revoke a key: every later request with it is refused',
        params: ApiKeyParams,
        response: { 200: ApiKeyView },
      },
      async (request) => {
        const actor = request.actor;
        const key = await getApiKey(ctx.db, request.params.id);
        if (!key || !isOfficial(actor) || !canManageKey(actor, key.unit_path)) throw notFound();
        await revokeApiKey(ctx, actor, key);
        return presentApiKey((await getApiKey(ctx.db, key.id))!);
      },
    );
  },
};
