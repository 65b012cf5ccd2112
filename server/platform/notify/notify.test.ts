import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { listen, parseMail } from '../../test/mail.ts';
import { describeEachBackend, type TestApp } from '../../test/server.ts';
import type { AppContext } from '../context.ts';
import { testConfig } from '../config.ts';
import { defineTemplates, registerTemplates, renderTemplate, templateParams, TemplateError } from './templates.ts';
import { enqueueNotification, type NotificationInput } from './outbox.ts';
import { closeTransports, deliverDueNotifications, deliveryBackoffMs, maxDeliveryAttempts } from './delivery.ts';
import { startJobRunner } from '../jobs.ts';
import { consoleTransport, consoleTransportNotice, createTransports, type OutgoingMessage, type Transports } from './transports.ts';

registerTemplates(defineTemplates({
  test_petition_accepted: {
    subject: {
      vi: 'Phản ánh {trackingCode} đã được tiếp nhận',
      zh: '诉求 {trackingCode} 已受理',
      en: 'Petition {trackingCode} accepted',
    },
    text: {
      vi: 'Kính gửi {name}, phản ánh của bạn đã được tiếp nhận. Hạn xử lý: {due}.',
      zh: '{name}，您好：您的诉求已受理，办理时限：{due}。',
      en: 'Dear {name}, your petition was accepted. Due: {due}.',
    },
  },
  test_code: {
    subject: { vi: 'Mã đăng nhập', zh: '登录验证码', en: 'Sign-in code' },
    text: { vi: 'Mã của bạn: {code}', zh: '您的验证码：{code}', en: 'Your code: {code}' },
  },
}));

const params = { trackingCode: 'ZD-7K4P', name: 'Nguyễn Văn An', due: '10/03/2026' };

describe('notification templates', () => {
  test('render in each locale with the parameters filled in', () => {
    assert.deepEqual(renderTemplate('test_petition_accepted', 'vi', params), {
      subject: 'Phản ánh ZD-7K4P đã được tiếp nhận',
      text: 'Kính gửi Nguyễn Văn An, phản ánh của bạn đã được tiếp nhận. Hạn xử lý: 10/03/2026.',
    });
    assert.equal(renderTemplate('test_petition_accepted', 'zh', params).subject, '诉求 ZD-7K4P 已受理');
    assert.equal(renderTemplate('test_code', 'en', { code: 123456 }).text, 'Your code: 123456');
    assert.deepEqual(templateParams('test_petition_accepted'), ['due', 'name', 'trackingCode']);
  });

  test('a missing parameter or an unknown template is an error, never a message with holes', () => {
    assert.throws(() => renderTemplate('test_petition_accepted', 'en', { name: 'A', due: 'x' }), /needs the parameter trackingCode/);
    assert.throws(() => renderTemplate('test_no_such_template', 'en', {}), TemplateError);
  });

  test('every locale must be written and use the same placeholders', () => {
    assert.throws(
      () => defineTemplates({ test_missing_zh: { subject: { vi: 'a', zh: '', en: 'c' }, text: { vi: 'a', zh: 'b', en: 'c' } } }),
      /no subject in zh/,
    );
    assert.throws(
      () =>
        defineTemplates({
          test_typo: { subject: { vi: 'a', zh: 'b', en: 'c' }, text: { vi: 'Mã {trakingCode}', zh: '{trackingCode}', en: '{trackingCode}' } },
        }),
      /vi uses \{trakingCode\} but en uses \{trackingCode\}/,
    );
    assert.throws(
      () => registerTemplates(defineTemplates({ test_code: { subject: { vi: 'x', zh: 'x', en: 'x' }, text: { vi: 'x', zh: 'x', en: 'x' } } })),
      /defined twice/,
    );
  });
});

