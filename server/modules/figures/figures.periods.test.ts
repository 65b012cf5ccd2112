import { test } from 'node:test';
import assert from 'node:assert/strict';
import { monthsAndEnds, splitPeriod } from './figures.periods.ts';

test('splitPeriod: whole months, and the days before and after them', () => {
  assert.deepEqual(splitPeriod('2025-12-06', '2026-12-08'), {
    months: { from: '2026-01-01', to: '2026-11-01' },
    days: [
      { from: '2025-12-06', to: '2025-12-31' },
      { from: '2026-12-01', to: '2026-12-08' },
    ],
  });
  assert.deepEqual(splitPeriod('2026-03-01', '2026-03-31'), { months: { from: '2026-03-01', to: '2026-03-01' }, days: [] });
  assert.deepEqual(splitPeriod('2026-03-05', '2026-03-20'), { months: null, days: [{ from: '2026-03-05', to: '2026-03-20' }] });
});

const r = (from: string, to: string) => ({ from, to });

/** [what it shows, from, to, today, the months read, the days added, the days taken off] */
const plans: Array<[string, string, string, string, { from: string; to: string } | null, Array<{ from: string; to: string }>, Array<{ from: string; to: string }>]> = [
  // A rolling year on 2026-12-07: December 2025 less its first five days; December 2026 whole,
  // less the days still ahead (none submitted yet).
  ['a rolling year', '2025-12-06', '2026-12-08', '2026-12-07', r('2025-12-01', '2026-12-01'), [], [r('2025-12-01', '2025-12-05'), r('2026-12-09', '2026-12-31')]],
  ['a year to date', '2026-01-01', '2026-12-07', '2026-12-07', r('2026-01-01', '2026-12-01'), [], [r('2026-12-08', '2026-12-31')]],
  // Late in a month the period's own days are the fewer: they are read from the petitions.
  ['an end late in a month', '2026-03-25', '2026-05-31', '2026-12-07', r('2026-04-01', '2026-05-01'), [r('2026-03-25', '2026-03-31')], []],
  ['a tie reads the own days', '2026-04-16', '2026-04-30', '2026-12-07', null, [r('2026-04-16', '2026-04-30')], []],
  // Inside one past month: both sides of it are the rest.
  ['inside one month', '2026-03-02', '2026-03-30', '2026-12-07', r('2026-03-01', '2026-03-01'), [], [r('2026-03-01', '2026-03-01'), r('2026-03-31', '2026-03-31')]],
  // Two partial months are weighed each on its own; the months read stay one range.
  ['two partial months, one read from its days', '2026-11-20', '2026-12-07', '2026-12-07', r('2026-12-01', '2026-12-01'), [r('2026-11-20', '2026-11-30')], [r('2026-12-08', '2026-12-31')]],
  ['two partial months, both from their rows', '2026-11-10', '2026-12-07', '2026-12-07', r('2026-11-01', '2026-12-01'), [], [r('2026-11-01', '2026-11-09'), r('2026-12-08', '2026-12-31')]],
  ['whole months only', '2026-01-01', '2026-06-30', '2026-12-07', r('2026-01-01', '2026-06-01'), [], []],
];

test('monthsAndEnds: each end reads the fewer days that have happened, its own or the rest of its month', () => {
  for (const [what, from, to, today, months, add, subtract] of plans) {
    assert.deepEqual(monthsAndEnds(from, to, today), { months, add, subtract }, what);
  }
});
