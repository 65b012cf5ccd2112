import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Type } from 'typebox';
import { backends } from '../test/databases.ts';
import { createTestApp } from '../test/server.ts';
import { createBareSession } from '../test/factories.ts';

// One app with a few extra routes, to see the platform's answers to bad input.
function appWithEchoRoutes() {
  return createTestApp(backends[0], {
    config: { rateLimits: { signInPerMinute: 10, anonymousWritesPerMinute: 3 } },
    routes(app) {
      const body = Type.Object({ count: Type.Integer({ minimum: 1 }), name: Type.String() }, { additionalProperties: false });
      app.post('/api/v1/echo', { config: { access: 'public' }, schema: { body } }, async (request) => request.body);
      app.post('/api/v1/undeclared', {}, async () => ({ ok: true }));
      app.post('/api/v1/officials-only', { config: { access: 'official' } }, async () => ({ ok: true }));
      app.get('/api/v1/boom', { config: { access: 'public' } }, async () => {
        throw new Error('secret internals');
      });
    },
  });
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
    const session = await createBareSession(ctx.db, 'op', ctx.clock.now(), 1);
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
    const session = await createBareSession(ctx.db, 'hotline', ctx.clock.now(), 1);
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
    const { app, close } = await createTestApp(backends[0], { config: { secureCookies } });
    try {
      const res = await app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/);
      assert.equal(/upgrade-insecure-requests/.test(csp), secureCookies);
      assert.equal('strict-transport-security' in res.headers, secureCookies);
      assert.ok(res.headers['x-request-id'], 'every answer names its request id');
    } finally {
      await close();
    }
  }
});
