/** The period a figures page opens on when its link names none. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPeriod } from '../src/app/periods.ts';
import { periodRange } from '../src/features/reports/periods.ts';

const today = new Date(2026, 11, 4);

test('this year so far when the unit has petitions this year', () => {
  assert.deepEqual(defaultPeriod([2026, 2023], today), { from: '2026-01-01', to: '2026-12-04' });
});

test("the latest year with petitions when this year has none: a fresh demo's 2023", () => {
  assert.deepEqual(defaultPeriod([2023], today), { from: '2023-01-01', to: '2023-12-31' });
  assert.deepEqual(defaultPeriod([2025, 2023], today), { from: '2025-01-01', to: '2025-12-31' });
});

test('this year so far for a unit with no petition at all', () => {
  assert.deepEqual(defaultPeriod([], today), { from: '2026-01-01', to: '2026-12-04' });
});

test("a report's period as days: month, quarter, year, range; none for a malformed or reversed one", () => {
  assert.deepEqual(periodRange('2024-02'), { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(periodRange('2026-Q4'), { from: '2026-10-01', to: '2026-12-31' });
  assert.deepEqual(periodRange('2025'), { from: '2025-01-01', to: '2025-12-31' });
  assert.deepEqual(periodRange('2026-01-05..2026-02-10'), { from: '2026-01-05', to: '2026-02-10' });
  for (const bad of ['2026-13', '2026-Q5', '2026-02-10..2026-01-05', '2026-01-05..', '']) assert.equal(periodRange(bad), null, bad);
});
