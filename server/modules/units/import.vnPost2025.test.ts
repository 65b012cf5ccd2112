/** Vietnam after the 2025 reform: provinces and communes, no districts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { createTestDatabase } from '../../test/databases.ts';
import { importUnits } from './commands/importUnits.ts';
import { assertTreeMatches, countsByLevel, importsList, system, vnUnitsFile } from './test-support.ts';

const july2025 = vnUnitsFile('post2025').rows;
const latest = vnUnitsFile('latest').rows;

describeEachBackend('units: Vietnam after the 2025 reform (34 / 3,321)', (t) => {
  // July 2025: 34 provinces and 3,321 communes.
  importsList(t, july2025, { province: 34, commune: 3321 });

  test('the latest list into a fresh database: 34 provinces and 3,321 communes', async () => {
    const database = await createTestDatabase(t().backend);
    try {
      const summary = await importUnits(database.db, latest, { now: t().clock.now(), actor: system });
      assert.equal(summary.created, latest.length);
      assert.deepEqual(await countsByLevel(database.db), { province: 34, commune: 3321 });
      await assertTreeMatches(database.db, latest);
    } finally {
      await database.close();
    }
  });

  test('the latest list over July 2025 updates exactly the renamed units and creates none', async () => {
    const before = new Map(july2025.map((r) => [r.code, r.name]));
    const renamed = latest.filter((r) => before.get(r.code) !== r.name);
    assert.ok(renamed.length > 0);
    const summary = await importUnits(t().ctx.db, latest, { now: t().clock.now(), actor: system });
    assert.equal(summary.created, 0);
    assert.equal(summary.updated, renamed.length);
    assert.equal(summary.unchanged, latest.length - renamed.length);
    // Đồng Nai's communes that became wards in 2026 carry their new names.
    const sample = renamed.find((r) => r.name.startsWith('Phường') && before.get(r.code)!.startsWith('Xã'))!;
    const response = await t().app.inject({ url: `/api/v1/units/${sample.code}` });
    assert.equal(response.json().name, sample.name);
    assert.equal(response.json().names.vi, sample.name);
    await assertTreeMatches(t().ctx.db, latest);
  });
});
