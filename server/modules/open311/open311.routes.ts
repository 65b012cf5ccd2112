/**
 * Open311 GeoReport v2 at /open311/v2, in JSON and XML, with FixMyStreet's
 * servicerequestupdates. Errors are the specification's [{code, description}] with the HTTP
 * status as code and the description in the caller's language.
 */
import formbody from '@fastify/formbody';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { TSchema } from 'typebox';
import type { RateLimitOptions } from '@fastify/rate-limit';
import type { Module } from '../index.ts';
import type { AppContext } from '../../platform/context.ts';
import { isOfficial } from '../../platform/access.ts';
import { AppError, badRequest, forbidden } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n.ts';
import { checkApiKey, keyReaches, type ApiClient } from '../api-keys/index.ts';
import { publicKinds } from '../petitions/index.ts';
import { requireUnitIfSent, resolveUnit } from '../units/index.ts';
import { formats, toXml, type Format } from './open311.format.ts';
import { canDefineService, canReadRequest, commaList, maxRequests, one, parseRequest, requestPage, requestRange, statusesOf, updateStatus, type Form } from './open311.policy.ts';
import { publicRequests, requestByCode, servicesOf, trackingCodeOfToken, updatesForKey } from './open311.queries.ts';
import { presentDefinition, presentRequest, presentService, presentUpdate } from './open311.presenter.ts';
import { CreatedService, CreateServiceBody, FormatParams, Open311Query, RequestParams, RequestsQuery, ServiceParams, TokenParams } from './open311.schema.ts';
import { postRequest } from './commands/postRequest.ts';
import { postUpdate } from './commands/postUpdate.ts';
import { createService } from './commands/createService.ts';
import { open311Messages } from './open311.messages.ts';
import { routesOf } from '../../platform/routes.ts';
import { serviceManagers } from '../../contract/roleSets.ts';

export const open311Base = '/open311/v2';

function formatOf(request: FastifyRequest): Format {
  const f = (request.params as { format?: string } | undefined)?.format;
  if (f === 'xml' || (!f && /\.xml(\?|$)/.test(request.url))) return 'xml';
  return 'json';
}

function send(reply: FastifyReply, format: Format, root: string, item: string | null, body: unknown) {
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(toXml(root, item, body));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
}

function sendErrors(reply: FastifyReply, request: FastifyRequest, error: AppError) {
  const errors = [{ code: error.status, description: translate(error.code, request.locale ?? 'en', error.params) }];
  if (typeof error.params.retryAfter === 'number') reply.header('retry-after', String(error.params.retryAfter));
  return send(reply.status(error.status), formatOf(request), 'errors', 'error', errors);
}

function toOpen311Error(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (error.validation) return badRequest('invalid_input', { summary: error.message });
  if (error.statusCode === 429) return new AppError(429, 'too_many_requests', { seconds: 60 });
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return new AppError(error.statusCode, 'invalid_input', { summary: error.message });
  return new AppError(500, 'internal');
}

function checkFormat(format: string): Format {
  if (!formats.includes(format as Format)) throw new AppError(404, 'open311_unknown_format');
  return format as Format;
}

export const open311Module: Module = {
  name: 'open311',
  messages: [open311Messages],
  async routes(app, ctx) {
    const routes = routesOf(app, 'open311');

    const readLimit = { max: ctx.config.rateLimits.trackingPerMinute, timeWindow: 60_000, allowList: () => false };
    // A client with a key is held to its key's own limit, checked with the key.
    const writeLimit = {
      max: ctx.config.rateLimits.anonymousWritesPerMinute,
      timeWindow: 60_000,
      allowList: (request: FastifyRequest) => typeof (request.body as Form | undefined)?.api_key === 'string',
    };

    routes.post(
      '/api/v1/open311/services',
      {
        access: { roles: serviceManagers },
        summary: "Define an Open311 service (a kind and category residents may report, with the attributes a client asks for) for a unit's subtree",
        body: CreateServiceBody,
        response: { 201: CreatedService },
      },
      async (request, reply) => {
        const actor = request.actor;
        const body = request.body;
        // Without a unit, the whole deployment.
        const unit = (await requireUnitIfSent(ctx.db, body.unit, ctx.clock.now())) ?? null;
        if (!isOfficial(actor) || !canDefineService(actor, unit?.path ?? '/')) throw forbidden();
        const codes = new Set<string>();
        for (const a of body.attributes ?? []) {
          if (codes.has(a.code)) throw badRequest('open311_invalid_service', { summary: `attribute ${a.code} twice` });
          codes.add(a.code);
          const lists = a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist';
          if (lists !== !!a.values?.length) throw badRequest('open311_invalid_service', { summary: `attribute ${a.code}: values go with list datatypes only` });
        }
        const id = await createService(ctx, actor, unit, body);
        return reply.status(201).send({ id, code: body.code, unit: unit ? { code: unit.code, name: unit.name } : null });
      },
    );

    await app.register(async (scope) => {
      await scope.register(formbody, { bodyLimit: 64 * 1024 });
      scope.setErrorHandler((error: FastifyError, request, reply) => {
        const appError = toOpen311Error(error);
        if (appError.status >= 500) request.log.error({ err: error }, 'open311 request failed');
        return sendErrors(reply, request, appError);
      });
      registerOpen311Routes(scope as unknown as typeof app, ctx, readLimit, writeLimit);
    });
  },
};

