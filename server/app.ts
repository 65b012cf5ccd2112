import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RouteOptions,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import cookie from '@fastify/cookie';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import crypto from 'node:crypto';
import type { AppContext } from './platform/context.ts';
import { tileSource } from './platform/config.ts';
import { frameworkErrors, installHttpPlatform } from './platform/http.ts';
import { validatorCompiler } from './platform/validation.ts';
import { modules, registerModules } from './modules/index.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface BuildOptions {
  /** Sees every route as it is registered (the route-permission test walks them). */
  onRoute?: (route: RouteOptions) => void;
}

/**
 * helmet's response headers for these options. @fastify/helmet builds helmet's middleware
 * again, parsing the CSP, on every request (a tenth of the server's CPU for a tracking
 * lookup); without nonces its headers never vary, so a throwaway instance computes them once.
 */
async function securityHeaders(options: FastifyHelmetOptions): Promise<Array<[string, string | number | string[]]>> {
  const probe = Fastify();
  await probe.register(helmet, options);
  let set: Array<[string, string | number | string[]]> = [];
  probe.addHook('onRequest', async (_request, reply) => {
    set = Object.entries(reply.raw.getHeaders()).filter((h): h is [string, string | number | string[]] => h[1] !== undefined);
  });
  probe.get('/', async () => '');
  await probe.inject('/');
  await probe.close();
  if (!set.some(([name]) => name === 'content-security-policy')) throw new Error('helmet set no Content-Security-Policy');
  return set;
}

/** Builds the HTTP application: platform hooks, then every module's routes. */
export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    loggerInstance: ctx.log,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || crypto.randomUUID(),
    requestIdHeader: false,
    trustProxy: process.env.ZD_TRUST_PROXY === '1',
    frameworkErrors,
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  // The same headers on every response: computed once (see securityHeaders).
  const headers = await securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Map tiles come from the configured tile server (docs/OPERATIONS.md, "Maps").
        imgSrc: ["'self'", 'data:', 'blob:', ...[tileSource(ctx.config.mapTiles)].filter((s) => s !== null)],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        // Only behind TLS: over plain http on a LAN address it would break every asset.
        upgradeInsecureRequests: ctx.config.secureCookies ? [] : null,
      },
    },
    // Likewise HSTS: a commune's server reached by IP over http must stay reachable.
    strictTransportSecurity: ctx.config.secureCookies,
  });
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Zero Distance API',
        version: '1',
        description: 'Petitions, units, officials and public figures for local government.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'zd_session' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  installHttpPlatform(app, ctx);

  // Anonymous writes are limited per address; signed-in callers (a hotline operator taking
  // call after call) are not. Routes may set their own limit (sign-in does).
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    max: ctx.config.rateLimits.anonymousWritesPerMinute,
    timeWindow: 60_000,
    allowList: (request) =>
      request.actor.kind !== 'anonymous' || !['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method),
    errorResponseBuilder: (_request, context) => {
      const error = new Error('rate limited') as Error & { statusCode: number };
      error.statusCode = context.statusCode;
      return error;
    },
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerModules(modules);
  for (const module of modules) await module.routes(app, ctx);
  return app;
}