describe('transports', () => {
  test('the console transport prints one readable line; with nothing configured both channels use it', async () => {
    const lines: string[] = [];
    await consoleTransport((l) => lines.push(l)).send({ channel: 'sms', to: '+84901234567', subject: 'Mã đăng nhập', text: 'Mã của bạn:\n483920' });
    assert.deepEqual(lines, ['[notification] sms to +84901234567: Mã đăng nhập | Mã của bạn: / 483920\n']);
    const transports = createTransports(testConfig());
    assert.equal(transports.email.name, 'console');
    assert.equal(transports.sms.name, 'console');
    const configured = createTransports(testConfig({ smtpUrl: 'smtp://127.0.0.1:2525', smsWebhookUrl: 'http://127.0.0.1:9/sms' }));
    assert.equal(configured.email.name, 'smtp');
    assert.equal(configured.sms.name, 'sms-webhook');
    await configured.email.close?.();
  });

  test('a configured channel never prints to the console, and a console channel is announced as for trying only', async () => {
    const mailOnly = testConfig({ smtpUrl: 'smtp://127.0.0.1:2525' });
    const transports = createTransports(mailOnly);
    assert.equal(transports.email.name, 'smtp');
    assert.equal(transports.sms.name, 'console');
    await transports.email.close?.();
    const notice = consoleTransportNotice(mailOnly);
    assert.match(notice ?? '', /^sms notifications are printed to this console.*trying the software only.*ZD_SMS_WEBHOOK_URL/);
    assert.doesNotMatch(notice ?? '', /ZD_SMTP_URL/);
    assert.match(consoleTransportNotice(testConfig()) ?? '', /^email and sms notifications .*ZD_SMTP_URL and ZD_MAIL_FROM and ZD_SMS_WEBHOOK_URL/);
    assert.equal(consoleTransportNotice(testConfig({ smtpUrl: 'smtp://127.0.0.1:2525', smsWebhookUrl: 'http://127.0.0.1:9/sms' })), null);
  });
});

