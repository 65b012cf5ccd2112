import type { FastifyInstance } from 'fastify';
import type { Access } from './access.ts';

/** A route that moved: its method, and its path under the old and the new prefix. */
export type MovedRoute = readonly ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string];

/**
 * Routes renamed from one path prefix to another keep answering under the earlier name: each
 * old path answers 308 to the same path under the new prefix with the same query string (a 308
 * keeps the method and the body), so that callers written against the earlier name still work.
 * They are listed in the API docs as the earlier names, deprecated.
 */
export function movedRoutes(
  app: FastifyInstance,
  move: { from: string; to: string; tag: string; access?: Access },
  routes: readonly MovedRoute[],
): void {
  for (const [method, path] of routes) {
    app.route({
      method,
      url: move.from + path,
      config: { access: move.access ?? 'public' },
      schema: { tags: [move.tag], summary: `Earlier name of ${method} ${move.to}${path}: answers 308 to it`, deprecated: true },
      // The raw URL keeps the rest of the path and the query string exactly as they were sent.
      handler: (request, reply) => reply.redirect(move.to + request.url.slice(move.from.length), 308),
    });
  }
}
