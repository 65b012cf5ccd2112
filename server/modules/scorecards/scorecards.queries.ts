/** Every SQL statement of the scorecards module. */
import { sql, type Kysely } from 'kysely';
import type { DB, LocaleNames } from '../../schema.ts';
import type { ScorecardGrade, ScorecardMeasure } from '../../contract/domain.ts';
import { insertReturningId } from '../../platform/db.ts';

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  names: LocaleNames;
  path: string;
  level: string;
  time_zone: string;
}

const unitColumns = ['u.id', 'u.code', 'u.name', 'u.names', 'u.path', 'u.level', 'u.time_zone'] as const;

export interface OfficialRow {
  id: number;
  name: string;
  position: string | null;
  home: UnitRow | null;
}

/** An official with the unit of their highest grant (their home unit); undefined for any other account. */
export async function findOfficial(db: Kysely<DB>, id: number): Promise<OfficialRow | undefined> {
  const a = await db.selectFrom('accounts').select(['id', 'name', 'position']).where('id', '=', id).where('kind', '=', 'official').executeTakeFirst();
  if (!a) return undefined;
  const home = await db
    .selectFrom('grants as g')
    .innerJoin('units as u', 'u.id', 'g.unit_id')
    .select(unitColumns)
    .where('g.account_id', '=', id)
    .orderBy('u.depth')
    .orderBy('u.id')
    .executeTakeFirst();
  return { id: Number(a.id), name: a.name, position: a.position, home: home ? { ...home, id: Number(home.id) } : null };
}

/** Officials whose home unit lies in a subtree, by name, each with that unit. */
export async function officialsUnder(db: Kysely<DB>, path: string): Promise<(OfficialRow & { home: UnitRow })[]> {
  const rows = await sql<{ id: string; name: string; position: string | null } & { [K in keyof UnitRow as `home_${K}`]: UnitRow[K] }>`
    SELECT a.id, a.name, a.position, home.id AS home_id, home.code AS home_code, home.name AS home_name, home.names AS home_names,
           home.path AS home_path, home.level AS home_level, home.time_zone AS home_time_zone
      FROM accounts a
      JOIN LATERAL (SELECT u.id, u.code, u.name, u.names, u.path, u.level, u.time_zone FROM grants g JOIN units u ON u.id = g.unit_id
                     WHERE g.account_id = a.id ORDER BY u.depth, u.id LIMIT 1) home ON true
     WHERE a.kind = 'official' AND a.disabled_at IS NULL AND home.path LIKE ${path} || '%'
     ORDER BY a.name, a.id`.execute(db);
  return rows.rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    position: r.position,
    home: { id: Number(r.home_id), code: r.home_code, name: r.home_name, names: r.home_names, path: r.home_path, level: r.home_level, time_zone: r.home_time_zone },
  }));
}

/**
 * The units that exist today in the subtrees under `prefixes` (the caller's grants), highest
 * first, then by name; with a search, those whose name (any language, without diacritics) holds
 * the folded `key` or whose code is `code`. One row more than `limit` tells the caller there are more.
 */
export async function unitsUnder(db: Kysely<DB>, prefixes: string[], search: { key: string; code: string } | null, limit: number): Promise<(UnitRow & { depth: number })[]> {
  if (!prefixes.length) return [];
  let q = db
    .selectFrom('units as u')
    .select([...unitColumns, 'u.depth'])
    .where('u.valid_to', 'is', null)
    .where((eb) => eb.or(prefixes.map((p) => eb('u.path', 'like', `${p}%`))));
  // The folded key holds only letters, digits and spaces, so it is safe inside LIKE; a query
  // with nothing to fold (punctuation only) can still be a code.
  if (search) q = q.where((eb) => eb.or([...(search.key ? [eb('u.search_key', 'like', `%${search.key}%`)] : []), eb('u.code', '=', search.code)]));
  const rows = await q.orderBy('u.depth').orderBy('u.name').orderBy('u.code').limit(limit + 1).execute();
  return rows.map((u) => ({ ...u, id: Number(u.id), depth: Number(u.depth) }));
}

/** The units directly below a unit that exist today. */
export async function childUnits(db: Kysely<DB>, parentId: number): Promise<UnitRow[]> {
  const rows = await db.selectFrom('units as u').select(unitColumns).where('u.parent_id', '=', parentId).where('u.valid_to', 'is', null).orderBy('u.code').execute();
  return rows.map((u) => ({ ...u, id: Number(u.id) }));
}

