/**
 * The fast path of /api/v1/stats: the rollups of the unit, plus the deltas not folded yet,
 * plus the petitions that fell overdue within the current hour, all read in one snapshot, so
 * the figures equal what naiveStats computes from the petitions at that moment.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import { bucketOf, dayParts, splitPeriod, type PeriodParts } from './stats.periods.ts';
import { FiguresBuilder, type StatsFigures } from './stats.figures.ts';
import {
  readCountRows,
  readDeltas,
  readHistogram,
  readOverdueRows,
  readOverdueSince,
  type DeltaRow,
  type StatsQuery,
} from './stats.queries.ts';

const hourMs = 3_600_000;

export async function computeStats(db: Kysely<DB>, q: StatsQuery): Promise<StatsFigures> {
  // A daily series needs each day on its own; otherwise whole months are read as one row.
  const parts = q.interval === 'day' ? dayParts(q.from, q.to) : splitPeriod(q.from, q.to);
  const dueHour = Math.floor(q.now.getTime() / hourMs);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const builder = new FiguresBuilder(q.interval);
      for (const r of await readCountRows(trx, q.scope.unitId, parts, q.interval)) {
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
        });
      }
      for (const r of await readOverdueRows(trx, q.scope.unitId, parts, dueHour, q.interval)) {
        builder.add(r.bucket, r.dim, r.value, { overdue: r.n });
      }
      for (const r of await readOverdueSince(trx, q, new Date(dueHour * hourMs))) {
        builder.addAll(r.bucket, r, { overdue: r.n });
      }
      const deltas = await readDeltas(trx, q);
      for (const d of deltas) addDelta(builder, d, q, dueHour);
      const median = await medianMinutes(trx, q.scope.unitId, splitPeriod(q.from, q.to), deltas, builder.answered);
      return builder.build(q, median);
    });
}

/** A delta row: the same facts the fold would add to the rollups, with its sign. */
function addDelta(builder: FiguresBuilder, d: DeltaRow, q: StatsQuery, dueHour: number): void {
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
    overdue: on(d.open_due_at !== null && Math.floor(d.open_due_at.getTime() / hourMs) < dueHour),
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
 * down the histogram's levels — days, then hours of that day, then minutes of that hour.
 */
async function medianMinutes(
  trx: Kysely<DB>,
  unitId: number,
  parts: PeriodParts,
  deltas: DeltaRow[],
  answered: number,
): Promise<number | null> {
  if (answered <= 0) return null;
  const cache = new Map<string, Array<[number, number]>>();
  const levelRows = async (level: number, parent: number) => {
    const key = `${level}:${parent}`;
    let rows = cache.get(key);
    if (!rows) {
      const counts = new Map<number, number>();
      for (const r of await readHistogram(trx, unitId, parts, level, parent)) counts.set(r.bucket, r.n);
      for (const d of deltas) {
        if (d.answer_minutes === null) continue;
        const [p, b] = placeAt(level, d.answer_minutes);
        if (p === parent) counts.set(b, (counts.get(b) ?? 0) + d.sign);
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
