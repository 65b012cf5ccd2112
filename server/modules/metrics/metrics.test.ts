import { test } from 'node:test';
import type pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { DB } from '../../schema.ts';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, describeEachBackend, type TestApp } from '../../test/server.ts';
import { backends } from '../../test/databases.ts';
import { createSmallTree } from '../../test/factories.ts';
import { submitOk, testOptions } from '../petitions/petitions.testing.ts';
import { isLoopback, mayScrape } from './metrics.policy.ts';

/** Prometheus text format → `name{labels}` → value; comments skipped, every other line must parse. */
function parseMetrics(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{.*\})?) (-?[0-9.e+-]+|NaN|\+Inf|-Inf)$/i.exec(line);
    assert.ok(m, `not a Prometheus sample line: ${line}`);
    samples.set(m[1], Number(m[2]));
  }
  return samples;
}

async function scrape(t: TestApp, headers: Record<string, string> = {}): Promise<Map<string, number>> {
  const res = await t.app.inject({ method: 'GET', url: '/metrics', headers });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /^text\/plain; version=0\.0\.4/);
  return parseMetrics(res.body);
}

const healthOk = 'zd_http_requests_total{method="GET",route="/healthz",status="200"}';
const trackPattern = '/api/v1/petitions/track/:trackingCode';

describeEachBackend('metrics', (t) => {
  test('request counters and latency histograms move, labelled by route pattern, never the raw URL', async () => {
    const before = await scrape(t());
    for (let i = 0; i < 3; i++) assert.equal((await t().app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
    const track = await t().app.inject({ method: 'GET', url: '/api/v1/petitions/track/ZZZZ9999' });
    const res = await t().app.inject({ method: 'GET', url: '/metrics' });
    const after = parseMetrics(res.body);
    assert.equal((after.get(healthOk) ?? 0) - (before.get(healthOk) ?? 0), 3);
    const trackKey = `zd_http_requests_total{method="GET",route="${trackPattern}",status="${track.statusCode}"}`;
    assert.equal(after.get(trackKey), 1);
    assert.ok(!res.body.includes('ZZZZ9999'), 'the raw URL is never a label');
    const histogramCount = 'zd_http_request_duration_seconds_count{method="GET",route="/healthz",status="200"}';
    assert.equal((after.get(histogramCount) ?? 0) - (before.get(histogramCount) ?? 0), 3);
    assert.ok(after.has('zd_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/healthz",status="200"}'));
    for (const name of ['zd_db_pool_connections', 'zd_db_pool_idle', 'zd_db_pool_waiting']) assert.ok(after.has(name), name);
    assert.ok(after.get('zd_db_pool_connections')! >= 1);
  });

  test('the backlog (jobs, notifications, petitions) is read at scrape time', async () => {
    const { db } = t().ctx;
    const now = t().clock.now();
    const start = await scrape(t());
    await db
      .insertInto('jobs')
      .values({ kind: 'metrics.test', payload: JSON.stringify({}), run_at: new Date(now.getTime() - 90_000) })
      .execute();
    await db
      .insertInto('notification_outbox')
      .values({ channel: 'email', recipient: 'a@example.vn', template: 'x', locale: 'en', params: JSON.stringify({}), state: 'failed', next_attempt_at: now, created_at: now })
      .execute();
    await createSmallTree(db, 'M');
    await submitOk(t(), { unit: 'MC1', kind: 'question', body: 'When does the market reopen?', resident: { name: 'Lê Văn An', email: 'an@example.vn' } });

    const later = await scrape(t());
    assert.equal(later.get('zd_jobs_due')! - start.get('zd_jobs_due')!, 1);
    assert.ok(later.get('zd_jobs_oldest_due_age_seconds')! >= 90);
    assert.equal(later.get('zd_notifications_failed')! - start.get('zd_notifications_failed')!, 1);
    assert.equal(later.get('zd_petitions_open')! - start.get('zd_petitions_open')!, 1);
    assert.equal(later.get('zd_petitions_overdue'), start.get('zd_petitions_overdue'));

    t().clock.advance(400 * 24 * 3_600_000); // past any deadline
    const overdue = await scrape(t());
    assert.equal(overdue.get('zd_petitions_overdue')! - start.get('zd_petitions_overdue')!, 1);
  });

  test('without a token only this machine may scrape, and not through a proxy', async () => {
    const remote = await t().app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.7' });
    assert.equal(remote.statusCode, 403);
    assert.equal(remote.json().error.code, 'forbidden');
    const proxied = await t().app.inject({ method: 'GET', url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.7' } });
    assert.equal(proxied.statusCode, 403);
  });

  test('/readyz answers 200 while the database answers', async () => {
    const res = await t().app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ready' });
  });
}, testOptions);

for (const backend of backends) {
  test(`${backend}: with ZD_METRICS_TOKEN only its bearer may scrape, from anywhere`, async () => {
    const t = await createTestApp(backend, { config: { metricsToken: 's3cret-token' } });
    try {
      const get = (headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
        t.app.inject({ method: 'GET', url: '/metrics', headers, remoteAddress });
      assert.equal((await get({})).statusCode, 403, 'loopback alone is not enough once a token is set');
      assert.equal((await get({ authorization: 'Bearer wrong-token!' })).statusCode, 403);
      assert.equal((await get({ authorization: 'Bearer s3cret-token' }, '203.0.113.7')).statusCode, 200);
    } finally {
      await t.close();
    }
  });

  test(`${backend}: /readyz answers 503 when the database does not`, async () => {
    const t = await createTestApp(backend);
    const working = t.ctx.db;
    // A database that is down: every connection attempt fails.
    const down = { connect: () => Promise.reject(new Error('connection refused')) } as unknown as pg.Pool;
    t.ctx.db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: down }) });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/readyz' });
      assert.equal(res.statusCode, 503);
      assert.equal(res.json().error.code, 'unavailable');
    } finally {
      t.ctx.db = working;
      await t.close();
    }
  });
}

test('with ZD_BACKUP_DIR, the newest backup\'s time and size are scraped', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-metrics-backups-'));
  const t = await createTestApp(backends[0], { config: { backupDir: dir } });
  try {
    const scrape = async () => parseMetrics((await t.app.inject({ method: 'GET', url: '/metrics' })).body);
    assert.equal((await scrape()).get('zd_backup_newest_timestamp_seconds'), 0, 'none yet');
    fs.writeFileSync(path.join(dir, 'zerodistance-20260301T020000Z.zdbackup'), Buffer.alloc(100));
    fs.writeFileSync(path.join(dir, 'zerodistance-20260302T020000Z.zdbackup'), Buffer.alloc(123));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a backup');
    const after = await scrape();
    assert.equal(after.get('zd_backup_newest_timestamp_seconds'), Date.parse('2026-03-02T02:00:00Z') / 1000);
    assert.equal(after.get('zd_backup_newest_bytes'), 123);
  } finally {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('loopback addresses', () => {
  for (const ip of ['127.0.0.1', '127.8.0.1', '::1', '::ffff:127.0.0.1']) assert.ok(isLoopback(ip), ip);
  for (const ip of ['10.0.0.1', '::ffff:10.0.0.1', '1127.0.0.1', '203.0.113.7']) assert.ok(!isLoopback(ip), ip);
  assert.ok(!mayScrape({ token: 'abc', authorization: 'Bearer abcd', ip: '127.0.0.1', forwarded: false }));
});
