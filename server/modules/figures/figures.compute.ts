/**
 * The fast path of /api/v1/figures. For a unit whose level keeps rollups: its rollup rows, plus
 * the deltas not folded yet, plus the petitions that fell due since the overdue watermark, plus
 * — for days its rollups do not hold (the ends of a period at a level with month rows only) —
 * the petitions of those days themselves, or their month's row less the petitions of its other
 * days; all read in one statement, so in one snapshot, and the figures equal what naiveFigures computes from the petitions at that moment. A unit whose
 * level keeps no rollups (a village) is small: its figures are counted from its petitions.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import type { Database } from '../../platform/db.ts';
import { localDay, type Day } from '../../platform/calendar.ts';
import { dayParts, lastOfMonth, monthsAndEnds, splitPeriod } from './figures.periods.ts';
import { FiguresBuilder, type PeriodFigures } from './figures.numbers.ts';
import { readFigures, type ReadPlan, type FiguresQuery } from './figures.queries.ts';

/** The rollups a unit keeps: the deployment keeps day and month rows. */
export type Grains = 'dm' | 'm' | null;

/** What a unit's level keeps (figures_levels): its rollups, and whether an answer-time histogram at the same grains. */
export interface UnitRollups {
  grains: Grains;
  histogram: boolean;
}

const deploymentRollups: UnitRollups = { grains: 'dm', histogram: true };

const none = { months: null, days: [] };

/** Which rollup rows, deltas and petitions a request reads. */
function readPlan(q: FiguresQuery, { grains, histogram }: UnitRollups): ReadPlan {
  const whole = { from: q.from, to: q.to };
  if (grains === null) return { rolled: none, rolledDays: [], fromPetitions: [whole], lessPetitions: [], histogram: null };
  if (grains === 'dm') {
    // Whole months from month rows, the days around them (or every day of a daily series) from
    // day rows; the median from the histogram's month and day rows.
    const split = splitPeriod(q.from, q.to);
    return { rolled: q.interval === 'day' ? dayParts(q.from, q.to) : split, rolledDays: [whole], fromPetitions: [], lessPetitions: [], histogram: histogram ? split : null };
  }
  // Month rows only: a daily series comes from the petitions; the days around the whole months
  // from the petitions of those days, or from their month's row less the petitions of the rest
  // of it, whichever reads fewer; the median from the histogram's month rows plus those answers.
  if (q.interval === 'day') return { rolled: none, rolledDays: [], fromPetitions: [whole], lessPetitions: [], histogram: null };
  const { months, add, subtract } = monthsAndEnds(q.from, q.to, latestLocalDay(q.now));
  const monthRows = { months, days: [] };
  return {
    rolled: monthRows,
    rolledDays: months ? [{ from: months.from, to: lastOfMonth(months.to) }] : [],
    fromPetitions: add,
    lessPetitions: subtract,
    histogram: histogram && months ? monthRows : null,
  };
}

/** The latest local day anywhere on Earth at `now`: Kiritimati's, at UTC+14. */
function latestLocalDay(now: Date): Day {
  return localDay(now, 'Pacific/Kiritimati');
}

export async function computeFigures(db: Kysely<DB>, q: FiguresQuery, rollups: UnitRollups = deploymentRollups, database?: Database): Promise<PeriodFigures> {
  const read = await readFigures(db, q, readPlan(q, rollups), database);
  const builder = new FiguresBuilder(q.interval);
  for (const [bucket, dim, value, ...values] of read.rows) builder.addRow(bucket, dim, value, values);
  if (read.histogramAnswers !== null && (read.histogramAnswers !== builder.answered || (builder.answered > 0 && read.medianMinutes === null))) {
    throw new Error(`answer-time histogram of unit ${q.scope.unitId} holds ${read.histogramAnswers} answers, the counters ${builder.answered}`);
  }
  return builder.build(q, read.medianMinutes);
}
