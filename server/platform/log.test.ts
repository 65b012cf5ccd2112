import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../test/databases.ts';
import { createTestApp } from '../test/server.ts';
import { createBareSession } from '../test/factories.ts';
import { keptLog } from '../test/keptLog.ts';
import { prettyDestination, redactUrl } from './log.ts';

test('sensitive query values are redacted from a logged URL, however the key is spelt', () => {
  assert.equal(redactUrl('/api/v1/petitions?phone=%2B84915222333&status=received'), '/api/v1/petitions?phone=[redacted]&status=received');
  assert.equal(redactUrl('/api/v1/petitions?PHONE=0915&q=Nguy%E1%BB%85n&limit=5'), '/api/v1/petitions?PHONE=[redacted]&q=[redacted]&limit=5');
  assert.equal(redactUrl('/api/v1/petitions?ph%6Fne=0915'), '/api/v1/petitions?ph%6Fne=[redacted]');
  assert.equal(redactUrl('/api/v1/petitions/1/attachments?filename=cccd-tran-van-an.jpg'), '/api/v1/petitions/1/attachments?filename=[redacted]');
  assert.equal(redactUrl('/api/v1/units?q=thanh'), '/api/v1/units?q=[redacted]');
  assert.equal(redactUrl('/api/v1/units/40'), '/api/v1/units/40');
});

test('request logs carry neither a phone number, a session token nor a database row', async () => {
  const { log, lines } = keptLog('info');
  const { app, ctx, close } = await createTestApp(backends[0], {
    log,
    routes(app) {
      app.get('/api/v1/fails-in-sql', { config: { access: 'public' } }, async () => {
        throw Object.assign(new Error('duplicate key value violates unique constraint'), {
          code: '23505',
          detail: 'Key (phone_key)=(+84915222333) already exists.',
        });
      });
    },
  });
  try {
    const session = await createBareSession(ctx.db, 'op', ctx.clock.now(), 1);
    const inbox = await app.inject({
      method: 'GET',
      url: '/api/v1/petitions?phone=%2B84915222333&q=Quach',
      headers: { authorization: `Bearer ${session.token}` },
    });
    assert.equal(inbox.statusCode, 200, inbox.body);
    const failed = await app.inject({ method: 'GET', url: '/api/v1/fails-in-sql', cookies: { zd_session: session.token } });
    assert.equal(failed.statusCode, 500);
    const log = lines.join('');
    assert.match(log, /phone=\[redacted\]/, 'the request is still logged');
    assert.match(log, /duplicate key value/, 'the failure is still logged');
    for (const secret of ['84915222333', 'Quach', session.token]) assert.ok(!log.includes(secret), `the log carries ${secret}`);
  } finally {
    await close();
  }
});

test('at a terminal the log is short lines; requests show only at debug, JSON stays JSON', () => {
  const entries = [
    { level: 30, time: Date.UTC(2026, 2, 2, 2, 0, 0), reqId: 'r1', req: { method: 'GET', url: '/api/v1/units' }, msg: 'incoming request' },
    { level: 30, time: Date.UTC(2026, 2, 2, 2, 0, 0), reqId: 'r1', res: { statusCode: 200 }, responseTime: 4.2, msg: 'request completed' },
    { level: 30, time: Date.UTC(2026, 2, 2, 2, 0, 1), pid: 1, hostname: 'h', sessions: 3, msg: 'expired sessions removed' },
    { level: 50, time: Date.UTC(2026, 2, 2, 2, 0, 2), err: { message: 'connection refused', stack: 'Error: connection refused\n    at x' }, msg: 'delivery failed' },
  ].map((e) => JSON.stringify(e) + '\n');
  const print = (requests: boolean) => {
    const out: string[] = [];
    const destination = prettyDestination({ requests, write: (text) => void out.push(text) });
    for (const line of entries) destination.write(line);
    return out.join('').replace(/^\d\d:\d\d:\d\d /gm, '');
  };
  assert.equal(
    print(false),
    'expired sessions removed sessions=3\nERROR delivery failed : connection refused\nError: connection refused\n    at x\n',
  );
  assert.match(print(true), /^GET \/api\/v1\/units 200 4 ms\nexpired sessions removed sessions=3\n/);
});
