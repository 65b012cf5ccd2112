/** The SQL of the gatherings module (completeRecord.ts reads a gathering's unit itself). */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { GatheringsTable } from './gatherings.tables.ts';
import type { DB } from '../../schema.ts';
import type { GatheringEntryType, GatheringKind, GatheringState } from '../../contract/domain.ts';
import { insertReturningId } from '../../platform/db.ts';

/** A gathering as stored (less its lifecycle times), with its unit, host, bookings and agencies. */
export type GatheringRow = Omit<
  Selectable<GatheringsTable>,
  'kind' | 'state' | 'opened_at' | 'closed_at' | 'published_at' | 'cancelled_at' | 'created_by' | 'created_at'
> & {
  kind: GatheringKind;
  state: GatheringState;
  unit_code: string;
  unit_name: string;
  unit_level: string;
  country: string;
  time_zone: string;
  host_name: string | null;
  booked: number;
  agencies: Array<{ id: number; name: string }>;
};

const gatheringColumns = sql`
  g.id, g.unit_id, g.unit_path, u.code AS unit_code, u.name AS unit_name, u.level AS unit_level, u.country, u.time_zone,
  g.series_id, g.moved_from::text AS moved_from, g.kind, g.title, g.host_id, a.name AS host_name, g.host_role, g.place, g.place_lat, g.place_lng,
  g.starts_at, g.ends_at, g.capacity, g.topics, g.state, g.cancel_reason, g.attendance, g.minutes_text, g.outcomes,
  g.summary, g.updated_at,
  (SELECT count(*)::int FROM gathering_bookings b WHERE b.gathering_id = g.id AND b.cancelled_at IS NULL) AS booked,
  (SELECT coalesce(json_agg(json_build_object('id', ag.id, 'name', ag.name) ORDER BY ag.id), '[]')
     FROM gathering_agencies ga JOIN agencies ag ON ag.id = ga.agency_id WHERE ga.gathering_id = g.id) AS agencies`;

const fromGatherings = sql`FROM gatherings g JOIN units u ON u.id = g.unit_id LEFT JOIN accounts a ON a.id = g.host_id`;

export async function getGathering(db: Kysely<DB>, id: number, lock = false): Promise<GatheringRow | undefined> {
  if (lock) await sql`SELECT 1 FROM gatherings WHERE id = ${id} FOR UPDATE`.execute(db);
  const { rows } = await sql<GatheringRow>`SELECT ${gatheringColumns} ${fromGatherings} WHERE g.id = ${id}`.execute(db);
  return rows[0];
}

interface ListFilter {
  /** The unit's subtree. */
  rootPath: string;
  /** The caller's subtrees (staff lists); undefined for the public calendar. */
  scope?: readonly string[];
  from?: Date;
  to?: Date;
  kind?: string;
  limit: number;
}

export async function listGatherings(db: Kysely<DB>, f: ListFilter): Promise<GatheringRow[]> {
  if (f.scope && f.scope.length === 0) return [];
  const inScope = f.scope ? sql`AND (${sql.join(f.scope.map((p) => sql`g.unit_path LIKE ${`${p}%`}`), sql` OR `)})` : sql``;
  const { rows } = await sql<GatheringRow>`
    SELECT ${gatheringColumns} ${fromGatherings}
     WHERE g.unit_path LIKE ${`${f.rootPath}%`} ${inScope}
       ${f.from ? sql`AND g.starts_at >= ${f.from}` : sql``}
       ${f.to ? sql`AND g.starts_at < ${f.to}` : sql``}
       ${f.kind ? sql`AND g.kind = ${f.kind}` : sql``}
     ORDER BY g.starts_at, g.id
     LIMIT ${f.limit}`.execute(db);
  return rows;
}

export async function officialName(db: Kysely<DB>, id: number): Promise<string | undefined> {
  const row = await db.selectFrom('accounts').select('name').where('id', '=', id).where('kind', '=', 'official').executeTakeFirst();
  return row?.name;
}

export async function existingAgencies(db: Kysely<DB>, ids: readonly number[]): Promise<number[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom('agencies').select('id').where('id', 'in', [...ids]).execute();
  return rows.map((r) => r.id);
}

/** A gathering of this host (not cancelled) that overlaps the time. */
export async function hostOverlap(
  db: Kysely<DB>,
  hostId: number,
  startsAt: Date,
  endsAt: Date,
): Promise<{ id: number; starts_at: Date } | undefined> {
  const { rows } = await sql<{ id: number; starts_at: Date }>`
    SELECT id, starts_at FROM gatherings
     WHERE host_id = ${hostId} AND state <> 'cancelled' AND starts_at < ${endsAt} AND ends_at > ${startsAt}
     ORDER BY starts_at LIMIT 1`.execute(db);
  return rows[0];
}

