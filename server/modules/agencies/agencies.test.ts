import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { createAgency, createOfficial, createSmallTree } from '../../test/factories.ts';
import { canCreateAgency } from './agencies.policy.ts';
import type { Actor } from '../../platform/access.ts';

// The pure policy, without a database: administrators anywhere in their subtree, leaders in theirs.
it('policy: who may add an agency', () => {
  const leader: Actor = {
    kind: 'official',
    id: 1,
    name: 'L',
    username: 'l',
    agencyId: null,
    grants: [{ unitId: 5, unitCode: 'C1', unitPath: '/1/5/', role: 'leader' }],
  };
  const admin: Actor = { ...leader, grants: [{ unitId: null, unitCode: null, unitPath: '/', role: 'administrator' }] };
  const handler: Actor = { ...leader, grants: [{ unitId: 5, unitCode: 'C1', unitPath: '/1/5/', role: 'handler' }] };
  assert.equal(canCreateAgency(admin, '/9/10/'), true);
  assert.equal(canCreateAgency(leader, '/1/5/'), true);
  assert.equal(canCreateAgency(leader, '/1/5/7/'), true);
  assert.equal(canCreateAgency(leader, '/1/'), false, 'not above the unit');
  assert.equal(canCreateAgency(leader, '/1/6/'), false, 'not in a sibling');
  assert.equal(canCreateAgency(leader, '/1/55/'), false, 'a path prefix is a whole segment');
  assert.equal(canCreateAgency(handler, '/1/5/'), false);
  assert.equal(canCreateAgency({ kind: 'anonymous' }, '/1/5/'), false);
});

