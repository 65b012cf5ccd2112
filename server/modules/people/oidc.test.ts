/**
 * Single sign-on against a real OpenID Connect provider running in the test: the code flow
 * with PKCE from the start route to the provider's pages and back; claims that name an
 * existing, enabled official sign them in, anything else is refused with its reason.
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { createOfficial, createSmallTree } from '../../test/factories.ts';
import { startTestProvider, walkProvider } from './oidc.testing.ts';
import { ssoMatch, SsoRefused } from './commands/signInWithOidc.ts';
import { decodePending, encodePending } from './oidc.ts';
import { safeNext } from './oidc.routes.ts';

const redirectUri = 'http://zd.test/api/v1/auth/oidc/callback';
const provider = await startTestProvider([redirectUri]);
after(() => provider.close());

it('policy: the configured claim names the official; an unverified e-mail or a missing claim names nobody', () => {
  assert.deepEqual(ssoMatch({ claim: 'email' }, { email: ' Lan@Example.vn ', email_verified: true }), { field: 'email', value: 'Lan@Example.vn' });
  assert.deepEqual(ssoMatch({ claim: 'preferred_username' }, { preferred_username: 'lan' }), { field: 'username', value: 'lan' });
  const reason = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof SsoRefused ? e.reason : 'other';
    }
    return 'none';
  };
  assert.equal(reason(() => ssoMatch({ claim: 'email' }, { email: 'lan@example.vn', email_verified: false })), 'sso_email_unverified');
  assert.equal(reason(() => ssoMatch({ claim: 'email' }, { sub: 'x' })), 'sso_no_claim');
  assert.equal(reason(() => ssoMatch({ claim: 'preferred_username' }, { preferred_username: '  ' })), 'sso_no_claim');
  assert.equal(safeNext('//evil.example/'), '/staff');
  assert.equal(safeNext('https://evil.example/'), '/staff');
  assert.equal(safeNext('/staff/inbox?x=1'), '/staff/inbox?x=1');
  assert.equal(decodePending('not base64 json'), null);
  const pending = { state: 's', nonce: 'n', verifier: 'v', next: '/staff', redirectUri };
  assert.deepEqual(decodePending(encodePending(pending)), pending);
});

describeEachBackend(
  'single sign-on through an OpenID Connect provider',
  (t) => {
    before(async () => {
      await createSmallTree(t().ctx.db, 'SSO');
      await createOfficial(t(), { username: 'lan.nguyen', email: 'Lan.Nguyen@commune.example.vn', roles: [{ unit: 'SSOC1', role: 'handler' }] });
      const disabled = await createOfficial(t(), { username: 'old.hand', email: 'old.hand@commune.example.vn', roles: [{ unit: 'SSOC1', role: 'handler' }] });
      await t().ctx.db.updateTable('accounts').set({ disabled_at: new Date('2026-01-01') }).where('id', '=', disabled.id).execute();
      await createOfficial(t(), { username: 'twin.a', email: 'twin@commune.example.vn', roles: [] });
      await createOfficial(t(), { username: 'twin.b', email: 'twin@commune.example.vn', roles: [] });
      provider.users.set('lan', { email: 'lan.nguyen@commune.example.vn', email_verified: true, name: 'Nguyễn Thị Lan' });
      provider.users.set('stranger', { email: 'stranger@elsewhere.example', email_verified: true });
      provider.users.set('old', { email: 'old.hand@commune.example.vn', email_verified: true });
      provider.users.set('unverified', { email: 'lan.nguyen@commune.example.vn', email_verified: false });
      provider.users.set('twin', { email: 'twin@commune.example.vn', email_verified: true });
    });

    /** Start → provider → callback, as a browser would; answers where the app sends the browser and its cookies. */
    async function signInAs(login: string, opts: { next?: string; alterState?: boolean; dropCookie?: boolean } = {}) {
      const app = t().app;
      const start = await app.inject({ method: 'GET', url: `/api/v1/auth/oidc/start${opts.next ? `?next=${encodeURIComponent(opts.next)}` : ''}` });
      assert.equal(start.statusCode, 302);
      const authorization = new URL(String(start.headers.location));
      assert.equal(authorization.origin, provider.issuer);
      assert.equal(authorization.searchParams.get('code_challenge_method'), 'S256');
      assert.ok(authorization.searchParams.get('code_challenge'));
      assert.ok(authorization.searchParams.get('state'));
      assert.ok(authorization.searchParams.get('nonce'));
      assert.equal(authorization.searchParams.get('redirect_uri'), redirectUri);
      const pending = start.cookies.find((c) => c.name === 'zd_oidc');
      assert.ok(pending?.httpOnly);
      const back = await walkProvider(authorization.href, redirectUri, login);
      if (opts.alterState) back.searchParams.set('state', 'forged-state');
      const callback = await app.inject({
        method: 'GET',
        url: `${back.pathname}${back.search}`,
        cookies: opts.dropCookie ? {} : { zd_oidc: pending.value },
      });
      assert.equal(callback.statusCode, 302);
      const session = callback.cookies.find((c) => c.name === 'zd_session' && c.value);
      return { location: String(callback.headers.location), session: session?.value };
    }

    it('an official whose verified e-mail address matches is signed in, audited, and sent where they were going', async () => {
      const { location, session } = await signInAs('lan', { next: '/staff/inbox' });
      assert.equal(location, '/staff/inbox');
      assert.ok(session);
      const me = await t().app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { zd_session: session } });
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().username, 'lan.nguyen');
      const audit = await t()
        .ctx.db.selectFrom('audit_events')
        .select(['changes'])
        .where('action', '=', 'account.signed_in')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal((audit.changes as { method: string }).method, 'oidc');
    });

    for (const [login, reason] of [
      ['stranger', 'sso_not_linked'],
      ['old', 'account_disabled'],
      ['unverified', 'sso_email_unverified'],
      ['twin', 'sso_ambiguous'],
    ] as const) {
      it(`claims of ${login} are refused (${reason}) and nobody is signed in`, async () => {
        const { location, session } = await signInAs(login);
        assert.equal(location, `/sign-in?sso=${reason}`);
        assert.equal(session, undefined);
      });
    }

    it('a forged state or a lost pending cookie is refused', async () => {
      assert.deepEqual(await signInAs('lan', { alterState: true }), { location: '/sign-in?sso=sso_failed', session: undefined });
      assert.deepEqual(await signInAs('lan', { dropCookie: true }), { location: '/sign-in?sso=sso_failed', session: undefined });
    });

    it('the provider refusing (the official cancelled) comes back as a clear reason', async () => {
      const res = await t().app.inject({ method: 'GET', url: '/api/v1/auth/oidc/callback?error=access_denied&state=x' });
      assert.equal(res.statusCode, 302);
      assert.equal(res.headers.location, '/sign-in?sso=sso_cancelled');
    });

    it('the web app learns that single sign-on is offered, and by whom', async () => {
      const res = await t().app.inject({ method: 'GET', url: '/api/v1/config' });
      assert.deepEqual(res.json().sso, { name: 'Test provider' });
    });
  },
  {
    config: {
      oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, claim: 'email', redirectUri, name: 'Test provider' },
    },
  },
);

describeEachBackend('without single sign-on', (t) => {
  it('the routes are not there and the web app shows no button', async () => {
    const start = await t().app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    assert.equal(start.statusCode, 404);
    const res = await t().app.inject({ method: 'GET', url: '/api/v1/config' });
    assert.equal(res.json().sso, null);
  });
});
