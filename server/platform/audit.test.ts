import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { backends, createTestDatabase } from '../test/databases.ts';
import type { Backend, Database } from './db.ts';
import { appendAudit, canonicalJson, eventHash, storedEventHash, writeAuditCheckpoint, type AuditInput } from './audit.ts';
import { verifyAudit, type AuditVerification } from './audit-verify.ts';

const official = { kind: 'official' as const, id: 7, name: 'Nguyễn Văn A', username: 'nva', agencyId: null, grants: [] };
const system = { kind: 'system' as const, label: 'sweep' };
const t0 = Date.parse('2026-03-02T02:00:00.123Z');

/** Appends one event in its own transaction. */
async function append(db: Kysely<DB>, subjectType: string, subjectId: string | number, action: string, changes: Record<string, unknown>, minute: number) {
  const input: AuditInput = {
    actor: minute % 2 ? system : official,
    action,
    subjectType,
    subjectId,
    unitId: null,
    changes,
    at: new Date(t0 + minute * 60_000),
  };
  await db.transaction().execute((trx) => appendAudit(trx, input));
}

/**
 * Several chains, interleaved as real traffic is: petition:1 (5 events), petition:2 (3),
 * petition:10 (1), unit:7 (2), unit_import:a:b (an id with a colon, 2).
 */
async function seed(db: Kysely<DB>) {
  let m = 0;
  await append(db, 'petition', 1, 'petition.received', { kind: 'question', channel: 'hotline', body: 'Làm nhà trên đất rừng?' }, m++);
  await append(db, 'petition', 2, 'petition.received', { kind: 'complaint', title: '凤冈县 永安镇', nested: { b: 2, a: [1, 'x', null] } }, m++);
  await append(db, 'unit', 7, 'unit.renamed', { from: 'Thanh Nho', to: 'Thanh Nho (merged)' }, m++);
  await append(db, 'petition', 1, 'petition.accepted', {}, m++);
  await append(db, 'petition', 1, 'petition.assigned', { handler: 12, leader: 3, due: '2026-03-11T16:59:59.999Z', rate: 0.1 }, m++);
  await append(db, 'petition', 10, 'petition.received', { urgent: true }, m++);
  await append(db, 'petition', 2, 'petition.accepted', { reason: null }, m++);
  await append(db, 'unit_import', 'a:b', 'units.imported', { created: ['17719', '17770'], total: 2 }, m++);
  await append(db, 'petition', 1, 'petition.started', {}, m++);
  await append(db, 'unit', 7, 'unit.moved', { parent: 428 }, m++);
  await append(db, 'petition', 2, 'petition.answered', { text: 'Được phép, cần xin chuyển mục đích sử dụng đất.' }, m++);
  await append(db, 'unit_import', 'a:b', 'units.imported', { created: [], total: 2 }, m++);
  await append(db, 'petition', 1, 'petition.answered', { text: 'Answered at the forum' }, m++);
}
const seeded = { events: 13, chains: 5 };

