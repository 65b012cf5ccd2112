/** Every SQL statement of the insight module. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import type { RoutingTarget } from './insight.tables.ts';
import type { RoutingModel } from './insight.model.ts';
import type { WeekCounts } from './insight.hotspots.ts';

interface HistoryRow {
  id: number;
  title: string | null;
  body: string;
  category: string | null;
  agency_id: number | null;
  unit_path: string;
}

/**
 * The routed history, oldest first: the newest `limit` petitions that have the target set
 * (a category; an agency given by a dispatcher). Denunciations and conduct reports are left
 * out: their words stay with the few who may read them.
 */
export async function routedHistory(db: Kysely<DB>, target: RoutingTarget, limit: number): Promise<HistoryRow[]> {
  const column = target === 'category' ? sql.ref('category') : sql.ref('agency_id');
  const { rows } = await sql<HistoryRow>`
    SELECT * FROM (
      SELECT id, title, body, category, agency_id, unit_path, submitted_at
        FROM petitions
       WHERE ${column} IS NOT NULL
         AND kind NOT IN ('denunciation', 'conduct_report')
         AND status <> 'merged'
       ORDER BY submitted_at DESC, id DESC
       LIMIT ${limit}
    ) h ORDER BY submitted_at, id`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id), agency_id: r.agency_id === null ? null : Number(r.agency_id) }));
}

/** Where each agency is: the path of its unit. */
export async function agencyPaths(db: Kysely<DB>, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(['a.id', 'u.path'])
    .where('a.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [Number(r.id), r.path]));
}

interface AgencyName {
  id: number;
  name: string;
  names: Record<string, string | undefined>;
  unit_path: string;
  unit_code: string;
  unit_name: string;
}

export async function agencyNames(db: Kysely<DB>, ids: number[]): Promise<AgencyName[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(['a.id', 'a.name', 'a.names', 'u.path as unit_path', 'u.code as unit_code', 'u.name as unit_name'])
    .where('a.id', 'in', ids)
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), names: (r.names ?? {}) as Record<string, string | undefined> }));
}

export interface StoredModel {
  target: RoutingTarget;
  trainedAt: Date;
  examples: number;
  heldOut: number;
  labels: number;
  accuracy: number | null;
  top3Accuracy: number | null;
  baseline: number | null;
}

export async function saveModel(db: Kysely<DB>, m: StoredModel & { model: RoutingModel }): Promise<void> {
  const row = {
    target: m.target,
    trained_at: m.trainedAt,
    examples: m.examples,
    held_out: m.heldOut,
    labels: m.labels,
    accuracy: m.accuracy,
    top3_accuracy: m.top3Accuracy,
    baseline: m.baseline,
    model: JSON.stringify(m.model),
  };
  await db
    .insertInto('routing_models')
    .values(row)
    .onConflict((oc) => oc.column('target').doUpdateSet({ ...row, target: undefined }))
    .execute();
}

/** Models are read often and change hourly: each process keeps the last one it read per training time. */
const cache = new Map<string, { trainedAt: number; model: RoutingModel }>();

export async function loadModel(db: Kysely<DB>, target: RoutingTarget): Promise<(StoredModel & { model: RoutingModel }) | undefined> {
  const info = await db
    .selectFrom('routing_models')
    .select(['target', 'trained_at', 'examples', 'held_out', 'labels', 'accuracy', 'top3_accuracy', 'baseline'])
    .where('target', '=', target)
    .executeTakeFirst();
  if (!info) return undefined;
  const key = `${target}`;
  let cached = cache.get(key);
  if (!cached || cached.trainedAt !== info.trained_at.getTime()) {
    const row = await db.selectFrom('routing_models').select('model').where('target', '=', target).executeTakeFirstOrThrow();
    const model = (typeof row.model === 'string' ? JSON.parse(row.model) : row.model) as RoutingModel;
    cached = { trainedAt: info.trained_at.getTime(), model };
    cache.set(key, cached);
  }
  return {
    target: info.target,
    trainedAt: info.trained_at,
    examples: info.examples,
    heldOut: info.held_out,
    labels: info.labels,
    accuracy: info.accuracy,
    top3Accuracy: info.top3_accuracy,
    baseline: info.baseline,
    model: cached.model,
  };
}

export async function modelFigures(db: Kysely<DB>): Promise<StoredModel[]> {
  const rows = await db
    .selectFrom('routing_models')
    .select(['target', 'trained_at', 'examples', 'held_out', 'labels', 'accuracy', 'top3_accuracy', 'baseline'])
    .orderBy('target')
    .execute();
  return rows.map((r) => ({
    target: r.target,
    trainedAt: r.trained_at,
    examples: r.examples,
    heldOut: r.held_out,
    labels: r.labels,
    accuracy: r.accuracy,
    top3Accuracy: r.top3_accuracy,
    baseline: r.baseline,
  }));
}

/** The newest petition that has a target set, to tell whether a model is out of date. */
export async function newestRouted(db: Kysely<DB>): Promise<Date | null> {
  const row = await db
    .selectFrom('petitions')
    .select((eb) => eb.fn.max('updated_at').as('at'))
    .where((eb) => eb.or([eb('category', 'is not', null), eb('agency_id', 'is not', null)]))
    .executeTakeFirst();
  return (row?.at as Date | null | undefined) ?? null;
}

// ---------------------------------------------------------------- hotspots

/**
 * Per unit of the tree (every ancestor of the unit each petition was submitted to) and
 * category: the petitions of each of the nine weeks ending at `end` (week 0 is the last).
 * Denunciations and conduct reports are counted like the others but their ids never leave here.
 */
