/**
 * Every SQL statement of the public figures: folding deltas into the rollups, reading the
 * rollups, and the naive reference query over the petitions themselves.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../schema.ts';
import type { Day } from '../../platform/calendar.ts';
import { addDays } from '../../platform/calendar.ts';
import type { Interval, PeriodParts } from './stats.periods.ts';
import { FiguresBuilder, type StatsFigures } from './stats.figures.ts';
import type { StatsDeltasTable, StatsDim } from './stats.tables.ts';

/** Whose figures: a unit and its subtree, or the whole deployment (id 0, path '/'). */
export interface StatsScope {
  unitId: number;
  unitPath: string;
}

export interface StatsQuery {
  scope: StatsScope;
  from: Day;
  to: Day;
  /** "Overdue" is counted as of this time. */
  now: Date;
  interval?: Interval;
}

/** The statuses in which a petition's due time is watched: the predicate of petitions_open_due. */
const openStatuses = sql.raw(`('received', 'accepted', 'transferred', 'assigned', 'in_progress', 'reopened')`);

/** Petitions per statement of a rebuild. */
const rebuildSlice = 100_000;

/** Serialises folds and rebuilds across processes. */
const foldLock = 7261150;

export interface StatsUnit {
  id: number;
  code: string;
  name: string;
  path: string;
  time_zone: string;
  /** The rollups its level keeps (stats_levels): day and month rows, month rows, or none. */
  grains: 'dm' | 'm' | null;
}

export function findStatsUnit(db: Kysely<DB>, code: string): Promise<StatsUnit | undefined> {
  return db
    .selectFrom('units as u')
    .leftJoin('stats_levels as l', 'l.level', 'u.level')
    .select(['u.id', 'u.code', 'u.name', 'u.path', 'u.time_zone', 'l.grains'])
    .where('u.code', '=', code)
    .executeTakeFirst();
}

// ---- keeping the rollups ----

const dims = sql.raw(`(VALUES ('k'::"char"), ('c'::"char"), ('g'::"char")) AS dm(dim)`);
const grains = sql.raw(`(VALUES ('d'::"char"), ('m'::"char")) AS gr(grain)`);
const levels = sql.raw(`(VALUES (0::smallint), (1::smallint), (2::smallint)) AS lv(level)`);
const counterColumns = [
  'received',
  'accepted',
  'rejected',
  'answered',
  'resolved',
  'resolved_on_time',
  'escalated',
  'transferred',
  'rated',
  'satisfied',
  'acceptable',
  'unsatisfied',
  'overdue',
] as const;
const factColumns = sql.raw(
  'sign, origin_unit_path, day, kind, channel, category, accepted, rejected, answer_minutes, resolved, resolved_on_time, escalated_to_path, transferred, rating, overdue',
);

/**
 * Adds fact rows (the columns of stats_deltas, `sign` ±1) to the rollups of the deployment and
 * of every unit on their origin path whose level keeps rollups (stats_levels), in one
 * statement: counters at the level's grains, the answer-time histogram for levels with day
 * rows (a unit with month rows only is small enough to read its answer times from the
 * petitions). Answers how many fact rows there were.
 */
