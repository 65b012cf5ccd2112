import { it, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend, type TestApp } from '../../test/server.ts';
import { parseDestination } from './destination.ts';
import { codeValidMinutes, maxCodesPerHour } from './commands/sendSignInCode.ts';
import { maxCodeAttempts } from './commands/verifySignInCode.ts';
import { sentMessage } from './people.testing.ts';

test('phone numbers become E.164 (Vietnamese by default, Chinese recognised); e-mail is lower-cased', () => {
  assert.equal(parseDestination('0912345678').address, '+84912345678');
  assert.equal(parseDestination('0912 345 678').address, '+84912345678');
  assert.equal(parseDestination('+84 912 345 678').address, '+84912345678');
  assert.equal(parseDestination('+86 138 0013 8000').address, '+8613800138000');
  assert.equal(parseDestination('13800138000').address, '+8613800138000');
  assert.equal(parseDestination('0912345678').channel, 'sms');
  assert.deepEqual(parseDestination(' Lan.Tran@Example.VN '), { channel: 'email', address: 'lan.tran@example.vn', email: 'lan.tran@example.vn' });
  for (const bad of ['12345', 'hello', '+84 12', 'a@b', '@example.org', '0912345678; drop table']) {
    assert.throws(() => parseDestination(bad), /invalid_destination/, bad);
  }
});

async function requestCode(t: TestApp, destination: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/code', payload: { destination }, headers });
}

/** The code as the SMS or e-mail carries it: read from the notification outbox. */
async function sentCode(t: TestApp, recipient: string): Promise<{ code: string; locale: string; channel: string }> {
  const { params, locale, channel } = await sentMessage(t, recipient, 'sign_in_code');
  return { code: String(params.code), locale, channel };
}

