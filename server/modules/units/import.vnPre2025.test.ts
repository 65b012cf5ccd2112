/** Vietnam's map of March 2025, the last one with districts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { importsList, vnUnitsFile } from './test-support.ts';

const { rows } = vnUnitsFile('pre2025');

describeEachBackend('units: Vietnam March 2025 (63 / 696 / 10,035)', (t) => {
  importsList(t, rows, { province: 63, district: 696, commune: 10035 });

  test('island districts without communes have no children', async () => {
    const response = await t().app.inject({ url: '/api/v1/units/498' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().name, 'Huyện Hoàng Sa');
    assert.equal(response.json().childCount, 0);
  });
});