// ---- frameworks ----

export interface FrameworkRow {
  id: number;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_depth: number;
  position: string | null;
  excellent_from: string;
  good_from: string;
  completed_from: string;
  updated_at: Date;
  criteria: { measure: ScorecardMeasure; weight: string; worst: string; best: string }[];
}

/** The ids in a unit path '/1/5/9/', root first. */
const pathIds = (path: string) => path.split('/').filter(Boolean).map(Number);

/** The frameworks of a unit and of every unit above it, with their criteria in order (nearest unit first). */
export async function frameworksAbove(db: Kysely<DB>, path: string): Promise<FrameworkRow[]> {
  return frameworksOnPaths(db, [path]);
}

/** The frameworks of every unit on any of the paths, nearest (deepest) unit first: frameworksOn picks one path's. */
export async function frameworksOnPaths(db: Kysely<DB>, paths: readonly string[]): Promise<FrameworkRow[]> {
  const ids = [...new Set(paths.flatMap(pathIds))];
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('scorecard_frameworks as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .select(['f.id', 'f.unit_id', 'u.code as unit_code', 'u.name as unit_name', 'u.depth as unit_depth', 'f.position', 'f.excellent_from', 'f.good_from', 'f.completed_from', 'f.updated_at'])
    .where('f.unit_id', 'in', ids)
    .orderBy('u.depth', 'desc')
    .orderBy('f.position')
    .execute();
  if (!rows.length) return [];
  const criteria = await db
    .selectFrom('scorecard_criteria')
    .selectAll()
    .where('framework_id', 'in', rows.map((r) => r.id))
    .orderBy('framework_id')
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    unit_id: Number(r.unit_id),
    criteria: criteria
      .filter((c) => Number(c.framework_id) === Number(r.id))
      .map((c) => ({ measure: c.measure as ScorecardMeasure, weight: c.weight, worst: c.worst, best: c.best })),
  }));
}

/** Of frameworks read for several paths, those of the units on one path, in the same order. */
export function frameworksOn(frameworks: FrameworkRow[], path: string): FrameworkRow[] {
  const ids = new Set(pathIds(path));
  return frameworks.filter((f) => ids.has(f.unit_id));
}

