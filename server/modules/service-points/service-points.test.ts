import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend, type TestApp } from '../../test/server.ts';
import { createOfficial, createSmallTree, createUnit } from '../../test/factories.ts';
import { canAskGapsUnder } from './service-points.policy.ts';

const townshipRequired = [
  'township.government_service_centre',
  'township.mass_work_station',
  'township.volunteer_service_team',
  'township.grid_management_platform',
  'township.moral_lecture_hall',
  'township.legal_service_centre',
  'township.service_hotline',
];
const villageRequired = [
  'village.government_service_centre',
  'village.mass_work_room',
  'village.utilities_post_credit_service',
  'village.volunteer_service_team',
  'village.moral_lecture_hall',
];
const groupRequired = ['group.mass_work_point', 'group.deliberation_council', 'group.convenience_house'];

it('policy: gaps may be asked about inside one\'s subtrees, or above them', () => {
  assert.equal(canAskGapsUnder(['/1/5/'], '/1/5/7/'), true);
  assert.equal(canAskGapsUnder(['/1/5/'], '/1/'), true);
  assert.equal(canAskGapsUnder(['/1/5/'], '/1/6/'), false);
  assert.equal(canAskGapsUnder([], '/1/'), false);
});

/** A tree P → C1 (commune) → V1 (village) → G1 (group), and P → C2 → V2, with codes prefixed. */
async function tree(t: TestApp, prefix: string) {
  const units = await createSmallTree(t.ctx.db, prefix);
  const group = await createUnit(t.ctx.db, { code: `${prefix}G1`, name: `${prefix} Group One`, level: 'group', parentCode: `${prefix}V1` });
  return { ...units, [`${prefix}G1`]: group };
}