/** What a new gathering is written with; the rest of its columns start at their defaults. */
type NewGathering = Pick<
  Insertable<GatheringsTable>,
  | 'unit_id' | 'unit_path' | 'series_id' | 'kind' | 'title' | 'host_id' | 'host_role' | 'place' | 'place_lat' | 'place_lng'
  | 'starts_at' | 'ends_at' | 'capacity' | 'topics' | 'created_by' | 'created_at' | 'updated_at' | 'moved_from'
>;

export async function insertGathering(db: Kysely<DB>, values: NewGathering, agencies: readonly number[]): Promise<number> {
  const row = await db.insertInto('gatherings').values(values).returning('id').executeTakeFirstOrThrow();
  if (agencies.length) {
    await db.insertInto('gathering_agencies').values(agencies.map((agency_id) => ({ gathering_id: row.id, agency_id }))).execute();
  }
  return row.id;
}

export async function insertSeries(
  db: Kysely<DB>,
  values: DB['gathering_series'] extends infer T ? Omit<{ [K in keyof T]: unknown }, 'id' | 'created_at' | 'exceptions'> & { exceptions: string[] } : never,
): Promise<number> {
  const v = values as Record<string, unknown>;
  const { rows } = await sql<{ id: number }>`
    INSERT INTO gathering_series (unit_id, kind, title, rrule, first_day, until_day, start_time, minutes, holiday_rule, exceptions, created_by)
    VALUES (${v.unit_id}, ${v.kind}, ${v.title}, ${v.rrule}, ${v.first_day}, ${v.until_day}, ${v.start_time}, ${v.minutes},
            ${v.holiday_rule}, ${v.exceptions}::date[], ${v.created_by})
    RETURNING id`.execute(db);
  return rows[0].id;
}

interface SeriesRow {
  id: number;
  unit_id: number;
  unit_path: string;
  rrule: string;
  first_day: string;
  until_day: string;
  start_time: string;
  minutes: number;
  holiday_rule: string;
  exceptions: string[];
}

export async function getSeries(db: Kysely<DB>, id: number, lock = false): Promise<SeriesRow | undefined> {
  const { rows } = await sql<SeriesRow>`
    SELECT s.id, s.unit_id, u.path AS unit_path, s.rrule, s.first_day::text AS first_day, s.until_day::text AS until_day, s.start_time,
           s.minutes, s.holiday_rule, s.exceptions::text[] AS exceptions
      FROM gathering_series s JOIN units u ON u.id = s.unit_id WHERE s.id = ${id} ${lock ? sql`FOR UPDATE OF s` : sql``}`.execute(db);
  return rows[0];
}

export async function addSeriesException(db: Kysely<DB>, id: number, day: string): Promise<void> {
  await sql`UPDATE gathering_series SET exceptions = array_append(exceptions, ${day}::date)
             WHERE id = ${id} AND NOT (${day}::date = ANY (exceptions))`.execute(db);
}

export interface SeriesListRow {
  id: number;
  unit_code: string;
  unit_name: string;
  kind: GatheringKind;
  title: string;
  rrule: string;
  first_day: string;
  until_day: string;
  start_time: string;
  holiday_rule: string;
  exceptions: string[];
  moves: Array<{ gathering: number; from: string; day: string; state: GatheringState }>;
}

/** The series under a unit, within the caller's subtrees, with the gatherings their moved days were planned on. */
export async function listSeries(db: Kysely<DB>, rootPath: string, scope: readonly string[]): Promise<SeriesListRow[]> {
  if (!scope.length) return [];
  const { rows } = await sql<SeriesListRow>`
    SELECT s.id, u.code AS unit_code, u.name AS unit_name, s.kind, s.title, s.rrule, s.first_day::text AS first_day,
           s.until_day::text AS until_day, s.start_time, s.holiday_rule, s.exceptions::text[] AS exceptions,
           (SELECT coalesce(json_agg(json_build_object('gathering', g.id, 'from', g.moved_from::text,
                     'day', ((g.starts_at AT TIME ZONE u.time_zone)::date)::text, 'state', g.state) ORDER BY g.id), '[]')
              FROM gatherings g WHERE g.series_id = s.id AND g.moved_from IS NOT NULL) AS moves
      FROM gathering_series s JOIN units u ON u.id = s.unit_id
     WHERE u.path LIKE ${`${rootPath}%`}
       AND (${sql.join(scope.map((p) => sql`u.path LIKE ${`${p}%`}`), sql` OR `)})
     ORDER BY s.first_day DESC, s.id DESC
     LIMIT 200`.execute(db);
  return rows;
}