export async function findFrameworkId(db: Kysely<DB>, unitId: number, position: string | null): Promise<number | undefined> {
  const row = await db
    .selectFrom('scorecard_frameworks')
    .select('id')
    .where('unit_id', '=', unitId)
    .where(sql<boolean>`coalesce(position, '') = ${position ?? ''}`)
    .forUpdate()
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

export async function writeFramework(
  db: Kysely<DB>,
  input: {
    id?: number;
    unitId: number;
    position: string | null;
    thresholds: { excellent: number; good: number; completed: number };
    criteria: { measure: ScorecardMeasure; weight: number; worst: number; best: number }[];
    by: number | null;
    at: Date;
  },
): Promise<number> {
  const values = {
    excellent_from: String(input.thresholds.excellent),
    good_from: String(input.thresholds.good),
    completed_from: String(input.thresholds.completed),
    updated_by: input.by,
    updated_at: input.at,
  };
  let id = input.id;
  if (id === undefined) {
    const row = await db.insertInto('scorecard_frameworks').values({ unit_id: input.unitId, position: input.position, ...values }).returning('id').executeTakeFirstOrThrow();
    id = Number(row.id);
  } else {
    await db.updateTable('scorecard_frameworks').set(values).where('id', '=', id).execute();
    await db.deleteFrom('scorecard_criteria').where('framework_id', '=', id).execute();
  }
  const fid = id;
  await db
    .insertInto('scorecard_criteria')
    .values(input.criteria.map((c, i) => ({ framework_id: fid, measure: c.measure, weight: String(c.weight), worst: String(c.worst), best: String(c.best), position: i })))
    .execute();
  return fid;
}

// ---- the record behind the measures ----

/** Whose record: some officials' (as handler, rated, reported, inspected) or a unit subtree's. */
export type Subjects = { officials: number[] } | { unitPath: string };

export interface Record_ {
  answered: { id: number; tracking_code: string; answered_at: Date; due_at: Date; reopen_count: number; channel: string; on_time: boolean; reopened: boolean; online: boolean }[];
  overdue: { id: number; tracking_code: string; due_at: Date; answered_at: Date | null }[];
  answerRatings: { id: number; petition_id: number; tracking_code: string; score: string; created_at: Date }[];
  serviceRatings: { id: number; source: string; score: number; procedure: string | null; created_at: Date }[];
  upheld: { petition_id: number; tracking_code: string; recorded_at: Date; norm_ids: number[] }[];
  inspections: { id: number; found_on: string; text: string; entered_by_name: string }[];
}

/** What the measures count of a record; a record's rows give the same numbers (tallyOfRecord). */
export interface Tally {
  answered: number;
  onTime: number;
  reopened: number;
  online: number;
  overdue: number;
  /** ratings of answers by their word, of service by their face (1–5) */
  answerRatings: Map<string, number>;
  serviceRatings: Map<number, number>;
  upheld: number;
  inspections: number;
}

const emptyRecord = (): Record_ => ({ answered: [], overdue: [], answerRatings: [], serviceRatings: [], upheld: [], inspections: [] });
const emptyTally = (): Tally => ({ answered: 0, onTime: 0, reopened: 0, online: 0, overdue: 0, answerRatings: new Map(), serviceRatings: new Map(), upheld: 0, inspections: 0 });

/** The key of a unit subtree's record in what recordsOf and talliesOf answer. */
export const unitRecord = 0;

/** What an answered petition counts towards, each written once for the rows and the counts. */
const answeredOnTime = sql<boolean>`p.answered_at <= p.due_at`;
const answeredReopened = sql<boolean>`p.reopen_count > 0`;
const answeredOnline = (online: readonly string[]) => sql<boolean>`p.channel = ANY (${[...online]}::text[])`;

/**
 * Where each part of a record comes from, for [from, to): petitions first answered in the period;
 * petitions whose due time fell in the period (before `now`) and were not answered by it;
 * residents' ratings of answers and of service; upheld conduct findings; inspection findings.
 * `whose` is the official the row belongs to (or `unitRecord` for a subtree).
 */
function recordSources(s: Subjects, w: RecordWindow) {
  const ids = 'officials' in s ? s.officials : [];
  const mine = (column: string, unitColumn: string) =>
    'officials' in s ? sql`${sql.ref(column)} = ANY (${ids}::bigint[])` : sql`${sql.ref(unitColumn)} LIKE ${s.unitPath} || '%'`;
  const whose = (column: string) => ('officials' in s ? sql`${sql.ref(column)}` : sql`${unitRecord}::bigint`);
  const dueEnd = w.to < w.now ? w.to : w.now;
  return {
    answered: sql`${whose('p.handler_id')} AS whose FROM petitions p
       WHERE ${mine('p.handler_id', 'p.unit_path')} AND p.answered_at >= ${w.from} AND p.answered_at < ${w.to}`,
    overdue: sql`${whose('p.handler_id')} AS whose FROM petitions p
       WHERE ${mine('p.handler_id', 'p.unit_path')} AND p.due_at >= ${w.from} AND p.due_at < ${dueEnd}
         AND p.status NOT IN ('rejected', 'merged') AND (p.answered_at IS NULL OR p.answered_at > p.due_at)`,
    answerRatings: sql`${whose('p.handler_id')} AS whose FROM petition_ratings r JOIN petitions p ON p.id = r.petition_id
       WHERE ${mine('p.handler_id', 'p.unit_path')} AND r.created_at >= ${w.from} AND r.created_at < ${w.to}`,
    serviceRatings: sql`${whose('s.official_id')} AS whose FROM satisfaction_ratings s
       WHERE ${mine('s.official_id', 's.unit_path')} AND s.created_at >= ${w.from} AND s.created_at < ${w.to}`,
    upheld: sql`${whose('f.official_id')} AS whose FROM conduct_findings f JOIN petitions p ON p.id = f.petition_id
       WHERE ${mine('f.official_id', 'f.unit_path')} AND f.outcome = 'upheld' AND f.recorded_at >= ${w.from} AND f.recorded_at < ${w.to}`,
    inspections: sql`${whose('i.official_id')} AS whose FROM inspection_findings i JOIN accounts a ON a.id = i.entered_by
       WHERE ${mine('i.official_id', 'i.unit_path')} AND i.found_on >= ${w.fromDay}::date AND i.found_on < ${w.toDay}::date`,
  };
}

/** The period of a record: [from, to) as instants and as the unit's days, and the time it is read. */
export interface RecordWindow {
  from: Date;
  to: Date;
  now: Date;
  fromDay: string;
  toDay: string;
}

const subjectsOf = (s: Subjects) => ('officials' in s ? s.officials : [unitRecord]);

/**
 * The rows every measure is computed from, with what each answered petition counts towards.
 * Six statements whatever the number of officials; the answer maps each official's id (or
 * `unitRecord` for a subtree) to their record.
 */
export async function recordsOf(db: Kysely<DB>, s: Subjects, w: RecordWindow, online: readonly string[]): Promise<Map<number, Record_>> {
  const from = recordSources(s, w);
  type Whose = { whose: string };
  const [answered, overdue, answerRatings, serviceRatings, upheld, inspections] = await Promise.all([
    sql<Record_['answered'][number] & Whose>`
      SELECT p.id, p.tracking_code, p.answered_at, p.due_at, p.reopen_count, p.channel,
             ${answeredOnTime} AS on_time, ${answeredReopened} AS reopened, ${answeredOnline(online)} AS online, ${from.answered}
       ORDER BY p.answered_at, p.id`.execute(db),
    sql<Record_['overdue'][number] & Whose>`SELECT p.id, p.tracking_code, p.due_at, p.answered_at, ${from.overdue} ORDER BY p.due_at, p.id`.execute(db),
    sql<Record_['answerRatings'][number] & Whose>`
      SELECT r.id, p.id AS petition_id, p.tracking_code, r.score, r.created_at, ${from.answerRatings} ORDER BY r.created_at, r.id`.execute(db),
    sql<Record_['serviceRatings'][number] & Whose>`
      SELECT s.id, s.source, s.score, s.procedure, s.created_at, ${from.serviceRatings} ORDER BY s.created_at, s.id`.execute(db),
    sql<Record_['upheld'][number] & Whose>`
      SELECT f.petition_id, p.tracking_code, f.recorded_at, f.norm_ids, ${from.upheld} ORDER BY f.recorded_at, f.petition_id`.execute(db),
    sql<Record_['inspections'][number] & Whose>`
      SELECT i.id, to_char(i.found_on, 'YYYY-MM-DD') AS found_on, i.text, a.name AS entered_by_name, ${from.inspections} ORDER BY i.found_on, i.id`.execute(db),
  ]);
  const out = new Map<number, Record_>(subjectsOf(s).map((id) => [id, emptyRecord()]));
  // Rows keep their statement's order within each record.
  const into = <K extends keyof Record_>(key: K, rows: (Whose & Record<string, unknown>)[], shape: (r: Record<string, unknown>) => Record_[K][number]) => {
    for (const { whose, ...r } of rows) (out.get(Number(whose))![key] as Record_[K][number][]).push(shape(r));
  };
  into('answered', answered.rows, (r) => ({ ...(r as Record_['answered'][number]), id: Number(r.id), reopen_count: Number(r.reopen_count) }));
  into('overdue', overdue.rows, (r) => ({ ...(r as Record_['overdue'][number]), id: Number(r.id) }));
  into('answerRatings', answerRatings.rows, (r) => ({ ...(r as Record_['answerRatings'][number]), id: Number(r.id), petition_id: Number(r.petition_id) }));
  into('serviceRatings', serviceRatings.rows, (r) => ({ ...(r as Record_['serviceRatings'][number]), id: Number(r.id), score: Number(r.score) }));
  into('upheld', upheld.rows, (r) => ({ ...(r as Record_['upheld'][number]), petition_id: Number(r.petition_id), norm_ids: ((r.norm_ids as unknown[] | null) ?? []).map(Number) }));
  into('inspections', inspections.rows, (r) => ({ ...(r as Record_['inspections'][number]), id: Number(r.id) }));
  return out;
}

/** A record's counts from its rows. */
export function tallyOfRecord(r: Record_): Tally {
  const count = <K extends string | number>(keys: K[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<K, number>());
  return {
    answered: r.answered.length,
    onTime: r.answered.filter((p) => p.on_time).length,
    reopened: r.answered.filter((p) => p.reopened).length,
    online: r.answered.filter((p) => p.online).length,
    overdue: r.overdue.length,
    answerRatings: count(r.answerRatings.map((a) => a.score)),
    serviceRatings: count(r.serviceRatings.map((s) => s.score)),
    upheld: r.upheld.length,
    inspections: r.inspections.length,
  };
}

/**
 * The counts alone, counted by PostgreSQL: what a list of many officials' grades needs, without
 * reading every case of a province's year. Same sources and the same rules as recordsOf.
 */
export async function talliesOf(db: Kysely<DB>, s: Subjects, w: RecordWindow, online: readonly string[]): Promise<Map<number, Tally>> {
  const from = recordSources(s, w);
  type Count = { whose: string; n: string };
  const [answered, overdue, answerRatings, serviceRatings, upheld, inspections] = await Promise.all([
    sql<Count & { on_time: string; reopened: string; online: string }>`
      SELECT count(*) AS n, count(*) FILTER (WHERE ${answeredOnTime}) AS on_time, count(*) FILTER (WHERE ${answeredReopened}) AS reopened,
             count(*) FILTER (WHERE ${answeredOnline(online)}) AS online, ${from.answered} GROUP BY whose`.execute(db),
    sql<Count>`SELECT count(*) AS n, ${from.overdue} GROUP BY whose`.execute(db),
    sql<Count & { score: string }>`SELECT r.score, count(*) AS n, ${from.answerRatings} GROUP BY whose, r.score`.execute(db),
    sql<Count & { score: number }>`SELECT s.score, count(*) AS n, ${from.serviceRatings} GROUP BY whose, s.score`.execute(db),
    sql<Count>`SELECT count(*) AS n, ${from.upheld} GROUP BY whose`.execute(db),
    sql<Count>`SELECT count(*) AS n, ${from.inspections} GROUP BY whose`.execute(db),
  ]);
  const out = new Map<number, Tally>(subjectsOf(s).map((id) => [id, emptyTally()]));
  const of = (r: { whose: string }) => out.get(Number(r.whose))!;
  for (const r of answered.rows) Object.assign(of(r), { answered: Number(r.n), onTime: Number(r.on_time), reopened: Number(r.reopened), online: Number(r.online) });
  for (const r of overdue.rows) of(r).overdue = Number(r.n);
  for (const r of answerRatings.rows) of(r).answerRatings.set(r.score, Number(r.n));
  for (const r of serviceRatings.rows) of(r).serviceRatings.set(Number(r.score), Number(r.n));
  for (const r of upheld.rows) of(r).upheld = Number(r.n);
  for (const r of inspections.rows) of(r).inspections = Number(r.n);
  return out;
}

/** Reception days held (closed or published) at these units in [from, to). */
export async function receptionDaysHeld(db: Kysely<DB>, unitIds: readonly number[], from: Date, to: Date) {
  if (!unitIds.length) return [];
  const rows = await db
    .selectFrom('gatherings')
    .select(['id', 'unit_id', 'title', 'starts_at', 'host_role'])
    .where('unit_id', 'in', [...unitIds])
    .where('kind', '=', 'reception_day')
    .where('state', 'in', ['closed', 'published'])
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), unit_id: Number(r.unit_id) }));
}

