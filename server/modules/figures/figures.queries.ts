/**
 * Every SQL statement of the public figures: folding deltas into the rollups, reading the
 * rollups, and the naive reference query over the petitions themselves.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../schema.ts';
import type { Day } from '../../platform/calendar.ts';
import { addDays } from '../../platform/calendar.ts';
import { executePrepared, literalList, underPath, type Database } from '../../platform/db.ts';
import { openStatuses } from '../../contract/domain.ts';
import { resolveUnit } from '../units/index.ts';
import type { DayRange, Interval, PeriodParts } from './figures.periods.ts';
import { counters, FiguresBuilder, type PeriodFigures } from './figures.numbers.ts';
import type { FigureDim } from './figures.tables.ts';

/** Whose figures: a unit and its subtree, or the whole deployment (id 0, path '/'). */
export interface FiguresScope {
  unitId: number;
  unitPath: string;
}

export interface FiguresQuery {
  scope: FiguresScope;
  from: Day;
  to: Day;
  /** "Overdue" is counted as of this time. */
  now: Date;
  interval?: Interval;
}

/** The statuses in which a petition's due time is watched: the predicate of petitions_open_due. */
const openStatusList = literalList(openStatuses);

/** Petitions per statement of a rebuild. */
const rebuildSlice = 100_000;

/** Serialises folds and rebuilds across processes. */
const foldLock = 7261150;

export interface FiguresUnit {
  id: number;
  code: string;
  name: string;
  path: string;
  time_zone: string;
  /** The rollups its level keeps (figures_levels): day and month rows, month rows, or none. */
  grains: 'dm' | 'm' | null;
  /** Whether its level keeps an answer-time histogram (figures_levels.histogram). */
  histogram: boolean;
}

/** The unit a code means at `now` (resolveUnit), with the rollups its level keeps. */
export async function findFiguresUnit(db: Kysely<DB>, code: string, now: Date): Promise<FiguresUnit | undefined> {
  const unit = await resolveUnit(db, code, now);
  if (!unit) return undefined;
  const level = await db.selectFrom('figures_levels').select(['grains', 'histogram']).where('level', '=', unit.level).executeTakeFirst();
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    path: unit.path,
    time_zone: unit.timeZone,
    grains: level?.grains ?? null,
    histogram: level?.histogram ?? false,
  };
}

// ---- keeping the rollups ----