/** The planned or open gatherings of a series that begin on a local day. */
export async function seriesGatheringsOn(db: Kysely<DB>, seriesId: number, day: string): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    SELECT g.id FROM gatherings g JOIN units u ON u.id = g.unit_id
     WHERE g.series_id = ${seriesId} AND g.state IN ('planned', 'open')
       AND (g.starts_at AT TIME ZONE u.time_zone)::date = ${day}::date`.execute(db);
  return rows.map((r) => r.id);
}

export async function setState(
  db: Kysely<DB>,
  id: number,
  to: GatheringState,
  fields: { reason?: string; summary?: string; minutes?: string; outcomes?: string },
  now: Date,
): Promise<void> {
  const stamp = { open: 'opened_at', closed: 'closed_at', published: 'published_at', cancelled: 'cancelled_at', planned: null }[to];
  await db
    .updateTable('gatherings')
    .set({
      state: to,
      updated_at: now,
      ...(stamp ? { [stamp]: now } : {}),
      ...(fields.reason !== undefined ? { cancel_reason: fields.reason } : {}),
      ...(fields.summary !== undefined ? { summary: fields.summary } : {}),
      ...(fields.minutes !== undefined ? { minutes_text: fields.minutes } : {}),
      ...(fields.outcomes !== undefined ? { outcomes: fields.outcomes } : {}),
    })
    .where('id', '=', id)
    .execute();
}

// ---- the console's entries ----

export async function findEntry(db: Kysely<DB>, key: string): Promise<{ gathering_id: number; type: GatheringEntryType; result: Record<string, unknown> } | undefined> {
  return db.selectFrom('gathering_entries').select(['gathering_id', 'type', 'result']).where('key', '=', key).executeTakeFirst();
}

export async function insertEntry(
  db: Kysely<DB>,
  values: { key: string; gathering_id: number; type: GatheringEntryType; result: Record<string, unknown>; created_by: number | null; created_at: Date },
): Promise<void> {
  await db.insertInto('gathering_entries').values({ ...values, result: JSON.stringify(values.result) }).execute();
}

export async function addAttendance(db: Kysely<DB>, id: number, count: number, names: readonly string[], now: Date): Promise<number> {
  if (names.length) await db.insertInto('gathering_attendees').values(names.map((name) => ({ gathering_id: id, name, created_at: now }))).execute();
  const row = await db
    .updateTable('gatherings')
    .set({ attendance: sql`attendance + ${count}`, updated_at: now })
    .where('id', '=', id)
    .returning('attendance')
    .executeTakeFirstOrThrow();
  return row.attendance;
}

export async function linkPetition(db: Kysely<DB>, gatheringId: number, petitionId: number, via: 'raised' | 'question_ahead', now: Date): Promise<void> {
  await db.insertInto('gathering_petitions').values({ gathering_id: gatheringId, petition_id: petitionId, via, created_at: now }).execute();
}

export async function addService(db: Kysely<DB>, id: number, type: string, count: number): Promise<void> {
  await sql`INSERT INTO gathering_services (gathering_id, service_type, count) VALUES (${id}, ${type}, ${count})
            ON CONFLICT (gathering_id, service_type) DO UPDATE SET count = gathering_services.count + EXCLUDED.count`.execute(db);
}

export async function petitionOfGathering(db: Kysely<DB>, gatheringId: number, petitionId: number): Promise<boolean> {
  const row = await db
    .selectFrom('gathering_petitions')
    .select('petition_id')
    .where('gathering_id', '=', gatheringId)
    .where('petition_id', '=', petitionId)
    .executeTakeFirst();
  return !!row;
}

export async function insertRecord(db: Kysely<DB>, values: Insertable<DB['gathering_records']>): Promise<number> {
  return insertReturningId(db, 'gathering_records', values);
}

export interface RecordRow {
  id: number;
  gathering_id: number;
  gathering_title: string;
  gathering_starts_at: Date;
  unit_code: string;
  unit_name: string;
  unit_id: number;
  unit_path: string;
  time_zone: string;
  resident_account: string;
  agency_account: string;
  conclusion: string;
  responsible: string;
  due_on: string;
  done_at: Date | null;
  petition_code: string | null;
}

const recordSelect = sql`
  SELECT r.id, r.gathering_id, g.title AS gathering_title, g.starts_at AS gathering_starts_at, u.code AS unit_code, u.name AS unit_name,
         g.unit_id, g.unit_path, u.time_zone,
         r.resident_account, r.agency_account, r.conclusion, r.responsible, r.due_on::text AS due_on, r.done_at,
         p.tracking_code AS petition_code
    FROM gathering_records r JOIN gatherings g ON g.id = r.gathering_id JOIN units u ON u.id = g.unit_id
    LEFT JOIN petitions p ON p.id = r.petition_id`;

export async function recordsOf(db: Kysely<DB>, gatheringId: number): Promise<RecordRow[]> {
  const { rows } = await sql<RecordRow>`${recordSelect} WHERE r.gathering_id = ${gatheringId} ORDER BY r.id`.execute(db);
  return rows;
}

export async function getRecord(db: Kysely<DB>, id: number, lock = false): Promise<RecordRow | undefined> {
  if (lock) await sql`SELECT 1 FROM gathering_records WHERE id = ${id} FOR UPDATE`.execute(db);
  const { rows } = await sql<RecordRow>`${recordSelect} WHERE r.id = ${id}`.execute(db);
  return rows[0];
}

/**
 * Records under a unit, within the caller's subtrees: with `overdueOn`, only those still open and
 * due before that day; with `dueBy`, only those still open and due on or before it (the overdue
 * among them).
 */
export async function listRecords(
  db: Kysely<DB>,
  rootPath: string,
  scope: readonly string[],
  f: { overdueOn?: string; dueBy?: string } = {},
): Promise<RecordRow[]> {
  if (!scope.length) return [];
  const { rows } = await sql<RecordRow>`${recordSelect}
     WHERE g.unit_path LIKE ${`${rootPath}%`}
       AND (${sql.join(scope.map((p) => sql`g.unit_path LIKE ${`${p}%`}`), sql` OR `)})
       ${f.overdueOn ? sql`AND r.done_at IS NULL AND r.due_on < ${f.overdueOn}::date` : sql``}
       ${f.dueBy ? sql`AND r.done_at IS NULL AND r.due_on <= ${f.dueBy}::date` : sql``}
     ORDER BY r.due_on, r.id LIMIT 500`.execute(db);
  return rows;
}

export async function markRecordDone(db: Kysely<DB>, id: number, note: string | null, now: Date): Promise<void> {
  await db.updateTable('gathering_records').set({ done_at: now, done_note: note }).where('id', '=', id).execute();
}

export interface LinkedPetition {
  tracking_code: string;
  kind: string;
  status: string;
  via: string;
  title: string | null;
  body: string;
  resolved: boolean;
  escalated: boolean;
  public: boolean;
}

export async function petitionsOf(db: Kysely<DB>, gatheringId: number): Promise<LinkedPetition[]> {
  const { rows } = await sql<LinkedPetition>`
    SELECT p.tracking_code, p.kind, p.status, gp.via, p.title, p.body,
           p.resolved,
           p.escalated_to_path IS NOT NULL AND NOT p.resolved AS escalated,
           (p.consent_to_publish AND p.kind IN ('question', 'suggestion', 'help_request')) AS public
      FROM gathering_petitions gp JOIN petitions p ON p.id = gp.petition_id
     WHERE gp.gathering_id = ${gatheringId}
     ORDER BY p.id`.execute(db);
  return rows;
}

export async function servicesOf(db: Kysely<DB>, gatheringId: number): Promise<Array<{ type: string; count: number }>> {
  const { rows } = await sql<{ type: string; count: number }>`
    SELECT service_type AS type, count FROM gathering_services WHERE gathering_id = ${gatheringId} ORDER BY service_type`.execute(db);
  return rows;
}

export async function attendeesOf(db: Kysely<DB>, gatheringId: number): Promise<string[]> {
  const rows = await db.selectFrom('gathering_attendees').select('name').where('gathering_id', '=', gatheringId).orderBy('id').execute();
  return rows.map((r) => r.name);
}

// ---- bookings ----

export async function bookingsOf(db: Kysely<DB>, gatheringId: number): Promise<Array<{ code: string; name: string | null; phone: string }>> {
  return db
    .selectFrom('gathering_bookings')
    .select(['code', 'name', 'phone'])
    .where('gathering_id', '=', gatheringId)
    .where('cancelled_at', 'is', null)
    .orderBy('id')
    .execute();
}

export async function activeBooking(db: Kysely<DB>, gatheringId: number, phone: string): Promise<boolean> {
  const row = await db
    .selectFrom('gathering_bookings')
    .select('id')
    .where('gathering_id', '=', gatheringId)
    .where('phone', '=', phone)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return !!row;
}

export async function insertBooking(
  db: Kysely<DB>,
  values: { gathering_id: number; code: string; phone: string; name: string | null; created_at: Date },
): Promise<number> {
  return insertReturningId(db, 'gathering_bookings', values);
}

export async function findBooking(
  db: Kysely<DB>,
  gatheringId: number,
  code: string,
): Promise<{ id: number; phone: string; cancelled_at: Date | null } | undefined> {
  return db
    .selectFrom('gathering_bookings')
    .select(['id', 'phone', 'cancelled_at'])
    .where('gathering_id', '=', gatheringId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function cancelBooking(db: Kysely<DB>, id: number, now: Date): Promise<void> {
  await db.updateTable('gathering_bookings').set({ cancelled_at: now }).where('id', '=', id).execute();
}

// ---- figures ----

export interface FigureRows {
  sessions: Array<{ kind: string; host_role: string | null; sessions: number; residents: number }>;
  cancelled: number;
  opinions: { raised: number; resolved: number; higher: number; ahead: number };
  services: Array<{ type: string; count: number }>;
  records: { total: number; done: number; overdue: number };
}

/** Exact figures of the gatherings under a unit that began in [from, to). */
export async function figures(db: Kysely<DB>, rootPath: string, from: Date, to: Date, today: string): Promise<FigureRows> {
  const g = sql`SELECT id, kind, host_role, state, attendance FROM gatherings
                 WHERE unit_path LIKE ${`${rootPath}%`} AND starts_at >= ${from} AND starts_at < ${to}`;
  const [sessions, cancelled, opinions, services, records] = await Promise.all([
    sql<FigureRows['sessions'][number]>`
      WITH g AS (${g})
      SELECT kind, host_role, count(*)::int AS sessions, coalesce(sum(attendance), 0)::int AS residents
        FROM g WHERE state IN ('closed', 'published')
       GROUP BY kind, host_role ORDER BY kind, host_role NULLS FIRST`.execute(db),
    sql<{ n: number }>`WITH g AS (${g}) SELECT count(*)::int AS n FROM g WHERE state = 'cancelled'`.execute(db),
    sql<FigureRows['opinions']>`
      WITH g AS (${g})
      SELECT count(*)::int AS raised,
             count(*) FILTER (WHERE p.resolved)::int AS resolved,
             -- sent up the unit tree and not yet resolved there
             count(*) FILTER (WHERE p.escalated_to_path IS NOT NULL AND NOT p.resolved)::int AS higher,
             count(*) FILTER (WHERE gp.via = 'question_ahead')::int AS ahead
        FROM g JOIN gathering_petitions gp ON gp.gathering_id = g.id JOIN petitions p ON p.id = gp.petition_id`.execute(db),
    sql<{ type: string; count: number }>`
      WITH g AS (${g})
      SELECT s.service_type AS type, sum(s.count)::int AS count
        FROM g JOIN gathering_services s ON s.gathering_id = g.id
       GROUP BY s.service_type ORDER BY s.service_type`.execute(db),
    sql<FigureRows['records']>`
      WITH g AS (${g})
      SELECT count(*)::int AS total, count(*) FILTER (WHERE r.done_at IS NOT NULL)::int AS done,
             count(*) FILTER (WHERE r.done_at IS NULL AND r.due_on < ${today}::date)::int AS overdue
        FROM g JOIN gathering_records r ON r.gathering_id = g.id`.execute(db),
  ]);
  return {
    sessions: sessions.rows,
    cancelled: cancelled.rows[0].n,
    opinions: opinions.rows[0],
    services: services.rows,
    records: records.rows[0],
  };
}

// ---- the law's minimum ----

export interface MinimumRow {
  id: number;
  country: string;
  level: string;
  role: string;
  days: number;
  per: 'week' | 'month';
  valid_from: string;
  valid_to: string | null;
  source: string;
}

export async function listMinimums(db: Kysely<DB>): Promise<MinimumRow[]> {
  const { rows } = await sql<MinimumRow>`
    SELECT id, country, level, role, days, per, valid_from::text AS valid_from, valid_to::text AS valid_to, source
      FROM reception_minimums ORDER BY country, level, role, valid_from`.execute(db);
  return rows;
}

export async function upsertMinimum(db: Kysely<DB>, m: Omit<MinimumRow, 'id'>, now: Date): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO reception_minimums (country, level, role, days, per, valid_from, valid_to, source, updated_at)
    VALUES (${m.country}, ${m.level}, ${m.role}, ${m.days}, ${m.per}, ${m.valid_from}::date, ${m.valid_to}::date, ${m.source}, ${now})
    ON CONFLICT (country, level, role, valid_from) DO UPDATE
      SET days = EXCLUDED.days, per = EXCLUDED.per, valid_to = EXCLUDED.valid_to, source = EXCLUDED.source, updated_at = EXCLUDED.updated_at
    RETURNING id`.execute(db);
  return rows[0].id;
}

