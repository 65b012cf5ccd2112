/** Shared by the units tests: the Vietnamese unit files and checks of a stored tree. */
import fs from 'node:fs';
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import { parseUnitsCsv } from './units.csv.ts';
import { importUnits, type UnitImportRow } from './commands/importUnits.ts';
import type { TestApp } from '../../test/server.ts';
import { vnEditionFile, type VnEdition } from './vnEditions.ts';


export function vnUnitsFile(edition: VnEdition): { file: string; rows: UnitImportRow[] } {
  const file = vnEditionFile(edition);
  assert.ok(fs.existsSync(file), `${file} is missing: the tests read the Vietnamese unit lists from data/vn-units`);
  return { file, rows: parseUnitsCsv(fs.readFileSync(file)) };
}

export const system = { kind: 'system' as const, label: 'test' };

export async function countsByLevel(db: Kysely<DB>): Promise<Record<string, number>> {
  const { rows } = await sql<{ level: string; n: number }>`SELECT level, count(*) AS n FROM units GROUP BY level`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]));
}

/**
 * The stored tree is the file's: every unit has the parent the file names (provinces none),
 * and every path and depth follows from the parent's.
 */
export async function assertTreeMatches(db: Kysely<DB>, rows: UnitImportRow[]): Promise<void> {
  const { rows: stored } = await sql<{ code: string; level: string; parent: string | null; badPath: boolean }>`
    SELECT u.code, u.level, p.code AS parent,
      CASE WHEN p.id IS NULL THEN u.path <> '/' || u.id || '/' OR u.depth <> 0
           ELSE u.path <> p.path || u.id || '/' OR u.depth <> p.depth + 1 END AS "badPath"
    FROM units u LEFT JOIN units p ON p.id = u.parent_id`.execute(db);
  const byCode = new Map(stored.map((s) => [s.code, s]));
  assert.equal(stored.length, rows.length);
  for (const row of rows) {
    const unit = byCode.get(row.code);
    assert.ok(unit, `unit ${row.code} is stored`);
    assert.equal(unit.parent, row.parentCode, `parent of ${row.code}`);
    if (row.level !== 'province') assert.notEqual(unit.parent, null, `${row.code} (${row.level}) has a parent`);
  }
  assert.deepEqual(stored.filter((s) => s.badPath).map((s) => s.code), [], 'paths follow the parents');
}

/**
 * A suite over one official list: the list is imported into the suite's empty database before
 * its tests, and the first test checks that every row was created, with the list's counts per
 * level, and that the stored tree is the file's.
 */
export function importsList(t: () => TestApp, rows: UnitImportRow[], counts: Record<string, number>, source?: string): void {
  let created = 0;
  before(async () => {
    created = (await importUnits(t().ctx.db, rows, { now: t().clock.now(), actor: system, source })).created;
  });

  test('every row is stored, with the counts per level of the official list; every parent resolves and every path follows its parent', async () => {
    assert.equal(created, rows.length);
    assert.deepEqual(await countsByLevel(t().ctx.db), counts);
    await assertTreeMatches(t().ctx.db, rows);
  });
}