const grains = sql.raw(`(VALUES ('d'::"char"), ('m'::"char")) AS gr(grain)`);
const levels = sql.raw(`(VALUES (0::smallint), (1::smallint), (2::smallint)) AS lv(level)`);
/** The counters as columns of figures_counts (resolvedOnTime: resolved_on_time), in the order of `counters`. */
const counterColumns = counters.map((c) => c.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`));
const factColumns = sql.raw(
  'sign, origin_unit_path, day, kind, channel, category, accepted, rejected, answer_minutes, resolved, resolved_on_time, escalated_to_path, transferred, rating, overdue',
);

/** The three dimensions a row of counters is kept under: every fact row counts in each. */
const dims = sql.raw(`(VALUES ('k'::"char"), ('c'::"char"), ('g'::"char")) AS dm(dim)`);

/** The value of `alias`'s facts in the dimension dm.dim ('' for no category). */
function dimValue(alias: string): RawBuilder<string> {
  return sql.raw(`CASE dm.dim WHEN 'k' THEN ${alias}.kind WHEN 'c' THEN ${alias}.channel ELSE coalesce(${alias}.category, '') END`);
}

/**
 * What a fact row (its `sign`, ±1) adds to each counter, in the order of `counters`, for the
 * unit whose subtree is `unitPath`: only an escalation beyond that subtree is "escalated".
 */
function factCounters(alias: string, unitPath: RawBuilder<unknown>): RawBuilder<unknown> {
  const f = (expr: string) => sql.raw(expr.replaceAll('$', alias));
  const when = (cond: string) => f(`(CASE WHEN ${cond} THEN $.sign ELSE 0 END)::bigint`);
  return sql`${f('$.sign::bigint')} AS received,
    ${when('$.accepted')} AS accepted,
    ${when('$.rejected')} AS rejected,
    ${when('$.answer_minutes IS NOT NULL')} AS answered,
    ${when('$.resolved')} AS resolved,
    ${when('$.resolved_on_time')} AS resolved_on_time,
    (CASE WHEN ${f('$.escalated_to_path')} IS NOT NULL AND left(${f('$.escalated_to_path')}, length(${unitPath})) <> ${unitPath}
          THEN ${f('$.sign')} ELSE 0 END)::bigint AS escalated,
    ${when('$.transferred')} AS transferred,
    ${when('$.rating IS NOT NULL')} AS rated,
    ${when(`$.rating = 'satisfied'`)} AS satisfied,
    ${when(`$.rating = 'acceptable'`)} AS acceptable,
    ${when(`$.rating = 'unsatisfied'`)} AS unsatisfied,
    ${when('$.overdue')} AS overdue`;
}

/**
 * Adds fact rows (the columns of figures_deltas, `sign` ±1) to the rollups of the deployment and
 * of every unit on their origin path whose level keeps rollups (figures_levels), in one
 * statement: counters at the level's grains, and the answer-time histogram at the same grains
 * for levels that keep one. Answers how many fact rows there were.
 */
function foldFacts(source: RawBuilder<unknown>): RawBuilder<{ folded: number }> {
  const sums = sql.raw(counterColumns.map((c) => `sum(g.${c})::bigint`).join(', '));
  const updates = sql.raw(counterColumns.map((c) => `${c} = t.${c} + excluded.${c}`).join(', '));
  const columns = sql.raw(counterColumns.join(', '));
  return sql<{ folded: number }>`
    WITH d AS (${source}),
    a AS (
      SELECT d.*, 0::bigint AS unit_id, '/'::text AS unit_path, true AS daily, true AS histogram FROM d
      UNION ALL
      SELECT d.*, un.id, '/' || array_to_string(x.ids[1:u.k], '/') || '/', l.grains = 'dm', l.histogram
        FROM d
        CROSS JOIN LATERAL (SELECT string_to_array(btrim(d.origin_unit_path, '/'), '/') AS ids) x
        CROSS JOIN LATERAL unnest(x.ids) WITH ORDINALITY AS u(id, k)
        JOIN units un ON un.id = u.id::bigint
        JOIN figures_levels l ON l.level = un.level
    ),
    e AS (
      SELECT a.unit_id, a.daily, a.histogram, a.day, a.kind, a.channel, a.category, a.answer_minutes, ${factCounters('a', sql.ref('a.unit_path'))}
        FROM a
    ),
    g AS (
      SELECT e.*, gr.grain, CASE gr.grain WHEN 'm' THEN date_trunc('month', e.day)::date ELSE e.day END AS gday
        FROM e CROSS JOIN ${grains}
       WHERE gr.grain = 'm' OR e.daily
    ),
    c AS (
      INSERT INTO figures_counts AS t (unit_id, grain, day, dim, value, ${columns})
      SELECT g.unit_id, g.grain, g.gday, dm.dim,
             ${dimValue('g')},
             ${sums}
        FROM g CROSS JOIN ${dims}
       GROUP BY 1, 2, 3, 4, 5
      ON CONFLICT (unit_id, grain, day, dim, value) DO UPDATE SET ${updates}
    ),
    h AS (
      INSERT INTO figures_answer_hist AS t (unit_id, level, parent, grain, day, bucket, n)
      SELECT g.unit_id, lv.level,
             CASE lv.level WHEN 0 THEN 0 WHEN 1 THEN g.answer_minutes / 1440 ELSE g.answer_minutes / 60 END,
             g.grain, g.gday,
             CASE lv.level WHEN 0 THEN g.answer_minutes / 1440 WHEN 1 THEN g.answer_minutes / 60 ELSE g.answer_minutes END,
             sum(g.received)::bigint
        FROM g CROSS JOIN ${levels}
       WHERE g.answer_minutes IS NOT NULL AND g.histogram
       GROUP BY 1, 2, 3, 4, 5, 6
      ON CONFLICT (unit_id, level, parent, grain, day, bucket) DO UPDATE SET n = t.n + excluded.n
    )
    SELECT count(*)::int AS folded FROM d`;
}

/** Rows whose counters all came back to zero are dropped (each table has a partial index for it). */
async function dropEmptyRows(trx: Kysely<DB>): Promise<void> {
  await sql`DELETE FROM figures_counts WHERE received = 0`.execute(trx);
  await sql`DELETE FROM figures_answer_hist WHERE n = 0`.execute(trx);
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
export async function foldFigureDeltas(db: Kysely<DB>, batch = 10_000): Promise<number> {
  return db.transaction().execute(async (trx) => {
    if (!(await tryFoldLock(trx))) return 0;
    const source = sql`DELETE FROM figures_deltas WHERE id IN (SELECT id FROM figures_deltas ORDER BY id LIMIT ${batch}) RETURNING ${factColumns}`;
    const { rows } = await foldFacts(source).execute(trx);
    const folded = rows[0]?.folded ?? 0;
    if (folded > 0) await dropEmptyRows(trx);
    return folded;
  });
}

/**
 * What the worker does every few seconds: moves the overdue watermark up to `now`, then folds
 * the deltas batch after batch, each its own short transaction (PGlite has one connection), at
 * most `batches` of them. Answers the deltas folded.
 */
export async function catchUpFigures(db: Kysely<DB>, now: Date, batches = 100, batch = 10_000): Promise<number> {
  await advanceOverdue(db, now);
  let folded = 0;
  for (let i = 0; i < batches; i++) {
    const n = await foldFigureDeltas(db, batch);
    folded += n;
    if (n < batch) break;
  }
  return folded;
}

/** The overdue watermark: open petitions due before it count as overdue in the rollups. null: none yet. */
export async function readWatermark(db: Kysely<DB>): Promise<Date | null> {
  const { rows } = await sql<{ at: Date | null }>`
    SELECT CASE WHEN overdue_before = '-infinity' THEN NULL ELSE overdue_before END AS at FROM figures_watermark`.execute(db);
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
        FROM figures_watermark FOR UPDATE`.execute(trx);
    const before = mark[0]?.before ?? null;
    if (before !== null && before.getTime() >= now.getTime()) return 0;
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    const lower = before === null ? sql`'-infinity'::timestamptz` : sql`${before}::timestamptz`;
    const { rows: locked } = await sql<{ id: number }>`
      SELECT id FROM petitions
       WHERE status IN ${openStatusList} AND due_at >= ${lower} AND due_at < ${now}
       ORDER BY id FOR UPDATE`.execute(trx);
    if (locked.length) {
      // A new statement: it reads the locked rows as they are now.
      const ids = locked.map((r) => r.id);
      await sql`
        INSERT INTO figures_deltas (${factColumns})
        SELECT f.* FROM petitions p CROSS JOIN LATERAL figures_fact_row(p, (-1)::smallint, ${lower}) f WHERE p.id = ANY(${ids}::bigint[])
        UNION ALL
        SELECT f.* FROM petitions p CROSS JOIN LATERAL figures_fact_row(p, (1)::smallint, ${now}::timestamptz) f WHERE p.id = ANY(${ids}::bigint[])`.execute(trx);
    }
    await sql`UPDATE figures_watermark SET overdue_before = ${now}`.execute(trx);
    return locked.length;
  });
}