function foldFacts(source: RawBuilder<unknown>): RawBuilder<{ folded: number }> {
  const sums = sql.raw(counterColumns.map((c) => `sum(g.${c})::bigint`).join(', '));
  const updates = sql.raw(counterColumns.map((c) => `${c} = t.${c} + excluded.${c}`).join(', '));
  const columns = sql.raw(counterColumns.join(', '));
  return sql<{ folded: number }>`
    WITH d AS (${source}),
    a AS (
      SELECT d.*, 0::bigint AS unit_id, '/'::text AS unit_path, true AS daily FROM d
      UNION ALL
      SELECT d.*, un.id, '/' || array_to_string(x.ids[1:u.k], '/') || '/', l.grains = 'dm'
        FROM d
        CROSS JOIN LATERAL (SELECT string_to_array(btrim(d.origin_unit_path, '/'), '/') AS ids) x
        CROSS JOIN LATERAL unnest(x.ids) WITH ORDINALITY AS u(id, k)
        JOIN units un ON un.id = u.id::bigint
        JOIN stats_levels l ON l.level = un.level
    ),
    e AS (
      SELECT a.unit_id, a.daily, a.day, a.kind, a.channel, coalesce(a.category, '') AS category, a.answer_minutes,
             a.sign::bigint AS received,
             CASE WHEN a.accepted THEN a.sign ELSE 0 END AS accepted,
             CASE WHEN a.rejected THEN a.sign ELSE 0 END AS rejected,
             CASE WHEN a.answer_minutes IS NOT NULL THEN a.sign ELSE 0 END AS answered,
             CASE WHEN a.resolved THEN a.sign ELSE 0 END AS resolved,
             CASE WHEN a.resolved_on_time THEN a.sign ELSE 0 END AS resolved_on_time,
             -- escalated beyond this unit's subtree: handled by a level above it
             CASE WHEN a.escalated_to_path IS NOT NULL AND left(a.escalated_to_path, length(a.unit_path)) <> a.unit_path
                  THEN a.sign ELSE 0 END AS escalated,
             CASE WHEN a.transferred THEN a.sign ELSE 0 END AS transferred,
             CASE WHEN a.rating IS NOT NULL THEN a.sign ELSE 0 END AS rated,
             CASE WHEN a.rating = 'satisfied' THEN a.sign ELSE 0 END AS satisfied,
             CASE WHEN a.rating = 'acceptable' THEN a.sign ELSE 0 END AS acceptable,
             CASE WHEN a.rating = 'unsatisfied' THEN a.sign ELSE 0 END AS unsatisfied,
             CASE WHEN a.overdue THEN a.sign ELSE 0 END AS overdue
        FROM a
    ),
    g AS (
      SELECT e.*, gr.grain, CASE gr.grain WHEN 'm' THEN date_trunc('month', e.day)::date ELSE e.day END AS gday
        FROM e CROSS JOIN ${grains}
       WHERE gr.grain = 'm' OR e.daily
    ),
    c AS (
      INSERT INTO stats_counts AS t (unit_id, grain, day, dim, value, ${columns})
      SELECT g.unit_id, g.grain, g.gday, dm.dim,
             CASE dm.dim WHEN 'k' THEN g.kind WHEN 'c' THEN g.channel ELSE g.category END,
             ${sums}
        FROM g CROSS JOIN ${dims}
       GROUP BY 1, 2, 3, 4, 5
      ON CONFLICT (unit_id, grain, day, dim, value) DO UPDATE SET ${updates}
    ),
    h AS (
      INSERT INTO stats_answer_hist AS t (unit_id, level, parent, grain, day, bucket, n)
      SELECT g.unit_id, lv.level,
             CASE lv.level WHEN 0 THEN 0 WHEN 1 THEN g.answer_minutes / 1440 ELSE g.answer_minutes / 60 END,
             g.grain, g.gday,
             CASE lv.level WHEN 0 THEN g.answer_minutes / 1440 WHEN 1 THEN g.answer_minutes / 60 ELSE g.answer_minutes END,
             sum(g.received)::bigint
        FROM g CROSS JOIN ${levels}
       WHERE g.answer_minutes IS NOT NULL AND g.daily
       GROUP BY 1, 2, 3, 4, 5, 6
      ON CONFLICT (unit_id, level, parent, grain, day, bucket) DO UPDATE SET n = t.n + excluded.n
    )
    SELECT count(*)::int AS folded FROM d`;
}

/** Rows whose counters all came back to zero are dropped (each table has a partial index for it). */
async function dropEmptyRows(trx: Kysely<DB>): Promise<void> {
  await sql`DELETE FROM stats_counts WHERE received = 0`.execute(trx);
  await sql`DELETE FROM stats_answer_hist WHERE n = 0`.execute(trx);
}

