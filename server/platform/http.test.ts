import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Type } from 'typebox';
import { buildApp } from '../app.ts';
import { createTestDatabase, backends } from '../test/databases.ts';
import { testConfig } from './config.ts';
import { FixedClock } from './clock.ts';
import { createLogger } from './log.ts';
import type { AppContext } from './context.ts';
import { createSession } from './sessions.ts';

// One app with two extra routes, to see the platform's answers to bad input.
async function appWithEchoRoutes() {
  const database = await createTestDatabase(backends[0]);
  const ctx: AppContext = {
    config: testConfig({ rateLimits: { signInPerMinute: 10, anonymousWritesPerMinute: 3 } }),
    database,
    db: database.db,
    clock: new FixedClock('2026-03-02T02:00:00Z'),
    log: createLogger('silent'),
  };
  const app = await buildApp(ctx);
  const body = Type.Object({ count: Type.Integer({ minimum: 1 }), name: Type.String() }, { additionalProperties: false });
  app.post('/api/v1/echo', { config: { access: 'public' }, schema: { body } }, async (request) => request.body);
  app.post('/api/v1/undeclared', {}, async () => ({ ok: true }));
  app.post('/api/v1/officials-only', { config: { access: 'official' } }, async () => ({ ok: true }));
  app.get('/api/v1/boom', { config: { access: 'public' } }, async () => {
    throw new Error('secret internals');
  });
  await app.ready();
  return { app, ctx, close: async () => (await app.close(), await database.close()) };
}

test('bad input gets a 4xx in the caller language, never a 500', async () => {
  const { app, close } = await appWithEchoRoutes();
  try {
    const ok = await app.inject({ method: 'POST', url: '/api/v1/echo', payload: { count: 2, name: 'a' } });
    assert.equal(ok.statusCode, 200);

    const malformed = await app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      headers: { 'content-type': 'application/json', 'accept-language': 'vi-VN,vi;q=0.9' },
      payload: '{"count": ',
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().error.code, 'malformed_json');
    assert.match(malformed.json().error.message, /JSON hợp lệ/);

    const wrongType = await app.inject({ method: 'POST', url: '/api/v1/echo', payload: { count: '2', name: 'a' } });
    assert.equal(wrongType.statusCode, 400, 'a string is not a number in a JSON body');
    assert.equal(wrongType.json().error.code, 'invalid_input');

    const unknownField = await app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      headers: { 'accept-language': 'zh-CN' },
      payload: { count: 1, name: 'a', admin: true },
    });
    assert.equal(unknownField.statusCode, 400);
    assert.match(unknownField.json().error.message, /提交的部分内容无效/);
    assert.match(unknownField.json().error.message, /admin/);

    const huge = await app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ count: 1, name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    assert.equal(huge.statusCode, 413);

    const boom = await app.inject({ method: 'GET', url: '/api/v1/boom' });
    assert.equal(boom.statusCode, 500);
    assert.equal(boom.json().error.code, 'internal');
    assert.doesNotMatch(boom.body, /secret internals|at .*\.ts/);
  } finally {
    await close();
  }
});

test('a route that declares no access is refused to everyone', async () => {
  const { app, close } = await appWithEchoRoutes();
  try {
    const res = await app.inject({ method: 'POST', url: '/api/v1/undeclared', payload: {} });
    assert.equal(res.statusCode, 403);
  } finally {
    await close();
  }
});

test('cookie-authenticated writes need the CSRF token; bearer tokens do not', async () => {
  const { app, ctx, close } = await appWithEchoRoutes();
  try {
    const account = await ctx.db
      .insertInto('accounts')
      .values({ kind: 'official', username: 'op', password_hash: 'x', name: 'Operator' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const session = await createSession(ctx.db, account.id, ctx.clock.now(), 1);
    const anonymousCall = await app.inject({ method: 'POST', url: '/api/v1/officials-only', payload: {} });
    assert.equal(anonymousCall.statusCode, 401);
    const noCsrf = await app.inject({
      method: 'POST',
      url: '/api/v1/officials-only',
      cookies: { zd_session: session.token },
      payload: {},
    });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(noCsrf.json().error.code, 'csrf_failed');
    const withCsrf = await app.inject({
      method: 'POST',
      url: '/api/v1/officials-only',
      cookies: { zd_session: session.token },
      headers: { 'x-csrf-token': session.csrfToken },
      payload: {},
    });
    assert.equal(withCsrf.statusCode, 200);
    const bearer = await app.inject({
      method: 'POST',
      url: '/api/v1/officials-only',
      headers: { authorization: `Bearer ${session.token}` },
      payload: {},
    });
    assert.equal(bearer.statusCode, 200);
    ctx.clock.now = () => new Date('2026-03-02T04:00:00Z'); // past the one-hour expiry
    const expired = await app.inject({
      method: 'POST',
      url: '/api/v1/officials-only',
      headers: { authorization: `Bearer ${session.token}` },
      payload: {},
    });
    assert.equal(expired.statusCode, 401);
  } finally {
    await close();
  }
});

test('anonymous writes are rate limited; signed-in officials are not', async () => {
  const { app, ctx, close } = await appWithEchoRoutes();
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/echo', payload: { count: 1, name: 'a' } });
      statuses.push(res.statusCode);
    }
    assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
    const account = await ctx.db
      .insertInto('accounts')
      .values({ kind: 'official', username: 'hotline', password_hash: 'x', name: 'Hotline' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const session = await createSession(ctx.db, account.id, ctx.clock.now(), 1);
    for (let i = 0; i < 6; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/echo',
        headers: { authorization: `Bearer ${session.token}` },
        payload: { count: 1, name: 'a' },
      });
      assert.equal(res.statusCode, 200);
    }
  } finally {
    await close();
  }
});

test('security headers: always nosniff and a CSP; TLS-only headers only behind TLS', async () => {
  for (const secureCookies of [false, true]) {
    const database = await createTestDatabase(backends[0]);
    const ctx: AppContext = {
      config: testConfig({ secureCookies }),
      database,
      db: database.db,
      clock: new FixedClock('2026-03-02T02:00:00Z'),
      log: createLogger('silent'),
    };
    const app = await buildApp(ctx);
    try {
      const res = await app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/);
      assert.equal(/upgrade-insecure-requests/.test(csp), secureCookies);
      assert.equal('strict-transport-security' in res.headers, secureCookies);
      assert.ok(res.headers['x-request-id'], 'every answer names its request id');
    } finally {
      await app.close();
      await database.close();
    }
  }
});
