import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { seedDemo } from './seed.ts';

describeEachBackend('demo data: reports', (t) => {
  it("Tân Thọ's 16-member committee with its 9-article regulation, and its archived monthly reports of 2023, seeded once", async () => {
    await seedDemo(t().ctx);
    await seedDemo(t().ctx);
    const committee = await t().ctx.db.selectFrom('steering_committees').select('id').where('name', 'like', '%Tân Thọ%').execute();
    assert.equal(committee.length, 1);
    const members = await t().ctx.db.selectFrom('steering_members').select('role').where('committee_id', '=', committee[0].id).execute();
    assert.equal(members.length, 16);
    const regulation = await t().ctx.db.selectFrom('steering_regulations').select('articles').where('committee_id', '=', committee[0].id).execute();
    assert.equal((regulation[0].articles as unknown as unknown[]).length, 9);
    const archive = (await t().app.inject({ url: '/api/v1/reports/archive?unit=16285' })).json().items;
    assert.deepEqual(archive.map((r: { period: string }) => r.period).sort(), Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`));
  });
});
