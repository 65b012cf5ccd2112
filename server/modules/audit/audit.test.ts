import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { createOfficial, createSmallTree, type CreatedOfficial, type CreatedUnit } from '../../test/factories.ts';
import { appendAudit } from '../../platform/audit.ts';
import { verifyAudit } from '../../platform/audit-verify.ts';
import { runDueJobs } from '../../platform/jobs.ts';

describeEachBackend('GET /api/v1/audit', (t) => {
  let units: Record<string, CreatedUnit>;
  let communeAuditor: CreatedOfficial;
  let deploymentAdmin: CreatedOfficial;
  let commune2Admin: CreatedOfficial;
  let provinceHandler: CreatedOfficial;

  const event = (subjectType: string, subjectId: number | string, unitId: number | null, action: string, minute: number) =>
    t().ctx.db.transaction().execute((trx) =>
      appendAudit(trx, {
        actor: { kind: 'system', label: 'test' },
        action,
        subjectType,
        subjectId,
        unitId,
        changes: { minute, note: 'ghi chú 记录' },
        at: new Date(Date.parse('2026-03-02T02:00:00Z') + minute * 60_000),
      }),
    );

  const get = async (who: CreatedOfficial | null, query = '') => {
    const res = await t().app.inject({ method: 'GET', url: `/api/v1/audit${query}`, headers: who ? who.headers : {} });
    return { status: res.statusCode, body: res.json() };
  };
  const subjects = (body: { items: Array<{ subject: { type: string; id: string } }> }) =>
    body.items.map((i) => `${i.subject.type}:${i.subject.id}`);

  before(async () => {
    units = await createSmallTree(t().ctx.db, 'AU');
    communeAuditor = await createOfficial(t(), { roles: [{ unit: 'AUC1', role: 'auditor' }] });
    deploymentAdmin = await createOfficial(t(), { roles: [{ unit: null, role: 'administrator' }] });
    commune2Admin = await createOfficial(t(), { roles: [{ unit: 'AUC2', role: 'administrator' }] });
    provinceHandler = await createOfficial(t(), { roles: [{ unit: 'AUP', role: 'handler' }] });
    await event('agency', 1, units.AUC1.id, 'agency.created', 1);
    await event('agency', 2, units.AUV1.id, 'agency.created', 2);
    await event('agency', 3, units.AUC2.id, 'agency.created', 3);
    await event('agency', 1, units.AUC1.id, 'agency.renamed', 4);
    await event('unit', units.AUP.id, units.AUP.id, 'unit.renamed', 5);
    await event('job', 'cleanup', null, 'jobs.cleaned', 6);
  });

  test('an auditor reads the events of their units only, newest first', async () => {
    const { status, body } = await get(communeAuditor);
    assert.equal(status, 200);
    assert.deepEqual(subjects(body), ['agency:1', 'agency:2', 'agency:1']);
    assert.equal(body.next, undefined);
    const [newest] = body.items;
    assert.deepEqual(Object.keys(newest).sort(), ['action', 'actor', 'at', 'changes', 'id', 'subject', 'unit']);
    assert.deepEqual(
      { ...newest, id: 0 },
      {
        id: 0,
        at: '2026-03-02T02:04:00.000Z',
        actor: { id: null, label: 'system:test' },
        action: 'agency.renamed',
        subject: { type: 'agency', id: '1' },
        unit: { code: 'AUC1', name: 'AU Commune One' },
        changes: { minute: 4, note: 'ghi chú 记录' },
      },
    );
  });

  test('one subject’s chain', async () => {
    const mine = await get(communeAuditor, '?subject=agency:1');
    assert.deepEqual(
      mine.body.items.map((i: { action: string }) => i.action),
      ['agency.renamed', 'agency.created'],
    );
    // Another commune's agency: nothing, as if it did not exist.
    assert.deepEqual((await get(communeAuditor, '?subject=agency:3')).body, { items: [] });
    const job = (await get(deploymentAdmin, '?subject=job:cleanup')).body;
    assert.deepEqual(subjects(job), ['job:cleanup']);
    assert.equal(job.items[0].unit, null, 'an event of no unit names none');
  });

  test('filter by unit: its subtree, within the caller’s units; other units answer 404', async () => {
    assert.deepEqual(subjects((await get(communeAuditor, '?unit=AUV1')).body), ['agency:2']);
    // The province is above the auditor's commune: only what they may see of it.
    assert.deepEqual(subjects((await get(communeAuditor, '?unit=AUP')).body), ['agency:1', 'agency:2', 'agency:1']);
    const other = await get(communeAuditor, '?unit=AUC2');
    assert.equal(other.status, 404);
    assert.equal(other.body.error.code, 'not_found');
    assert.equal((await get(communeAuditor, '?unit=NO_SUCH_UNIT')).status, 400, 'units are public: an unknown code is bad input');
  });

  test('administrators: of the deployment see everything, of a commune see that commune', async () => {
    assert.deepEqual(subjects((await get(deploymentAdmin)).body), [
      'job:cleanup',
      `unit:${units.AUP.id}`,
      'agency:1',
      'agency:3',
      'agency:2',
      'agency:1',
    ]);
    assert.deepEqual(subjects((await get(commune2Admin)).body), ['agency:3']);
  });

  test('other roles and anonymous callers may not read the trail', async () => {
    assert.equal((await get(provinceHandler)).status, 403);
    assert.equal((await get(null)).status, 401);
  });

  test('pages follow the cursor without gaps or repeats', async () => {
    const seen: number[] = [];
    let query = '?limit=4';
    let pages = 0;
    for (;;) {
      const { status, body } = await get(deploymentAdmin, query);
      assert.equal(status, 200);
      pages++;
      seen.push(...body.items.map((i: { id: number }) => i.id));
      if (!body.next) break;
      query = `?limit=4&cursor=${body.next}`;
    }
    assert.equal(pages, 2);
    assert.equal(seen.length, 6);
    assert.deepEqual([...seen].sort((a, b) => b - a), seen, 'newest first, no repeats');
    assert.equal(new Set(seen).size, 6);
  });

  test('bad queries are 400', async () => {
    for (const query of ['?subject=petition', '?subject=Petition:1', '?limit=0', '?limit=500', '?extra=1']) {
      const { status, body } = await get(deploymentAdmin, query);
      assert.equal(status, 400, query);
      assert.equal(body.error.code, 'invalid_input', query);
    }
    // A cursor this server did not give out: the same answer as every other list's.
    for (const query of ['?cursor=abc', '?cursor=12']) {
      const { status, body } = await get(deploymentAdmin, query);
      assert.equal(status, 400, query);
      assert.equal(body.error.code, 'invalid_cursor', query);
    }
  });

  test('the hourly job seals the chains in a checkpoint', async () => {
    await runDueJobs(t().ctx);
    const checkpoints = await t().ctx.db.selectFrom('audit_checkpoints').selectAll().execute();
    assert.equal(checkpoints.length, 1);
    assert.equal(checkpoints[0].event_count, 6);
    const r = await verifyAudit(t().ctx.db);
    assert.equal(r.ok, true, JSON.stringify(r.firstBad));
    assert.equal(r.checkpoints, 1);
  });
});
