/**
 * The fast path of /api/v1/stats. For a unit whose level keeps rollups: its rollup rows, plus
 * the deltas not folded yet, plus the petitions that fell due since the overdue watermark, plus
 * — for days its rollups do not hold (the ends of a period at a level with month rows only) —
 * the petitions of those days themselves; all read in one snapshot, so the figures equal what
 * naiveStats computes from the petitions at that moment. A unit whose level keeps no rollups
 * (a village) is small: its figures are the naive query's.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import { bucketOf, dayParts, lastOfMonth, splitPeriod, type PeriodParts } from './stats.periods.ts';
import { FiguresBuilder, type StatsFigures } from './stats.figures.ts';
import {
  addFromPetitions,
  minutesFromPetitions,
  naiveStats,
  readCountRows,
  readDeltas,
  readHistogram,
  readOpenDueBetween,
  readWatermark,
  type DayRange,
  type DeltaRow,
  type StatsQuery,
} from './stats.queries.ts';

/** The rollups a unit keeps: the deployment keeps day and month rows. */
export type Grains = 'dm' | 'm' | null;

interface Plan {
  /** What the rollups hold, read as rows. */
  rolled: PeriodParts;
  /** The same days as ranges (for deltas and the overdue residual). */
  rolledDays: DayRange[];
  /** Days counted from the petitions. */
  fromPetitions: DayRange[];
}

function plan(q: StatsQuery, grains: 'dm' | 'm', forMedian = false): Plan {
  const interval = forMedian ? undefined : q.interval;
  if (grains === 'dm') {
    const rolled = interval === 'day' ? dayParts(q.from, q.to) : splitPeriod(q.from, q.to);
    return { rolled, rolledDays: [{ from: q.from, to: q.to }], fromPetitions: [] };
  }
  // Month rows only: a daily series, and the days around the whole months, come from the petitions.
  if (interval === 'day') return { rolled: { months: null, days: [] }, rolledDays: [], fromPetitions: [{ from: q.from, to: q.to }] };
  const split = splitPeriod(q.from, q.to);
  return {
    rolled: { months: split.months, days: [] },
    rolledDays: split.months ? [{ from: split.months.from, to: lastOfMonth(split.months.to) }] : [],
    fromPetitions: split.days,
  };
}

export async function computeStats(db: Kysely<DB>, q: StatsQuery, grains: Grains = 'dm'): Promise<StatsFigures> {
  if (grains === null) return naiveStats(db, q);
  const p = plan(q, grains);
  // The answer-time histogram is kept for levels with day rows; at a level with month rows only
  // the minutes are read from the petitions.
  const m = plan(q, grains, true);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const builder = new FiguresBuilder(q.interval);
      for (const r of await readCountRows(trx, q.scope.unitId, p.rolled, q.interval)) {
        builder.add(r.bucket, r.dim, r.value, {
          received: r.received,
          accepted: r.accepted,
          rejected: r.rejected,
          answered: r.answered,
          resolved: r.resolved,
          resolvedOnTime: r.resolved_on_time,
          escalated: r.escalated,
          transferred: r.transferred,
          rated: r.rated,
          satisfied: r.satisfied,
          acceptable: r.acceptable,
          unsatisfied: r.unsatisfied,
          overdue: r.overdue,
        });
      }
      const deltas = await readDeltas(trx, q, p.rolledDays);
      for (const d of deltas) addDelta(builder, d, q);
      // The rollups and deltas count as overdue what was due before the watermark; the
      // petitions due between it and now (or, for a moment before it, between now and it) are
      // read through petitions_open_due.
      const watermark = await readWatermark(trx);
      if (watermark === null || watermark.getTime() <= q.now.getTime()) {
        for (const r of await readOpenDueBetween(trx, q, p.rolledDays, watermark, q.now)) builder.addAll(r.bucket, r, { overdue: r.n });
      } else {
        for (const r of await readOpenDueBetween(trx, q, p.rolledDays, q.now, watermark)) builder.addAll(r.bucket, r, { overdue: -r.n });
      }
      await addFromPetitions(trx, builder, q, p.fromPetitions);
      const median =
        grains === 'dm'
          ? await medianMinutes(trx, q.scope.unitId, m.rolled, deltas, [], builder.answered)
          : await medianMinutes(trx, q.scope.unitId, null, [], await minutesFromPetitions(trx, q, [{ from: q.from, to: q.to }]), builder.answered);
      return builder.build(q, median);
    });
}

