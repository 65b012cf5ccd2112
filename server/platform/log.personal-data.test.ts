/**
 * No personal data in the log at any level: intake, tracking, official and resident sign-in,
 * refused input, attachments, the job loop and a failing SMS gateway run with the logger at
 * `trace`, and no line carries the resident's name, phone number or e-mail address, the access
 * key, a password, a one-time code or a session token.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { backends } from '../test/databases.ts';
import { createTestApp } from '../test/server.ts';
import { keptLog } from '../test/keptLog.ts';
import { runDueJobs } from './jobs.ts';
import { deliverDueNotifications } from './notify/delivery.ts';
import { createOfficial, createUnits } from '../test/factories.ts';

const resident = { name: 'Quách Thị Hạnh', phone: '0915 222 333', email: 'hanh.quach@example.vn' };
const phoneForms = ['0915222333', '915222333', '+84915222333', '0915 222 333', '84915222333'];
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

test('no personal data reaches the log at trace level', async () => {
  const { log, lines } = keptLog('trace');
  // An SMS gateway that refuses every message: delivery failures are logged too.
  const gateway = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(500).end(`cannot send to ${resident.phone}`));
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  const t = await createTestApp(backends[0], {
    config: {
      logLevel: 'trace',
      smsWebhookUrl: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`,
      smtpUrl: 'smtp://127.0.0.1:1',
      rateLimits: { anonymousWritesPerMinute: 1000, signInPerMinute: 1000 },
    },
    log,
  });
  const { app, ctx } = t;
  await createUnits(ctx.db, [
    { code: 'LP', name: 'Tỉnh Nhật Ký', level: 'province' },
    { code: 'LC', name: 'Xã Nhật Ký', level: 'commune', parentCode: 'LP' },
  ]);
  const official = await createOfficial(t, { roles: [{ unit: 'LC', role: 'dispatcher' }] });
  const secrets: string[] = [resident.name, resident.email, ...phoneForms];
  try {
    lines.length = 0; // only what the requests below log
    // Intake, then the same with refused input.
    const submitted = await app.inject({
      method: 'POST',
      url: '/api/v1/petitions',
      payload: { unit: 'LC', kind: 'help_request', title: 'Xin hỗ trợ', body: `Tôi là ${resident.name}, gọi ${resident.phone}.`, resident },
    });
    assert.equal(submitted.statusCode, 201, submitted.body);
    const { trackingCode, accessKey, id } = submitted.json();
    secrets.push(accessKey);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/petitions',
      payload: { unit: 'LC', kind: 'question', body: 'Hỏi.', resident: { ...resident, phone: `${resident.phone} ext` } },
    });
    assert.equal(refused.statusCode, 400);
    const unknownField = await app.inject({
      method: 'POST',
      url: '/api/v1/petitions',
      payload: { unit: 'LC', kind: 'question', body: 'Hỏi.', resident, identityNumber: '001199012345' },
    });
    assert.equal(unknownField.statusCode, 400);
    secrets.push('001199012345');

    // Tracking with the key, with a wrong key; a photo named after the resident.
    assert.equal((await app.inject({ method: 'GET', url: `/api/v1/petitions/track/${trackingCode}`, headers: { 'x-access-key': accessKey } })).statusCode, 200);
    const wrongKey = `${accessKey.slice(0, -1)}${accessKey.endsWith('A') ? 'B' : 'A'}`;
    secrets.push(wrongKey);
    assert.equal((await app.inject({ method: 'GET', url: `/api/v1/petitions/track/${trackingCode}`, headers: { 'x-access-key': wrongKey } })).statusCode, 403);
    const attached = await app.inject({
      method: 'POST',
      url: `/api/v1/petitions/${id}/attachments?filename=${encodeURIComponent('cccd-quach-thi-hanh.png')}`,
      headers: { 'content-type': 'image/png', 'x-access-key': accessKey },
      payload: png,
    });
    assert.equal(attached.statusCode, 201, attached.body);
    secrets.push('cccd-quach-thi-hanh');

    // An official signs in, once with a wrong password.
    secrets.push(official.password, 'not-the-password-2026');
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: official.username, password: 'not-the-password-2026' } })).statusCode, 401);
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: official.username, password: official.password } });
    assert.equal(login.statusCode, 200, login.body);
    secrets.push(login.json().token);
    const inbox = await app.inject({ method: 'GET', url: `/api/v1/petitions?q=${encodeURIComponent('Quách')}`, headers: { authorization: `Bearer ${login.json().token}` } });
    assert.equal(inbox.statusCode, 200, inbox.body);

    // A resident signs in with a one-time code by SMS, once with a wrong code.
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/auth/code', payload: { destination: resident.phone } })).statusCode, 202);
    const sent = await ctx.db
      .selectFrom('notification_outbox')
      .select('params')
      .where('template', '=', 'sign_in_code')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const code = String((sent.params as { code: string }).code);
    const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    secrets.push(code, wrongCode);
    assert.notEqual((await app.inject({ method: 'POST', url: '/api/v1/auth/code/verify', payload: { destination: resident.phone, code: wrongCode } })).statusCode, 200);
    const signedIn = await app.inject({ method: 'POST', url: '/api/v1/auth/code/verify', payload: { destination: resident.phone, code } });
    assert.equal(signedIn.statusCode, 200, signedIn.body);
    secrets.push(signedIn.json().token);

    // The job loop, and deliveries that the gateway and the mail server refuse.
    await runDueJobs(ctx);
    const delivery = await deliverDueNotifications(ctx);
    assert.ok(delivery.retried + delivery.failed > 0, 'deliveries were tried and failed');

    const log = lines.join('');
    const levels = new Set(lines.flatMap((l) => l.split('\n')).filter(Boolean).map((l) => JSON.parse(l).level as number));
    assert.ok(ctx.log.isLevelEnabled('trace'), 'every level was written');
    assert.ok(levels.has(30) && (levels.has(40) || levels.has(50)), 'request lines and warnings were written');
    for (const secret of secrets) assert.ok(!log.includes(secret), `the log holds "${secret}"`);
    assert.ok(!log.toLowerCase().includes('quach'), 'not even the name without its marks');
  } finally {
    await t.close();
    gateway.close();
  }
});