/**
 * Recomputes every rollup from the petitions themselves (after a bulk load with the trigger
 * disabled, a change of figures_levels or of a unit's time zone). Safe while the server runs:
 * the petitions and deltas are read in one snapshot, and changes committed after it stay as
 * deltas. The watermark moves to `now` first, under a short table lock (no petition changes
 * for that moment), so that the rebuilt rollups need no catching up.
 */
export async function rebuildFigures(db: Kysely<DB>, opts: { now?: Date; slice?: number } = {}): Promise<void> {
  const slice = opts.slice ?? rebuildSlice;
  await db.connection().execute(async (conn) => {
    // Taken before the snapshot, so that a fold finishing meanwhile is seen as finished.
    await sql`SELECT pg_advisory_lock(${foldLock})`.execute(conn);
    try {
      await conn.transaction().execute(async (trx) => {
        await sql`LOCK TABLE petitions IN SHARE MODE`.execute(trx);
        const now = opts.now ?? (await sql<{ now: Date }>`SELECT now() AS now`.execute(trx)).rows[0].now;
        await sql`UPDATE figures_watermark SET overdue_before = greatest(overdue_before, ${now}::timestamptz)`.execute(trx);
      });
      await conn
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          // One big aggregation: room for its hash tables saves spilling to disk.
          const { rows } = await sql<{ kb: number }>`SELECT setting::int AS kb FROM pg_settings WHERE name = 'work_mem'`.execute(trx);
          if ((rows[0]?.kb ?? 0) < 262_144) await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
          await sql`DELETE FROM figures_deltas`.execute(trx);
          await sql`TRUNCATE figures_counts, figures_answer_hist`.execute(trx);
          // Rebuilt, every level's histogram is whole: levels a migration left without one
          // (their medians read from the petitions meanwhile) keep one from now on.
          await sql`UPDATE figures_levels SET histogram = true WHERE NOT histogram`.execute(trx);
          // Slice by slice of petition ids, in the one snapshot: each statement's groups fit in
          // memory instead of spilling to disk (one statement over a million petitions wrote
          // gigabytes of temporary files).
          const { rows: span } = await sql<{ lo: number | null; hi: number | null }>`
            SELECT min(id) AS lo, max(id) AS hi FROM petitions`.execute(trx);
          const { lo, hi } = span[0];
          if (lo === null || hi === null) return;
          // The watermark as a value, not a sub-select: a sub-select among its arguments keeps
          // PostgreSQL from inlining figures_fact_row into the statement (migration 0170).
          // As text, so that '-infinity' (nothing counted overdue yet) comes back as it went.
          const { rows: mark } = await sql<{ at: string }>`SELECT overdue_before::text AS at FROM figures_watermark`.execute(trx);
          for (let from = lo; from <= hi; from += slice) {
            await foldFacts(
              sql`SELECT f.* FROM petitions p
                  CROSS JOIN LATERAL figures_fact_row(p, 1::smallint, ${mark[0].at}::timestamptz) f
                  WHERE p.id >= ${from} AND p.id < ${from + slice}`,
            ).execute(trx);
          }
          // Slices whose petitions were not submitted in id order (a bulk import) update every
          // row many times: the tables end up several times their size, each row on its own
          // page. Written again in key order, a request's range of rows sits on a few pages.
          if (hi - lo < slice) return;
          for (const [table, key] of [
            ['figures_counts', 'unit_id, grain, day, dim, value'],
            ['figures_answer_hist', 'unit_id, level, parent, grain, day, bucket'],
          ] as const) {
            await sql.raw(`CREATE TEMP TABLE ${table}_sorted ON COMMIT DROP AS SELECT * FROM ${table} ORDER BY ${key}`).execute(trx);
            await sql.raw(`TRUNCATE ${table}`).execute(trx);
            await sql.raw(`INSERT INTO ${table} SELECT * FROM ${table}_sorted ORDER BY ${key}`).execute(trx);
          }
        });
    } finally {
      await sql`SELECT pg_advisory_unlock(${foldLock})`.execute(conn);
    }
  });
}