interface ComplianceUnit {
  id: number;
  code: string;
  name: string;
  level: string;
  country: string;
  time_zone: string;
}

/** Current units under the root, inside the caller's subtrees, whose level has a minimum in their country. */
export async function unitsWithMinimum(db: Kysely<DB>, rootPath: string, scope: readonly string[]): Promise<ComplianceUnit[]> {
  if (!scope.length) return [];
  const { rows } = await sql<ComplianceUnit>`
    SELECT u.id, u.code, u.name, u.level, u.country, u.time_zone
      FROM units u
     WHERE u.path LIKE ${`${rootPath}%`} AND u.valid_to IS NULL
       AND (${sql.join(scope.map((p) => sql`u.path LIKE ${`${p}%`}`), sql` OR `)})
       AND EXISTS (SELECT 1 FROM reception_minimums m WHERE m.country = u.country AND m.level = u.level)
     ORDER BY u.path
     LIMIT 2000`.execute(db);
  return rows;
}

/** The local days of reception of these units and role between two instants: planned (not cancelled) and held. */
export async function receptionDays(
  db: Kysely<DB>,
  unitIds: readonly number[],
  from: Date,
  to: Date,
): Promise<Array<{ unit_id: number; host_role: string | null; day: string; held: boolean }>> {
  if (!unitIds.length) return [];
  const { rows } = await sql<{ unit_id: number; host_role: string | null; day: string; held: boolean }>`
    SELECT g.unit_id, g.host_role, ((g.starts_at AT TIME ZONE u.time_zone)::date)::text AS day,
           bool_or(g.state IN ('closed', 'published')) AS held
      FROM gatherings g JOIN units u ON u.id = g.unit_id
     WHERE g.unit_id = ANY (${[...unitIds]}::bigint[]) AND g.kind = 'reception_day' AND g.state <> 'cancelled'
       AND g.starts_at >= ${from} AND g.starts_at < ${to}
     GROUP BY 1, 2, 3`.execute(db);
  return rows;
}