/** Only one process folds, moves the watermark or rebuilds at a time. */
async function tryFoldLock(trx: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${foldLock}) AS ok`.execute(trx);
  return rows[0].ok;
}

/**
 * Folds up to `batch` of the oldest deltas into the rollups, in one short transaction; 0 when
 * there were none, or when another process is folding right now (it will take them).
 */
export async function foldStatsDeltas(db: Kysely<DB>, batch = 10_000): Promise<number> {
  return db.transaction().execute(async (trx) => {
    if (!(await tryFoldLock(trx))) return 0;
    const source = sql`DELETE FROM stats_deltas WHERE id IN (SELECT id FROM stats_deltas ORDER BY id LIMIT ${batch}) RETURNING ${factColumns}`;
    const { rows } = await foldFacts(source).execute(trx);
    const folded = rows[0]?.folded ?? 0;
    if (folded > 0) await dropEmptyRows(trx);
    return folded;
  });
}

/** The overdue watermark: open petitions due before it count as overdue in the rollups. null: none yet. */
export async function readWatermark(db: Kysely<DB>): Promise<Date | null> {
  const { rows } = await sql<{ at: Date | null }>`
    SELECT CASE WHEN overdue_before = '-infinity' THEN NULL ELSE overdue_before END AS at FROM stats_watermark`.execute(db);
  return rows[0]?.at ?? null;
}

/**
 * Moves the overdue watermark up to `now`: the open petitions that fell due in between are
 * locked, and a delta turns each one overdue. Locking them keeps a concurrent change of one
 * of them from being counted with the old watermark after this commits: its trigger either
 * ran before (this waits for it) or runs after (and reads the new watermark). Gives up after
 * a short wait rather than hold up the officials' work; the next fold tries again. Answers
 * how many petitions turned overdue, or null when another process holds the fold.
 */
export async function advanceOverdue(db: Kysely<DB>, now: Date): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    if (!(await tryFoldLock(trx))) return null;
    const { rows: mark } = await sql<{ before: Date | null }>`
      SELECT CASE WHEN overdue_before = '-infinity' THEN NULL ELSE overdue_before END AS before
        FROM stats_watermark FOR UPDATE`.execute(trx);
    const before = mark[0]?.before ?? null;
    if (before !== null && before.getTime() >= now.getTime()) return 0;
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    const lower = before === null ? sql`'-infinity'::timestamptz` : sql`${before}::timestamptz`;
    const { rows: locked } = await sql<{ id: number }>`
      SELECT id FROM petitions
       WHERE status IN ${openStatuses} AND due_at >= ${lower} AND due_at < ${now}
       ORDER BY id FOR UPDATE`.execute(trx);
    if (locked.length) {
      // A new statement: it reads the locked rows as they are now.
      const ids = locked.map((r) => r.id);
      await sql`
        INSERT INTO stats_deltas (${factColumns})
        SELECT f.* FROM petitions p CROSS JOIN LATERAL stats_fact_row(p, (-1)::smallint, ${lower}) f WHERE p.id = ANY(${ids}::bigint[])
        UNION ALL
        SELECT f.* FROM petitions p CROSS JOIN LATERAL stats_fact_row(p, (1)::smallint, ${now}::timestamptz) f WHERE p.id = ANY(${ids}::bigint[])`.execute(trx);
    }
    await sql`UPDATE stats_watermark SET overdue_before = ${now}`.execute(trx);
    return locked.length;
  });
}

/**
 * Recomputes every rollup from the petitions themselves (after a bulk load with the trigger
 * disabled, a change of stats_levels or of a unit's time zone). Safe while the server runs:
 * the petitions and deltas are read in one snapshot, and changes committed after it stay as
 * deltas. The watermark moves to `now` first, under a short table lock (no petition changes
 * for that moment), so that the rebuilt rollups need no catching up.
 */
export async function rebuildStats(db: Kysely<DB>, opts: { now?: Date; slice?: number } = {}): Promise<void> {
  const slice = opts.slice ?? rebuildSlice;
  await db.connection().execute(async (conn) => {
    // Taken before the snapshot, so that a fold finishing meanwhile is seen as finished.
    await sql`SELECT pg_advisory_lock(${foldLock})`.execute(conn);
    try {
      await conn.transaction().execute(async (trx) => {
        await sql`LOCK TABLE petitions IN SHARE MODE`.execute(trx);
        const now = opts.now ?? (await sql<{ now: Date }>`SELECT now() AS now`.execute(trx)).rows[0].now;
        await sql`UPDATE stats_watermark SET overdue_before = greatest(overdue_before, ${now}::timestamptz)`.execute(trx);
      });
      await conn
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          // One big aggregation: room for its hash tables saves spilling to disk.
          const { rows } = await sql<{ kb: number }>`SELECT setting::int AS kb FROM pg_settings WHERE name = 'work_mem'`.execute(trx);
          if ((rows[0]?.kb ?? 0) < 262_144) await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
          await sql`DELETE FROM stats_deltas`.execute(trx);
          await sql`TRUNCATE stats_counts, stats_answer_hist`.execute(trx);
          // Slice by slice of petition ids, in the one snapshot: each statement's groups fit in
          // memory instead of spilling to disk (one statement over a million petitions wrote
          // gigabytes of temporary files).
          const { rows: span } = await sql<{ lo: number | null; hi: number | null }>`
            SELECT min(id) AS lo, max(id) AS hi FROM petitions`.execute(trx);
          const { lo, hi } = span[0];
          if (lo === null || hi === null) return;
          for (let from = lo; from <= hi; from += slice) {
            await foldFacts(
              sql`SELECT f.* FROM petitions p
                  CROSS JOIN LATERAL stats_fact_row(p, 1::smallint, (SELECT overdue_before FROM stats_watermark)) f
                  WHERE p.id >= ${from} AND p.id < ${from + slice}`,
            ).execute(trx);
          }
        });
    } finally {
      await sql`SELECT pg_advisory_unlock(${foldLock})`.execute(conn);
    }
  });
}

export async function pendingStatsDeltas(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM stats_deltas`.execute(db);
  return rows[0].n;
}