type Limit = RateLimitOptions;

function registerOpen311Routes(app: Parameters<Module['routes']>[0], ctx: AppContext, readLimit: Limit, writeLimit: Limit) {
  const routes = routesOf(app, 'open311');

  const now = () => ctx.clock.now();

  async function jurisdiction(code: string | undefined, client?: ApiClient) {
    const wanted = code ?? client?.unitCode ?? undefined;
    if (!wanted) throw badRequest('open311_jurisdiction_required');
    const unit = await resolveUnit(ctx.db, wanted, now());
    if (!unit) throw new AppError(404, 'open311_unknown_jurisdiction', { code: wanted });
    return unit;
  }

  async function keyed(key: string | undefined): Promise<ApiClient> {
    const checked = await checkApiKey(ctx.db, key, now());
    if (!checked.ok) throw new AppError(checked.status, checked.code, checked.retryAfter ? { retryAfter: checked.retryAfter, seconds: checked.retryAfter } : {});
    return checked.client;
  }

  const common = <P extends TSchema, Q extends TSchema = typeof Open311Query>(summary: string, params: P, querystring?: Q) => ({
    access: 'public' as const,
    summary,
    params,
    querystring: (querystring ?? Open311Query) as Q,
    rateLimit: readLimit,
  });

  routes.get(`${open311Base}/discovery.:format`, common('Open311 discovery: where the endpoint is and what it speaks', FormatParams), async (request, reply) => {
    const format = checkFormat(request.params.format);
    const base = `${request.protocol}://${request.host}${open311Base}`;
    const body = {
      changeset: '2026-12-01T00:00:00Z',
      contact: 'See docs/INTEROP.md of this deployment.',
      key_service: 'API keys are issued by the administrators of this deployment.',
      endpoints: [
        { specification: 'http://wiki.open311.org/GeoReport_v2', url: base, changeset: '2026-12-01T00:00:00Z', type: 'production', formats: ['application/json', 'text/xml'] },
      ],
    };
    return send(reply, format, 'discovery', null, body);
  });

  routes.get(`${open311Base}/services.:format`, common('Open311 services of a jurisdiction (a unit code)', FormatParams), async (request, reply) => {
    const format = checkFormat(request.params.format);
    const unit = await jurisdiction(request.query.jurisdiction_id);
    const services = await servicesOf(ctx.db, unit.path);
    return send(reply, format, 'services', 'service', services.map((s) => presentService(s, request.locale)));
  });

  routes.get(`${open311Base}/services/:code.:format`, common('Open311 service definition: the attributes a client asks for', ServiceParams), async (request, reply) => {
    const format = checkFormat(request.params.format);
    const unit = await jurisdiction(request.query.jurisdiction_id);
    const [service] = await servicesOf(ctx.db, unit.path, request.params.code);
    if (!service) throw new AppError(404, 'open311_unknown_service', { code: request.params.code });
    return send(reply, format, 'service_definition', null, presentDefinition(service, request.locale));
  });

  routes.post(
    `${open311Base}/requests.:format`,
    {
      access: 'public',
      summary: 'Open311: post a service request (form-encoded, with api_key)',
      params: FormatParams,
      querystring: Open311Query,
      rateLimit: writeLimit,
    },
    async (request, reply) => {
      const format = checkFormat(request.params.format);
      const form = (request.body ?? {}) as Form;
      // Clients differ on where they put the key and the jurisdiction of a POST (Code for America's
      // puts the jurisdiction in the URL): the form wins, the query string is the fallback.
      const client = await keyed(one(form, 'api_key') ?? request.query.api_key);
      const unit = await jurisdiction(one(form, 'jurisdiction_id') ?? request.query.jurisdiction_id, client);
      if (!keyReaches(client.unitPath, unit.path)) throw new AppError(403, 'api_key_out_of_scope', { code: unit.code });
      const code = one(form, 'service_code');
      if (!code) throw badRequest('open311_service_code_required');
      const [service] = await servicesOf(ctx.db, unit.path, code);
      if (!service) throw new AppError(404, 'open311_unknown_service', { code });
      const parsed = parseRequest(form, service.attributes);
      if ('errors' in parsed) {
        const e = parsed.errors[0];
        throw badRequest('open311_invalid_field', { field: e.field, problem: e.problem.replace('_', ' ') }, parsed.errors);
      }
      const posted = await postRequest(ctx, client, unit, service, parsed.request, request.locale);
      const body = [{ service_request_id: posted.trackingCode, token: posted.token, service_notice: '', account_id: '' }];
      return send(reply.status(201), format, 'service_requests', 'request', body);
    },
  );

  routes.get(`${open311Base}/tokens/:token.:format`, common('Open311: the request id of a token', TokenParams), async (request, reply) => {
    const format = checkFormat(request.params.format);
    const code = await trackingCodeOfToken(ctx.db, request.params.token);
    if (!code) throw new AppError(404, 'open311_token_not_found', { token: request.params.token });
    return send(reply, format, 'service_requests', 'request', [{ service_request_id: code, token: request.params.token }]);
  });

  routes.get(
    `${open311Base}/requests.:format`,
    common(
      'Open311: public service requests of a jurisdiction, newest first (by default the last 90 days, at most 1,000); pages of the pagination extension with page_size (1–1000) and page (1 = the first); never complaints, denunciations or conduct reports; no personal data',
      FormatParams,
      RequestsQuery,
    ),
    async (request, reply) => {
      const format = checkFormat(request.params.format);
      const q = request.query;
      const unit = await jurisdiction(q.jurisdiction_id);
      const range = requestRange(q.start_date, q.end_date, now());
      if ('error' in range) throw badRequest('open311_invalid_date', { field: range.error === 'range' ? 'start_date' : range.error });
      if (q.status !== undefined && !q.status.split(',').every((s) => s === 'open' || s === 'closed')) throw badRequest('open311_invalid_status');
      const page = requestPage(q.page_size, q.page);
      if ('error' in page) throw badRequest('open311_invalid_page', { field: page.error, max: page.max });
      const wanted = commaList(q.status) as Array<'open' | 'closed'> | undefined;
      const ids = commaList(q.service_request_id);
      const rows = await publicRequests(ctx.db, {
        unitPath: unit.path,
        kinds: publicKinds,
        // A list by ids answers those ids whenever they were made.
        ...(ids ? { trackingCodes: ids, from: new Date(0), to: now() } : range),
        serviceCodes: commaList(q.service_code),
        statuses: wanted && wanted.length === 1 ? statusesOf(wanted[0]) : undefined,
        limit: page.limit,
        offset: page.offset,
        locale: request.locale,
      });
      return send(reply, format, 'service_requests', 'request', rows.map(presentRequest));
    },
  );

  routes.get(`${open311Base}/requests/:id.:format`, common('Open311: one service request; public ones to anyone, others to the client that sent them', RequestParams), async (request, reply) => {
    const format = checkFormat(request.params.format);
    const key = request.query.api_key;
    const client = key ? await keyed(key) : undefined;
    const row = await requestByCode(ctx.db, request.params.id, request.locale);
    if (!row || !canReadRequest(row, publicKinds, client?.keyId)) throw new AppError(404, 'open311_request_not_found', { id: request.params.id });
    return send(reply, format, 'service_requests', 'request', [presentRequest(row)]);
  });

  routes.get(`${open311Base}/servicerequestupdates.:format`, common("FixMyStreet's extension: updates on the requests this key sent, in a period (by default the last 90 days)", FormatParams), async (request, reply) => {
    const format = checkFormat(request.params.format);
    const client = await keyed(request.query.api_key);
    const range = requestRange(request.query.start_date, request.query.end_date, now());
    if ('error' in range) throw badRequest('open311_invalid_date', { field: range.error === 'range' ? 'start_date' : range.error });
    const rows = await updatesForKey(ctx.db, client.keyId, range.from, range.to, maxRequests);
    return send(reply, format, 'service_request_updates', 'request_update', rows.map((u) => presentUpdate(u, request.locale)));
  });

  routes.post(
    `${open311Base}/servicerequestupdates.:format`,
    { access: 'public', summary: "FixMyStreet's extension: post an update on a request this key sent", params: FormatParams, rateLimit: writeLimit },
    async (request, reply) => {
      const format = checkFormat(request.params.format);
      const form = (request.body ?? {}) as Form;
      const client = await keyed(one(form, 'api_key'));
      const updateId = one(form, 'update_id');
      const id = one(form, 'service_request_id');
      const description = one(form, 'description') ?? '';
      if (!updateId || updateId.length > 100) throw badRequest('open311_invalid_field', { field: 'update_id', problem: 'required' });
      if (!id) throw badRequest('open311_invalid_field', { field: 'service_request_id', problem: 'required' });
      if (description.length > 4000) throw badRequest('open311_invalid_field', { field: 'description', problem: 'too long' });
      const status = updateStatus(one(form, 'status'));
      if (!status) throw badRequest('open311_invalid_update_status');
      const when = one(form, 'updated_datetime');
      const updatedAt = when ? new Date(when) : now();
      if (Number.isNaN(updatedAt.getTime())) throw badRequest('open311_invalid_field', { field: 'updated_datetime', problem: 'invalid' });
      const media = one(form, 'media_url');
      if (media && (media.length > 2000 || !/^https?:\/\/\S+$/i.test(media))) throw badRequest('open311_invalid_field', { field: 'media_url', problem: 'invalid' });
      const row = await requestByCode(ctx.db, id, request.locale);
      // Only the client that sent a request posts updates on it.
      if (!row || row.api_key_id !== client.keyId) throw new AppError(404, 'open311_request_not_found', { id });
      const stored = await postUpdate(ctx, client, { id: row.id, unitId: row.unit_id }, { externalId: updateId, status, description, mediaUrl: media ?? null, updatedAt });
      return send(reply, format, 'service_request_updates', 'request_update', [{ update_id: `u${stored}` }]);
    },
  );
}