export async function pendingFigureDeltas(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM figures_deltas`.execute(db);
  return rows[0].n;
}

// ---- reading the figures ----

function bucketExpr(interval: Interval | undefined, column: string): RawBuilder<string> {
  if (interval === 'month') return sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM')`;
  if (interval === 'day') return sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
  return sql<string>`''`;
}

const hasParts = (parts: PeriodParts) => parts.months !== null || parts.days.length > 0;

/** One range scan per part of the period, added together (no part: no rows of `empty`'s shape). */
function perPart(
  parts: PeriodParts,
  select: (grain: 'd' | 'm', from: Day, to: Day) => RawBuilder<unknown>,
  empty: RawBuilder<unknown>,
): RawBuilder<unknown> {
  const pieces: RawBuilder<unknown>[] = [];
  if (parts.months) pieces.push(select('m', parts.months.from, parts.months.to));
  for (const d of parts.days) pieces.push(select('d', d.from, d.to));
  return pieces.length ? sql.join(pieces, sql` UNION ALL `) : sql`${empty} WHERE false`;
}

/** `column` falls in one of the ranges (none: false). */
function inRanges(column: RawBuilder<unknown>, ranges: readonly DayRange[]): RawBuilder<unknown> {
  if (ranges.length === 0) return sql`false`;
  return sql`(${sql.join(
    ranges.map((r) => sql`${column} BETWEEN ${r.from}::date AND ${r.to}::date`),
    sql` OR `,
  )})`;
}

/**
 * The category a petition is counted under on the public figures: its own when it is one of
 * figures_categories (the topics the forms offer), 'other' for any other text. The same rule as
 * figures_fact_row (migration 0152), for what is read from the petitions themselves.
 */
function publishedCategory(column: string): RawBuilder<string | null> {
  const c = sql.raw(column);
  return sql<string | null>`CASE WHEN ${c} IS NULL OR ${c} IN (SELECT category FROM figures_categories) THEN ${c} ELSE 'other' END`;
}

/** The local day a petition was submitted on: as figures_fact_row computes it (`ou`, its origin unit). */
const localDay = sql`(p.submitted_at AT TIME ZONE ou.time_zone)::date`;

/**
 * The same, for the few petitions a request reads: its origin unit's time zone is looked up by
 * key. Joined instead, the planner hashes every unit (36,000 in Vietnam) on each request.
 */
const originLocalDay = sql`(p.submitted_at AT TIME ZONE (SELECT ou.time_zone FROM units ou WHERE ou.id = p.origin_unit_id))::date`;

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

/**
 * The petitions of the scope submitted on these local days (read through petitions_origin),
 * with the columns the figures count, `cat`, the category they are published under ('' for
 * none), and `sign`: 1, or −1 for the days of `less` (taken off a month's rollup row).
 */
function scopedPetitions(scope: FiguresScope, ranges: readonly DayRange[], less: readonly DayRange[] = []): RawBuilder<unknown> {
  const all = [...ranges, ...less];
  return sql`
    SELECT s.*, ${less.length ? sql`CASE WHEN ${inRanges(sql.ref('s.local_day'), less)} THEN -1 ELSE 1 END` : sql`1`} AS sign FROM (
      SELECT p.kind, p.channel, coalesce(${publishedCategory('p.category')}, '') AS cat, p.status, p.due_at, p.accepted_at,
             p.rejected_at, p.answered_at, p.submitted_at, p.resolved, p.resolved_on_time, p.escalated_to_path,
             p.transfer_count, p.rating, p.review_stage, p.reviewed_at, p.re_reviewed_at, ${originLocalDay} AS local_day
        FROM petitions p
       WHERE ${underPath(sql.ref('p.origin_unit_path'), scope.unitPath)} AND ${submittedIn(all)}) s
     WHERE ${inRanges(sql.ref('s.local_day'), all)}`;
}

/**
 * Every counter straight from petitions (rows of scopedPetitions, each counted by its sign), per
 * series bucket and dimension: rows (bucket, dim, value, counters in the order of `counters`). The definitions
 * of docs/FIGURES.md, "What each figure counts".
 */