// ---- the files of the minutes ----

export type MinutesFileRow = Omit<Selectable<DB['gathering_attachments']>, 'uploaded_by'>;

export async function minutesFilesOf(db: Kysely<DB>, gatheringId: number): Promise<MinutesFileRow[]> {
  return db
    .selectFrom('gathering_attachments')
    .select(['id', 'gathering_id', 'sha256', 'filename', 'content_type', 'size', 'public', 'created_at'])
    .where('gathering_id', '=', gatheringId)
    .orderBy('id')
    .execute();
}

export async function findMinutesFile(db: Kysely<DB>, gatheringId: number, id: number): Promise<MinutesFileRow | undefined> {
  return db
    .selectFrom('gathering_attachments')
    .select(['id', 'gathering_id', 'sha256', 'filename', 'content_type', 'size', 'public', 'created_at'])
    .where('gathering_id', '=', gatheringId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** How many files a gathering's minutes have and their bytes together. */
export async function minutesFilesUsage(db: Kysely<DB>, gatheringId: number): Promise<{ files: number; bytes: number }> {
  const { rows } = await sql<{ files: number; bytes: string }>`
    SELECT count(*)::int AS files, coalesce(sum(size), 0)::bigint AS bytes FROM gathering_attachments WHERE gathering_id = ${gatheringId}`.execute(db);
  return { files: rows[0].files, bytes: Number(rows[0].bytes) };
}

export async function insertMinutesFile(
  db: Kysely<DB>,
  values: { gathering_id: number; sha256: string; filename: string; content_type: string; size: number; public: boolean; uploaded_by: number | null; created_at: Date },
): Promise<number> {
  return insertReturningId(db, 'gathering_attachments', values);
}
