import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backends, createTestDatabase } from '../server/test/databases.ts';
import { getUnitByCode } from '../server/modules/units/units.queries.ts';
import { runUnitsImport } from './units.ts';

for (const backend of backends) {
  test(`units import: a CSV file, then China's divisions, with a summary [${backend}]`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-units-cli-'));
    const file = path.join(dir, 'units.csv');
    fs.writeFileSync(file, 'code,name,level,parent_code\n40,Tỉnh Nghệ An,province,\n428,Huyện Thanh Chương,district,40\n');
    const database = await createTestDatabase(backend);
    const lines: string[] = [];
    const output = { log: (line: string) => void lines.push(line), locale: 'en' as const };
    try {
      await runUnitsImport(database, { file }, output);
      await runUnitsImport(database, { file }, output);
      assert.deepEqual(lines, [
        'units: 2 new, 0 updated, 0 unchanged (2 in all)',
        'units: 0 new, 0 updated, 2 unchanged (2 in all)',
      ]);
      assert.equal((await getUnitByCode(database.db, '428'))!.country, 'VN');

      await runUnitsImport(database, { china: '520327101203' }, output);
      assert.equal(lines[2], 'units: 5 new, 0 updated, 0 unchanged (5 in all)');
      assert.equal((await getUnitByCode(database.db, '520327101203'))!.name, '临江村');

      fs.writeFileSync(file, 'code,name,level,parent_code\n17719,Xã Thanh Nho,commune,999\n');
      await assert.rejects(runUnitsImport(database, { file }, output), /Line 2: the parent 999 of unit 17719 is neither in the file nor in the database/);
      await assert.rejects(runUnitsImport(database, { file, china: true }, output), /give one of: a CSV file, --edition, --china/);
      await assert.rejects(runUnitsImport(database, { edition: '2019' }, output), /unknown edition "2019": one of 2023-04-15, pre2025, post2025, latest/);
      assert.equal(lines.length, 3);
    } finally {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test(`units import with nothing named: the newest Vietnamese list shipped in data/vn-units [${backend}]`, async () => {
    const database = await createTestDatabase(backend);
    const lines: string[] = [];
    try {
      const summary = await runUnitsImport(database, {}, { log: (line: string) => void lines.push(line), locale: 'en' });
      assert.equal(lines[0], 'units: Viet Nam, edition latest (data/vn-units/vn_units_post2025_latest_2026-04-30.csv)');
      assert.equal(summary.created, 34 + 3321);
      // Since 2026 Đồng Nai is a centrally-run city: only the newest list says so.
      const dongNai = (await getUnitByCode(database.db, '75'))!;
      assert.equal(dongNai.name, 'Thành phố Đồng Nai');
      assert.equal(dongNai.country, 'VN');
    } finally {
      await database.close();
    }
  });
}
