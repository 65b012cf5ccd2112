import { it, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { parseMail, smtpSink } from '../../test/mail.ts';
import { createWorld, testOptions, type Who, type World } from '../petitions/petitions.testing.ts';
import { runDueJobs } from '../../platform/jobs.ts';
import { closeTransports, deliverDueNotifications } from '../../platform/notify/delivery.ts';
import { summaryOf } from './knowledge.announce.ts';

// The real SMTP server the mail tests use: what arrives is what residents would read.
const { received, url: smtpUrl, close } = await smtpSink();
after(close);

it('an announcement is summarised for a message at a word boundary', () => {
  assert.equal(summaryOf('Short  text\n here'), 'Short text here');
  const s = summaryOf('word '.repeat(100));
  assert.ok(s.length <= 161 && s.endsWith('word…'), s);
});

describeEachBackend(
  'subscriptions to announcements',
  (t) => {
    let w: World;
    const anon = (url: string, payload: Record<string, unknown>, lang = 'en') =>
      t().app.inject({ method: 'POST', url, payload, headers: { 'accept-language': lang } });
    const post = (who: Who, url: string, payload: Record<string, unknown>) =>
      t().app.inject({ method: 'POST', url, payload, headers: { ...who.headers, 'accept-language': 'en' } });
    const deliver = async () => {
      await runDueJobs(t().ctx);
      try {
        await deliverDueNotifications(t().ctx);
      } finally {
        await closeTransports(t().ctx);
      }
    };
    const mailsTo = (address: string) => received.filter((m) => m.to.includes(address)).map((m) => parseMail(m.raw));
    const announce = async (title: string, category: string | null) => {
      const created = await post(w.hand1, '/api/v1/knowledge/articles', {
        kind: 'announcement',
        unit: 'SC1',
        category,
        texts: [
          { language: 'vi', title: `${title} (vi)`, body: 'Lịch cắt nước: sáng thứ Bảy, từ 7 giờ đến 11 giờ, để sửa đường ống chính của xã. Bà con chủ động trữ nước.' },
          { language: 'zh', title: `${title}（中文）`, body: '周六上午7点至11点停水，维修乡里的主水管，请提前储水。' },
          { language: 'en', title: `${title} (en)`, body: 'The water is cut on Saturday from 7 to 11 in the morning while the main pipe is repaired. Please store water.' },
        ],
      });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id;
      assert.equal((await post(w.hand1, `/api/v1/knowledge/articles/${id}/actions`, { type: 'submit' })).statusCode, 200);
      const approved = await post(w.lead1, `/api/v1/knowledge/articles/${id}/actions`, { type: 'approve' });
      assert.equal(approved.statusCode, 200, approved.body);
      return id as number;
    };

    it('residents follow a unit or a category by e-mail or SMS, receive its announcements, and stop with the code without signing in', async () => {
      w = await createWorld(t(), 'S');
      // Following: a commune, a village below it (by SMS, in Chinese), a category anywhere, another commune.
      const commune = await anon('/api/v1/subscriptions', { unit: 'SC1', channel: 'email', email: 'An.Nguyen@Example.VN', language: 'vi' });
      assert.equal(commune.statusCode, 201, commune.body);
      assert.deepEqual(commune.json(), { unit: { code: 'SC1', name: 'S Commune One' }, category: null, channel: 'email', created: true, ended: false });
      const again = await anon('/api/v1/subscriptions', { unit: 'SC1', channel: 'email', email: 'an.nguyen@example.vn', language: 'vi' });
      assert.equal(again.json().created, false, 'the same address following the same again changes nothing');
      assert.equal((await anon('/api/v1/subscriptions', { unit: 'SV1', channel: 'sms', phone: '0912 345 678' }, 'zh')).statusCode, 201);
      assert.equal((await anon('/api/v1/subscriptions', { category: 'water_power', channel: 'email', email: 'water@example.org' })).statusCode, 201);
      assert.equal((await anon('/api/v1/subscriptions', { category: 'roads', channel: 'email', email: 'roads@example.org' })).statusCode, 201);
      assert.equal((await anon('/api/v1/subscriptions', { unit: 'SC2', channel: 'email', email: 'other@example.org' })).statusCode, 201);

      const refused = [
        await anon('/api/v1/subscriptions', { channel: 'email', email: 'x@example.org' }),
        await anon('/api/v1/subscriptions', { unit: 'SC1', channel: 'sms', phone: '12' }),
        await anon('/api/v1/subscriptions', { unit: 'SC1', channel: 'email', email: 'not an address' }),
        await anon('/api/v1/subscriptions', { unit: 'NOPE', channel: 'email', email: 'x@example.org' }),
      ];
      assert.deepEqual(refused.map((r) => [r.statusCode, r.json().error.code]), [
        [400, 'subscription_needs_subject'],
        [400, 'subscription_bad_phone'],
        [400, 'subscription_bad_email'],
        [400, 'unknown_unit'],
      ]);

      // The first message says what is followed and how to stop.
      received.length = 0;
      await deliver();
      const welcome = mailsTo('an.nguyen@example.vn');
      assert.equal(welcome.length, 1);
      assert.equal(welcome[0].headers.subject, 'Bạn đã đăng ký nhận thông báo của S Commune One');
      const code = /unsubscribe\?code=([A-Z0-9]+)/.exec(welcome[0].body)?.[1];
      assert.ok(code, welcome[0].body);
      assert.match(welcome[0].body, new RegExp(`https://tiepdan\\.example\\.vn/unsubscribe\\?code=${code} \\(mã ${code}\\)`));

      // An announcement of the commune about water: the commune's, the village's and the category's followers.
      received.length = 0;
      const first = await announce('Cắt nước thứ Bảy', 'water_power');
      await deliver();
      const viMail = mailsTo('an.nguyen@example.vn');
      assert.equal(viMail.length, 1);
      assert.equal(viMail[0].headers.subject, 'S Commune One: Cắt nước thứ Bảy (vi)');
      assert.match(viMail[0].body, /Lịch cắt nước: sáng thứ Bảy/);
      assert.match(viMail[0].body, new RegExp(`https://tiepdan\\.example\\.vn/knowledge/${first}`));
      assert.match(viMail[0].body, new RegExp(`unsubscribe\\?code=${code}`));
      assert.equal(mailsTo('water@example.org')[0]?.headers.subject, 'S Commune One: Cắt nước thứ Bảy (en)');
      assert.equal(mailsTo('roads@example.org').length, 0, 'another category');
      assert.equal(mailsTo('other@example.org').length, 0, 'another commune');
      const sms = await t().ctx.db.selectFrom('notification_outbox').select(['recipient', 'locale', 'state']).where('template', '=', 'announcement_published').where('channel', '=', 'sms').execute();
      assert.deepEqual(sms.map((s) => [s.recipient, s.locale, s.state]), [['+84912345678', 'zh', 'sent']]);

      // Revising and publishing it again does not send it twice.
      received.length = 0;
      assert.equal((await post(w.hand1, `/api/v1/knowledge/articles/${first}/actions`, { type: 'revise', texts: [{ language: 'vi', title: 'Cắt nước thứ Bảy (sửa)', body: 'Lịch cắt nước đã đổi sang Chủ nhật.' }] })).statusCode, 200);
      await post(w.hand1, `/api/v1/knowledge/articles/${first}/actions`, { type: 'submit' });
      assert.equal((await post(w.lead1, `/api/v1/knowledge/articles/${first}/actions`, { type: 'approve' })).statusCode, 200);
      await deliver();
      assert.equal(received.length, 0);

      // The code stops it, without signing in; an unknown code is not found.
      const ended = await anon('/api/v1/subscriptions/unsubscribe', { code: code!.toLowerCase() });
      assert.equal(ended.statusCode, 200, ended.body);
      assert.deepEqual(ended.json(), { unit: { code: 'SC1', name: 'S Commune One' }, category: null, channel: 'email', created: false, ended: true });
      assert.equal((await anon('/api/v1/subscriptions/unsubscribe', { code: 'ZZZZZZZZZZ' })).statusCode, 404);
      received.length = 0;
      await announce('Họp dân cuối tháng', 'water_power');
      await deliver();
      assert.equal(mailsTo('an.nguyen@example.vn').length, 0, 'unsubscribed');
      assert.equal(mailsTo('water@example.org').length, 1);

      // The audit trail records each subscription without its address.
      const audit = await t().ctx.db.selectFrom('audit_events').select(['action', 'changes']).where('subject_type', '=', 'subscription').execute();
      assert.deepEqual([...new Set(audit.map((a) => a.action))].sort(), ['subscription.created', 'subscription.ended']);
      assert.ok(!JSON.stringify(audit).includes('example'), 'no address in the audit trail');
    });
  },
  { ...testOptions, config: { ...testOptions.config, smtpUrl, publicUrl: 'https://tiepdan.example.vn' } },
);
