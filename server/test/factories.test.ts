import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from './server.ts';
import { createAgency, createOfficial, createResident, createSmallTree } from './factories.ts';

describeEachBackend('test factories', (t) => {
  it('build a unit tree whose paths nest, and signed-in officials and residents', async () => {
    const units = await createSmallTree(t().ctx.db);
    assert.equal(units.TP.path, `/${units.TP.id}/`);
    assert.equal(units.TV1.path, `/${units.TP.id}/${units.TC1.id}/${units.TV1.id}/`);
    assert.ok(!units.TV2.path.startsWith(units.TC1.path));
    const agency = await createAgency(t().ctx.db, { unit: 'TC1', name: 'One-stop shop' });
    const official = await createOfficial(t(), { agency: agency.id, roles: [{ unit: 'TC1', role: 'handler' }, { unit: null, role: 'auditor' }] });
    const grants = await t().ctx.db.selectFrom('grants').select(['unit_id', 'role']).where('account_id', '=', official.id).orderBy('id').execute();
    assert.deepEqual(grants, [{ unit_id: units.TC1.id, role: 'handler' }, { unit_id: null, role: 'auditor' }]);
    const resident = await createResident(t());
    const session = await t().ctx.db.selectFrom('sessions').select('account_id').where('account_id', 'in', [official.id, resident.id]).execute();
    assert.equal(session.length, 2);
    await assert.rejects(createOfficial(t(), { roles: [{ unit: 'NOPE', role: 'leader' }] }), /no unit NOPE/);
  });
});
