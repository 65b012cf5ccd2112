/** The SQL of the public side: the tracking page, access keys, a resident's own petitions, a unit's public petitions. */
import { CompiledQuery, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { openStatuses, type PetitionKind, type PetitionStatus } from '../../../contract/domain.ts';
import { type Database, executePrepared, literalList } from '../../../platform/db.ts';
import type { DB } from '../../../schema.ts';
import { publicKinds } from '../petitions.policy.ts';
import { type PetitionRow, searchFitsIndex } from '../petitions.queries.ts';

/** The fields of the public tracking page: the petition's own, its case's (itself unless merged), and the case's unit. */
export interface TrackRow {
  tracking_code: string;
  kind: PetitionRow['kind'];
  category: string | null;
  submitted_at: Date;
  case_id: number | null;
  status: PetitionRow['status'];
  ack_due_at: Date;
  due_at: Date;
  answer_text: string | null;
  answered_at: Date | null;
  last_answered_at: Date | null;
  unit_code: string;
  unit_name: string;
  /** Public events: the petition's own, and its case's from the merge on; in time order. */
  events: TrackEvent[];
}

interface TrackEvent {
  id: number;
  at: Date;
  type: string;
  to_status: string | null;
  reason: string | null;
  text: string | null;
  unit_code: string | null;
  unit_name: string | null;
}

const trackStatement = `
    select p.tracking_code, p.kind, p.category, p.submitted_at, p.case_id,
           k.status, k.ack_due_at, k.due_at, k.answer_text, k.answered_at, k.last_answered_at,
           u.code as unit_code, u.name as unit_name,
           coalesce((
             select json_agg(json_build_object(
                      'id', e.id, 'at', floor(extract(epoch from e.at) * 1000), 'type', e.type,
                      'to_status', e.to_status, 'reason', e.reason, 'text', e.text,
                      'unit_code', eu.code, 'unit_name', eu.name) order by e.at, e.id)
             from petition_events e
             left join units eu on eu.id = e.unit_id
             where e.petition_id = any(array[p.id, k.id])
               and e.visibility = 'public'
               and (e.petition_id = p.id or (p.merged_at is not null and e.at >= p.merged_at))
           ), '[]'::json) as events
    from petitions p
    join petitions k on k.id = coalesce(p.case_id, p.id)
    join units u on u.id = k.unit_id
    where p.tracking_code = $1`;

/**
 * Everything the tracking page shows, in one statement: the lookup is the busiest public read,
 * and each round trip to the database costs the server more than the query itself. Prepared
 * (executePrepared): planning it (petitions has many indexes) took several times longer than
 * running it, so each connection plans it once.
 */
export async function findTrackRow(db: Kysely<DB>, database: Database | undefined, code: string): Promise<TrackRow | undefined> {
  const rows = await executePrepared<Omit<TrackRow, 'events'> & { events: Array<Omit<TrackEvent, 'at'> & { at: number }> }>(
    db,
    database,
    CompiledQuery.raw(trackStatement, [code]),
  );
  const row = rows[0];
  if (!row) return undefined;
  return { ...row, events: row.events.map((e) => ({ ...e, at: new Date(e.at) })) };
}

export interface MineRow {
  id: number;
  tracking_code: string;
  kind: PetitionRow['kind'];
  category: string | null;
  submitted_at: Date;
  /** The case's (its own, or the one it was merged into). */
  status: PetitionRow['status'];
  due_at: Date;
  answered_at: Date | null;
  unit_code: string;
  unit_name: string;
  /** Whether this resident rated the case's latest answer. */
  rated: boolean;
}

/**
 * The petitions a resident raised while signed in (their petitioner row names their account),
 * newest first; a merged petition reads its case's state, due time and unit.
 */
export async function residentPetitions(
  db: Kysely<DB>,
  residentId: number,
  f: { afterId?: number; limit: number },
): Promise<MineRow[]> {
  let q = db
    .selectFrom('petitioners as pe')
    .innerJoin('petitions as p', 'p.id', 'pe.petition_id')
    .leftJoin('petitions as c', 'c.id', 'p.case_id')
    .innerJoin('units as u', (j) => j.on(sql<boolean>`u.id = coalesce(c.unit_id, p.unit_id)`))
    .select((eb) => [
      'p.id',
      'p.tracking_code',
      'p.kind',
      'p.category',
      'p.submitted_at',
      sql<PetitionRow['status']>`coalesce(c.status, p.status)`.as('status'),
      sql<Date>`coalesce(c.due_at, p.due_at)`.as('due_at'),
      sql<Date | null>`coalesce(c.last_answered_at, c.answered_at, p.last_answered_at, p.answered_at)`.as('answered_at'),
      'u.code as unit_code',
      'u.name as unit_name',
      eb
        .exists(
          eb
            .selectFrom('petition_ratings as r')
            .select('r.id')
            .whereRef('r.petitioner_id', '=', 'pe.id')
            .where(sql<boolean>`r.answer_number = coalesce(c.answer_count, p.answer_count)`),
        )
        .as('rated'),
    ])
    .where('pe.resident_account_id', '=', residentId);
  if (f.afterId !== undefined) q = q.where('p.id', '<', f.afterId);
  return (await q.orderBy('p.id', 'desc').limit(f.limit).execute()) as MineRow[];
}

/** Wrong keys presented for this petition since `since`. */
export async function countKeyFailures(db: Kysely<DB>, petitionId: number, since: Date): Promise<number> {
  const row = await db
    .selectFrom('access_key_failures')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('petition_id', '=', petitionId)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Records a wrong key and forgets those older than `since`. */
export async function recordKeyFailure(db: Kysely<DB>, petitionId: number, at: Date, since: Date): Promise<void> {
  await db.deleteFrom('access_key_failures').where('petition_id', '=', petitionId).where('at', '<=', since).execute();
  await db.insertInto('access_key_failures').values({ petition_id: petitionId, at }).execute();
}

export interface PublicRow {
  tracking_code: string;
  kind: PetitionKind;
  category: string | null;
  status: PetitionStatus;
  submitted_at: Date;
  title: string | null;
  body: string;
  /** Rounded here, in the query: the exact place never leaves the database for a public list. */
  place_lat: number | null;
  place_lng: number | null;
  answer_text: string | null;
  answer_publish: boolean;
}

/** A public petition's place is rounded to 0.001° (about 100 m): it must not point at one house. */
const publicPlaceDecimals = 3;

/** Metres per degree of latitude (and of longitude at the equator). */
const metresPerDegree = 111_320;

export interface PublicFilter {
  tsquery?: string;
  /** Within `radius` metres of this place, nearest first. */
  near?: { lat: number; lng: number; radius: number };
  category?: string;
  /** Only petitions still being handled. */
  open?: boolean;
  limit: number;
}

/**
 * The petitions of a unit's subtree that their residents let the public see (publicKinds, with
 * consent, not merged or rejected): newest first; with a search, those sharing most words; near
 * a place, the nearest first.
 */
const publicKindList = literalList(publicKinds);
const hiddenStatusList = literalList(['rejected', 'merged']);

export async function publicPetitions(db: Kysely<DB>, unitPath: string, opts: PublicFilter): Promise<PublicRow[]> {
  const shown = <Q extends SelectQueryBuilder<DB, 'petitions', object>>(q: Q): Q => {
    let r = q
      .where('origin_unit_path', 'like', `${unitPath}%`)
      // As literals, so that the planner proves the public indexes' predicate (migrations 0950, 0970).
      .where(sql<boolean>`consent_to_publish AND case_id IS NULL AND kind IN ${publicKindList} AND status NOT IN ${hiddenStatusList}`);
    if (opts.category !== undefined) r = r.where('category', '=', opts.category);
    if (opts.open) r = r.where('status', 'in', [...openStatuses]);
    return r as Q;
  };
  const columns = (q: SelectQueryBuilder<DB, 'petitions', object>) =>
    q
      .select(['tracking_code', 'kind', 'category', 'status', 'submitted_at', 'title', 'body', 'answer_text', 'answer_publish'])
      .select([
        sql<number | null>`round(location_lat::numeric, ${publicPlaceDecimals})::float8`.as('place_lat'),
        sql<number | null>`round(location_lng::numeric, ${publicPlaceDecimals})::float8`.as('place_lng'),
      ]);
  const query = opts.tsquery ? sql`to_tsquery('simple', ${opts.tsquery})` : undefined;
  if (query && !opts.near) {
    // "Already reported?" while a resident types: the subtree's matches are ranked on the entries
    // of petitions_public_search alone (it holds the search words), and only the page's rows are
    // read. The few vectors too long for an index entry are read from the table (migration 0993).
    const matches = (fits: boolean) =>
      shown(db.selectFrom('petitions').select(['id', 'submitted_at', sql<number>`ts_rank(search, ${query})`.as('rank')]))
        .where(sql<boolean>`search @@ ${query}`)
        .where(fits ? searchFitsIndex : sql<boolean>`NOT ${searchFitsIndex}`)
        .orderBy('rank', 'desc')
        .orderBy('submitted_at', 'desc')
        .orderBy('id', 'desc')
        .limit(opts.limit);
    const page = db
      .selectFrom(sql<{ id: number; rank: number; submitted_at: Date }>`((${matches(true)}) UNION ALL (${matches(false)}))`.as('m'))
      .select('m.id')
      .orderBy('m.rank', 'desc')
      .orderBy('m.submitted_at', 'desc')
      .orderBy('m.id', 'desc')
      .limit(opts.limit);
    return columns(db.selectFrom('petitions'))
      .where('id', 'in', page)
      .orderBy(sql`ts_rank(search, ${query})`, 'desc')
      .orderBy('submitted_at', 'desc')
      .orderBy('id', 'desc')
      .execute() as Promise<PublicRow[]>;
  }
  let q = shown(columns(db.selectFrom('petitions'))).limit(opts.limit);
  if (opts.near) {
    const { lat, lng, radius } = opts.near;
    // A box first (plain comparisons), then the distance on the local flat approximation,
    // exact enough at a few kilometres.
    const dLat = radius / metresPerDegree;
    const dLng = radius / (metresPerDegree * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
    const distance = sql<number>`sqrt(power((location_lat - ${lat}) * ${metresPerDegree}, 2) + power((location_lng - ${lng}) * ${metresPerDegree} * cos(radians(${lat})), 2))`;
    q = q
      .where(sql<boolean>`location_lat BETWEEN ${lat - dLat} AND ${lat + dLat}`)
      .where(sql<boolean>`location_lng BETWEEN ${lng - dLng} AND ${lng + dLng}`)
      .where(sql<boolean>`${distance} <= ${radius}`)
      .orderBy(distance);
  }
  if (query) q = q.where(sql<boolean>`search @@ ${query}`).orderBy(sql`ts_rank(search, ${query})`, 'desc');
  return q.orderBy('submitted_at', 'desc').orderBy('id', 'desc').execute() as Promise<PublicRow[]>;
}
