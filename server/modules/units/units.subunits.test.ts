import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { createOfficial, createSmallTree } from '../../test/factories.ts';

describeEachBackend('units: hamlets and groups below a village', (t) => {
  const add = (headers: Record<string, string> | undefined, parent: string, payload: Record<string, unknown>) =>
    t().app.inject({ method: 'POST', url: `/api/v1/units/${parent}/subunits`, headers, payload });

  it('a village leader adds groups under the village; codes follow the parent', async () => {
    await createSmallTree(t().ctx.db, 'SU');
    const leader = await createOfficial(t(), { roles: [{ unit: 'SUV1', role: 'leader' }] });
    const first = await add(leader.headers, 'SUV1', { name: 'Xóm 1', level: 'hamlet', names: { en: 'Hamlet 1' } });
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(first.json().code, 'SUV1-01');
    assert.equal(first.json().level, 'hamlet');
    assert.deepEqual(first.json().names, { vi: 'Xóm 1', en: 'Hamlet 1' });
    assert.deepEqual(first.json().ancestors.map((a: { code: string }) => a.code), ['SUP', 'SUC1', 'SUV1']);
    const group = await add(leader.headers, 'SUV1-01', { name: 'Tổ 2', level: 'group', code: 'SUV1-T2' });
    assert.equal(group.statusCode, 201, group.body);
    assert.equal(group.json().country, 'VN');
    const second = await add(leader.headers, 'SUV1', { name: 'Xóm 2', level: 'hamlet' });
    assert.equal(second.json().code, 'SUV1-02');
    const children = (await t().app.inject({ url: '/api/v1/units?parent=SUV1' })).json().items;
    assert.deepEqual(children.map((c: { code: string }) => c.code).sort(), ['SUV1-01', 'SUV1-02']);
    const audit = await t().ctx.db.selectFrom('audit_events').select(['action']).where('action', '=', 'unit.added').execute();
    assert.equal(audit.length, 3);
  });

  it('refuses a leader elsewhere, an anonymous caller, a taken code and a province as parent; nothing is stored', async () => {
    await createSmallTree(t().ctx.db, 'SW');
    const other = await createOfficial(t(), { roles: [{ unit: 'SWV2', role: 'leader' }] });
    const admin = await createOfficial(t(), { roles: [{ unit: null, role: 'administrator' }] });
    const before = await t().ctx.db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal((await add(other.headers, 'SWV1', { name: 'X', level: 'group' })).statusCode, 403);
    assert.equal((await add(undefined, 'SWV1', { name: 'X', level: 'group' })).statusCode, 401);
    const taken = await add(admin.headers, 'SWV1', { name: 'X', level: 'group', code: 'SWV2' });
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json().error.code, 'unit_code_taken');
    const province = await add(admin.headers, 'SWP', { name: 'X', level: 'group' });
    assert.equal(province.statusCode, 400);
    assert.equal(province.json().error.code, 'subunit_parent_level');
    assert.equal((await add(admin.headers, 'NOPE', { name: 'X', level: 'group' })).statusCode, 404);
    assert.equal((await add(admin.headers, 'SWV1', { name: 'X', level: 'district' })).statusCode, 400);
    const after = await t().ctx.db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });
});