// ---- reading the rollups ----

function bucketExpr(interval: Interval | undefined, column: string): RawBuilder<string> {
  if (interval === 'month') return sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM')`;
  if (interval === 'day') return sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
  return sql<string>`''`;
}

/** One range scan per part of the period, added together. */
function perPart(parts: PeriodParts, select: (grain: 'd' | 'm', from: Day, to: Day) => RawBuilder<unknown>): RawBuilder<unknown> {
  const pieces: RawBuilder<unknown>[] = [];
  if (parts.months) pieces.push(select('m', parts.months.from, parts.months.to));
  for (const d of parts.days) pieces.push(select('d', d.from, d.to));
  return sql.join(pieces, sql` UNION ALL `);
}

export interface DayRange {
  from: Day;
  to: Day;
}

/** `column` falls in one of the ranges (none: false). */
function inRanges(column: RawBuilder<unknown>, ranges: readonly DayRange[]): RawBuilder<unknown> {
  if (ranges.length === 0) return sql`false`;
  return sql`(${sql.join(
    ranges.map((r) => sql`${column} BETWEEN ${r.from}::date AND ${r.to}::date`),
    sql` OR `,
  )})`;
}

export interface CountRow {
  bucket: string;
  dim: StatsDim;
  value: string;
  received: number;
  accepted: number;
  rejected: number;
  answered: number;
  resolved: number;
  resolved_on_time: number;
  escalated: number;
  transferred: number;
  rated: number;
  satisfied: number;
  acceptable: number;
  unsatisfied: number;
  overdue: number;
}

export async function readCountRows(trx: Kysely<DB>, unitId: number, parts: PeriodParts, interval?: Interval): Promise<CountRow[]> {
  if (!parts.months && parts.days.length === 0) return [];
  const columns = sql.raw(counterColumns.join(', '));
  const sums = sql.raw(counterColumns.map((c) => `sum(${c})::bigint AS ${c}`).join(', '));
  const inner = perPart(
    parts,
    (grain, from, to) => sql`
      SELECT ${bucketExpr(interval, 'day')} AS bucket, dim, value, ${columns}
        FROM stats_counts
       WHERE unit_id = ${unitId} AND grain = ${grain} AND day BETWEEN ${from}::date AND ${to}::date`,
  );
  const { rows } = await sql<CountRow>`SELECT bucket, dim, value, ${sums} FROM (${inner}) r GROUP BY bucket, dim, value`.execute(trx);
  return rows;
}

