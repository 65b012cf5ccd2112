/**
 * Secrets in the outbox: a sign-in code or an access key is readable in the database only while
 * the message is still to be delivered.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { createUnit } from '../../test/factories.ts';
import type { AppContext } from '../context.ts';
import { defineTemplates, registerTemplates, TemplateError } from './templates.ts';
import { enqueueNotification } from './outbox.ts';
import { deliverDueNotifications, deliveryBackoffMs } from './delivery.ts';
import { PermanentDeliveryError, type OutgoingMessage, type Transports } from './transports.ts';

registerTemplates(defineTemplates({
  test_secret_code: {
    subject: { vi: 'Mã {code}', zh: '验证码 {code}', en: 'Code {code}' },
    text: { vi: 'Mã {code}, {minutes} phút.', zh: '验证码 {code}，{minutes} 分钟。', en: 'Code {code}, {minutes} minutes.' },
    secret: ['code'],
  },
}));

function transportsThat(send: (m: OutgoingMessage) => Promise<void>): Transports {
  const transport = { name: 'test', send };
  return { email: transport, sms: transport };
}

test('a secret must be one of the template placeholders', () => {
  assert.throws(
    () => defineTemplates({ test_bad_secret: { subject: { vi: 'a', zh: 'a', en: 'a' }, text: { vi: 'b', zh: 'b', en: 'b' }, secret: ['code'] } }),
    TemplateError,
  );
});

describeEachBackend('secrets leave the outbox once a message is done', (t) => {
  const rows = (ctx: AppContext) => ctx.db.selectFrom('notification_outbox').selectAll().orderBy('id').execute();
  const enqueue = (ctx: AppContext, code: string) =>
    enqueueNotification(ctx.db, {
      channel: 'sms',
      recipient: '+84901112233',
      template: 'test_secret_code',
      locale: 'en',
      params: { code, minutes: 10 },
      at: t().clock.now(),
    });

  test('sent: the code is removed, the rest of the delivery record stays', async () => {
    const { ctx } = t();
    await ctx.db.deleteFrom('notification_outbox').execute();
    await enqueue(ctx, '551177');
    const sent: OutgoingMessage[] = [];
    await deliverDueNotifications(ctx, { transports: transportsThat(async (m) => void sent.push(m)) });
    assert.equal(sent[0].text, 'Code 551177, 10 minutes.');
    const [row] = await rows(ctx);
    assert.equal(row.state, 'sent');
    assert.deepEqual(row.params, { minutes: 10 });
    assert.equal(row.recipient, '+84901112233');
    assert.equal(row.template, 'test_secret_code');
    assert.ok(!JSON.stringify(row).includes('551177'));
  });

  test('kept while a retry still needs it; removed when it fails for good, and never in the error kept', async () => {
    const { ctx, clock } = t();
    await ctx.db.deleteFrom('notification_outbox').execute();
    await enqueue(ctx, '662288');
    let permanent = false;
    // A gateway that echoes the refused message back in its error.
    const transports = transportsThat(async (m) => {
      throw permanent ? new PermanentDeliveryError(`refused: ${m.text}`) : new Error(`busy: ${m.text}`);
    });
    await deliverDueNotifications(ctx, { transports });
    let [row] = await rows(ctx);
    assert.equal(row.state, 'pending');
    assert.deepEqual(row.params, { code: '662288', minutes: 10 }, 'the retry renders the message again');
    assert.ok(!(row.last_error ?? '').includes('662288'));
    assert.match(row.last_error ?? '', /busy: Code \[redacted\]/);

    permanent = true;
    clock.advance(deliveryBackoffMs[0]);
    await deliverDueNotifications(ctx, { transports });
    [row] = await rows(ctx);
    assert.equal(row.state, 'failed');
    assert.deepEqual(row.params, { minutes: 10 });
    assert.ok(!JSON.stringify(row).includes('662288'));
  });

  test('a phone number a gateway names in its error is kept masked', async () => {
    const { ctx } = t();
    await ctx.db.deleteFrom('notification_outbox').execute();
    await enqueueNotification(ctx.db, {
      channel: 'sms',
      recipient: '+8613812345678',
      template: 'test_secret_code',
      locale: 'zh',
      params: { code: '773311', minutes: 10 },
      at: t().clock.now(),
    });
    await deliverDueNotifications(ctx, {
      transports: transportsThat(async (m) => {
        throw new PermanentDeliveryError(`unreachable: ${m.to}`);
      }),
    });
    const [row] = await rows(ctx);
    assert.equal(row.state, 'failed');
    assert.equal(row.last_error, 'PermanentDeliveryError: unreachable: +86138******78');
  });

  test('a resident sign-in code is not readable in the database after delivery', async () => {
    const { app, ctx } = t();
    await ctx.db.deleteFrom('notification_outbox').execute();
    const asked = await app.inject({ method: 'POST', url: '/api/v1/auth/code', payload: { destination: '0901998877' } });
    assert.equal(asked.statusCode, 202, asked.body);
    const sent: OutgoingMessage[] = [];
    await deliverDueNotifications(ctx, { transports: transportsThat(async (m) => void sent.push(m)) });
    const code = /\b(\d{6})\b/.exec(sent[0].text)?.[1];
    assert.ok(code, sent[0].text);
    const [row] = await rows(ctx);
    assert.equal(row.state, 'sent');
    assert.ok(!JSON.stringify(row.params).includes(code));
    // The code still signs in: only the outbox copy is gone.
    const verified = await app.inject({ method: 'POST', url: '/api/v1/auth/code/verify', payload: { destination: '0901998877', code } });
    assert.equal(verified.statusCode, 200, verified.body);
  });

  test("a petition's access key is not readable in the outbox after delivery", async () => {
    const { app, ctx } = t();
    await ctx.db.deleteFrom('notification_outbox').execute();
    await createUnit(ctx.db, { code: 'RX1', name: 'Redaction Commune', level: 'commune' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/petitions',
      payload: { unit: 'RX1', kind: 'question', body: 'When is the office open?', resident: { name: 'An', email: 'an@example.vn' } },
    });
    assert.equal(res.statusCode, 201, res.body);
    const { accessKey } = res.json() as { accessKey: string };
    const sent: OutgoingMessage[] = [];
    await deliverDueNotifications(ctx, { transports: transportsThat(async (m) => void sent.push(m)) });
    assert.ok(sent.some((m) => m.text.includes(accessKey)), 'the resident gets the key');
    for (const row of await rows(ctx)) {
      assert.equal(row.state, 'sent');
      assert.ok(!JSON.stringify(row.params).includes(accessKey));
    }
  });
});