/** A delta row: the same facts the fold would add to the rollups, with its sign. */
function addDelta(builder: FiguresBuilder, d: DeltaRow, q: StatsQuery): void {
  const s = d.sign;
  const on = (fact: boolean) => (fact ? s : 0);
  builder.addAll(bucketOf(d.day, q.interval), d, {
    received: s,
    accepted: on(d.accepted),
    rejected: on(d.rejected),
    answered: on(d.answer_minutes !== null),
    resolved: on(d.resolved),
    resolvedOnTime: on(d.resolved_on_time),
    escalated: on(d.escalated_to_path !== null && !d.escalated_to_path.startsWith(q.scope.unitPath)),
    transferred: on(d.transferred),
    rated: on(d.rating !== null),
    satisfied: on(d.rating === 'satisfied'),
    acceptable: on(d.rating === 'acceptable'),
    unsatisfied: on(d.rating === 'unsatisfied'),
    overdue: on(d.overdue),
  });
}

/** Where a number of minutes falls at each level of the histogram: [parent, bucket]. */
function placeAt(level: number, minutes: number): [number, number] {
  if (level === 0) return [0, Math.floor(minutes / 1440)];
  if (level === 1) return [Math.floor(minutes / 1440), Math.floor(minutes / 60)];
  return [Math.floor(minutes / 60), minutes];
}

/**
 * The exact median of the minutes to the first answer over `answered` petitions: the value at
 * the middle rank (the mean of the two middle values for an even count), found by walking
 * down the histogram's levels — days, then hours of that day, then minutes of that hour —
 * with the unfolded deltas (or, without a histogram, the minutes read from the petitions)
 * added at each level.
 */
async function medianMinutes(
  trx: Kysely<DB>,
  unitId: number,
  parts: PeriodParts | null,
  deltas: DeltaRow[],
  extra: Array<[number, number]>,
  answered: number,
): Promise<number | null> {
  if (answered <= 0) return null;
  const loose: Array<[number, number]> = [...extra];
  for (const d of deltas) if (d.answer_minutes !== null) loose.push([d.answer_minutes, d.sign]);
  const cache = new Map<string, Array<[number, number]>>();
  const levelRows = async (level: number, parent: number) => {
    const key = `${level}:${parent}`;
    let rows = cache.get(key);
    if (!rows) {
      const counts = new Map<number, number>();
      if (parts) for (const r of await readHistogram(trx, unitId, parts, level, parent)) counts.set(r.bucket, r.n);
      for (const [minutes, n] of loose) {
        const [p, b] = placeAt(level, minutes);
        if (p === parent) counts.set(b, (counts.get(b) ?? 0) + n);
      }
      rows = [...counts].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
      cache.set(key, rows);
    }
    return rows;
  };
  const valueAt = async (rank: number): Promise<number> => {
    let parent = 0;
    let left = rank;
    for (let level = 0; level <= 2; level++) {
      let found: number | undefined;
      for (const [bucket, n] of await levelRows(level, parent)) {
        if (left <= n) {
          found = bucket;
          break;
        }
        left -= n;
      }
      if (found === undefined) throw new Error(`answer-time histogram of unit ${unitId} holds fewer than ${rank} answers`);
      parent = found;
    }
    return parent;
  };
  const lower = Math.ceil(answered / 2);
  const upper = Math.floor(answered / 2) + 1;
  const a = await valueAt(lower);
  const b = upper === lower ? a : await valueAt(upper);
  return (a + b) / 2;
}