describeEachBackend('service points', (t) => {
  const add = (headers: Record<string, string> | undefined, unit: string, kind: string, name = kind) =>
    t().app.inject({ method: 'POST', url: '/api/v1/service-points', headers, payload: { unit, kind, name } });
  const checklistOf = (code: string) => t().app.inject({ method: 'GET', url: `/api/v1/units/${code}/service-points` });

  it('shows each level\'s checklist and what a unit lacks', async () => {
    await tree(t(), 'SA');
    const admin = await createOfficial(t(), { roles: [{ unit: null, role: 'administrator' }] });

    const empty = await checklistOf('SAC1');
    assert.equal(empty.statusCode, 200);
    assert.equal(empty.json().checklistLevel, 'township', 'a Vietnamese commune follows the township list');
    assert.deepEqual(
      empty.json().checklist.filter((c: { required: boolean }) => c.required).map((c: { kind: string }) => c.kind),
      townshipRequired,
    );
    assert.ok(empty.json().checklist.some((c: { required: boolean }) => !c.required), 'the "+N" optional ones are listed too');
    assert.deepEqual(empty.json().missingRequired, townshipRequired);
    assert.equal(empty.json().checklist[0].names.zh, '政务（党务）服务中心');

    const res = await add(admin.headers, 'SAC1', 'township.mass_work_station', 'Trạm công tác quần chúng xã');
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().kindNames.zh, '群众工作站');
    assert.deepEqual(res.json().unit, { code: 'SAC1', name: 'SA Commune One' });
    assert.equal((await add(admin.headers, 'SAC1', 'township.rural_credit_service')).statusCode, 201);

    const after = (await checklistOf('SAC1')).json();
    assert.equal(after.items.length, 2);
    assert.deepEqual(after.items[0].unit, { code: 'SAC1', name: 'SA Commune One' });
    assert.deepEqual(after.missingRequired, townshipRequired.filter((k) => k !== 'township.mass_work_station'));
    assert.equal(after.checklist.find((c: { kind: string }) => c.kind === 'township.mass_work_station').present, true);
    assert.equal(after.checklist.find((c: { kind: string }) => c.kind === 'township.rural_credit_service').present, true);

    assert.deepEqual((await checklistOf('SAV1')).json().missingRequired, villageRequired);
    assert.deepEqual((await checklistOf('SAG1')).json().missingRequired, groupRequired);
    const province = (await checklistOf('SAP')).json();
    assert.equal(province.checklistLevel, null);
    assert.deepEqual(province.checklist, []);
    assert.deepEqual(province.missingRequired, []);
    assert.equal((await checklistOf('NO-SUCH')).statusCode, 404);
  });

  it('accepts only kinds of the unit\'s own checklist', async () => {
    await tree(t(), 'SB');
    const admin = await createOfficial(t(), { roles: [{ unit: null, role: 'administrator' }] });
    const wrong = await add(admin.headers, 'SBC1', 'village.clinic');
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().error.code, 'service_point_kind_not_for_level');
    assert.equal((await add(admin.headers, 'SBP', 'township.service_hotline')).statusCode, 400, 'a province has no checklist');
    assert.equal((await add(admin.headers, 'NO-SUCH', 'township.service_hotline')).json().error.code, 'unknown_unit');
    assert.equal((await add(admin.headers, 'SBV1', 'village.clinic', 'Trạm y tế thôn')).statusCode, 201);
  });

  it('lets leaders add service points in their subtree only, with an audit event', async () => {
    await tree(t(), 'SC');
    const leader = await createOfficial(t(), { roles: [{ unit: 'SCC1', role: 'leader' }] });
    const ok = await add(leader.headers, 'SCV1', 'village.mass_work_room', 'Phòng công tác quần chúng');
    assert.equal(ok.statusCode, 201);
    const audit = await t()
      .ctx.db.selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('subject_type', '=', 'service_point')
      .where('subject_id', '=', String(ok.json().id))
      .execute();
    assert.deepEqual(audit, [{ action: 'service_point.created', actor_id: leader.id }]);
    assert.equal((await add(leader.headers, 'SCV2', 'village.mass_work_room')).statusCode, 403);
    assert.equal((await add(leader.headers, 'SCP', 'township.service_hotline')).statusCode, 403);
    const handler = await createOfficial(t(), { roles: [{ unit: 'SCC1', role: 'handler' }] });
    assert.equal((await add(handler.headers, 'SCC1', 'township.service_hotline')).statusCode, 403);
    assert.equal((await add(undefined, 'SCC1', 'township.service_hotline')).statusCode, 401);
  });

  it('shows the gaps only within the caller\'s units', async () => {
    await tree(t(), 'SD');
    const admin = await createOfficial(t(), { roles: [{ unit: null, role: 'administrator' }] });
    // SDG1 gets all three required points: it is complete and leaves the gap view.
    for (const kind of groupRequired) assert.equal((await add(admin.headers, 'SDG1', kind)).statusCode, 201);
    // SDV1 gets four of five.
    for (const kind of villageRequired.slice(0, 4)) await add(admin.headers, 'SDV1', kind);
    const gaps = (headers: Record<string, string> | undefined, query: string) =>
      t().app.inject({ method: 'GET', url: `/api/v1/service-points/gaps?${query}`, headers });

    const all = await gaps(admin.headers, 'unit=SDP');
    assert.equal(all.statusCode, 200, all.body);
    const byUnit = Object.fromEntries(all.json().items.map((g: { unit: { code: string } }) => [g.unit.code, g]));
    assert.deepEqual(Object.keys(byUnit).sort(), ['SDC1', 'SDC2', 'SDV1', 'SDV2']);
    assert.deepEqual(byUnit.SDV1, {
      unit: { code: 'SDV1', name: 'SD Village One' },
      level: 'village',
      requiredCount: 5,
      presentCount: 4,
      missing: ['village.moral_lecture_hall'],
    });
    assert.equal(byUnit.SDC1.missing.length, 7);
    assert.equal(all.json().totals.units, 4);
    const perKind = Object.fromEntries(all.json().totals.missing.map((m: { kind: string; units: number }) => [m.kind, m.units]));
    assert.equal(perKind['village.moral_lecture_hall'], 2);
    assert.equal(perKind['village.mass_work_room'], 1);
    assert.equal(perKind['township.service_hotline'], 2);

    // A leader of commune C1 asking about the whole province sees only C1 and below.
    const leader = await createOfficial(t(), { roles: [{ unit: 'SDC1', role: 'leader' }] });
    const mine = await gaps(leader.headers, 'unit=SDP');
    assert.deepEqual(mine.json().items.map((g: { unit: { code: string } }) => g.unit.code), ['SDC1', 'SDV1']);
    assert.equal(mine.json().totals.units, 2);
    assert.equal((await gaps(leader.headers, 'unit=SDC2')).statusCode, 404, 'a sibling commune is not theirs');

    const auditor = await createOfficial(t(), { roles: [{ unit: 'SDC2', role: 'auditor' }] });
    assert.deepEqual((await gaps(auditor.headers, 'unit=SDP')).json().items.map((g: { unit: { code: string } }) => g.unit.code), ['SDC2', 'SDV2']);

    const villages = await gaps(admin.headers, 'unit=SDP&level=village');
    assert.deepEqual(villages.json().items.map((g: { unit: { code: string } }) => g.unit.code), ['SDV1', 'SDV2']);

    const first = await gaps(admin.headers, 'unit=SDP&limit=3');
    assert.equal(first.json().items.length, 3);
    const rest = await gaps(admin.headers, `unit=SDP&limit=3&cursor=${first.json().next}`);
    assert.deepEqual(
      [...first.json().items, ...rest.json().items].map((g: { unit: { code: string } }) => g.unit.code),
      all.json().items.map((g: { unit: { code: string } }) => g.unit.code),
    );
    assert.equal(rest.json().next, undefined);

    const handler = await createOfficial(t(), { roles: [{ unit: 'SDC1', role: 'handler' }] });
    assert.equal((await gaps(handler.headers, 'unit=SDP')).statusCode, 403);
    assert.equal((await gaps(undefined, 'unit=SDP')).statusCode, 401);
    assert.equal((await gaps(admin.headers, 'unit=NO-SUCH')).statusCode, 400);
  });
});