/** Ratings of a unit subtree for the public ranking: how many, and how many satisfied. */
export async function rankingCounts(db: Kysely<DB>, units: UnitRow[], from: Date, to: Date): Promise<Map<number, { n: number; successes: number }>> {
  const out = new Map<number, { n: number; successes: number }>();
  if (!units.length) return out;
  const rows = await sql<{ id: string; n1: string; s1: string; n2: string; s2: string }>`
    SELECT u.id,
           (SELECT count(*) FROM petition_ratings r JOIN petitions p ON p.id = r.petition_id
             WHERE p.unit_path LIKE u.path || '%' AND r.created_at >= ${from} AND r.created_at < ${to}) AS n1,
           (SELECT count(*) FROM petition_ratings r JOIN petitions p ON p.id = r.petition_id
             WHERE p.unit_path LIKE u.path || '%' AND r.created_at >= ${from} AND r.created_at < ${to} AND r.score = 'satisfied') AS s1,
           (SELECT count(*) FROM satisfaction_ratings s
             WHERE s.unit_path LIKE u.path || '%' AND s.created_at >= ${from} AND s.created_at < ${to}) AS n2,
           (SELECT count(*) FROM satisfaction_ratings s
             WHERE s.unit_path LIKE u.path || '%' AND s.created_at >= ${from} AND s.created_at < ${to} AND s.score >= 4) AS s2
      FROM units u WHERE u.id IN (${sql.join(units.map((u) => u.id))})`.execute(db);
  for (const r of rows.rows) out.set(Number(r.id), { n: Number(r.n1) + Number(r.n2), successes: Number(r.s1) + Number(r.s2) });
  return out;
}