/** The local day a petition was submitted on: as stats_fact_row computes it. */
const localDay = sql`(p.submitted_at AT TIME ZONE ou.time_zone)::date`;

/** UTC bounds that hold every local day from..to in any time zone (UTC−12 … UTC+14). */
function coarseBounds(from: Day, to: Day): { lo: Date; hi: Date } {
  return {
    lo: new Date(Date.parse(`${from}T00:00:00Z`) - 14 * 3_600_000),
    hi: new Date(Date.parse(`${addDays(to, 1)}T00:00:00Z`) + 12 * 3_600_000),
  };
}

function submittedIn(ranges: readonly DayRange[]): RawBuilder<unknown> {
  return sql`(${sql.join(
    ranges.map((r) => {
      const { lo, hi } = coarseBounds(r.from, r.to);
      return sql`(p.submitted_at >= ${lo} AND p.submitted_at < ${hi})`;
    }),
    sql` OR `,
  )})`;
}

export interface ResidualRow {
  bucket: string;
  kind: string;
  channel: string;
  category: string | null;
  n: number;
}

/**
 * Open petitions of the scope, submitted on the given days, due in [lo, hi) (lo null: any
 * time before hi): the petitions that fell due since the watermark. Read through
 * petitions_open_due.
 */
export async function readOpenDueBetween(
  trx: Kysely<DB>,
  q: StatsQuery,
  ranges: readonly DayRange[],
  lo: Date | null,
  hi: Date,
): Promise<ResidualRow[]> {
  if (ranges.length === 0) return [];
  const { rows } = await sql<ResidualRow>`
    SELECT ${bucketExpr(q.interval, 'local_day')} AS bucket, kind, channel, category, count(*)::int AS n
      FROM (SELECT p.kind, p.channel, p.category, ${localDay} AS local_day
              FROM petitions p JOIN units ou ON ou.id = p.origin_unit_id
             WHERE p.status IN ${openStatuses}
               AND ${lo === null ? sql`true` : sql`p.due_at >= ${lo}`} AND p.due_at < ${hi}
               AND p.origin_unit_path LIKE ${`${q.scope.unitPath}%`}) x
     WHERE ${inRanges(sql.ref('local_day'), ranges)}
     GROUP BY 1, 2, 3, 4`.execute(trx);
  return rows;
}

export type DeltaRow = Omit<StatsDeltasTable, 'id'> & { id: number };

/** The deltas not folded yet that belong to the scope and the given days. */
export async function readDeltas(trx: Kysely<DB>, q: StatsQuery, ranges: readonly DayRange[]): Promise<DeltaRow[]> {
  if (ranges.length === 0) return [];
  const { rows } = await sql<DeltaRow>`
    SELECT * FROM stats_deltas
     WHERE origin_unit_path LIKE ${`${q.scope.unitPath}%`} AND ${inRanges(sql.ref('day'), ranges)}`.execute(trx);
  return rows;
}

/** A level of the answer-time histogram over the period: bucket → petitions, in bucket order. */
export async function readHistogram(
  trx: Kysely<DB>,
  unitId: number,
  parts: PeriodParts,
  level: number,
  parent: number,
): Promise<Array<{ bucket: number; n: number }>> {
  if (!parts.months && parts.days.length === 0) return [];
  const inner = perPart(
    parts,
    (grain, from, to) => sql`
      SELECT bucket, n FROM stats_answer_hist
       WHERE unit_id = ${unitId} AND level = ${level} AND parent = ${parent}
         AND grain = ${grain} AND day BETWEEN ${from}::date AND ${to}::date`,
  );
  const { rows } = await sql<{ bucket: number; n: number }>`
    SELECT bucket, sum(n)::bigint AS n FROM (${inner}) r GROUP BY bucket ORDER BY bucket`.execute(trx);
  return rows;
}

// ---- the petitions themselves, for the days no rollup holds ----

