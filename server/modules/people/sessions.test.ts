/**
 * Sessions: a fresh token at every sign-in (a token known before sign-in is never the one that
 * signs in), tokens stored only as hashes, and the CSRF token required on every write made with
 * the cookie — raw file uploads included.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { factoryPassword } from '../../test/factories.ts';
import { sha256 } from '../../platform/sessions.ts';
import { codeHash } from './commands/sendSignInCode.ts';
import { createWorld, submitOk, testOptions, type World } from '../petitions/petitions.testing.ts';

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describeEachBackend('sessions and CSRF', (t) => {
  let w: World;

  it('setup', async () => {
    w = await createWorld(t(), 'S');
  });

  it('every sign-in makes a new session: a token presented with the sign-in is not the one given', async () => {
    const username = (await t().ctx.db.selectFrom('accounts').select('username').where('id', '=', w.disp1.id).executeTakeFirstOrThrow()).username!;
    const login = (cookies?: Record<string, string>, headers?: Record<string, string>) =>
      t().app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: factoryPassword }, cookies, headers });
    const first = await login();
    assert.equal(first.statusCode, 200, first.body);
    const a = first.json() as { token: string; csrfToken: string };
    // Signing in again with the first session's cookie (and its CSRF token) gives another one.
    const second = await login({ zd_session: a.token }, { 'x-csrf-token': a.csrfToken });
    assert.equal(second.statusCode, 200, second.body);
    const b = second.json() as { token: string; csrfToken: string };
    assert.notEqual(b.token, a.token);
    assert.notEqual(b.csrfToken, a.csrfToken);
    const cookie = [second.headers['set-cookie']].flat().find((c) => String(c).startsWith('zd_session='));
    assert.match(String(cookie), new RegExp(`^zd_session=${b.token};`));
    // Only hashes are stored.
    const stored = await t().ctx.db.selectFrom('sessions').select('token_hash').where('account_id', '=', w.disp1.id).execute();
    const hashes = stored.map((s) => s.token_hash);
    assert.ok(hashes.includes(sha256(a.token)) && hashes.includes(sha256(b.token)));
    assert.ok(!hashes.includes(a.token) && !hashes.includes(b.token));
  });

  it('a resident gets a new token at each sign-in with a code', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 2; i++) {
      await t().app.inject({ method: 'POST', url: '/api/v1/auth/code', payload: { destination: 'session.test@example.vn' } });
      const code = '000000';
      // The code itself is random; put a known one in its place to sign in.
      await t().ctx.db.updateTable('one_time_codes').set({ code_hash: codeHash('session.test@example.vn', code) })
        .where('destination', '=', 'session.test@example.vn').where('consumed_at', 'is', null).execute();
      const res = await t().app.inject({ method: 'POST', url: '/api/v1/auth/code/verify', payload: { destination: 'session.test@example.vn', code } });
      assert.equal(res.statusCode, 200, res.body);
      tokens.push(res.json().token);
    }
    assert.notEqual(tokens[0], tokens[1]);
  });

  it('a raw file upload with the session cookie needs the CSRF token', async () => {
    const s = await submitOk(t(), { unit: 'SC1', kind: 'question', body: 'The drain on our lane is blocked.', anonymous: true });
    const login = await t().app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: {
        username: (await t().ctx.db.selectFrom('accounts').select('username').where('id', '=', w.disp1.id).executeTakeFirstOrThrow()).username!,
        password: factoryPassword,
      },
    });
    const { token, csrfToken } = login.json() as { token: string; csrfToken: string };
    const upload = (headers: Record<string, string>) =>
      t().app.inject({
        method: 'POST',
        url: `/api/v1/petitions/${s.id}/attachments?filename=drain.png`,
        cookies: { zd_session: token },
        headers: { 'content-type': 'image/png', ...headers },
        payload: png,
      });
    const forged = await upload({});
    assert.equal(forged.statusCode, 403);
    assert.equal(forged.json().error.code, 'csrf_failed');
    const wrong = await upload({ 'x-csrf-token': 'not-the-token' });
    assert.equal(wrong.statusCode, 403);
    const count = async () =>
      Number((await t().ctx.db.selectFrom('petition_attachments').select((eb) => eb.fn.countAll().as('n')).where('petition_id', '=', s.id).executeTakeFirstOrThrow()).n);
    assert.equal(await count(), 0, 'nothing stored');
    const ok = await upload({ 'x-csrf-token': csrfToken });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(await count(), 1);
  });

  it('signing out ends the session for good: the old cookie is anonymous afterwards', async () => {
    const username = (await t().ctx.db.selectFrom('accounts').select('username').where('id', '=', w.lead1.id).executeTakeFirstOrThrow()).username!;
    const login = await t().app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: factoryPassword } });
    const { token, csrfToken } = login.json() as { token: string; csrfToken: string };
    const out = await t().app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { zd_session: token }, headers: { 'x-csrf-token': csrfToken } });
    assert.equal(out.statusCode, 204);
    const after = await t().app.inject({ method: 'GET', url: '/api/v1/petitions', cookies: { zd_session: token } });
    assert.equal(after.statusCode, 401);
    const rows = await t().ctx.db.selectFrom('sessions').select('token_hash').where('token_hash', '=', sha256(token)).execute();
    assert.deepEqual(rows, []);
  });
}, testOptions);