/** Headers and decoded text body of a simple (single-part) message as nodemailer writes it. */
describeEachBackend('notification outbox and delivery', (t) => {
  const input = (over: Partial<NotificationInput> = {}): NotificationInput => ({
    channel: 'email',
    recipient: 'an.nguyen@example.vn',
    template: 'test_petition_accepted',
    locale: 'vi',
    params,
    at: t().clock.now(),
    ...over,
  });
  const rows = (ctx: AppContext) => ctx.db.selectFrom('notification_outbox').selectAll().orderBy('id').execute();
  /** Each test starts with an empty outbox, so that rows left due by one test are not sent by the next. */
  const fresh = async (): Promise<TestApp> => {
    await t().ctx.db.deleteFrom('notification_outbox').execute();
    return t();
  };
  function capture(): { transports: Transports; sent: OutgoingMessage[] } {
    const sent: OutgoingMessage[] = [];
    const transport = { name: 'capture', send: async (m: OutgoingMessage) => void sent.push(m) };
    return { transports: { email: transport, sms: transport }, sent };
  }

  test('a dedupe key makes a notification exactly-once', async () => {
    const { ctx } = await fresh();
    const key = 'petition:42:accepted:resident';
    assert.equal(await enqueueNotification(ctx.db, input({ dedupeKey: key })), true);
    assert.equal(await ctx.db.transaction().execute((trx) => enqueueNotification(trx, input({ dedupeKey: key }))), false);
    const { transports, sent } = capture();
    await deliverDueNotifications(ctx, { transports });
    await deliverDueNotifications(ctx, { transports });
    assert.equal(sent.length, 1);
    assert.equal((await rows(ctx)).length, 1);
    // The key still holds once the message was sent.
    assert.equal(await enqueueNotification(ctx.db, input({ dedupeKey: key })), false);
    await deliverDueNotifications(ctx, { transports });
    assert.equal(sent.length, 1);
  });

  test('many due notifications go out in batches, a few at a time, each once; a failure in a batch leaves the rest sent', async () => {
    const { ctx } = await fresh();
    for (let i = 0; i < 75; i++) await enqueueNotification(ctx.db, input({ recipient: `r${i}@example.vn` }));
    const recipients: string[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const transport = {
      name: 'slow',
      send: async (m: OutgoingMessage) => {
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 2));
        inFlight--;
        if (m.to === 'r7@example.vn') throw new Error('mailbox busy');
        recipients.push(m.to);
      },
    };
    const result = await deliverDueNotifications(ctx, { transports: { email: transport, sms: transport } });
    assert.deepEqual(result, { sent: 74, retried: 1, failed: 0 });
    assert.equal(new Set(recipients).size, 74, 'each once');
    assert.ok(mostInFlight > 1 && mostInFlight <= 8, `sent a few at once (${mostInFlight})`);
    const states = (await rows(ctx)).map((r) => `${r.recipient}:${r.state}`);
    assert.equal(states.filter((x) => x.endsWith(':sent')).length, 74);
    assert.ok(states.includes('r7@example.vn:pending'), 'the failed one waits for its retry');
  });

  test('a notification is written with the change that causes it: a rolled back change sends nothing', async () => {
    const { ctx } = await fresh();
    await assert.rejects(
      ctx.db.transaction().execute(async (trx) => {
        await enqueueNotification(trx, input({ dedupeKey: 'rolled-back' }));
        throw new Error('the change failed');
      }),
    );
    assert.equal((await rows(ctx)).length, 0);
  });

  test('enqueueing refuses a template without its parameters, an unknown template, or no recipient', async () => {
    const { ctx } = await fresh();
    await assert.rejects(enqueueNotification(ctx.db, input({ params: { name: 'A' } })), /needs the parameter/);
    await assert.rejects(enqueueNotification(ctx.db, input({ template: 'test_nope' })), /unknown template/);
    await assert.rejects(enqueueNotification(ctx.db, input({ recipient: '  ' })), /no recipient/);
    assert.equal((await rows(ctx)).length, 0);
  });

  test('the console transport prints the sign-in code', async () => {
    const { ctx } = await fresh();
    await enqueueNotification(ctx.db, input({ channel: 'sms', recipient: '+84901234567', template: 'test_code', locale: 'en', params: { code: '483920' } }));
    const lines: string[] = [];
    const result = await deliverDueNotifications(ctx, { transports: createTransports(ctx.config, { write: (l) => lines.push(l) }) });
    assert.deepEqual(result, { sent: 1, retried: 0, failed: 0 });
    assert.deepEqual(lines, ['[notification] sms to +84901234567: Sign-in code | Your code: 483920\n']);
    const [row] = await rows(ctx);
    assert.equal(row.state, 'sent');
    assert.deepEqual(row.sent_at, t().clock.now());
  });

  describe('through a real SMTP server', () => {
    const received: Array<{ from: string; to: string[]; raw: string }> = [];
    let smtp: SMTPServer;
    let port: number;
    before(async () => {
      smtp = new SMTPServer({
        disabledCommands: ['STARTTLS', 'AUTH'],
        authOptional: true,
        logger: false,
        onRcptTo(address, _session, callback) {
          if (address.address.startsWith('nobody@')) {
            return callback(Object.assign(new Error('no such mailbox'), { responseCode: 550 }));
          }
          callback();
        },
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((a) => a.address),
              raw: Buffer.concat(chunks).toString('latin1'),
            });
            callback();
          });
        },
      });
      port = await listen(smtp, () => smtp.server.address() as AddressInfo);
    });
    after(async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    });

    test('the mail arrives with recipient, subject and body in the recipient language', async () => {
      const base = await fresh();
      received.length = 0;
      // The SMTP server comes from the configuration, as in production.
      const ctx: AppContext = { ...base.ctx, config: { ...base.ctx.config, smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'Thanh Nho <tiepdan@thanhnho.example.vn>' } };
      await enqueueNotification(ctx.db, input({ locale: 'vi' }));
      await enqueueNotification(ctx.db, input({ locale: 'zh', recipient: 'wang@example.cn' }));
      try {
        const result = await deliverDueNotifications(ctx);
        assert.deepEqual(result, { sent: 2, retried: 0, failed: 0 });
      } finally {
        await closeTransports(ctx);
      }
      assert.equal(received.length, 2);
      const vi = received.find((m) => m.to[0] === 'an.nguyen@example.vn')!;
      assert.deepEqual(vi.to, ['an.nguyen@example.vn']);
      assert.equal(vi.from, 'tiepdan@thanhnho.example.vn');
      const viMail = parseMail(vi.raw);
      assert.equal(viMail.headers.subject, 'Phản ánh ZD-7K4P đã được tiếp nhận');
      assert.equal(viMail.body, 'Kính gửi Nguyễn Văn An, phản ánh của bạn đã được tiếp nhận. Hạn xử lý: 10/03/2026.');
      const zh = parseMail(received.find((m) => m.to[0] === 'wang@example.cn')!.raw);
      assert.equal(zh.headers.subject, '诉求 ZD-7K4P 已受理');
      assert.equal(zh.body, 'Nguyễn Văn An，您好：您的诉求已受理，办理时限：10/03/2026。');
      assert.deepEqual((await rows(ctx)).map((r) => r.state), ['sent', 'sent']);
    });

    test('a mailbox the server refuses (5xx) fails at once, with the reason kept', async () => {
      const base = await fresh();
      const ctx: AppContext = { ...base.ctx, config: { ...base.ctx.config, smtpUrl: `smtp://127.0.0.1:${port}` } };
      await enqueueNotification(ctx.db, input({ recipient: 'nobody@example.vn' }));
      try {
        assert.deepEqual(await deliverDueNotifications(ctx), { sent: 0, retried: 0, failed: 1 });
      } finally {
        await closeTransports(ctx);
      }
      const [row] = await rows(ctx);
      assert.equal(row.state, 'failed');
      assert.equal(row.attempts, 1);
      assert.match(row.last_error ?? '', /SMTP 550/);
    });
  });

  describe('through an SMS gateway webhook', () => {
    const requests: Array<{ to: string; text: string }> = [];
    let answers: number[] = [];
    let server: http.Server;
    let url: string;
    before(async () => {
      server = http.createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          requests.push(JSON.parse(body));
          res.statusCode = answers.shift() ?? 200;
          res.end(res.statusCode === 200 ? '{"ok":true}' : 'gateway trouble');
        });
      });
      const port = await listen(server, () => server.address() as AddressInfo);
      url = `http://127.0.0.1:${port}/sms`;
    });
    after(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const smsTransports = () => createTransports({ ...testConfig(), smsWebhookUrl: url, smsWebhookTimeoutMs: 5000 });

    test('a 500 is retried after the backoff, then a 200 sends it once', async () => {
      const { ctx, clock } = await fresh();
      requests.length = 0;
      answers = [500, 200];
      const transports = smsTransports();
      await enqueueNotification(ctx.db, input({ channel: 'sms', recipient: '+84912345678', template: 'test_code', params: { code: '2468' } }));
      const start = clock.now();

      assert.deepEqual(await deliverDueNotifications(ctx, { transports }), { sent: 0, retried: 1, failed: 0 });
      let [row] = await rows(ctx);
      assert.equal(row.state, 'pending');
      assert.equal(row.attempts, 1);
      assert.match(row.last_error ?? '', /SMS gateway answered 500: gateway trouble/);
      assert.equal(row.next_attempt_at.getTime(), start.getTime() + deliveryBackoffMs[0]);

      clock.advance(deliveryBackoffMs[0] - 1);
      await deliverDueNotifications(ctx, { transports });
      assert.equal(requests.length, 1, 'not before the backoff has passed');

      clock.advance(1);
      assert.deepEqual(await deliverDueNotifications(ctx, { transports }), { sent: 1, retried: 0, failed: 0 });
      clock.advance(86_400_000);
      await deliverDueNotifications(ctx, { transports });
      assert.equal(requests.length, 2);
      assert.deepEqual(requests[1], { to: '+84912345678', text: 'Mã của bạn: 2468' });
      [row] = await rows(ctx);
      assert.equal(row.state, 'sent');
      assert.equal(row.attempts, 2);
    });

    test('a gateway that keeps failing is tried with growing waits, then the row fails with its last error', async () => {
      const { ctx, clock } = await fresh();
      requests.length = 0;
      answers = Array(maxDeliveryAttempts).fill(503);
      const transports = smsTransports();
      await enqueueNotification(ctx.db, input({ channel: 'sms', recipient: '+84912345678', template: 'test_code', params: { code: '1357' } }));
      const waits: number[] = [];
      for (let attempt = 1; attempt <= maxDeliveryAttempts; attempt++) {
        const before = clock.now().getTime();
        await deliverDueNotifications(ctx, { transports });
        const [row] = await rows(ctx);
        assert.equal(row.attempts, attempt);
        if (attempt < maxDeliveryAttempts) {
          waits.push(row.next_attempt_at.getTime() - before);
          clock.set(row.next_attempt_at);
        } else {
          assert.equal(row.state, 'failed');
          assert.match(row.last_error ?? '', /503/);
        }
      }
      assert.deepEqual(waits, deliveryBackoffMs);
      assert.ok(waits.every((w, i) => i === 0 || w > waits[i - 1]), 'each wait is longer');
      clock.advance(7 * 86_400_000);
      await deliverDueNotifications(ctx, { transports });
      assert.equal(requests.length, maxDeliveryAttempts, 'a failed row is not tried again');
    });

    test("a server process's job runner delivers what is enqueued, through the configured gateway", { timeout: 20_000 }, async () => {
      const base = await fresh();
      requests.length = 0;
      answers = [];
      let arrived!: () => void;
      const delivered = new Promise<void>((r) => (arrived = r));
      const onRequest = () => arrived();
      server.once('request', onRequest);
      const ctx: AppContext = { ...base.ctx, config: { ...base.ctx.config, smsWebhookUrl: url } };
      // A poll an hour away: the message goes out because enqueueing wakes the runner.
      const runner = startJobRunner(ctx, { pollMs: 3_600_000 });
      try {
        await ctx.db.transaction().execute((trx) =>
          enqueueNotification(trx, input({ channel: 'sms', recipient: '+84987654321', template: 'test_code', params: { code: '5150' } })),
        );
        await delivered;
      } finally {
        await runner.stop();
      }
      assert.deepEqual(requests, [{ to: '+84987654321', text: 'Mã của bạn: 5150' }]);
      const [row] = await rows(ctx);
      assert.equal(row.state, 'sent', 'stop waited for the message in hand to be marked sent');
    });

    test('a gateway that refuses the message (4xx) fails it at once', async () => {
      const { ctx } = await fresh();
      answers = [400];
      await enqueueNotification(ctx.db, input({ channel: 'sms', recipient: '+84000', template: 'test_code', params: { code: '1' } }));
      assert.deepEqual(await deliverDueNotifications(ctx, { transports: smsTransports() }), { sent: 0, retried: 0, failed: 1 });
      const [row] = await rows(ctx);
      assert.equal(row.state, 'failed');
      assert.match(row.last_error ?? '', /answered 400/);
    });

    test('an unreachable gateway is retried, not lost', async () => {
      const { ctx } = await fresh();
      await enqueueNotification(ctx.db, input({ channel: 'sms', recipient: '+84912345678', template: 'test_code', params: { code: '9' } }));
      // Port 9 (discard) has no listener here: the connection is refused.
      const down = createTransports({ ...testConfig(), smsWebhookUrl: 'http://127.0.0.1:9/sms' });
      assert.deepEqual(await deliverDueNotifications(ctx, { transports: down }), { sent: 0, retried: 1, failed: 0 });
      const [row] = await rows(ctx);
      assert.equal(row.state, 'pending');
      assert.ok(row.last_error);
    });
  });

  test('a message whose sender died while sending is sent again after its lease expires', async () => {
    const { ctx, clock } = await fresh();
    await enqueueNotification(ctx.db, input({ dedupeKey: 'lease-test' }));
    let release!: () => void;
    let started!: () => void;
    const startedP = new Promise<void>((r) => (started = r));
    const sent: OutgoingMessage[] = [];
    const stuck: Transports['email'] = {
      name: 'stuck',
      send: () => {
        started();
        return new Promise<void>((r) => (release = r));
      },
    };
    const dying = deliverDueNotifications(ctx, { transports: { email: stuck, sms: stuck } });
    await startedP;
    const { transports } = capture();
    const ok = { email: { name: 'ok', send: async (m: OutgoingMessage) => void sent.push(m) }, sms: transports.sms };
    await deliverDueNotifications(ctx, { transports: ok });
    assert.equal(sent.length, 0, 'a live lease is respected');
    clock.advance(2 * 60_000);
    await deliverDueNotifications(ctx, { transports: ok });
    assert.equal(sent.length, 1);
    release();
    await dying;
    const [row] = await rows(ctx);
    assert.equal(row.state, 'sent');
    assert.equal(row.attempts, 2);
  });
});