function groupedPetitions(scoped: RawBuilder<unknown>, q: FiguresQuery): RawBuilder<unknown> {
  const prefix = `${q.scope.unitPath}%`;
  const signed = (cond: string | RawBuilder<unknown>) => sql`coalesce(sum(sign) FILTER (WHERE ${typeof cond === 'string' ? sql.raw(cond) : cond}), 0)::bigint`;
  return sql`
    SELECT bucket,
           CASE WHEN GROUPING(kind) = 0 THEN 'k' WHEN GROUPING(channel) = 0 THEN 'c' ELSE 'g' END AS dim,
           CASE WHEN GROUPING(kind) = 0 THEN kind WHEN GROUPING(channel) = 0 THEN channel ELSE cat END AS value,
           sum(sign)::bigint AS received,
           ${signed('accepted_at IS NOT NULL')} AS accepted,
           ${signed('rejected_at IS NOT NULL')} AS rejected,
           ${signed('answered_at IS NOT NULL')} AS answered,
           ${signed('resolved')} AS resolved,
           ${signed('resolved AND resolved_on_time')} AS resolved_on_time,
           ${signed(sql`escalated_to_path IS NOT NULL AND escalated_to_path NOT LIKE ${prefix}`)} AS escalated,
           ${signed('transfer_count > 0')} AS transferred,
           ${signed('rating IS NOT NULL')} AS rated,
           ${signed(`rating = 'satisfied'`)} AS satisfied,
           ${signed(`rating = 'acceptable'`)} AS acceptable,
           ${signed(`rating = 'unsatisfied'`)} AS unsatisfied,
           ${signed(sql`status IN ${openStatusList} AND due_at < ${q.now}`)} AS overdue
      FROM (SELECT s.*, ${bucketExpr(q.interval, 'local_day')} AS bucket FROM (${scoped}) s) x
     GROUP BY GROUPING SETS ((bucket, kind), (bucket, channel), (bucket, cat))`;
}

/** Whole minutes from submission to the first answer, as figures_fact_row counts them (rows of scopedPetitions). */
const answerMinutes = sql.raw('greatest(0, floor(extract(epoch FROM answered_at - submitted_at) / 60))::int');

/** The exact median of the minutes to the first answer of petitions (rows of scopedPetitions). */
function medianOfPetitions(scoped: RawBuilder<unknown>): RawBuilder<number | null> {
  return sql<number | null>`(
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ${answerMinutes})
      FROM (${scoped}) s
     WHERE answered_at IS NOT NULL)`;
}

/** How a request reads its figures (figures.compute.ts makes it from the rollups the unit keeps). */
export interface ReadPlan {
  /** The unit's rollup rows that hold counters of the period. */
  rolled: PeriodParts;
  /** The submitted days those rows hold: their unfolded deltas and newly overdue petitions are added. */
  rolledDays: DayRange[];
  /** Days no rollup holds, counted from the petitions. */
  fromPetitions: DayRange[];
  /** Days of the rolled months outside the period: their petitions are taken off. */
  lessPetitions: DayRange[];
  /**
   * The median from the unit's answer-time histogram over these parts plus the unfolded deltas
   * of rolledDays plus the answers of fromPetitions less those of lessPetitions (which together
   * must cover the period);
   * null: from the petitions of the period.
   */
  histogram: PeriodParts | null;
}

interface ReadFigures {
  /** [bucket, dim, value, ...counters in the order of `counters`]: to be added up. */
  rows: Array<[string, FigureDim, string, ...number[]]>;
  medianMinutes: number | null;
  /** With a histogram: the answers it holds (the answered count, unless the rollups are broken). */
  histogramAnswers: number | null;
}

/** Where minutes fall at each level of the histogram: its parent and its bucket. */
const histogramPlace = [
  sql.raw('0 AS parent, m / 1440 AS bucket'),
  sql.raw('m / 1440 AS parent, m / 60 AS bucket'),
  sql.raw('m / 60 AS parent, m AS bucket'),
] as const;

/**
 * The median walk down the answer-time histogram, as CTEs after `loose` (unfolded minutes m
 * with a count n): at each level (days, then hours of a day, then minutes of an hour) the
 * rows under the parents chosen so far, and for each of the two middle ranks (k 1 and 2) the
 * bucket it falls in and its rank within that bucket. median_at holds the two minutes.
 */
function histogramWalk(unitId: number, parts: PeriodParts): RawBuilder<unknown> {
  // The rows of a level under the parents chosen so far (the walk's ranks `under`; none: level 0),
  // each parent read with an equality on the primary key.
  const level = (n: 0 | 1 | 2, under: string | null) => {
    const stored = (parent: RawBuilder<unknown>) =>
      perPart(
        parts,
        (grain, from, to) => sql`
          SELECT bucket, n FROM figures_answer_hist
           WHERE unit_id = ${unitId} AND level = ${n} AND parent = ${parent} AND grain = ${grain}
             AND day BETWEEN ${from}::date AND ${to}::date`,
        sql`SELECT 0 AS bucket, 0::bigint AS n`,
      );
    const rows =
      under === null
        ? sql`SELECT 0 AS parent, h.bucket, h.n FROM (${stored(sql`0`)}) h
              UNION ALL SELECT ${histogramPlace[n]}, n FROM loose`
        : sql`SELECT r.parent, h.bucket, h.n FROM (SELECT DISTINCT parent FROM ${sql.raw(under)}) r CROSS JOIN LATERAL (${stored(sql`r.parent`)}) h
              UNION ALL SELECT * FROM (SELECT ${histogramPlace[n]}, n FROM loose) l WHERE parent IN (SELECT parent FROM ${sql.raw(under)})`;
    return sql`SELECT parent, bucket, sum(n)::bigint AS n FROM (${rows}) x GROUP BY parent, bucket HAVING sum(n) > 0`;
  };
  // The bucket where each rank falls among the rows under its parent.
  const step = (ranks: string, rows: string) => sql.raw(`
    SELECT r.k, c.bucket AS parent, (r.rank - (c.cum - c.n))::bigint AS rank
      FROM ${ranks} r CROSS JOIN LATERAL (
        SELECT bucket, n, cum FROM (SELECT bucket, n, sum(n) OVER (ORDER BY bucket) AS cum FROM ${rows} WHERE parent = r.parent) w
         WHERE cum >= r.rank ORDER BY bucket LIMIT 1) c`);
  return sql`
    h0 AS MATERIALIZED (${level(0, null)}),
    answers AS (SELECT coalesce(sum(n), 0)::bigint AS total FROM h0),
    r0 AS (SELECT v.k, 0 AS parent, v.rank FROM answers a CROSS JOIN LATERAL (VALUES (1, (a.total + 1) / 2), (2, a.total / 2 + 1)) v(k, rank) WHERE a.total > 0),
    r1 AS (${step('r0', 'h0')}),
    h1 AS MATERIALIZED (${level(1, 'r1')}),
    r2 AS (${step('r1', 'h1')}),
    h2 AS MATERIALIZED (${level(2, 'r2')}),
    median_at AS (${step('r2', 'h2')})`;
}

