/**
 * Published checkpoints: deleting the newest events together with the checkpoints that sealed
 * them leaves a trail consistent in itself; the checkpoint published on the figures and in the
 * signed daily file is what shows the cut.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { describeEachBackend } from '../test/server.ts';
import { appendAudit, writeAuditCheckpoint } from './audit.ts';
import { verifyAudit } from './audit-verify.ts';
import { checkAnchor, latestCheckpoint, readAnchorFiles, signAnchor, signingKey, signingKeyFile, writeAnchorFile } from './audit-anchors.ts';
import { runDueJobs } from './jobs.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-anchors-'));
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const append = (db: Kysely<DB>, id: number, minute: number) =>
  db.transaction().execute((trx) =>
    appendAudit(trx, {
      actor: { kind: 'system', label: 'test' },
      action: 'agency.renamed',
      subjectType: 'agency',
      subjectId: id,
      unitId: null,
      changes: { minute },
      at: new Date(Date.parse('2026-03-02T02:00:00Z') + minute * 60_000),
    }),
  );

describe('signed anchor files', () => {
  test('a file verifies with its key, and not once its checkpoint or its key is changed', () => {
    const key = signingKey({ dataDir, auditSigningKey: undefined });
    assert.equal(fs.statSync(signingKeyFile(dataDir)).mode & 0o777, 0o600, 'the key file is its owner’s only');
    assert.ok(signingKey({ dataDir, auditSigningKey: undefined }).equals(key), 'the same key next time');
    const checkpoint = { id: 3, createdAt: '2026-03-02T03:00:00.000Z', maxEventId: 40, eventCount: 40, hash: 'a'.repeat(64) };
    const file = signAnchor(key, '2026-03-02', checkpoint);
    assert.deepEqual(checkAnchor(file), checkpoint);
    assert.throws(() => checkAnchor({ ...file, checkpoint: { ...checkpoint, hash: 'b'.repeat(64) } }), /signature/);
    assert.throws(() => checkAnchor({ ...file, day: '2026-03-03' }), /signature/);
    const other = crypto.generateKeyPairSync('ed25519');
    const forged = signAnchor(other.privateKey, '2026-03-02', checkpoint);
    assert.deepEqual(checkAnchor(forged), checkpoint, 'a forger’s file verifies with the forger’s key');
    assert.throws(() => checkAnchor(forged, file.publicKey), /another key/, 'but not with the deployment’s');
    // The key may come from the setting instead.
    const pem = other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    assert.ok(signingKey({ dataDir: '/nonexistent', auditSigningKey: pem }).equals(other.privateKey));
    const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    assert.throws(() => signingKey({ dataDir, auditSigningKey: rsa }), /Ed25519/);
  });
});

describeEachBackend('published audit checkpoints', (t) => {
  test('a trail cut back with its checkpoints verifies alone, and is reported against the published checkpoint', async () => {
    const db = t().ctx.db;
    const anchors = path.join(dataDir, `anchors-${t().backend}`);
    const config = { ...t().ctx.config, auditAnchorDir: anchors };
    for (let m = 0; m < 4; m++) await append(db, m % 2, m);
    const first = await writeAuditCheckpoint(db, new Date('2026-03-02T03:00:00Z'));
    for (let m = 4; m < 8; m++) await append(db, m % 3, m);
    // The daily job seals the heads and signs the newest checkpoint.
    t().ctx.config.auditAnchorDir = anchors;
    try {
      t().clock.set('2026-03-03T00:30:00Z');
      await runDueJobs(t().ctx);
    } finally {
      t().ctx.config.auditAnchorDir = null;
    }
    const second = await latestCheckpoint(db);
    assert.ok(first && second && second.id > first.id);
    const [file] = readAnchorFiles(anchors);
    assert.equal(file.day, '2026-03-03');
    assert.deepEqual(checkAnchor(file), second);
    assert.ok(await writeAnchorFile(db, config, '2026-03-04'), 'another day, another file');
    assert.equal(readAnchorFiles(anchors).length, 2);

    // The figures publish it too.
    const stats = await t().app.inject({ method: 'GET', url: '/api/v1/figures?from=2026-03-01&to=2026-03-31' });
    assert.deepEqual(stats.json().auditCheckpoint, { id: second.id, at: second.createdAt, maxEventId: second.maxEventId, events: second.eventCount, hash: second.hash });

    assert.equal((await verifyAudit(db, { published: [second] })).ok, true);
    // Cut back: the events after the first checkpoint, and the checkpoint that sealed them.
    await sql`DELETE FROM audit_checkpoint_heads WHERE checkpoint_id > ${first.id}`.execute(db);
    await sql`DELETE FROM audit_checkpoints WHERE id > ${first.id}`.execute(db);
    await sql`DELETE FROM audit_events WHERE id > ${first.maxEventId}`.execute(db);
    assert.equal((await verifyAudit(db)).ok, true, 'on its own the shorter trail is consistent');
    const checked = await verifyAudit(db, { published: readAnchorFiles(anchors).map((f) => checkAnchor(f, file.publicKey)) });
    assert.equal(checked.ok, false);
    assert.equal(checked.firstBad?.subject, `checkpoint:${second.id}`);
    assert.match(checked.firstBad!.reason, new RegExp(`published with hash ${second.hash}, sealing the events up to ${second.maxEventId}.*cut back`));
    // A published hash the database's checkpoint does not have: rewritten.
    const rewritten = await verifyAudit(db, { published: [{ id: first.id, hash: 'f'.repeat(64) }] });
    assert.match(rewritten.firstBad!.reason, /not the one published/);
  });
}, { config: { dataDir } });
