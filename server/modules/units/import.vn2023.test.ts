/** Vietnam's map of April 2023, the one the source articles were written on. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeEachBackend } from '../../test/server.ts';
import { importUnits } from './commands/importUnits.ts';
import { importsList, system, vnUnitsFile } from './test-support.ts';

const { rows } = vnUnitsFile('2023-04-15');

describeEachBackend('units: Vietnam 2023 (63 / 705 / 10,598)', (t) => {
  importsList(t, rows, { province: 63, district: 705, commune: 10598 }, 'vn_units_2023-04-15.csv');

  test('units get the country, time zone, and the Vietnamese name in names.vi', async () => {
    const response = await t().app.inject({ url: '/api/v1/units/17719' });
    assert.equal(response.statusCode, 200);
    const unit = response.json();
    assert.equal(unit.name, 'Xã Thanh Nho');
    assert.deepEqual(unit.names, { vi: 'Xã Thanh Nho' });
    assert.equal(unit.country, 'VN');
    assert.equal(unit.timeZone, 'Asia/Ho_Chi_Minh');
    assert.equal(unit.parentCode, '428');
    assert.deepEqual(unit.ancestors.map((a: { code: string }) => a.code), ['40', '428']);
    assert.equal(unit.childCount, 0);
    assert.equal('id' in unit || 'path' in unit, false, 'internal ids and paths stay inside');
  });

  test('"thanh chuong" finds Huyện Thanh Chương (428) first, with or without diacritics or capitals', async () => {
    for (const q of ['thanh chuong', 'Thanh Chương', 'THANH CHƯƠNG', 'Thanh Chuong']) {
      const response = await t().app.inject({ url: `/api/v1/units?q=${encodeURIComponent(q)}` });
      assert.equal(response.statusCode, 200);
      const items = response.json().items;
      assert.equal(items[0].code, '428', q);
      assert.equal(items[0].name, 'Huyện Thanh Chương');
      assert.equal(items[0].level, 'district');
      assert.equal(items[0].parentCode, '40');
    }
  });

  test('children of a district are listed by code, and the level filter applies', async () => {
    const communes = await t().app.inject({ url: '/api/v1/units?parent=428&limit=500' });
    const items = communes.json().items as Array<{ code: string; parentCode: string; level: string }>;
    const expected = rows.filter((r) => r.parentCode === '428').map((r) => r.code).sort();
    assert.deepEqual(items.map((i) => i.code), expected);
    assert.ok(items.some((i) => i.code === '17719'), 'Thanh Nho is a commune of Thanh Chương');
    const provinces = await t().app.inject({ url: '/api/v1/units?level=province&limit=100' });
    assert.equal(provinces.json().items.length, 63);
  });

  test('importing the same file again changes nothing and records nothing', async () => {
    const events = async () =>
      Number((await sql<{ n: number }>`SELECT count(*) AS n FROM audit_events WHERE subject_type = 'unit_import'`.execute(t().ctx.db)).rows[0].n);
    assert.equal(await events(), 1, 'one audit event for the whole first import');
    t().clock.advance(60_000);
    const again = await importUnits(t().ctx.db, rows, { now: t().clock.now(), actor: system });
    assert.deepEqual(again, { importId: null, total: rows.length, created: 0, updated: 0, unchanged: rows.length });
    assert.equal(await events(), 1);
  });
});
