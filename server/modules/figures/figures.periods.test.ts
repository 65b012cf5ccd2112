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

test('monthsAndEnds: an end reads the fewer days that have happened, its own or the rest of its month', () => {
  // A rolling year on 2026-12-07: December 2025 less its first five days; December 2026 whole,
  // less the days still ahead (none submitted yet).
  assert.deepEqual(monthsAndEnds('2025-12-06', '2026-12-08', '2026-12-07'), {
    months: { from: '2025-12-01', to: '2026-12-01' },
    add: [],
    subtract: [
      { from: '2025-12-01', to: '2025-12-05' },
      { from: '2026-12-09', to: '2026-12-31' },
    ],
  });
  // A year to date on 2026-12-07: the months from January, and December less what is ahead.
  assert.deepEqual(monthsAndEnds('2026-01-01', '2026-12-07', '2026-12-07'), {
    months: { from: '2026-01-01', to: '2026-12-01' },
    add: [],
    subtract: [{ from: '2026-12-08', to: '2026-12-31' }],
  });
  // Late in a month the period's own days are the fewer: they are read from the petitions.
  assert.deepEqual(monthsAndEnds('2026-03-25', '2026-05-31', '2026-12-07'), {
    months: { from: '2026-04-01', to: '2026-05-01' },
    add: [{ from: '2026-03-25', to: '2026-03-31' }],
    subtract: [],
  });
  // A tie reads the period's own days, with no month row.
  assert.deepEqual(monthsAndEnds('2026-04-16', '2026-04-30', '2026-12-07').add, [{ from: '2026-04-16', to: '2026-04-30' }]);
});

test('monthsAndEnds: a period inside one month, or across two partial months', () => {
  // Inside one past month: both sides of it are the rest.
  assert.deepEqual(monthsAndEnds('2026-03-02', '2026-03-30', '2026-12-07'), {
    months: { from: '2026-03-01', to: '2026-03-01' },
    add: [],
    subtract: [
      { from: '2026-03-01', to: '2026-03-01' },
      { from: '2026-03-31', to: '2026-03-31' },
    ],
  });
  // Two partial months: each is weighed on its own; the months read stay one range.
  assert.deepEqual(monthsAndEnds('2026-11-20', '2026-12-07', '2026-12-07'), {
    months: { from: '2026-12-01', to: '2026-12-01' },
    add: [{ from: '2026-11-20', to: '2026-11-30' }],
    subtract: [{ from: '2026-12-08', to: '2026-12-31' }],
  });
  assert.deepEqual(monthsAndEnds('2026-11-10', '2026-12-07', '2026-12-07'), {
    months: { from: '2026-11-01', to: '2026-12-01' },
    add: [],
    subtract: [
      { from: '2026-11-01', to: '2026-11-09' },
      { from: '2026-12-08', to: '2026-12-31' },
    ],
  });
  // Whole months only: nothing from the petitions.
  assert.deepEqual(monthsAndEnds('2026-01-01', '2026-06-30', '2026-12-07'), { months: { from: '2026-01-01', to: '2026-06-01' }, add: [], subtract: [] });
});