interface GroupedRow {
  gk: number;
  gc: number;
  bucket: string;
  kind: string;
  channel: string;
  cat: string;
  received: number;
  accepted: number;
  rejected: number;
  answered: number;
  resolved: number;
  resolved_on_time: number;
  escalated: number;
  transferred: number;
  rated: number;
  satisfied: number;
  acceptable: number;
  unsatisfied: number;
  overdue: number;
}

/** The petitions of the scope submitted on these local days, with the columns the figures read. */
function scopedPetitions(q: StatsQuery, ranges: readonly DayRange[]): RawBuilder<unknown> {
  return sql`
    SELECT * FROM (
      SELECT p.kind, p.channel, coalesce(p.category, '') AS cat, p.status, p.due_at, p.accepted_at, p.rejected_at,
             p.answered_at, p.submitted_at, p.resolved, p.resolved_on_time, p.escalated_to_path, p.transfer_count,
             p.rating, ${localDay} AS local_day
        FROM petitions p JOIN units ou ON ou.id = p.origin_unit_id
       WHERE p.origin_unit_path LIKE ${`${q.scope.unitPath}%`} AND ${submittedIn(ranges)}) s
     WHERE ${inRanges(sql.ref('s.local_day'), ranges)}`;
}

/** Every counter, grouped by bucket and each dimension, straight from the petitions. */
async function groupedFromPetitions(trx: Kysely<DB>, q: StatsQuery, ranges: readonly DayRange[]): Promise<GroupedRow[]> {
  const prefix = `${q.scope.unitPath}%`;
  const { rows } = await sql<GroupedRow>`
    SELECT GROUPING(kind) AS gk, GROUPING(channel) AS gc, bucket, kind, channel, cat,
           count(*)::bigint AS received,
           count(*) FILTER (WHERE accepted_at IS NOT NULL)::bigint AS accepted,
           count(*) FILTER (WHERE rejected_at IS NOT NULL)::bigint AS rejected,
           count(*) FILTER (WHERE answered_at IS NOT NULL)::bigint AS answered,
           count(*) FILTER (WHERE resolved)::bigint AS resolved,
           count(*) FILTER (WHERE resolved AND resolved_on_time)::bigint AS resolved_on_time,
           count(*) FILTER (WHERE escalated_to_path IS NOT NULL AND escalated_to_path NOT LIKE ${prefix})::bigint AS escalated,
           count(*) FILTER (WHERE transfer_count > 0)::bigint AS transferred,
           count(*) FILTER (WHERE rating IS NOT NULL)::bigint AS rated,
           count(*) FILTER (WHERE rating = 'satisfied')::bigint AS satisfied,
           count(*) FILTER (WHERE rating = 'acceptable')::bigint AS acceptable,
           count(*) FILTER (WHERE rating = 'unsatisfied')::bigint AS unsatisfied,
           count(*) FILTER (WHERE status IN ${openStatuses} AND due_at < ${q.now})::bigint AS overdue
      FROM (SELECT s.*, ${bucketExpr(q.interval, 'local_day')} AS bucket FROM (${scopedPetitions(q, ranges)}) s) x
     GROUP BY GROUPING SETS ((bucket, kind), (bucket, channel), (bucket, cat))`.execute(trx);
  return rows;
}