/** The minimum volume set at a unit or the nearest unit above it. */
export async function minVolumeAt(db: Kysely<DB>, path: string): Promise<number | undefined> {
  const ids = pathIds(path);
  if (!ids.length) return undefined;
  const row = await db
    .selectFrom('ranking_settings as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select('r.min_volume')
    .where('r.unit_id', 'in', ids)
    .orderBy('u.depth', 'desc')
    .executeTakeFirst();
  return row ? Number(row.min_volume) : undefined;
}

export async function writeMinVolume(db: Kysely<DB>, unitId: number, minVolume: number, by: number | null, at: Date): Promise<void> {
  await db
    .insertInto('ranking_settings')
    .values({ unit_id: unitId, min_volume: minVolume, updated_by: by, updated_at: at })
    .onConflict((oc) => oc.column('unit_id').doUpdateSet({ min_volume: minVolume, updated_by: by, updated_at: at }))
    .execute();
}

// ---- inspection findings ----

export async function insertInspection(
  db: Kysely<DB>,
  v: { officialId: number; unitId: number; unitPath: string; foundOn: string; text: string; by: number; at: Date },
): Promise<number> {
  return insertReturningId(db, 'inspection_findings', { official_id: v.officialId, unit_id: v.unitId, unit_path: v.unitPath, found_on: v.foundOn, text: v.text, entered_by: v.by, entered_at: v.at });
}

// ---- yearly reviews ----

export interface ReviewRow {
  official_id: number;
  year: number;
  self_assessment: string | null;
  self_at: Date | null;
  computed_grade: ScorecardGrade | null;
  computed_total: string | null;
  scorecard: unknown;
  leader_grade: ScorecardGrade | null;
  leader_reasons: string | null;
  leader_id: number | null;
  leader_name: string | null;
  graded_at: Date | null;
  /** The name of the framework's unit of a scorecard frozen when that unit was still given by its code alone. */
  frozen_framework_unit_name: string | null;
}

export async function findReview(db: Kysely<DB>, officialId: number, year: number, lock = false): Promise<ReviewRow | undefined> {
  let q = db
    .selectFrom('yearly_reviews as r')
    .leftJoin('accounts as l', 'l.id', 'r.leader_id')
    .leftJoin('units as fu', (join) => join.on(sql<boolean>`fu.code = r.scorecard -> 'framework' ->> 'unit'`))
    .select([
      'r.official_id',
      'r.year',
      'r.self_assessment',
      'r.self_at',
      'r.computed_grade',
      'r.computed_total',
      'r.scorecard',
      'r.leader_grade',
      'r.leader_reasons',
      'r.leader_id',
      'l.name as leader_name',
      'r.graded_at',
      'fu.name as frozen_framework_unit_name',
    ])
    .where('r.official_id', '=', officialId)
    .where('r.year', '=', year);
  if (lock) q = q.forUpdate('r');
  const row = await q.executeTakeFirst();
  return row ? ({ ...row, official_id: Number(row.official_id), leader_id: row.leader_id === null ? null : Number(row.leader_id) } as ReviewRow) : undefined;
}

export async function saveSelfAssessment(db: Kysely<DB>, officialId: number, year: number, text: string, at: Date): Promise<void> {
  await db
    .insertInto('yearly_reviews')
    .values({ official_id: officialId, year, self_assessment: text, self_at: at })
    .onConflict((oc) => oc.columns(['official_id', 'year']).doUpdateSet({ self_assessment: text, self_at: at }))
    .execute();
}

export async function saveGrade(
  db: Kysely<DB>,
  v: { officialId: number; year: number; computedGrade: ScorecardGrade | null; computedTotal: number | null; scorecard: unknown; grade: ScorecardGrade; reasons: string | null; leaderId: number; at: Date },
): Promise<void> {
  const values = {
    computed_grade: v.computedGrade,
    computed_total: v.computedTotal === null ? null : String(v.computedTotal),
    scorecard: JSON.stringify(v.scorecard),
    leader_grade: v.grade,
    leader_reasons: v.reasons,
    leader_id: v.leaderId,
    graded_at: v.at,
  };
  await db
    .insertInto('yearly_reviews')
    .values({ official_id: v.officialId, year: v.year, ...values })
    .onConflict((oc) => oc.columns(['official_id', 'year']).doUpdateSet(values))
    .execute();
}

export async function frameworkCount(db: Kysely<DB>, unitId: number): Promise<number> {
  const row = await db.selectFrom('scorecard_frameworks').select((eb) => eb.fn.countAll<string>().as('n')).where('unit_id', '=', unitId).executeTakeFirstOrThrow();
  return Number(row.n);
}
