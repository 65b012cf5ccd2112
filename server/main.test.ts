import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends, createTestDatabase } from './test/databases.ts';
import { loadConfig, testConfig } from './platform/config.ts';
import { createLogger } from './platform/log.ts';
import { enqueueJob, registerJobHandler } from './platform/jobs.ts';
import { freePort } from '../bench/server.ts';
import { startServer } from './main.ts';

/** What a job waiting in the database saw of the server when the runner first took it. */
const seen = new Map<string, (answer: string) => void>();
registerJobHandler<{ url: string }>('test.main.probe', async (_ctx, job) => {
  const answer = await fetch(`${job.payload.url}/healthz`).then((r) => `HTTP ${r.status}`, (e: Error) => `refused: ${e.message}`);
  seen.get(job.payload.url)?.(answer);
});

for (const backend of backends) {
  describe(`startServer [${backend}]`, () => {
    it('runs background jobs only once the server listens; stop closes the database last', async () => {
      const database = await createTestDatabase(backend);
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const answer = new Promise<string>((resolve) => seen.set(url, resolve));
      // A backlog waiting at start: the runner's first pass takes it at once.
      await enqueueJob(database.db, { kind: 'test.main.probe', payload: { url }, runAt: new Date(0) });
      const server = await startServer(testConfig({ host: '127.0.0.1', port, jobPollMs: 60_000 }), {
        database,
        log: createLogger('silent'),
      });
      try {
        assert.equal(await answer, 'HTTP 200', 'the job found the server listening');
      } finally {
        await server.stop();
      }
      // stop() ends with the database.
      await assert.rejects(database.pool.query('select 1'));
    });

    it('a web process (ZD_ROLE=web) serves requests and leaves the jobs waiting for a worker', async () => {
      const database = await createTestDatabase(backend);
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      await enqueueJob(database.db, { kind: 'test.main.probe', payload: { url }, runAt: new Date(0) });
      const server = await startServer(testConfig({ host: '127.0.0.1', port, jobPollMs: 20, role: 'web' }), {
        database,
        log: createLogger('silent'),
      });
      try {
        assert.equal((await fetch(`${url}/healthz`)).status, 200);
        await new Promise((resolve) => setTimeout(resolve, 300));
        const job = await database.db.selectFrom('jobs').select('state').where('kind', '=', 'test.main.probe').executeTakeFirstOrThrow();
        assert.equal(job.state, 'pending', 'no runner took it');
      } finally {
        await server.stop();
      }
    });
  });
}

describe('ZD_ROLE', () => {
  it('is all by default, web or worker when set, and anything else stops the start with a clear message', () => {
    assert.equal(loadConfig({}).role, 'all');
    assert.equal(loadConfig({ ZD_ROLE: 'web' }).role, 'web');
    assert.equal(loadConfig({ ZD_ROLE: 'worker' }).role, 'worker');
    assert.throws(() => loadConfig({ ZD_ROLE: 'webs' }), /ZD_ROLE must be one of all, web, worker, got "webs"/);
  });
});
