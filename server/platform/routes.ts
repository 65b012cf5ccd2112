import type {
  ContextConfigDefault,
  FastifyBaseLogger,
  FastifyInstance,
  FastifySchema,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import type { RateLimitOptions } from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Access } from './access.ts';

type TypedApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

/**
 * What a route declares, in one flat object: who may call it, what it is for (the OpenAPI
 * summary), the TypeBox schemas of what it takes and answers, and the few route options some
 * routes need. Every route states its access here, so that none is registered without one.
 */
export interface RouteDeclaration extends FastifySchema {
  access: Access;
  summary: string;
  description?: string;
  /** Left out of /openapi.json (pages and files rather than API). */
  hide?: boolean;
  produces?: readonly string[];
  consumes?: readonly string[];
  /** A limit of its own instead of the app-wide one. */
  rateLimit?: RateLimitOptions | false;
  bodyLimit?: number;
  /** The handler reads `request.validationError` instead of the request being refused. */
  attachValidation?: boolean;
}

/** The handler's request and reply types follow the declaration's schemas. */
export type RouteHandler<D extends FastifySchema> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  D,
  TypeBoxTypeProvider,
  FastifyBaseLogger
>;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A module's routes under its OpenAPI tag:
 * `routes.get('/api/v1/agencies', { access: 'public', summary, querystring, response }, handler)`.
 */
export function routesOf(app: TypedApp, tag: string) {
  const declare =
    (method: Method) =>
    <D extends RouteDeclaration>(url: string, declaration: D, handler: RouteHandler<D>): void => {
      const { access, rateLimit, bodyLimit, attachValidation, ...schema } = declaration;
      // The handler was checked against the declaration's schemas above; the plain instance takes it as is.
      (app as FastifyInstance).route({
        method,
        url,
        config: rateLimit === undefined ? { access } : { access, rateLimit },
        ...(bodyLimit === undefined ? {} : { bodyLimit }),
        ...(attachValidation === undefined ? {} : { attachValidation }),
        schema: { tags: [tag], ...schema } as FastifySchema,
        handler: handler as RouteHandlerMethod,
      });
    };
  return { get: declare('GET'), post: declare('POST'), put: declare('PUT'), patch: declare('PATCH'), delete: declare('DELETE') };
}
