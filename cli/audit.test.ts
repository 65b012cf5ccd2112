/** `zerodistance audit verify` and `audit checkpoint`, run as a user runs them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../server/schema.ts';
import { backends, createServerDatabaseUrl } from '../server/test/databases.ts';
import { openEmbedded, openServer, type Database } from '../server/platform/db.ts';
import { migrate } from '../server/platform/migrate.ts';
import { appendAudit, writeAuditCheckpoint } from '../server/platform/audit.ts';

const bin = path.resolve('bin/zerodistance.js');

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, DATABASE_URL: '', ZD_DATA_DIR: '', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function seed(db: Kysely<DB>): Promise<void> {
  let minute = 0;
  for (const [subjectId, action] of [
    [1, 'petition.received'],
    [2, 'petition.received'],
    [1, 'petition.accepted'],
    [1, 'petition.answered'],
    [2, 'petition.rejected'],
  ] as const) {
    await db.transaction().execute((trx) =>
      appendAudit(trx, {
        actor: { kind: 'system', label: 'test' },
        action,
        subjectType: 'petition',
        subjectId,
        changes: { minute },
        at: new Date(Date.parse('2026-03-02T02:00:00Z') + minute++ * 60_000),
      }),
    );
  }
}

async function lastEventOfPetition2(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('audit_events')
    .select('id')
    .where('subject_type', '=', 'petition')
    .where('subject_id', '=', '2')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  return row.id;
}

test('audit verify on the embedded database: exit 0 when intact, non-zero naming the deleted event', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-audit-'));
  const env = { ZD_DATA_DIR: dir };
  const open = () => openEmbedded(dir);
  let database: Database = await open();
  let deleted: number;
  try {
    await migrate(database.pool);
    await seed(database.db);
    await writeAuditCheckpoint(database.db, new Date('2026-03-02T03:00:00Z'));
  } finally {
    await database.close(); // the CLI needs the data directory's lock
  }
  try {
    const intact = await run(['audit', 'verify'], env);
    assert.equal(intact.code, 0, intact.stderr);
    assert.match(intact.stdout, /audit trail intact: 5 events in 2 chains, 1 checkpoints/);
    // The checkpoint as the figures page publishes it: still there, with its hash.
    const [, id, hash] = /latest checkpoint (\d+) .*: ([0-9a-f]{64})/.exec(intact.stdout)!;
    assert.equal((await run(['audit', 'verify', '--published', `${id}:${hash}`], env)).code, 0);
    // One published later than any the database holds: the trail was cut back.
    const cut = await run(['audit', 'verify', '--published', `${id}:${hash}`, `${Number(id) + 1}:${'a'.repeat(64)}`], env);
    assert.notEqual(cut.code, 0);
    assert.match(cut.stdout, new RegExp(`BROKEN at checkpoint:${Number(id) + 1}: it was published with hash a{64} and is missing: the trail was cut back`));

    database = await open();
    try {
      deleted = await lastEventOfPetition2(database.db);
      await sql`DELETE FROM audit_events WHERE id = ${deleted}`.execute(database.db);
    } finally {
      await database.close();
    }
    const broken = await run(['audit', 'verify'], env);
    assert.notEqual(broken.code, 0);
    assert.match(broken.stdout, new RegExp(`audit trail BROKEN at event ${deleted} \\(petition:2\\): seq 2 is missing at the end of the chain`));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

if (backends.includes('postgres')) {
  test('audit checkpoint and audit verify on a PostgreSQL server (DATABASE_URL)', async () => {
    const { url, drop } = await createServerDatabaseUrl();
    const database = openServer(url, 2);
    try {
      await seed(database.db);
      const env = { DATABASE_URL: url };
      const sealed = await run(['audit', 'checkpoint'], env);
      assert.equal(sealed.code, 0, sealed.stderr);
      assert.match(sealed.stdout, /checkpoint \d+: 5 events up to event \d+, 2 chain heads sealed; hash [0-9a-f]{64}/);
      const again = await run(['audit', 'checkpoint'], env);
      assert.match(again.stdout, /nothing to seal/);

      const intact = await run(['audit', 'verify', '--json'], env);
      assert.equal(intact.code, 0, intact.stderr);
      assert.deepEqual(
        (({ ok, events, chains, checkpoints }) => ({ ok, events, chains, checkpoints }))(JSON.parse(intact.stdout)),
        { ok: true, events: 5, chains: 2, checkpoints: 1 },
      );

      const edited = await lastEventOfPetition2(database.db);
      await sql`UPDATE audit_events SET changes = '{"minute": 99}' WHERE id = ${edited}`.execute(database.db);
      const broken = await run(['audit', 'verify'], env);
      assert.notEqual(broken.code, 0);
      assert.match(broken.stdout, new RegExp(`BROKEN at event ${edited} \\(petition:2\\): its content does not match its hash`));
    } finally {
      await database.close();
      await drop();
    }
  });
}
