import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { backends } from '../../test/databases.ts';
import { createTestApp } from '../../test/server.ts';
import { isAccess, undeclaredApiRoutes, type RouteDeclaration } from './route-permissions.ts';

test('every /api route of the real app declares a valid access', async () => {
  const routes: RouteDeclaration[] = [];
  const t = await createTestApp(backends[0], { onRoute: (r) => void routes.push({ method: r.method, url: r.url, config: r.config }) });
  try {
    const api = routes.filter((r) => r.url.startsWith('/api/'));
    // The walk really sees the modules' routes, not an empty list.
    assert.ok(api.some((r) => r.url === '/api/v1/auth/login'), 'the sign-in route was seen');
    assert.ok(api.some((r) => r.url === '/api/v1/officials'), 'the officials route was seen');
    assert.deepEqual(undeclaredApiRoutes(routes), []);
  } finally {
    await t.close();
  }
});

test('the checker reports an /api route without access, or with a wrong one', async () => {
  const routes: RouteDeclaration[] = [];
  const app = Fastify();
  app.addHook('onRoute', (r) => void routes.push({ method: r.method, url: r.url, config: r.config }));
  app.get('/api/v1/declared', { config: { access: 'public' } }, async () => ({}));
  app.post('/api/v1/forgotten', async () => ({}));
  app.get('/api/v1/misspelt', { config: { access: 'pubic' as never } }, async () => ({}));
  app.get('/api/v1/no-roles', { config: { access: { roles: [] } } }, async () => ({}));
  app.get('/api/v1/unknown-role', { config: { access: { roles: ['mayor' as never] } } }, async () => ({}));
  app.get('/healthz', async () => ({})); // outside /api: the platform's own routes
  await app.ready();
  assert.deepEqual(undeclaredApiRoutes(routes).sort(), [
    'GET /api/v1/misspelt',
    'GET /api/v1/no-roles',
    'GET /api/v1/unknown-role',
    'HEAD /api/v1/misspelt',
    'HEAD /api/v1/no-roles',
    'HEAD /api/v1/unknown-role',
    'POST /api/v1/forgotten',
  ]);
  await app.close();
});

test('access values', () => {
  for (const ok of ['public', 'signed_in', 'resident', 'official', { roles: ['leader', 'auditor'] }]) assert.ok(isAccess(ok), JSON.stringify(ok));
  for (const bad of [undefined, null, '', 'admin', {}, { roles: 'leader' }, { roles: ['leader'], extra: 1 }]) {
    assert.equal(isAccess(bad), false, JSON.stringify(bad));
  }
});