export async function weeklyCounts(db: Kysely<DB>, end: Date, minLast: number): Promise<WeekCounts[]> {
  const start = new Date(end.getTime() - 9 * 7 * 86_400_000);
  const { rows } = await sql<{ unit_id: number; unit_path: string; category: string; week: number; count: number; ids: number[] }>`
    WITH p AS (
      SELECT id, category, origin_unit_path,
             floor(extract(epoch FROM (${end}::timestamptz - submitted_at)) / 604800)::int AS week,
             kind IN ('denunciation', 'conduct_report') AS protected
        FROM petitions
       WHERE submitted_at > ${start} AND submitted_at <= ${end}
         AND category IS NOT NULL AND status <> 'merged'
    ),
    per_unit AS (
      SELECT u.id AS unit_id, u.path AS unit_path, p.category, p.week, p.id, p.protected
        FROM p
        CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' FROM p.origin_unit_path), '/')) AS a(unit_id)
        JOIN units u ON u.id = a.unit_id::bigint
    ),
    busy AS (
      SELECT unit_id, category FROM per_unit WHERE week = 0 GROUP BY unit_id, category HAVING count(*) >= ${minLast}
    )
    SELECT pu.unit_id, pu.unit_path, pu.category, pu.week, count(*)::int AS count,
           coalesce(array_agg(pu.id ORDER BY pu.id) FILTER (WHERE pu.week = 0 AND NOT pu.protected), '{}') AS ids
      FROM per_unit pu JOIN busy b ON b.unit_id = pu.unit_id AND b.category = pu.category
     GROUP BY pu.unit_id, pu.unit_path, pu.category, pu.week`.execute(db);
  const byKey = new Map<string, WeekCounts>();
  for (const r of rows) {
    const key = `${r.unit_id}:${r.category}`;
    let w = byKey.get(key);
    if (!w) byKey.set(key, (w = { unitId: Number(r.unit_id), unitPath: r.unit_path, category: r.category, weeks: Array(9).fill(0), petitionIds: [] }));
    if (r.week >= 0 && r.week < 9) w.weeks[r.week] = r.count;
    if (r.week === 0) w.petitionIds = r.ids.map(Number);
  }
  return [...byKey.values()];
}

export async function insertHotspot(
  db: Kysely<DB>,
  h: { unitId: number; unitPath: string; category: string; weekEnd: Date; count: number; baseline: number; score: number; petitionIds: number[]; at: Date },
): Promise<number | undefined> {
  const row = await db
    .insertInto('hotspots')
    .values({
      unit_id: h.unitId,
      unit_path: h.unitPath,
      category: h.category,
      week_end: h.weekEnd,
      count: h.count,
      baseline: h.baseline,
      score: h.score,
      petition_ids: sql<number[]>`${h.petitionIds}::bigint[]`,
      flagged_at: h.at,
    })
    .onConflict((oc) => oc.columns(['unit_id', 'category', 'week_end']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

interface HotspotRow {
  id: number;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  category: string;
  week_end: Date;
  count: number;
  baseline: number;
  score: number;
  petition_ids: number[];
  flagged_at: Date;
}

/**
 * Flagged hotspots in the given subtrees, newest first: flagged since `since`, or whose week
 * ended on a day from `from` to `to` (YYYY-MM-DD, in the time zone of the hotspot's unit).
 */
export async function hotspotsIn(
  db: Kysely<DB>,
  scope: string[],
  when: { since: Date } | { from: string; to: string },
  limit: number,
): Promise<HotspotRow[]> {
  if (!scope.length) return [];
  let q = db
    .selectFrom('hotspots as h')
    .innerJoin('units as u', 'u.id', 'h.unit_id')
    .select(['h.id', 'h.unit_id', 'u.code as unit_code', 'u.name as unit_name', 'h.unit_path', 'h.category', 'h.week_end', 'h.count', 'h.baseline', 'h.score', 'h.petition_ids', 'h.flagged_at'])
    .where((eb) => eb.or(scope.map((p) => eb('h.unit_path', 'like', `${p}%`))));
  if ('since' in when) q = q.where('h.week_end', '>=', when.since);
  else {
    // A day's bounds in any time zone lie within a day of its UTC bounds: the index narrows, the local day decides.
    const day = 86_400_000;
    q = q
      .where('h.week_end', '>=', new Date(Date.parse(`${when.from}T00:00:00Z`) - day))
      .where('h.week_end', '<', new Date(Date.parse(`${when.to}T00:00:00Z`) + 2 * day))
      .where(sql<string>`(h.week_end AT TIME ZONE u.time_zone)::date`, '>=', sql<string>`${when.from}::date`)
      .where(sql<string>`(h.week_end AT TIME ZONE u.time_zone)::date`, '<=', sql<string>`${when.to}::date`);
  }
  const rows = await q.orderBy('h.week_end', 'desc').orderBy('h.score', 'desc').orderBy('h.id').limit(limit).execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), unit_id: Number(r.unit_id), petition_ids: (r.petition_ids ?? []).map(Number) }));
}

interface HotspotPetition {
  id: number;
  tracking_code: string;
  kind: string;
  status: string;
  title: string | null;
  body: string;
  submitted_at: Date;
}

export async function petitionsByIds(db: Kysely<DB>, ids: number[]): Promise<HotspotPetition[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('petitions')
    .select(['id', 'tracking_code', 'kind', 'status', 'title', 'body', 'submitted_at'])
    .where('id', 'in', ids)
    .orderBy('submitted_at', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Units with a name, by id. */
export async function unitNames(db: Kysely<DB>, ids: number[]): Promise<Map<number, { code: string; name: string; path: string }>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'code', 'name', 'path']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [Number(r.id), { code: r.code, name: r.name, path: r.path }]));
}