describeEachBackend('agencies', (t) => {
  const post = (headers: Record<string, string> | undefined, payload: Record<string, unknown>) =>
    t().app.inject({ method: 'POST', url: '/api/v1/agencies', headers, payload });

  it('administrators add agencies anywhere, with an audit event', async () => {
    await createSmallTree(t().ctx.db, 'AA');
    const admin = await createOfficial(t(), { roles: [{ unit: null, role: 'administrator' }] });
    const res = await post(admin.headers, {
      unit: 'AAV2',
      kind: 'one_stop_shop',
      name: 'Bộ phận Một cửa',
      names: { vi: 'Bộ phận Một cửa', en: 'One-stop shop' },
      phone: '0238 3821 000',
      email: 'motcua@example.vn',
    });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.deepEqual(body.unit, { code: 'AAV2', name: 'AA Village Two' });
    assert.equal(body.kind, 'one_stop_shop');
    assert.deepEqual(body.names, { vi: 'Bộ phận Một cửa', en: 'One-stop shop' });
    assert.equal(body.phone, '0238 3821 000');
    const audit = await t()
      .ctx.db.selectFrom('audit_events')
      .select(['action', 'actor_id', 'changes'])
      .where('subject_type', '=', 'agency')
      .where('subject_id', '=', String(body.id))
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0].action, 'agency.created');
    assert.equal(audit[0].actor_id, admin.id);
    assert.equal((audit[0].changes as { kind: string }).kind, 'one_stop_shop');

    const one = await t().app.inject({ method: 'GET', url: `/api/v1/agencies/${body.id}` });
    assert.equal(one.statusCode, 200);
    assert.deepEqual(one.json(), body);
  });

  it('leaders add agencies only inside their own subtree; handlers not at all', async () => {
    await createSmallTree(t().ctx.db, 'AB');
    const leader = await createOfficial(t(), { roles: [{ unit: 'ABC1', role: 'leader' }] });
    assert.equal((await post(leader.headers, { unit: 'ABC1', kind: 'police', name: 'Công an xã' })).statusCode, 201);
    assert.equal((await post(leader.headers, { unit: 'ABV1', kind: 'school', name: 'Trường tiểu học' })).statusCode, 201);
    const sibling = await post(leader.headers, { unit: 'ABC2', kind: 'police', name: 'Công an xã' });
    assert.equal(sibling.statusCode, 403);
    assert.equal(sibling.json().error.code, 'forbidden');
    assert.equal((await post(leader.headers, { unit: 'ABP', kind: 'police', name: 'Công an tỉnh' })).statusCode, 403);

    const handler = await createOfficial(t(), { roles: [{ unit: 'ABC1', role: 'handler' }] });
    assert.equal((await post(handler.headers, { unit: 'ABC1', kind: 'police', name: 'Công an' })).statusCode, 403);
    assert.equal((await post(undefined, { unit: 'ABC1', kind: 'police', name: 'Công an' })).statusCode, 401);

    const count = await t()
      .ctx.db.selectFrom('agencies as a')
      .innerJoin('units as u', 'u.id', 'a.unit_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('u.code', 'like', 'AB%')
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 2, 'refused requests left nothing behind');
  });

  it('refuses unknown kinds and units with a 400 in the caller language', async () => {
    await createSmallTree(t().ctx.db, 'AC');
    const admin = await createOfficial(t(), { roles: [{ unit: null, role: 'administrator' }] });
    const kind = await t().app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: { ...admin.headers, 'accept-language': 'vi' },
      payload: { unit: 'ACC1', kind: 'ministry_of_magic', name: 'X' },
    });
    assert.equal(kind.statusCode, 400);
    assert.equal(kind.json().error.code, 'agency_unknown_kind');
    assert.match(kind.json().error.message, /Không có loại cơ quan/);
    const unit = await post(admin.headers, { unit: 'NO-SUCH', kind: 'police', name: 'X' });
    assert.equal(unit.statusCode, 400);
    assert.equal(unit.json().error.code, 'unknown_unit');
    const extra = await post(admin.headers, { unit: 'ACC1', kind: 'police', name: 'X', secret: 1 });
    assert.equal(extra.statusCode, 400);
  });

  it('lists a unit\'s agencies publicly, by kind, by subtree, page by page', async () => {
    await createSmallTree(t().ctx.db, 'AD');
    const committee = await createAgency(t().ctx.db, { unit: 'ADC1', name: 'UBND xã Một', kind: 'people_committee' });
    const shop = await createAgency(t().ctx.db, { unit: 'ADC1', name: 'Một cửa xã Một', kind: 'one_stop_shop' });
    const police = await createAgency(t().ctx.db, { unit: 'ADC1', name: 'Công an xã Một', kind: 'police' });
    const village = await createAgency(t().ctx.db, { unit: 'ADV1', name: 'Nhà văn hóa thôn', kind: 'other' });
    await createAgency(t().ctx.db, { unit: 'ADC2', name: 'UBND xã Hai', kind: 'people_committee' });
    const get = (query: string) => t().app.inject({ method: 'GET', url: `/api/v1/agencies?${query}` });

    const all = await get('unit=ADC1');
    assert.equal(all.statusCode, 200);
    assert.deepEqual(all.json().items.map((a: { id: number }) => a.id), [committee.id, shop.id, police.id]);
    assert.deepEqual(all.json().items[0].unit, { code: 'ADC1', name: 'AD Commune One' });
    assert.equal(all.json().next, undefined);

    const byKind = await get('unit=ADC1&kind=police');
    assert.deepEqual(byKind.json().items.map((a: { name: string }) => a.name), ['Công an xã Một']);

    const subtree = await get('unit=ADC1&subtree=true');
    assert.deepEqual(subtree.json().items.map((a: { id: number }) => a.id), [committee.id, shop.id, police.id, village.id]);

    const first = await get('unit=ADC1&limit=2');
    assert.equal(first.json().items.length, 2);
    assert.ok(first.json().next);
    const second = await get(`unit=ADC1&limit=2&cursor=${first.json().next}`);
    assert.deepEqual(second.json().items.map((a: { id: number }) => a.id), [police.id]);
    assert.equal(second.json().next, undefined);

    const unknown = await get('unit=NO-SUCH');
    assert.deepEqual([unknown.statusCode, unknown.json().error.code], [400, 'unknown_unit']);
    assert.equal((await t().app.inject({ method: 'GET', url: '/api/v1/agencies/999999' })).statusCode, 404);
  });

  it('names the agency kinds in every language', async () => {
    const res = await t().app.inject({ method: 'GET', url: '/api/v1/agency-kinds' });
    assert.equal(res.statusCode, 200);
    const kinds = res.json().items as Array<{ key: string; names: Record<string, string> }>;
    const keys = kinds.map((k) => k.key);
    for (const key of ['people_committee', 'one_stop_shop', 'land_registry', 'police', 'social_insurance', 'citizen_reception',
      'mass_mobilization', 'fatherland_front', 'youth_union', 'women_union', 'veterans_association', 'party_committee',
      'health_station', 'school', 'other']) {
      assert.ok(keys.includes(key), key);
    }
    for (const kind of kinds) assert.ok(kind.names.vi && kind.names.zh && kind.names.en, kind.key);
    assert.equal(kinds.find((k) => k.key === 'one_stop_shop')?.names.zh, '便民服务中心');
  });
});