/**
 * The figures' rows and median in one statement, so in one snapshot: the unit's rollup rows,
 * plus the deltas not folded yet (a fold is one transaction: a snapshot sees each delta in
 * the rollups or in the table, never both and never neither), plus the open petitions that
 * fell due between the overdue watermark and now (or minus those due between now and the
 * watermark, when this clock is behind it), read through petitions_open_due, plus the days
 * no rollup holds counted from the petitions, less the petitions of a rolled month's days
 * outside the period; and the median, from the histogram or from the petitions.
 */
export async function readFigures(db: Kysely<DB>, q: FiguresQuery, plan: ReadPlan, database?: Database): Promise<ReadFigures> {
  const columns = sql.raw(counterColumns.join(', '));
  const zeros = sql.raw(counterColumns.map((c) => `0::bigint AS ${c}`).join(', '));
  const sums = sql.raw(counterColumns.map((c) => `sum(${c})::bigint AS ${c}`).join(', '));
  const noRows = sql`SELECT ''::text AS bucket, ''::text AS dim, ''::text AS value, ${zeros}`;
  const sources: RawBuilder<unknown>[] = [];
  if (hasParts(plan.rolled)) {
    sources.push(
      perPart(
        plan.rolled,
        (grain, from, to) => sql`
          SELECT ${bucketExpr(q.interval, 'day')} AS bucket, dim::text AS dim, value, ${columns}
            FROM figures_counts
           WHERE unit_id = ${q.scope.unitId} AND grain = ${grain} AND day BETWEEN ${from}::date AND ${to}::date`,
        noRows,
      ),
    );
  }
  if (plan.rolledDays.length) {
    sources.push(sql`
      SELECT ${bucketExpr(q.interval, 'd.day')} AS bucket, dm.dim::text AS dim, ${dimValue('d')} AS value,
             ${factCounters('d', sql`${q.scope.unitPath}::text`)}
        FROM delta d CROSS JOIN ${dims}`);
    sources.push(sql`
      SELECT o.bucket, dm.dim::text AS dim, ${dimValue('o')} AS value, ${sql.raw(counterColumns.map((c) => (c === 'overdue' ? 'o.n AS overdue' : `0::bigint AS ${c}`)).join(', '))}
        FROM due o CROSS JOIN ${dims}`);
  }
  // The petitions of the days no rollup holds (added) and of the days of rolled months outside
  // the period (taken off), read once for their counters and their answer times.
  const readsPetitions = plan.fromPetitions.length > 0 || plan.lessPetitions.length > 0;
  const ends = sql`SELECT * FROM ends`;
  if (readsPetitions) sources.push(groupedPetitions(ends, q));
  if (!sources.length) sources.push(sql`${noRows} WHERE false`);

  const median = plan.histogram
    ? {
        ctes: sql`,
          loose AS (
            SELECT answer_minutes AS m, sign::bigint AS n FROM delta WHERE answer_minutes IS NOT NULL${
              readsPetitions
                ? sql`
            UNION ALL
            SELECT ${answerMinutes}, sign::bigint FROM ends WHERE answered_at IS NOT NULL`
                : sql``
            }),
          ${histogramWalk(q.scope.unitId, plan.histogram)}`,
        minutes: sql`(SELECT CASE WHEN count(*) = 2 THEN avg(parent)::float8 END FROM median_at)`,
        answers: sql`(SELECT total FROM answers)`,
      }
    : { ctes: sql``, minutes: medianOfPetitions(scopedPetitions(q.scope, [{ from: q.from, to: q.to }])), answers: sql`NULL::bigint` };

  const statement = sql<{ rows: ReadFigures['rows']; median_minutes: number | null; histogram_answers: number | null }>`
    WITH ${readsPetitions ? sql`ends AS MATERIALIZED (${scopedPetitions(q.scope, plan.fromPetitions, plan.lessPetitions)}),` : sql``}
    delta AS (
      SELECT * FROM figures_deltas
       WHERE origin_unit_path LIKE ${`${q.scope.unitPath}%`} AND ${inRanges(sql.ref('day'), plan.rolledDays)}
    ),
    due AS (
      SELECT ${bucketExpr(q.interval, 'local_day')} AS bucket, kind, channel, category,
             count(*) * (SELECT CASE WHEN overdue_before <= ${q.now}::timestamptz THEN 1 ELSE -1 END FROM figures_watermark) AS n
        FROM (SELECT p.kind, p.channel, ${publishedCategory('p.category')} AS category, ${originLocalDay} AS local_day
                FROM petitions p
               WHERE p.status IN ${openStatusList}
                 -- bounds the planner takes as parameters of a range scan of petitions_open_due
                 AND p.due_at >= (SELECT least(overdue_before, ${q.now}::timestamptz) FROM figures_watermark)
                 AND p.due_at < (SELECT greatest(overdue_before, ${q.now}::timestamptz) FROM figures_watermark)
                 AND p.origin_unit_path LIKE ${`${q.scope.unitPath}%`}) x
       WHERE ${inRanges(sql.ref('local_day'), plan.rolledDays)}
       GROUP BY 1, 2, 3, 4
    ),
    counted AS (
      SELECT bucket, dim, value, ${sums} FROM (${sql.join(sources, sql` UNION ALL `)}) s GROUP BY bucket, dim, value
    )${median.ctes}
    SELECT (SELECT coalesce(json_agg(json_build_array(bucket, dim, value, ${columns})), '[]'::json) FROM counted) AS rows,
           ${median.minutes} AS median_minutes,
           ${median.answers} AS histogram_answers`;
  // Planning this statement costs the database several milliseconds, more than running it on
  // rollups written in key order (a commune's year: 4.5 ms to plan, 3 to run), so PostgreSQL
  // keeps it prepared, with one plan for every unit and period: its ranges of petitions by unit
  // path are bounds (underPath) and every table is read by its keys whatever the values. Left
  // to choose, PostgreSQL planned it anew on each call over 1e7 petitions, because the one plan
  // guesses more petitions at the ends and falling due than a commune has.
  const rows =
    plan.histogram !== null
      ? await executePrepared<{ rows: ReadFigures['rows']; median_minutes: number | null; histogram_answers: number | null }>(db, database, statement.compile(db), {
          genericPlan: true,
        })
      : (await statement.execute(db)).rows;
  const r = rows[0];
  return { rows: r.rows, medianMinutes: r.median_minutes, histogramAnswers: r.histogram_answers };
}