function addGrouped(builder: FiguresBuilder, rows: GroupedRow[]): void {
  for (const r of rows) {
    const dim: StatsDim = r.gk === 0 ? 'k' : r.gc === 0 ? 'c' : 'g';
    const value = dim === 'k' ? r.kind : dim === 'c' ? r.channel : r.cat;
    builder.add(r.bucket, dim, value, {
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
}

/** The days of a period that no rollup of the unit holds, counted from the petitions. */
export async function addFromPetitions(trx: Kysely<DB>, builder: FiguresBuilder, q: StatsQuery, ranges: readonly DayRange[]): Promise<void> {
  if (ranges.length === 0) return;
  addGrouped(builder, await groupedFromPetitions(trx, q, ranges));
}

/** Minutes to the first answer of the scope's petitions submitted on these days: minute → how many. */
export async function minutesFromPetitions(trx: Kysely<DB>, q: StatsQuery, ranges: readonly DayRange[]): Promise<Array<[number, number]>> {
  if (ranges.length === 0) return [];
  const { rows } = await sql<{ minutes: number; n: number }>`
    SELECT greatest(0, floor(extract(epoch FROM answered_at - submitted_at) / 60))::int AS minutes, count(*)::int AS n
      FROM (${scopedPetitions(q, ranges)}) s
     WHERE answered_at IS NOT NULL
     GROUP BY 1`.execute(trx);
  return rows.map((r) => [r.minutes, r.n]);
}

// ---- the naive reference: GROUP BY over the petitions ----

/**
 * The figures computed straight from the petitions, with no rollup: the reference the fast
 * path is tested against (and benchmarked against). Same definitions, independent SQL.
 */
export async function naiveStats(db: Kysely<DB>, q: StatsQuery): Promise<StatsFigures> {
  const { lo, hi } = coarseBounds(q.from, q.to);
  const prefix = `${q.scope.unitPath}%`;
  const scoped = sql`
    SELECT p.kind, p.channel, coalesce(p.category, '') AS cat, p.status, p.due_at, p.accepted_at, p.rejected_at,
           p.answered_at, p.submitted_at, p.resolved, p.resolved_on_time, p.escalated_to_path, p.transfer_count,
           p.rating, ${localDay} AS local_day
      FROM petitions p JOIN units ou ON ou.id = p.origin_unit_id
     WHERE p.origin_unit_path LIKE ${prefix} AND p.submitted_at >= ${lo} AND p.submitted_at < ${hi}`;
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const { rows } = await sql<GroupedRow>`
        SELECT GROUPING(kind) AS gk, GROUPING(channel) AS gc, bucket, kind, channel, cat,
               count(*)::bigint AS received,
               count(*) FILTER (WHERE accepted_at IS NOT NULL)::bigint AS accepted,
               count(*) FILTER (WHERE rejected_at IS NOT NULL)::bigint AS rejected,
               count(*) FILTER (WHERE answered_at IS NOT NULL)::bigint AS answered,
               count(*) FILTER (WHERE resolved)::bigint AS resolved,
               count(*) FILTER (WHERE resolved AND resolved_on_time)::bigint AS resolved_on_time,
               count(*) FILTER (WHERE escalated_to_path IS NOT NULL AND escalated_to_path NOT LIKE ${prefix})::bigint AS escalated,
               count(*) FILTER (WHERE transfer_count > 0)::bigint AS transferred,
               count(*) FILTER (WHERE rating IS NOT NULL)::bigint AS rated,
               count(*) FILTER (WHERE rating = 'satisfied')::bigint AS satisfied,
               count(*) FILTER (WHERE rating = 'acceptable')::bigint AS acceptable,
               count(*) FILTER (WHERE rating = 'unsatisfied')::bigint AS unsatisfied,
               count(*) FILTER (WHERE status IN ${openStatuses} AND due_at < ${q.now})::bigint AS overdue
          FROM (SELECT s.*, ${bucketExpr(q.interval, 'local_day')} AS bucket FROM (${scoped}) s
                 WHERE s.local_day BETWEEN ${q.from}::date AND ${q.to}::date) x
         GROUP BY GROUPING SETS ((bucket, kind), (bucket, channel), (bucket, cat))`.execute(trx);
      const builder = new FiguresBuilder(q.interval);
      for (const r of rows) {
        const dim: StatsDim = r.gk === 0 ? 'k' : r.gc === 0 ? 'c' : 'g';
        const value = dim === 'k' ? r.kind : dim === 'c' ? r.channel : r.cat;
        builder.add(r.bucket, dim, value, {
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
      const { rows: median } = await sql<{ m: number | null }>`
        SELECT percentile_cont(0.5) WITHIN GROUP (
                 ORDER BY greatest(0, floor(extract(epoch FROM answered_at - submitted_at) / 60))) AS m
          FROM (${scoped}) s
         WHERE s.answered_at IS NOT NULL AND s.local_day BETWEEN ${q.from}::date AND ${q.to}::date`.execute(trx);
      return builder.build(q, median[0]?.m ?? null);
    });
}
