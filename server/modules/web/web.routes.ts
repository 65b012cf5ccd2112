import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { Module } from '../index.ts';
import { AppError } from '../../platform/errors.ts';
import { webDist } from '../../../web/build.ts';
import { ClientConfig } from './web.schema.ts';
import { routesOf } from '../../platform/routes.ts';

/** Paths that belong to the server, never to the web app's routes. */
const serverPaths = /^\/(api|docs|openapi\.json|healthz|readyz|metrics)(\/|$|\?)/;

/**
 * Serves the built web app (dist/web): hashed assets cached for a year, index.html for every
 * other path that is not the server's own, so the app's routes work on reload.
 * Registered last: every module's routes come first.
 */
export const webModule: Module = {
  name: 'web',
  async routes(app, ctx) {
    const routes = routesOf(app, 'web');

    const indexFile = path.join(webDist, 'index.html');
    const built = fs.existsSync(indexFile);
    if (built) {
      await app.register(fastifyStatic, {
        root: webDist,
        prefix: '/',
        index: false,
        wildcard: false,
        // build:web writes .br and .gz beside each asset; the browser gets the smallest it accepts.
        preCompressed: true,
        cacheControl: false,
        // Vite names assets by content hash: a changed file has a new name.
        setHeaders(reply, filePath) {
          const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
          reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
    }
    const index = built ? fs.readFileSync(indexFile) : null;

    routes.get(
      '/api/v1/config',
      {
        access: 'public',
        summary: "The settings the browser app follows: the maps' tile source and its credit, single sign-on",
        response: { 200: ClientConfig },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=300');
        const { url, attribution } = ctx.config.mapTiles;
        const sso = ctx.config.oidc ? { name: ctx.config.oidc.name } : null;
        return { map: { tilesUrl: url, attribution }, sso };
      },
    );

    routes.get('/*', { access: 'public', summary: "The web app's page, for any address no route above answers", hide: true }, async (request, reply) => {
      const url = request.url;
      if (serverPaths.test(url) || /^\/(assets|\.vite)\//.test(url)) {
        throw new AppError(404, 'route_not_found', { method: request.method, url: url.split('?')[0] });
      }
      if (!index) {
        return reply
          .status(503)
          .type('text/plain; charset=utf-8')
          .send('The web app is not built yet: run `npm run build:web` (npm start builds it when missing).');
      }
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index);
    });
  },
};