const verify = (t: TestApp, destination: string, code: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/code/verify', payload: { destination, code } });

const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describeEachBackend(
  'residents sign in with a one-time code',
  (t) => {
    it('sends a code through the outbox and signs in, creating the resident once', async () => {
      const sent = await requestCode(t(), '0912345678', { 'accept-language': 'vi' });
      assert.equal(sent.statusCode, 202);
      assert.deepEqual(sent.json(), {
        destination: '+84912345678',
        channel: 'sms',
        expiresAt: new Date(t().clock.now().getTime() + codeValidMinutes * 60_000).toISOString(),
      });
      const message = await sentCode(t(), '+84912345678');
      assert.match(message.code, /^\d{6}$/);
      assert.equal(message.locale, 'vi');
      assert.equal(message.channel, 'sms');
      const stored = await t().ctx.db.selectFrom('one_time_codes').select('code_hash').where('destination', '=', '+84912345678').executeTakeFirstOrThrow();
      assert.notEqual(stored.code_hash, message.code, 'the code is stored hashed');

      const wrong = await verify(t(), '0912345678', otherCode(message.code));
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.json().error.code, 'invalid_code');

      const ok = await verify(t(), '+84 912 345 678', message.code);
      assert.equal(ok.statusCode, 200);
      const { token, csrfToken } = ok.json();
      assert.match(String(ok.headers['set-cookie']), /zd_session=/);
      const me = await t().app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().kind, 'resident');
      assert.equal(me.json().phone, '+84912345678');
      assert.equal(me.json().csrfToken, csrfToken);
      assert.deepEqual(me.json().grants, []);

      const again = await verify(t(), '0912345678', message.code);
      assert.equal(again.statusCode, 401, 'a code works once');
      assert.equal(again.json().error.code, 'code_expired');

      await requestCode(t(), '0912345678');
      const second = await verify(t(), '0912345678', (await sentCode(t(), '+84912345678')).code);
      assert.equal(second.statusCode, 200);
      const accounts = await t().ctx.db.selectFrom('accounts').select('id').where('phone', '=', '+84912345678').execute();
      assert.equal(accounts.length, 1, 'the second sign-in finds the same resident');
      assert.equal(accounts[0].id, me.json().id);
    });

    it('signs in by e-mail, whatever the case of the address', async () => {
      assert.equal((await requestCode(t(), 'Lan.Tran@Example.VN', { 'accept-language': 'zh-CN' })).statusCode, 202);
      const message = await sentCode(t(), 'lan.tran@example.vn');
      assert.equal(message.channel, 'email');
      assert.equal(message.locale, 'zh');
      const ok = await verify(t(), 'lan.tran@example.vn', message.code);
      assert.equal(ok.statusCode, 200);
    });

    it('a code expires after 10 minutes', async () => {
      await requestCode(t(), '0987654321');
      const { code } = await sentCode(t(), '+84987654321');
      t().clock.advance(codeValidMinutes * 60_000 + 1000);
      const res = await verify(t(), '0987654321', code);
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, 'code_expired');
    });

    it('a code survives 5 wrong tries; after them even the right code is refused', async () => {
      await requestCode(t(), '+8613800138000');
      const { code } = await sentCode(t(), '+8613800138000');
      for (let i = 0; i < maxCodeAttempts; i++) {
        const res = await verify(t(), '+8613800138000', otherCode(code));
        assert.equal(res.json().error.code, 'invalid_code', `wrong try ${i + 1}`);
      }
      const right = await verify(t(), '+8613800138000', code);
      assert.equal(right.statusCode, 429);
      assert.equal(right.json().error.code, 'code_attempts_exceeded');
      // A new code starts a new count.
      await requestCode(t(), '+8613800138000');
      assert.equal((await verify(t(), '+8613800138000', (await sentCode(t(), '+8613800138000')).code)).statusCode, 200);
    });

    it('only the latest code counts', async () => {
      await requestCode(t(), '0911111111');
      const first = (await sentCode(t(), '+84911111111')).code;
      await requestCode(t(), '0911111111');
      const latest = (await sentCode(t(), '+84911111111')).code;
      if (first !== latest) assert.equal((await verify(t(), '0911111111', first)).json().error.code, 'invalid_code');
      assert.equal((await verify(t(), '0911111111', latest)).statusCode, 200);
    });

    it('sends at most 5 codes to one address per hour', async () => {
      for (let i = 0; i < maxCodesPerHour; i++) {
        assert.equal((await requestCode(t(), 'busy@example.org')).statusCode, 202);
        t().clock.advance(60_000);
      }
      const refused = await requestCode(t(), 'busy@example.org');
      assert.equal(refused.statusCode, 429);
      assert.equal(refused.json().error.code, 'too_many_codes');
      assert.equal(refused.headers['retry-after'], String(55 * 60), 'free again when the first code is an hour old');
      const sent = await t().ctx.db.selectFrom('notification_outbox').select('id').where('recipient', '=', 'busy@example.org').execute();
      assert.equal(sent.length, maxCodesPerHour);
      assert.equal((await requestCode(t(), 'other@example.org')).statusCode, 202, 'other addresses are not held back');
      t().clock.advance(55 * 60_000);
      assert.equal((await requestCode(t(), 'busy@example.org')).statusCode, 202);
    });

    it('refuses what is neither a phone number nor an e-mail address, in the caller language', async () => {
      const res = await requestCode(t(), 'not a number', { 'accept-language': 'vi' });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'invalid_destination');
      assert.match(res.json().error.message, /số điện thoại/);
      const badCode = await t().app.inject({ method: 'POST', url: '/api/v1/auth/code/verify', payload: { destination: '0912345678', code: '12ab56' } });
      assert.equal(badCode.statusCode, 400);
    });

    it('a disabled resident cannot sign in', async () => {
      const account = await t().ctx.db.insertInto('accounts')
        .values({ kind: 'resident', phone: '+84922222222', disabled_at: t().clock.now() }).returning('id').executeTakeFirstOrThrow();
      await requestCode(t(), '0922222222');
      const res = await verify(t(), '0922222222', (await sentCode(t(), '+84922222222')).code);
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'account_disabled');
      const sessions = await t().ctx.db.selectFrom('sessions').select('token_hash').where('account_id', '=', account.id).execute();
      assert.equal(sessions.length, 0);
    });
  },
  { config: { rateLimits: { signInPerMinute: 1000, anonymousWritesPerMinute: 1000 } } },
);