// ---- the naive reference: GROUP BY over the petitions ----

/**
 * The figures computed straight from the petitions, with no rollup: the reference the fast
 * path is tested against (and benchmarked against). Same definitions, no rollup, delta or
 * watermark: one scan of the scope's petitions of the period.
 */
export async function naiveFigures(db: Kysely<DB>, q: FiguresQuery): Promise<PeriodFigures> {
  const scoped = scopedPetitions(q.scope, [{ from: q.from, to: q.to }]);
  const columns = sql.raw(counterColumns.join(', '));
  const { rows } = await sql<{ rows: ReadFigures['rows']; median: number | null }>`
    WITH scoped AS MATERIALIZED (${scoped})
    SELECT (SELECT coalesce(json_agg(json_build_array(bucket, dim, value, ${columns})), '[]'::json)
              FROM (${groupedPetitions(sql`SELECT * FROM scoped`, q)}) g) AS rows,
           ${medianOfPetitions(sql`SELECT * FROM scoped`)} AS median`.execute(db);
  const builder = new FiguresBuilder(q.interval);
  for (const [bucket, dim, value, ...values] of rows[0].rows) builder.addRow(bucket, dim, value, values);
  return builder.build(q, rows[0].median);
}

// ---- reviews and re-reviews ----

export interface ReviewFigures {
  reviewed: number;
  reReviewed: number;
  inReview: number;
  inReReview: number;
  reviewResolved: number;
  reviewResolvedOnTime: number;
  reReviewResolved: number;
  reReviewResolvedOnTime: number;
  reviewOverdue: number;
  reReviewOverdue: number;
}

/**
 * The figures of reviews and re-reviews over the same population as /api/v1/figures (petitions
 * first submitted to the unit's subtree on a local day of the period), counted straight from
 * the petitions at the moment of the request: exact by construction. Few petitions are ever
 * reviewed, and the scan is the one the naive figures make (docs/FIGURES.md).
 */
