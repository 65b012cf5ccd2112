import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import { localeFrom, translate, type Locale } from './i18n.ts';
import { allows, anonymous, type Actor } from './access.ts';
import { resolveSession, sessionCookie } from './sessions.ts';
import type { AppContext } from './context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    locale: Locale;
    /** Set when the caller presented a session (cookie or bearer token). */
    session: { token: string; csrfToken: string; expiresAt: Date; viaCookie: boolean } | null;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sendError(reply: FastifyReply, request: FastifyRequest, error: AppError) {
  const body: { error: { code: string; message: string; details?: unknown } } = {
    error: { code: error.code, message: translate(error.code, request.locale ?? 'en', error.params) },
  };
  if (error.details !== undefined) body.error.details = error.details;
  return reply.status(error.status).type('application/json; charset=utf-8').send(body);
}

function summarize(validation: FastifyError['validation'], context: string | undefined): string {
  return (validation ?? [])
    .slice(0, 5)
    .map((v) => {
      const where = `${context ?? ''}${v.instancePath || ''}`.replace(/^body\/?/, '').replace(/\//g, '.');
      const extra = (v.params as { additionalProperty?: string }).additionalProperty;
      return `${where || 'body'}${extra ? `.${extra}` : ''} ${v.message ?? 'is invalid'}`.trim();
    })
    .join('; ');
}

/** Turns anything thrown into the one error shape, never a stack trace. */
function toAppError(error: FastifyError, contentType: string | undefined): AppError {
  if (error instanceof AppError) return error;
  if (error.validation) {
    return new AppError(400, 'invalid_input', { summary: summarize(error.validation, error.validationContext) },
      error.validation.map((v) => ({ path: v.instancePath, message: v.message, params: v.params })));
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(400, 'malformed_json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'body_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError(415, 'unsupported_media_type', { type: contentType?.split(';')[0].trim().slice(0, 100) || '?' });
  }
  if (error instanceof SyntaxError) return new AppError(400, 'malformed_json');
  if (error.statusCode === 429) return new AppError(429, 'too_many_requests', { seconds: 60 });
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(error.statusCode, 'invalid_input', { summary: error.message });
  }
  // A concurrent change that lost its race: a serialization failure or a deadlock.
  const pgCode = (error as unknown as { code?: string }).code;
  if (pgCode === '40001' || pgCode === '40P01') return new AppError(409, 'version_conflict');
  return new AppError(500, 'internal');
}

/**
 * Errors Fastify answers before any hook runs (a URL that does not decode, a path segment
 * over the router's limit): the same error shape, in the caller's language.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  request.locale = localeFrom(request.headers['accept-language']);
  const appError = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? new AppError(414, 'url_too_long') : new AppError(400, 'invalid_url');
  return sendError(reply, request, appError);
}

/**
 * How deep JSON bodies may nest. No route's schema goes past a handful of levels; anything
 * deeper is refused before it is parsed, so that no recursive walk (the text check below, the
 * schema validator, a module's code) ever meets input deep enough to exhaust the stack.
 */
const maxJsonDepth = 32;

/**
 * Does this JSON text nest arrays and objects deeper than `limit`? One pass without
 * recursion, brackets inside strings not counted; the text need not be valid JSON.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Fastify's own JSON parser (prototype poisoning refused), behind the nesting limit. */
function installJsonParser(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonDepthExceeds(body as string, maxJsonDepth)) {
      done(new AppError(400, 'too_deep', { max: maxJsonDepth }), undefined);
      return;
    }
    parse(request, body as string, done);
  });
}

// PostgreSQL text holds neither NUL nor half of a surrogate pair.
const unstorable = /\u0000|\p{Cs}/u;

/** Where the first text PostgreSQL cannot store sits in a parsed input ('body.resident.name'), if anywhere. */
export function unstorableTextAt(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return unstorable.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableTextAt(value[i], `${path}.${i}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const [key, item] of Object.entries(value)) {
      const found = unstorable.test(key) ? path : unstorableTextAt(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** Request language, actor, access declaration, CSRF, and the error shape. */
export function installHttpPlatform(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('actor', null as never); // set on every request below
  app.decorateRequest('locale', 'en');
  app.decorateRequest('session', null as never);
  installJsonParser(app);

  app.addHook('onRequest', async (request) => {
    request.locale = localeFrom(request.headers['accept-language']);
    request.actor = anonymous;
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const cookie = request.cookies?.[sessionCookie];
    const token = bearer ?? cookie;
    if (!token) return;
    const resolved = await resolveSession(ctx.db, token, ctx.clock.now(), ctx.database);
    if (!resolved) return; // an expired or unknown token is simply not signed in
    request.actor = resolved.actor;
    request.session = { token, csrfToken: resolved.csrfToken, expiresAt: resolved.expiresAt, viaCookie: !bearer };
  });

  // Deny by default: an /api route that declares no access answers 403 to everyone.
  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    if (!url || !url.startsWith('/api/')) return;
    const access = request.routeOptions.config.access;
    if (!access) throw new AppError(403, 'forbidden');
    if (!allows(access, request.actor)) {
      throw request.actor.kind === 'anonymous' ? new AppError(401, 'sign_in_required') : new AppError(403, 'forbidden');
    }
    // A cookie is sent by the browser on its own; a write must also carry the CSRF token.
    if (request.session?.viaCookie && unsafeMethods.has(request.method)) {
      if (request.headers['x-csrf-token'] !== request.session.csrfToken) throw new AppError(403, 'csrf_failed');
    }
  });

  // Refused before validation, so that no module meets it: it would fail in SQL, with a 500.
  app.addHook('preValidation', async (request) => {
    const at =
      unstorableTextAt(request.params, 'path') ?? unstorableTextAt(request.query, 'query') ?? unstorableTextAt(request.body, 'body');
    if (at) throw new AppError(400, 'invalid_text', { field: at });
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error, request.headers['content-type']);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code, status: appError.status }, 'request refused');
    // A refusal that knows when it ends (a locked sign-in) says so the standard way too.
    if (typeof appError.params.retryAfter === 'number') reply.header('retry-after', String(appError.params.retryAfter));
    if (appError.status === 429) {
      const after = Number(reply.getHeader('retry-after')) || 60;
      appError.params.seconds = after;
    }
    return sendError(reply, request, appError);
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(reply, request, new AppError(404, 'route_not_found', { method: request.method, url: request.url.split('?')[0] })),
  );
}
