import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeEachBackend } from '../../test/server.ts';
import { createOfficial, createSmallTree, type CreatedOfficial, type CreatedUnit } from '../../test/factories.ts';
import { appendAudit, writeAuditCheckpoint } from '../../platform/audit.ts';

describeEachBackend('GET /api/v1/audit/verification', (t) => {
  let units: Record<string, CreatedUnit>;
  let auditor: CreatedOfficial;
  let otherAuditor: CreatedOfficial;
  let handler: CreatedOfficial;
  const at = (minute: number) => new Date(Date.parse('2026-03-02T02:00:00Z') + minute * 60_000);

  const event = (subjectId: number, action: string, minute: number) =>
    t().ctx.db.transaction().execute((trx) =>
      appendAudit(trx, {
        actor: { kind: 'system', label: 'test' },
        action,
        subjectType: 'agency',
        subjectId,
        unitId: units.VFC1.id,
        changes: { minute },
        at: at(minute),
      }),
    );
  const verify = async (who: CreatedOfficial, subject: string) => {
    const res = await t().app.inject({ method: 'GET', url: `/api/v1/audit/verification?subject=${subject}`, headers: who.headers });
    return { status: res.statusCode, body: res.json() };
  };

  before(async () => {
    units = await createSmallTree(t().ctx.db, 'VF');
    auditor = await createOfficial(t(), { roles: [{ unit: 'VFC1', role: 'auditor' }] });
    otherAuditor = await createOfficial(t(), { roles: [{ unit: 'VFC2', role: 'auditor' }] });
    handler = await createOfficial(t(), { roles: [{ unit: 'VFC1', role: 'handler' }] });
    for (let i = 1; i <= 3; i++) await event(1, `agency.step${i}`, i);
    await event(2, 'agency.created', 4);
  });

  test('an intact chain verifies, sealed by the checkpoint, with the events written after it counted apart', async () => {
    const before = await verify(auditor, 'agency:1');
    assert.equal(before.status, 200);
    assert.deepEqual({ ...before.body, latestCheckpoint: null }, {
      subject: { type: 'agency', id: '1' },
      ok: true,
      events: 3,
      sealedBy: null,
      unsealed: 3,
      latestCheckpoint: null,
    });
    const checkpoint = await writeAuditCheckpoint(t().ctx.db, at(10));
    assert.ok(checkpoint);
    await event(1, 'agency.step4', 11);
    const after = await verify(auditor, 'agency:1');
    assert.equal(after.body.ok, true);
    assert.equal(after.body.events, 4);
    assert.equal(after.body.sealedBy, checkpoint!.id);
    assert.equal(after.body.unsealed, 1);
    assert.equal(after.body.latestCheckpoint.hash, checkpoint!.hash);
  });

  test('an altered event, and events deleted from the end of a sealed chain, are found and named', async () => {
    const [second] = await t().ctx.db.selectFrom('audit_events').select('id').where('subject_type', '=', 'agency').where('subject_id', '=', '1').where('seq', '=', 2).execute();
    await sql`UPDATE audit_events SET changes = '{"minute": 99}'::jsonb WHERE id = ${second.id}`.execute(t().ctx.db);
    const altered = await verify(auditor, 'agency:1');
    assert.equal(altered.body.ok, false);
    assert.equal(altered.body.firstBad.id, second.id);
    assert.match(altered.body.firstBad.reason, /does not match its hash/);
    assert.equal((await verify(auditor, 'agency:2')).body.ok, true, 'another chain is not affected');
    await sql`DELETE FROM audit_events WHERE subject_type = 'agency' AND subject_id = '2'`.execute(t().ctx.db);
    await event(2, 'agency.recreated', 12);
    const truncated = await verify(auditor, 'agency:2');
    assert.equal(truncated.body.ok, false, 'a chain rewritten after the checkpoint sealed it');
  });

  test("only auditors and administrators, and only of a subject whose events they may read", async () => {
    assert.equal((await verify(otherAuditor, 'agency:1')).status, 404, 'an auditor of another commune');
    assert.equal((await verify(auditor, 'agency:999')).status, 404, 'a subject with no events');
    assert.equal((await verify(handler, 'agency:1')).status, 403);
    const bad = await t().app.inject({ method: 'GET', url: '/api/v1/audit/verification?subject=nocolon', headers: auditor.headers });
    assert.equal(bad.statusCode, 400);
  });
});