export async function reviewFigures(db: Kysely<DB>, q: FiguresQuery): Promise<ReviewFigures> {
  const scoped = scopedPetitions(q.scope, [{ from: q.from, to: q.to }]);
  const open = sql`status IN (${sql.join(openStatuses.map((s) => sql.lit(s)))})`;
  const { rows } = await sql<Record<keyof ReviewFigures, string>>`
    SELECT count(*) FILTER (WHERE reviewed_at IS NOT NULL) AS "reviewed",
           count(*) FILTER (WHERE re_reviewed_at IS NOT NULL) AS "reReviewed",
           count(*) FILTER (WHERE review_stage = 'review' AND ${open}) AS "inReview",
           count(*) FILTER (WHERE review_stage = 're_review' AND ${open}) AS "inReReview",
           count(*) FILTER (WHERE review_stage = 'review' AND resolved) AS "reviewResolved",
           count(*) FILTER (WHERE review_stage = 'review' AND resolved AND resolved_on_time) AS "reviewResolvedOnTime",
           count(*) FILTER (WHERE review_stage = 're_review' AND resolved) AS "reReviewResolved",
           count(*) FILTER (WHERE review_stage = 're_review' AND resolved AND resolved_on_time) AS "reReviewResolvedOnTime",
           count(*) FILTER (WHERE review_stage = 'review' AND ${open} AND due_at < ${q.now}) AS "reviewOverdue",
           count(*) FILTER (WHERE review_stage = 're_review' AND ${open} AND due_at < ${q.now}) AS "reReviewOverdue"
      FROM (${scoped}) s`.execute(db);
  return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)])) as unknown as ReviewFigures;
}

// ---- the units below a unit, side by side; the years a unit has figures for ----

export interface ChildFiguresRow {
  code: string;
  name: string;
  names: Record<string, string | undefined>;
  received: number;
  answered: number;
  resolved: number;
  resolved_on_time: number;
  rated: number;
  satisfied: number;
  acceptable: number;
}

/**
 * The figures of each unit directly below a unit (current at `now`, by code, at most `limit`),
 * each over its own subtree, in one statement: the parent's petitions of the period are read
 * once and grouped by the child their origin path runs through (the same population and
 * definitions as /api/v1/figures).
 */
export async function childFigures(db: Kysely<DB>, parent: FiguresScope, q: { from: Day; to: Day; now: Date; limit: number }): Promise<ChildFiguresRow[]> {
  const ranges = [{ from: q.from, to: q.to }];
  const prefixLength = parent.unitPath.length;
  const { rows } = await sql<ChildFiguresRow>`
    WITH kids AS MATERIALIZED (
      SELECT c.id, c.code, c.name, c.names, c.path FROM units c
       WHERE c.parent_id = ${parent.unitId}
         AND (c.valid_to IS NULL OR c.valid_to > (${q.now}::timestamptz AT TIME ZONE c.time_zone)::date)
       ORDER BY c.code LIMIT ${q.limit}),
    scoped AS (
      SELECT * FROM (
        SELECT left(p.origin_unit_path, ${prefixLength} + strpos(substr(p.origin_unit_path, ${prefixLength + 1}), '/')) AS child_path,
               p.answered_at, p.resolved, p.resolved_on_time, p.rating, ${localDay} AS local_day
          FROM petitions p JOIN units ou ON ou.id = p.origin_unit_id
         WHERE p.origin_unit_path LIKE ${`${parent.unitPath}%`} AND p.origin_unit_path <> ${parent.unitPath} AND ${submittedIn(ranges)}) s
       WHERE ${inRanges(sql.ref('s.local_day'), ranges)})
    SELECT k.code, k.name, k.names,
           count(s.child_path)::int AS received,
           count(*) FILTER (WHERE s.answered_at IS NOT NULL)::int AS answered,
           count(*) FILTER (WHERE s.resolved)::int AS resolved,
           count(*) FILTER (WHERE s.resolved AND s.resolved_on_time)::int AS resolved_on_time,
           count(*) FILTER (WHERE s.rating IS NOT NULL)::int AS rated,
           count(*) FILTER (WHERE s.rating = 'satisfied')::int AS satisfied,
           count(*) FILTER (WHERE s.rating = 'acceptable')::int AS acceptable
      FROM kids k LEFT JOIN scoped s ON s.child_path = k.path
     GROUP BY k.id, k.code, k.name, k.names
     ORDER BY k.code`.execute(db);
  return rows;
}

/**
 * The years (local, newest first) in which petitions were first submitted to a unit or below
 * it: from its month rollups and the deltas not folded yet, or, for a unit whose level keeps no
 * rollups (small by nature), from its petitions.
 */
export async function yearsWithFigures(db: Kysely<DB>, scope: FiguresScope, grains: 'dm' | 'm' | null): Promise<number[]> {
  const { rows } = grains
    ? await sql<{ year: number }>`
        SELECT DISTINCT y.year FROM (
          SELECT date_part('year', day)::int AS year FROM figures_counts WHERE unit_id = ${scope.unitId} AND grain = 'm' AND dim = 'k' AND received > 0
          UNION ALL
          SELECT date_part('year', day)::int FROM figures_deltas WHERE origin_unit_path LIKE ${`${scope.unitPath}%`} AND sign > 0) y
         ORDER BY y.year DESC`.execute(db)
    : await sql<{ year: number }>`
        SELECT DISTINCT date_part('year', ${localDay})::int AS year
          FROM petitions p JOIN units ou ON ou.id = p.origin_unit_id
         WHERE p.origin_unit_path LIKE ${`${scope.unitPath}%`}
         ORDER BY year DESC`.execute(db);
  return rows.map((r) => Number(r.year));
}
