import { it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend, type TestApp } from '../../test/server.ts';
import { createOfficial, createSmallTree, factoryPassword } from '../../test/factories.ts';
import { passwordHasher } from './passwords.ts';
import { attemptWindowMinutes, maxAttemptsPerAddress, maxAttemptsPerKnownDevice, maxAttemptsPerUsername } from './signInAttempts.ts';

const login = (
  t: TestApp,
  username: string,
  password: string,
  extra: { headers?: Record<string, string>; remoteAddress?: string; cookies?: Record<string, string> } = {},
) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, ...extra });

function cookieOf(res: { headers: Record<string, unknown> }, name = 'zd_session'): string {
  const header = res.headers['set-cookie'];
  return ([header].flat().find((c) => typeof c === 'string' && c.startsWith(`${name}=`)) as string | undefined) ?? '';
}

/** The device token the browser keeps after a sign-in. */
const deviceOf = (res: { headers: Record<string, unknown> }) => /^zd_device=([^;]*)/.exec(cookieOf(res, 'zd_device'))?.[1] ?? '';

describeEachBackend(
  'officials sign in with a password',
  (t) => {
    it('answers token, CSRF token and expiry, and sets an HttpOnly SameSite=Lax cookie', async () => {
      await createSmallTree(t().ctx.db, 'A');
      const official = await createOfficial(t(), { username: 'nguyen.van.a', name: 'Nguyễn Văn A', roles: [{ unit: 'AC1', role: 'handler' }] });
      const res = await login(t(), 'Nguyen.Van.A', factoryPassword); // usernames ignore case
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(typeof body.token, 'string');
      assert.equal(typeof body.csrfToken, 'string');
      assert.equal(body.expiresAt, new Date(t().clock.now().getTime() + t().ctx.config.sessionHours * 3600_000).toISOString());
      const cookie = cookieOf(res);
      assert.match(cookie, new RegExp(`^zd_session=${body.token};`));
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Lax/);
      assert.match(cookie, /Path=\//);
      assert.doesNotMatch(cookie, /Secure/, 'plain HTTP in tests: no Secure flag unless configured');

      const me = await t().app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${body.token}`, 'accept-language': 'vi' } });
      assert.equal(me.statusCode, 200);
      assert.deepEqual(me.json(), {
        kind: 'official',
        id: official.id,
        name: 'Nguyễn Văn A',
        username: 'nguyen.van.a',
        agency: null,
        agencyName: null,
        grants: [{ unit: { code: 'AC1', name: 'A Commune One' }, role: 'handler' }],
        csrfToken: body.csrfToken,
        expiresAt: body.expiresAt,
      });
      const audit = await t().ctx.db.selectFrom('audit_events').select(['action', 'actor_label'])
        .where('subject_type', '=', 'account').where('subject_id', '=', String(official.id)).execute();
      assert.deepEqual(audit, [{ action: 'account.signed_in', actor_label: 'official:nguyen.van.a' }]);
    });

    it('gives one answer for an unknown username and for a wrong password', async () => {
      await createOfficial(t(), { username: 'known', roles: [] });
      const unknown = await login(t(), 'nobody-here', factoryPassword);
      const wrong = await login(t(), 'known', 'not the password');
      assert.equal(unknown.statusCode, 401);
      assert.equal(wrong.statusCode, 401);
      assert.deepEqual(unknown.json(), wrong.json());
      assert.equal(wrong.json().error.code, 'invalid_credentials');
      assert.equal(cookieOf(wrong), '');
    });

    it('unknown and known usernames: the same answers, the same throttling, the same hash work', async () => {
      await createOfficial(t(), { username: 'real.person', roles: [] });
      const verify = mock.method(passwordHasher, 'verify');
      try {
        const answers = async (username: string, remoteAddress: string) => {
          const out = [];
          for (let i = 0; i <= maxAttemptsPerUsername; i++) {
            const res = await login(t(), username, `wrong guess ${i}`, { remoteAddress });
            out.push({ status: res.statusCode, body: res.json(), retryAfter: res.headers['retry-after'] });
          }
          return out;
        };
        const real = await answers('real.person', '192.0.2.31');
        const realChecks = verify.mock.callCount();
        const unknown = await answers('no.such.person', '192.0.2.32');
        assert.deepEqual(unknown, real);
        assert.deepEqual(real.map((a) => a.status), [401, 401, 401, 401, 401, 429]);
        assert.equal(real[maxAttemptsPerUsername].body.error.code, 'sign_in_throttled');
        assert.equal(real[maxAttemptsPerUsername].retryAfter, String(attemptWindowMinutes * 60));
        // One argon2 verification per counted attempt, real hash or dummy; none once throttled.
        assert.equal(realChecks, maxAttemptsPerUsername);
        assert.equal(verify.mock.callCount() - realChecks, maxAttemptsPerUsername, 'an unknown name costs the same hash work');
      } finally {
        verify.mock.restore();
      }
    });

    it('a stranger’s guesses do not lock the owner out of a device they signed in from before', async () => {
      await createOfficial(t(), { username: 'targeted', roles: [] });
      const first = await login(t(), 'targeted', factoryPassword, { remoteAddress: '192.0.2.40' });
      assert.equal(first.statusCode, 200);
      const device = deviceOf(first);
      assert.match(device, /^[A-Za-z0-9_-]{43}$/);
      assert.match([first.headers['set-cookie']].flat().join('\n'), /zd_device=[^;]+;.*HttpOnly.*SameSite=Strict/);

      for (let i = 0; i < maxAttemptsPerUsername; i++) {
        assert.equal((await login(t(), 'targeted', `guess ${i}`, { remoteAddress: '198.51.100.66' })).statusCode, 401);
      }
      const stranger = await login(t(), 'targeted', factoryPassword, { remoteAddress: '198.51.100.66' });
      assert.equal(stranger.statusCode, 429, 'even the right password waits on a new device');
      const elsewhere = await login(t(), 'targeted', factoryPassword, { remoteAddress: '192.0.2.41' });
      assert.equal(elsewhere.statusCode, 429, 'the username is throttled for new devices from any address');

      const owner = await login(t(), 'targeted', factoryPassword, { remoteAddress: '192.0.2.40', cookies: { zd_device: device } });
      assert.equal(owner.statusCode, 200, 'the owner’s known device has its own allowance');

      // The known device's allowance is its own, and limited too.
      for (let i = 0; i < maxAttemptsPerKnownDevice; i++) {
        assert.equal((await login(t(), 'targeted', `typo ${i}`, { cookies: { zd_device: device } })).statusCode, 401);
      }
      assert.equal((await login(t(), 'targeted', factoryPassword, { cookies: { zd_device: device } })).statusCode, 429);

      t().clock.advance(attemptWindowMinutes * 60_000);
      assert.equal((await login(t(), 'targeted', factoryPassword, { remoteAddress: '198.51.100.67' })).statusCode, 200, 'open again when the window ends');
    });

    it('a device known to one account is a new device for another', async () => {
      await createOfficial(t(), { username: 'shared.pc.one', roles: [] });
      await createOfficial(t(), { username: 'shared.pc.two', roles: [] });
      const device = deviceOf(await login(t(), 'shared.pc.one', factoryPassword));
      for (let i = 0; i < maxAttemptsPerUsername; i++) await login(t(), 'shared.pc.two', `guess ${i}`);
      const res = await login(t(), 'shared.pc.two', factoryPassword, { cookies: { zd_device: device } });
      assert.equal(res.statusCode, 429);
    });

    it('a successful sign-in starts the count again', async () => {
      await createOfficial(t(), { username: 'sometimes', roles: [] });
      for (let i = 0; i < maxAttemptsPerUsername - 1; i++) assert.equal((await login(t(), 'sometimes', 'wrong')).statusCode, 401);
      assert.equal((await login(t(), 'sometimes', factoryPassword)).statusCode, 200);
      for (let i = 0; i < maxAttemptsPerUsername - 1; i++) assert.equal((await login(t(), 'sometimes', 'wrong')).statusCode, 401);
      assert.equal((await login(t(), 'sometimes', factoryPassword)).statusCode, 200, 'four failures after a success do not throttle');
    });

    it('one address gets a bounded number of attempts over all usernames', async () => {
      const statuses = [];
      for (let i = 0; i <= maxAttemptsPerAddress; i++) {
        statuses.push((await login(t(), `sprayed.${i}`, 'Summer2024!', { remoteAddress: '203.0.113.99' })).statusCode);
      }
      assert.deepEqual(statuses.slice(-2), [401, 429]);
      assert.equal(statuses.filter((s) => s === 401).length, maxAttemptsPerAddress);
    });

    it('parallel guesses get no more checks than the allowance', async () => {
      await createOfficial(t(), { username: 'raced', roles: [] });
      const verify = mock.method(passwordHasher, 'verify');
      try {
        const answers = await Promise.all(
          Array.from({ length: 30 }, (_, i) => login(t(), 'raced', `parallel guess ${i}`, { remoteAddress: `198.18.0.${i + 1}` })),
        );
        const statuses = answers.map((r) => r.statusCode).sort();
        assert.equal(statuses.filter((s) => s === 401).length, maxAttemptsPerUsername);
        assert.equal(statuses.filter((s) => s === 429).length, 30 - maxAttemptsPerUsername);
        assert.equal(verify.mock.callCount(), maxAttemptsPerUsername, 'passwords checked');
      } finally {
        verify.mock.restore();
      }
    });

    it('a disabled account cannot sign in, and its sessions stop working', async () => {
      const official = await createOfficial(t(), { username: 'retired', roles: [] });
      await t().ctx.db.updateTable('accounts').set({ disabled_at: t().clock.now() }).where('id', '=', official.id).execute();
      const res = await login(t(), 'retired', factoryPassword);
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'account_disabled');
      assert.equal((await login(t(), 'retired', 'wrong password')).json().error.code, 'invalid_credentials');
      const me = await t().app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: official.headers });
      assert.equal(me.statusCode, 401);
    });

    it('a cookie session needs the CSRF token to sign out; signing out ends the session and clears the cookie', async () => {
      await createOfficial(t(), { username: 'browser', roles: [] });
      const session = (await login(t(), 'browser', factoryPassword)).json();
      const cookies = { zd_session: session.token };
      const me = await t().app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies });
      assert.equal(me.statusCode, 200, 'reads need no CSRF token');
      // The web app's first question: a visitor is an answer, not a refusal.
      const session200 = await t().app.inject({ method: 'GET', url: '/api/v1/auth/session', cookies });
      assert.equal(session200.statusCode, 200);
      assert.equal(session200.json().me.csrfToken, session.csrfToken);
      assert.equal(session200.json().me.username, 'browser');

      const forged = await t().app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies });
      assert.equal(forged.statusCode, 403);
      assert.equal(forged.json().error.code, 'csrf_failed');

      const out = await t().app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies, headers: { 'x-csrf-token': session.csrfToken } });
      assert.equal(out.statusCode, 204);
      assert.match(cookieOf(out), /^zd_session=;.*Expires=Thu, 01 Jan 1970/);
      assert.equal((await t().app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies })).statusCode, 401);
      const after = await t().app.inject({ method: 'GET', url: '/api/v1/auth/session', cookies });
      assert.deepEqual([after.statusCode, after.json()], [200, { me: null }], 'signed out: nobody, without an error');
      assert.equal(
        (await t().app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${session.token}` } })).statusCode,
        401,
        'the token is dead, not just the cookie',
      );
    });

    it('a bearer token signs out without a CSRF token; other sessions stay', async () => {
      await createOfficial(t(), { username: 'twodevices', roles: [] });
      const phone = (await login(t(), 'twodevices', factoryPassword)).json();
      const laptop = (await login(t(), 'twodevices', factoryPassword)).json();
      const out = await t().app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: `Bearer ${phone.token}` } });
      assert.equal(out.statusCode, 204);
      const auth = (token: string) => ({ authorization: `Bearer ${token}` });
      assert.equal((await t().app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth(phone.token) })).statusCode, 401);
      assert.equal((await t().app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth(laptop.token) })).statusCode, 200);
    });

    it('a session expires after the configured hours', async () => {
      await createOfficial(t(), { username: 'longday', roles: [] });
      const session = (await login(t(), 'longday', factoryPassword)).json();
      t().clock.advance(t().ctx.config.sessionHours * 3600_000 + 1000);
      const me = await t().app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${session.token}` } });
      assert.equal(me.statusCode, 401);
    });

    it('refuses a body with unknown fields or a missing password', async () => {
      const extra = await t().app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'a', password: 'b', admin: true } });
      assert.equal(extra.statusCode, 400);
      const missing = await t().app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'a' } });
      assert.equal(missing.statusCode, 400);
    });
  },
  { config: { rateLimits: { signInPerMinute: 1000, anonymousWritesPerMinute: 1000 } } },
);

describeEachBackend(
  'sign-in is rate limited per address',
  (t) => {
    it('for anonymous and signed-in callers alike, and the cookie is Secure behind TLS', async () => {
      const official = await createOfficial(t(), { username: 'hotline', roles: [] });
      const ok = await login(t(), 'hotline', factoryPassword, { remoteAddress: '203.0.113.7' });
      assert.match(cookieOf(ok), /; Secure/);
      const statuses = [ok.statusCode];
      for (let i = 0; i < 3; i++) statuses.push((await login(t(), 'hotline', 'wrong', { remoteAddress: '203.0.113.7' })).statusCode);
      assert.deepEqual(statuses, [200, 401, 401, 429]);
      const limited = await login(t(), 'hotline', factoryPassword, { remoteAddress: '203.0.113.7' });
      assert.equal(limited.json().error.code, 'too_many_requests');

      // A session does not buy more guesses (the anonymous-writes limit lets signed-in callers through).
      const signedIn = await login(t(), 'hotline', factoryPassword, { remoteAddress: '203.0.113.7', headers: official.headers });
      assert.equal(signedIn.statusCode, 429);

      // Another address is counted on its own.
      assert.equal((await login(t(), 'hotline', factoryPassword, { remoteAddress: '198.51.100.1', headers: official.headers })).statusCode, 200);
      for (let i = 0; i < 2; i++) await login(t(), 'hotline', factoryPassword, { remoteAddress: '198.51.100.1', headers: official.headers });
      assert.equal((await login(t(), 'hotline', factoryPassword, { remoteAddress: '198.51.100.1', headers: official.headers })).statusCode, 429);

      // Residents' code requests have the same limit.
      const codes = [];
      for (let i = 0; i < 4; i++) {
        const res = await t().app.inject({ method: 'POST', url: '/api/v1/auth/code', payload: { destination: `a${i}@example.org` }, remoteAddress: '192.0.2.9' });
        codes.push(res.statusCode);
      }
      assert.deepEqual(codes, [202, 202, 202, 429]);
    });
  },
  { config: { secureCookies: true, rateLimits: { signInPerMinute: 3, anonymousWritesPerMinute: 1000 } } },
);
