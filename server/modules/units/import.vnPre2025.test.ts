/** Vietnam's map of March 2025, the last one with districts. */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { importUnits, type ImportSummary } from './commands/importUnits.ts';
import { assertTreeMatches, countsByLevel, system, vnUnitsFile } from './test-support.ts';

const { rows } = vnUnitsFile('pre2025');

describeEachBackend('units: Vietnam March 2025 (63 / 696 / 10,035)', (t) => {
  let first: ImportSummary;
  before(async () => {
    first = await importUnits(t().ctx.db, rows, { now: t().clock.now(), actor: system });
  });

  test('the counts per level are those of the official list', async () => {
    assert.equal(first.created, rows.length);
    assert.deepEqual(await countsByLevel(t().ctx.db), { province: 63, district: 696, commune: 10035 });
  });

  test('every parent resolves and every path follows its parent', async () => {
    await assertTreeMatches(t().ctx.db, rows);
  });

  test('island districts without communes have no children', async () => {
    const response = await t().app.inject({ url: '/api/v1/units/498' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().name, 'Huyện Hoàng Sa');
    assert.equal(response.json().childCount, 0);
  });
});
