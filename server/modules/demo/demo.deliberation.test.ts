import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { seedDemo } from './seed.ts';

describeEachBackend('demo data: deliberation', (t) => {
  it('a Linjiang group council with matters at every stage, and Block 10\'s three-site consultation', async () => {
    await seedDemo(t().ctx);
    await seedDemo(t().ctx);
    const councils = (await t().app.inject({ url: '/api/v1/councils?unit=520327101203&subtree=true' })).json().items;
    assert.equal(councils.length, 1);
    assert.equal(councils[0].members.length, 5);
    const matters = (await t().app.inject({ url: '/api/v1/matters?unit=520327101203' })).json().items;
    assert.deepEqual(matters.map((m: { stage: string }) => m.stage).sort(), ['completed', 'evaluation', 'implementation', 'resolution', 'review']);
    const consultations = (await t().app.inject({ url: '/api/v1/consultations?unit=18001-K10' })).json().items;
    assert.equal(consultations.length, 1);
    assert.equal(consultations[0].options.length, 3);
    assert.equal(consultations[0].status, 'open');
    const figures = (await t().app.inject({ url: '/api/v1/deliberation/figures?unit=18001' })).json();
    assert.deepEqual([figures.electorate, figures.voted], [12, 4]);
  });
});
