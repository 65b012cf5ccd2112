/**
 * Crash safety, on each backend: a server process taking a stream of intake requests is
 * killed with SIGKILL part-way; after a restart every petition that was answered 201 is there,
 * with its tracking code and its audit event, and `zerodistance audit verify` passes.
 * And a second process pointed at an embedded data directory in use is refused.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Pool } from 'undici';
import { sql } from 'kysely';
import { backends } from '../test/databases.ts';
import { createUnits } from '../test/factories.ts';
import { ensureWebBuild } from '../../web/build.ts';
import { createStore, freePort, runCli, startServerProcess, type ServerProcess, type Store } from './processes.ts';

const processEnv = { ZD_RATE_ANONYMOUS_WRITES: '1000000', LOG_LEVEL: 'warn' };

/** A province, a commune and a village: where the stream's petitions go. */
async function prepareUnits(store: Store): Promise<void> {
  const database = await store.open();
  try {
    await createUnits(database.db, [
      { code: 'KP', name: 'Tỉnh Kiểm Thử', level: 'province' },
      { code: 'KC', name: 'Xã Kiểm Thử', level: 'commune', parentCode: 'KP' },
      { code: 'KV', name: 'Thôn Kiểm Thử', level: 'village', parentCode: 'KC' },
    ]);
  } finally {
    await database.close();
  }
}

interface Acknowledged {
  id: number;
  trackingCode: string;
}

/**
 * Posts petitions from `workers` connections until `limit` were answered 201, or, with
 * `killAfter`, kills the server with SIGKILL once that many were answered and stops when
 * the requests in flight fail. Answers every acknowledged petition.
 */
async function intakeStream(server: ServerProcess, opts: { workers: number; limit: number; killAfter?: number }): Promise<Acknowledged[]> {
  const pool = new Pool(server.url, { connections: opts.workers });
  const acknowledged: Acknowledged[] = [];
  let n = 0;
  let stop = false;
  let killed = false;
  const kinds = ['question', 'help_request', 'suggestion'] as const;
  await Promise.all(
    Array.from({ length: opts.workers }, async () => {
      while (!stop && acknowledged.length < opts.limit && n < opts.limit * 2) {
        const i = n++;
        try {
          const res = await pool.request({
            method: 'POST',
            path: '/api/v1/petitions',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              unit: i % 2 ? 'KC' : 'KV',
              kind: kinds[i % 3],
              title: `Kiến nghị số ${i}`,
              body: `Đường qua thôn ngập nước, kiến nghị số ${i}.`,
              resident: { name: 'Nguyễn Văn An', phone: `0912${String(100000 + i).slice(-6)}` },
            }),
          });
          const text = await res.body.text();
          if (res.statusCode === 201) {
            const answer = JSON.parse(text) as Acknowledged;
            acknowledged.push({ id: answer.id, trackingCode: answer.trackingCode });
            if (opts.killAfter !== undefined && acknowledged.length >= opts.killAfter && !killed) {
              killed = true;
              server.child.kill('SIGKILL');
            }
          } else throw new Error(`intake answered ${res.statusCode}: ${text}`);
        } catch (e) {
          // The server was killed: requests in flight have no answer, and that is the point.
          if (killed) {
            stop = true;
            return;
          }
          stop = true;
          throw e;
        }
      }
    }),
  );
  await pool.destroy();
  return acknowledged;
}

before(async () => {
  // Both servers below would otherwise each build a missing or stale web app at start.
  await ensureWebBuild({ quiet: true });
});

for (const backend of backends) {
  describe(`a server killed during intake [${backend}]`, () => {
    let store: Store;
    let server: ServerProcess | undefined;

    before(async () => {
      store = await createStore(backend);
      await prepareUnits(store);
    });

    after(async () => {
      await server?.stop();
      await store.remove();
    });

    it('keeps every petition it acknowledged, with its tracking code and audit event, and the trail verifies', async () => {
      server = await startServerProcess({ ...store.env, ...processEnv });
      const victim = server;
      // Killed once 40 petitions were acknowledged, with more requests in flight.
      const acknowledged = await intakeStream(victim, { workers: 6, limit: 2000, killAfter: 40 });
      await new Promise<void>((resolve) => (victim.child.exitCode !== null || victim.child.signalCode !== null ? resolve() : victim.child.once('exit', () => resolve())));
      assert.equal(victim.child.signalCode, 'SIGKILL', 'the server was killed, not stopped');
      assert.ok(acknowledged.length >= 40, `40 or more acknowledged before the kill, got ${acknowledged.length}`);

      // Restarted on the same data: every acknowledged petition can be tracked.
      server = await startServerProcess({ ...store.env, ...processEnv }, { timeoutMs: 120_000 });
      for (const a of acknowledged) {
        const res: Response = await fetch(`${server.url}/api/v1/petitions/track/${a.trackingCode}`);
        assert.equal(res.status, 200, `petition ${a.trackingCode} is there after the restart`);
        const view = (await res.json()) as { trackingCode: string; status: string };
        assert.equal(view.trackingCode, a.trackingCode);
        assert.equal(view.status, 'received');
      }
      // It takes intake again.
      const more = await intakeStream(server, { workers: 2, limit: 5 });
      assert.ok(more.length >= 5);
      await server.stop();
      server = undefined;

      // Each with its row and its audit event; then the whole trail verifies.
      const database = await store.open();
      try {
        const ids = acknowledged.map((a) => a.id);
        const rows = await database.db.selectFrom('petitions').select(['id', 'tracking_code']).where('id', 'in', ids).execute();
        const byId = new Map(rows.map((r) => [r.id, r.tracking_code]));
        for (const a of acknowledged) assert.equal(byId.get(a.id), a.trackingCode, `petition ${a.id} keeps its tracking code`);
        const audited = await sql<{ subject_id: string }>`
          SELECT subject_id FROM audit_events
           WHERE subject_type = 'petition' AND action = 'petition.submit' AND subject_id = ANY(${ids.map(String)}::text[])`.execute(database.db);
        assert.deepEqual(new Set(audited.rows.map((r) => Number(r.subject_id))), new Set(ids), 'every acknowledged petition has its audit event');
      } finally {
        await database.close();
      }
      const verify = await runCli(['audit', 'verify'], store.env, 120_000);
      assert.equal(verify.code, 0, verify.output);
    });
  });
}

describe('a second process on an embedded data directory in use', () => {
  let store: Store;
  let server: ServerProcess | undefined;

  before(async () => {
    store = await createStore('pglite');
  });

  after(async () => {
    await server?.stop();
    await store.remove();
  });

  it('is refused with a message naming the directory, and the first one keeps serving', async () => {
    server = await startServerProcess({ ...store.env, ...processEnv });
    const port = await freePort();
    const second = await runCli(['serve'], { ...store.env, PORT: String(port) }, 60_000);
    assert.notEqual(second.code, 0, 'the second process exits with an error');
    assert.match(second.output, /already in use/);
    assert.ok(second.output.includes(store.dir!), `the message names ${store.dir}: ${second.output}`);
    const health: Response = await fetch(`${server.url}/healthz`);
    assert.equal(health.status, 200);
  });
});
