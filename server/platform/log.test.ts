import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { buildApp } from '../app.ts';
import { createTestDatabase, backends } from '../test/databases.ts';
import { testConfig } from './config.ts';
import { FixedClock } from './clock.ts';
import { createLogger, prettyDestination, redactUrl } from './log.ts';
import type { AppContext } from './context.ts';
import { createSession } from './sessions.ts';

test('sensitive query values are redacted from a logged URL, however the key is spelt', () => {
  assert.equal(redactUrl('/api/v1/petitions?phone=%2B84915222333&status=received'), '/api/v1/petitions?phone=[redacted]&status=received');
  assert.equal(redactUrl('/api/v1/petitions?PHONE=0915&q=Nguy%E1%BB%85n&limit=5'), '/api/v1/petitions?PHONE=[redacted]&q=[redacted]&limit=5');
  assert.equal(redactUrl('/api/v1/petitions?ph%6Fne=0915'), '/api/v1/petitions?ph%6Fne=[redacted]');
  assert.equal(redactUrl('/api/v1/petitions/1/attachments?filename=cccd-tran-van-an.jpg'), '/api/v1/petitions/1/attachments?filename=[redacted]');
  assert.equal(redactUrl('/api/v1/units?q=thanh'), '/api/v1/units?q=[redacted]');
  assert.equal(redactUrl('/api/v1/units/40'), '/api/v1/units/40');
});

test('request logs carry neither a phone number, a session token nor a database row', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const database = await createTestDatabase(backends[0]);
  const ctx: AppContext = {
    config: testConfig(),
    database,
    db: database.db,
    clock: new FixedClock('2026-03-02T02:00:00Z'),
    log: createLogger('info', sink),
  };
  const app = await buildApp(ctx);
  app.get('/api/v1/fails-in-sql', { config: { access: 'public' } }, async () => {
    throw Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      detail: 'Key (phone_key)=(+84915222333) already exists.',
    });
  });
  await app.ready();
  try {
    const account = await ctx.db
      .insertInto('accounts')
      .values({ kind: 'official', username: 'op', password_hash: 'x', name: 'Operator' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const session = await createSession(ctx.db, account.id, ctx.clock.now(), 1);
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
    await app.close();
    await database.close();
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