async function eventId(db: Kysely<DB>, subjectType: string, subjectId: string, seq: number): Promise<number> {
  const row = await db
    .selectFrom('audit_events')
    .select('id')
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('seq', '=', seq)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Verifies with several batch sizes, so that chains cross batch boundaries; all must agree. */
async function verifyEveryWay(db: Kysely<DB>): Promise<AuditVerification> {
  const results = [];
  for (const batchSize of [1, 2, 3, 5000]) results.push(await verifyAudit(db, { batchSize }));
  for (const r of results.slice(1)) assert.deepEqual(r, results[0], 'the batch size changes nothing');
  return results[0];
}

function withDatabase(backend: Backend, body: (db: Kysely<DB>, database: Database) => Promise<void>) {
  return async () => {
    const database = await createTestDatabase(backend);
    try {
      await body(database.db, database);
    } finally {
      await database.close();
    }
  };
}

test('the hash covers every stored field in one canonical form', () => {
  const base = {
    occurredAt: new Date(t0),
    actorId: 7,
    actorLabel: 'official:nva',
    action: 'petition.received',
    subjectType: 'petition',
    subjectId: '1',
    unitId: 40,
    changes: { b: 1, a: { d: [1, 2], c: 'x' } },
    seq: 1,
    prevHash: '0'.repeat(64),
  };
  const hash = eventHash(base);
  assert.equal(eventHash({ ...base, changes: { a: { c: 'x', d: [1, 2] }, b: 1 } }), hash, 'key order does not matter');
  assert.equal(canonicalJson({ b: 1, a: undefined, c: [undefined] }), '{"b":1,"c":[null]}');
  for (const changed of [
    { occurredAt: new Date(t0 + 1) },
    { actorId: 8 },
    { actorLabel: 'official:other' },
    { action: 'petition.rejected' },
    { subjectType: 'unit' },
    { subjectId: '2' },
    { unitId: null },
    { changes: { b: 2, a: { d: [1, 2], c: 'x' } } },
    { seq: 2 },
    { prevHash: '1'.repeat(64) },
  ]) {
    assert.notEqual(eventHash({ ...base, ...changed }), hash, `changing ${Object.keys(changed)[0]} changes the hash`);
  }
});

for (const backend of backends) {
  describe(`audit trail verification [${backend}]`, () => {
    test(
      'an intact trail verifies, before and after checkpoints',
      withDatabase(backend, async (db) => {
        assert.deepEqual(await verifyAudit(db), { ok: true, events: 0, chains: 0, checkpoints: 0, problems: 0 });
        assert.equal(await writeAuditCheckpoint(db, new Date(t0)), null, 'nothing to seal');
        await seed(db);
        let r = await verifyEveryWay(db);
        assert.equal(r.ok, true, JSON.stringify(r.firstBad));
        assert.deepEqual([r.events, r.chains, r.checkpoints], [seeded.events, seeded.chains, 0]);

        const first = await writeAuditCheckpoint(db, new Date(t0 + 3_600_000));
        assert.ok(first);
        assert.equal(first.eventCount, seeded.events);
        assert.equal(first.heads, seeded.chains);
        assert.equal(await writeAuditCheckpoint(db, new Date(t0 + 3_600_001)), null, 'a second run in the period writes nothing');

        await append(db, 'petition', 1, 'petition.closed', {}, 100);
        await append(db, 'petition', 11, 'petition.received', { kind: 'suggestion' }, 101);
        const second = await writeAuditCheckpoint(db, new Date(t0 + 7_200_000));
        assert.ok(second);
        assert.equal(second.eventCount, seeded.events + 2);
        assert.equal(second.heads, 2, 'only the chains that grew');
        await append(db, 'petition', 2, 'petition.closed', {}, 102); // after the last checkpoint

        r = await verifyEveryWay(db);
        assert.equal(r.ok, true, JSON.stringify(r.firstBad));
        assert.deepEqual([r.events, r.chains, r.checkpoints], [seeded.events + 3, seeded.chains + 1, 2]);
        assert.equal(r.latestCheckpoint?.hash, second.hash);
      }),
    );

    test(
      'changing what an event recorded is detected and named',
      withDatabase(backend, async (db) => {
        await seed(db);
        const id = await eventId(db, 'petition', '1', 3);
        await sql`UPDATE audit_events SET changes = jsonb_set(changes, '{handler}', '13') WHERE id = ${id}`.execute(db);
        const r = await verifyEveryWay(db);
        assert.equal(r.ok, false);
        assert.equal(r.firstBad?.id, id);
        assert.equal(r.firstBad?.subject, 'petition:1');
        assert.match(r.firstBad!.reason, /does not match its hash.*altered/);
        assert.equal(r.problems, 1);
      }),
    );

    test(
      'changing when an event happened is detected and named',
      withDatabase(backend, async (db) => {
        await seed(db);
        const id = await eventId(db, 'unit_import', 'a:b', 2);
        await sql`UPDATE audit_events SET occurred_at = occurred_at - interval '1 day' WHERE id = ${id}`.execute(db);
        const r = await verifyEveryWay(db);
        assert.equal(r.ok, false);
        assert.deepEqual([r.firstBad?.id, r.firstBad?.subject], [id, 'unit_import:a:b']);
        assert.match(r.firstBad!.reason, /altered/);
      }),
    );

    test(
      'deleting an event in the middle of a chain is detected at the event after it',
      withDatabase(backend, async (db) => {
        await seed(db);
        const deleted = await eventId(db, 'petition', '1', 3);
        const next = await eventId(db, 'petition', '1', 4);
        await sql`DELETE FROM audit_events WHERE id = ${deleted}`.execute(db);
        const r = await verifyEveryWay(db);
        assert.equal(r.ok, false);
        assert.deepEqual([r.firstBad?.id, r.firstBad?.subject], [next, 'petition:1']);
        assert.match(r.firstBad!.reason, /seq 3 is missing before this event \(seq 4\)/);
        // The first event of a chain, too.
        await sql`DELETE FROM audit_events WHERE subject_type = 'unit' AND seq = 1`.execute(db);
        const again = await verifyAudit(db);
        assert.equal(again.problems, 2);
      }),
    );

    test(
      'deleting the last event of a chain after a checkpoint is detected and names the deleted event',
      withDatabase(backend, async (db) => {
        await seed(db);
        await writeAuditCheckpoint(db, new Date(t0 + 3_600_000));
        const last = await eventId(db, 'petition', '2', 3);
        await sql`DELETE FROM audit_events WHERE id = ${last}`.execute(db);
        const r = await verifyEveryWay(db);
        assert.equal(r.ok, false);
        assert.deepEqual([r.firstBad?.id, r.firstBad?.subject], [last, 'petition:2']);
        assert.match(r.firstBad!.reason, /seq 3 is missing at the end of the chain: checkpoint \d+ sealed this chain at seq 3/);
        // The checkpoint's count disagrees as well.
        assert.equal(r.problems, 2);
      }),
    );

    // A chain in the middle of the order, and the last one.
    for (const [type, id, lastSeq] of [['petition', '10', 1], ['unit_import', 'a:b', 2]] as const) {
      test(
        `deleting a whole chain (${type}:${id}) after a checkpoint is detected and names the chain`,
        withDatabase(backend, async (db) => {
          await seed(db);
          await writeAuditCheckpoint(db, new Date(t0 + 3_600_000));
          const head = await eventId(db, type, id, lastSeq);
          await sql`DELETE FROM audit_events WHERE subject_type = ${type} AND subject_id = ${id}`.execute(db);
          const r = await verifyEveryWay(db);
          assert.equal(r.ok, false);
          assert.deepEqual([r.firstBad?.id, r.firstBad?.subject], [head, `${type}:${id}`]);
          assert.match(r.firstBad!.reason, /the whole chain is missing: checkpoint \d+ sealed it at seq/);
          assert.equal(r.chains, seeded.chains - 1);
        }),
      );
    }

    test(
      'deleting every event after a checkpoint is detected',
      withDatabase(backend, async (db) => {
        await seed(db);
        await writeAuditCheckpoint(db, new Date(t0 + 3_600_000));
        await sql`DELETE FROM audit_events`.execute(db);
        const r = await verifyEveryWay(db);
        assert.equal(r.ok, false);
        assert.equal(r.events, 0);
        assert.match(r.firstBad!.reason, /the whole chain is missing/);
        // Each chain, and the checkpoint's count.
        assert.equal(r.problems, seeded.chains + 1);
      }),
    );

    test(
      'rewriting the last event of a chain with a consistent hash is caught by the checkpoint',
      withDatabase(backend, async (db) => {
        await seed(db);
        await writeAuditCheckpoint(db, new Date(t0 + 3_600_000));
        const row = await db
          .selectFrom('audit_events')
          .selectAll()
          .where('subject_type', '=', 'petition')
          .where('subject_id', '=', '1')
          .where('seq', '=', 5)
          .executeTakeFirstOrThrow();
        const changes = { text: 'A different answer' };
        const hash = storedEventHash(row, changes);
        await sql`UPDATE audit_events SET changes = ${canonicalJson(changes)}::jsonb, hash = ${hash} WHERE id = ${row.id}`.execute(db);
        const r = await verifyEveryWay(db);
        assert.equal(r.ok, false);
        assert.deepEqual([r.firstBad?.id, r.firstBad?.subject], [row.id, 'petition:1']);
        assert.match(r.firstBad!.reason, /rewritten/);
      }),
    );

    test(
      'tampering with the checkpoints themselves is detected',
      withDatabase(backend, async (db) => {
        await seed(db);
        const first = await writeAuditCheckpoint(db, new Date(t0 + 3_600_000));
        await append(db, 'petition', 1, 'petition.closed', {}, 100);
        const second = await writeAuditCheckpoint(db, new Date(t0 + 7_200_000));
        assert.ok(first && second);
        assert.equal((await verifyAudit(db)).ok, true);

        // A sealed head removed, to hide a deletion.
        await sql`DELETE FROM audit_checkpoint_heads WHERE checkpoint_id = ${second.id}`.execute(db);
        let r = await verifyAudit(db);
        assert.equal(r.ok, false);
        assert.ok(r.problems >= 1);
        const checkpointProblem = r.firstBad!;
        assert.ok(['petition:1', `checkpoint:${second.id}`].includes(checkpointProblem.subject), checkpointProblem.subject);

        // The first checkpoint's count lowered: its hash no longer matches, and the next one no longer links.
        const database = db;
        await sql`UPDATE audit_checkpoints SET event_count = event_count - 1 WHERE id = ${first.id}`.execute(database);
        r = await verifyAudit(db);
        assert.equal(r.ok, false);
        assert.ok(r.problems >= 3);
      }),
    );
  });
}

if (backends.includes('postgres')) {
  describe('audit trail under concurrency [postgres]', () => {
    test('appends to many subjects in parallel transactions do not wait for each other', async () => {
      const subjects = 12;
      const database = await createTestDatabase('postgres', { poolSize: subjects + 2 });
      try {
        const db = database.db;
        for (let s = 0; s < subjects; s++) await append(db, 'petition', s + 1, 'petition.received', { n: s }, s);
        // Every transaction appends, then waits until all have appended before it commits.
        // If one append waited for another subject's open transaction, this could never happen.
        let arrived = 0;
        let release!: () => void;
        const allArrived = new Promise<void>((resolve) => (release = resolve));
        const stuck = new Promise<never>((_, reject) => {
          const timer = setTimeout(() => reject(new Error(`only ${arrived} of ${subjects} appends went through: they waited for each other`)), 20_000);
          void allArrived.then(() => clearTimeout(timer));
        });
        const results = await Promise.allSettled(
          Array.from({ length: subjects }, (_, s) =>
            db.transaction().execute(async (trx) => {
              await appendAudit(trx, {
                actor: official,
                action: 'petition.accepted',
                subjectType: 'petition',
                subjectId: s + 1,
                changes: { n: s },
                at: new Date(t0 + 3_600_000),
              });
              if (++arrived === subjects) release();
              await Promise.race([allArrived, stuck]);
            }),
          ),
        );
        assert.deepEqual(results.filter((r) => r.status === 'rejected'), []);
        const r = await verifyAudit(db);
        assert.equal(r.ok, true, JSON.stringify(r.firstBad));
        assert.deepEqual([r.events, r.chains], [subjects * 2, subjects]);
      } finally {
        await database.close();
      }
    });

    test('a checkpoint waits for open writers, so it never seals past an uncommitted event', async () => {
      const database = await createTestDatabase('postgres', { poolSize: 4 });
      try {
        const db = database.db;
        await seed(db);
        let appended!: () => void;
        const didAppend = new Promise<void>((resolve) => (appended = resolve));
        let commit!: () => void;
        const mayCommit = new Promise<void>((resolve) => (commit = resolve));
        // A writer holds an event id above every committed one, in an open transaction.
        const writer = db.transaction().execute(async (trx) => {
          await appendAudit(trx, { actor: system, action: 'petition.escalated', subjectType: 'petition', subjectId: 2, at: new Date(t0 + 60_000_000) });
          appended();
          await mayCommit;
        });
        await didAppend;
        const checkpoint = writeAuditCheckpoint(db, new Date(t0 + 3_600_000));
        // Wait until the checkpoint is queued behind the writer's lock, then let the writer commit.
        for (let i = 0; ; i++) {
          const { rows } = await sql<{ n: number }>`
            SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = 'audit_events'::regclass`.execute(db);
          if (rows[0].n > 0) break;
          if (i > 500) throw new Error('the checkpoint never waited for the open writer');
          await new Promise((r) => setTimeout(r, 20));
        }
        commit();
        await writer;
        const written = await checkpoint;
        assert.ok(written);
        const escalated = await eventId(db, 'petition', '2', 4);
        assert.ok(written.maxEventId >= escalated, 'the open writer’s event is inside the sealed range');
        assert.equal(written.eventCount, seeded.events + 1);
        const r = await verifyAudit(db);
        assert.equal(r.ok, true, JSON.stringify(r.firstBad));
      } finally {
        await database.close();
      }
    });
  });
}
