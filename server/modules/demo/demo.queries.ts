/** All SQL of the demo module: what already exists, so that seeding only adds what is missing. */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { AuditEventsTable, DB } from '../../schema.ts';
import type { Official } from '../../platform/access.ts';
import type { Role } from '../../contract/domain.ts';

/** Empty means no units yet: an administrator created at start does not make a deployment. */
export async function hasNoUnits(db: Kysely<DB>): Promise<boolean> {
  return !(await db.selectFrom('units').select('id').limit(1).executeTakeFirst());
}

export async function existingUnitCodes(db: Kysely<DB>, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await db.selectFrom('units').select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}

export async function existingUsernames(db: Kysely<DB>, usernames: string[]): Promise<Set<string>> {
  if (!usernames.length) return new Set();
  const rows = await db.selectFrom('accounts').select('username').where('username', 'in', usernames).execute();
  return new Set(rows.map((r) => r.username).filter((u): u is string => u !== null));
}

/** Where the demo's petitions are placed: each unit's tree path, country and time zone, by code. */
export function unitPlaces(db: Kysely<DB>, codes: string[]) {
  return db.selectFrom('units').select(['id', 'code', 'path', 'country', 'time_zone']).where('code', 'in', codes).execute();
}

/** Whether a unit has its own policy of a kind for a channel: seeding never overwrites one. */
export async function hasUnitPolicy(db: Kysely<DB>, unitId: number, kind: string, channel: string): Promise<boolean> {
  return !!(await db
    .selectFrom('deadline_policies')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('kind', '=', kind as never)
    .where('channel', '=', channel as never)
    .executeTakeFirst());
}

/** Every deadline policy (a few rows per kind), to compute the demo's due times as intake would. */
export function allDeadlinePolicies(db: Kysely<DB>) {
  return db.selectFrom('deadline_policies').selectAll().execute();
}

/** Whether the demo's history is there: its first petition's tracking code is taken. */
export async function hasDemoPetition(db: Kysely<DB>, trackingCode: string): Promise<boolean> {
  return !!(await db.selectFrom('petitions').select('id').where('tracking_code', '=', trackingCode).executeTakeFirst());
}

interface DemoPetitionRow {
  tracking_code: string; kind: string; category: string | null; channel: string; body: string; language: string;
  status: string; origin: string; unit: string; recorded_by: string | null; handler: string | null; leader: string | null;
  answered_by: string | null; answer_text: string | null; answered_on_the_spot: boolean; search_text: string;
  submitted_at: string; ack_due_at: string; due_at: string; accepted_at: string | null; answered_at: string | null;
  closed_at: string | null; resolved_at: string | null; resolved_on_time: boolean | null; escalated_at: string | null;
  rating: string | null; rated_at: string | null; anonymous: boolean; consent_to_publish: boolean;
  location_lat: number | null; location_lng: number | null;
}
interface DemoPetitionerRow { tracking_code: string; name: string | null; locale: string; access_key_hash: string; created_at: string }
interface DemoEventRow { n: number; tracking_code: string; at: string; type: string; by: string | null; actor_label: string; to_status: string; text: string | null; visibility: string }
interface DemoRatingRow { tracking_code: string; score: string; created_at: string }

/**
 * Writes the demo's petitions in bulk: one statement per table, units and officials found by
 * their codes and usernames. Answers each petition's id and unit for its audit event.
 */
export async function insertDemoPetitions(
  trx: Kysely<DB>,
  rows: { petitions: DemoPetitionRow[]; petitioners: DemoPetitionerRow[]; events: DemoEventRow[]; ratings: DemoRatingRow[] },
): Promise<Array<{ id: number; tracking_code: string; unit_id: number }>> {
  const { rows: inserted } = await sql<{ id: number; tracking_code: string; unit_id: number }>`
    INSERT INTO petitions (tracking_code, kind, category, channel, body, language, status, anonymous, consent_to_publish,
      unit_id, unit_path, origin_unit_id, origin_unit_path, recorded_by, handler_id, leader_id,
      ack_due_at, due_at, original_due_at, answer_text, answered_by, answer_count, answered_on_the_spot,
      submitted_at, accepted_at, answered_at, last_answered_at, closed_at, resolved, resolved_at, resolved_on_time,
      escalation_count, escalated_at, escalated_to_path, rating, rated_at, search, created_at, updated_at, location_lat, location_lng)
    SELECT r.tracking_code, r.kind, r.category, r.channel, r.body, r.language, r.status, r.anonymous, r.consent_to_publish,
      u.id, u.path, o.id, o.path, rec.id, h.id, l.id,
      r.ack_due_at, r.due_at, r.due_at, r.answer_text, ans.id, CASE WHEN r.answered_at IS NULL THEN 0 ELSE 1 END, r.answered_on_the_spot,
      r.submitted_at, r.accepted_at, r.answered_at, r.answered_at, r.closed_at, r.resolved_at IS NOT NULL, r.resolved_at, r.resolved_on_time,
      CASE WHEN r.escalated_at IS NULL THEN 0 ELSE 1 END, r.escalated_at, CASE WHEN r.escalated_at IS NULL THEN NULL ELSE u.path END,
      r.rating, r.rated_at, to_tsvector('simple', r.search_text), r.submitted_at, greatest(r.submitted_at, r.answered_at, r.closed_at, r.rated_at, r.escalated_at),
      r.location_lat, r.location_lng
    FROM jsonb_to_recordset(${JSON.stringify(rows.petitions)}::jsonb) AS r(
      tracking_code text, kind text, category text, channel text, body text, language text, status text, anonymous boolean, consent_to_publish boolean,
      origin text, unit text, recorded_by text, handler text, leader text, answered_by text, answer_text text,
      answered_on_the_spot boolean, search_text text, submitted_at timestamptz, ack_due_at timestamptz, due_at timestamptz,
      accepted_at timestamptz, answered_at timestamptz, closed_at timestamptz, resolved_at timestamptz, resolved_on_time boolean,
      escalated_at timestamptz, rating text, rated_at timestamptz, location_lat float8, location_lng float8)
    JOIN units u ON u.code = r.unit
    JOIN units o ON o.code = r.origin
    LEFT JOIN accounts rec ON rec.username = r.recorded_by
    LEFT JOIN accounts h ON h.username = r.handler
    LEFT JOIN accounts l ON l.username = r.leader
    LEFT JOIN accounts ans ON ans.username = r.answered_by
    RETURNING id, tracking_code, unit_id`.execute(trx);
  await sql`
    INSERT INTO petitioners (petition_id, name, locale, access_key_hash, created_at)
    SELECT p.id, r.name, r.locale, r.access_key_hash, r.created_at
      FROM jsonb_to_recordset(${JSON.stringify(rows.petitioners)}::jsonb) AS r(tracking_code text, name text, locale text, access_key_hash text, created_at timestamptz)
      JOIN petitions p ON p.tracking_code = r.tracking_code`.execute(trx);
  await sql`
    INSERT INTO petition_events (petition_id, at, type, actor_id, actor_label, to_status, unit_id, text, visibility)
    SELECT p.id, r.at, r.type, a.id, r.actor_label, r.to_status, p.unit_id, r.text, r.visibility
      FROM jsonb_to_recordset(${JSON.stringify(rows.events)}::jsonb) AS r(tracking_code text, at timestamptz, type text, by text, actor_label text, to_status text, text text, visibility text, n int)
      JOIN petitions p ON p.tracking_code = r.tracking_code
      LEFT JOIN accounts a ON a.username = r.by
     ORDER BY r.n`.execute(trx);
  await sql`
    INSERT INTO petition_ratings (petition_id, case_id, petitioner_id, answer_number, score, created_at)
    SELECT p.id, p.id, pe.id, 1, r.score, r.created_at
      FROM jsonb_to_recordset(${JSON.stringify(rows.ratings)}::jsonb) AS r(tracking_code text, score text, created_at timestamptz)
      JOIN petitions p ON p.tracking_code = r.tracking_code
      JOIN petitioners pe ON pe.petition_id = p.id`.execute(trx);
  return inserted.map((r) => ({ ...r, id: Number(r.id), unit_id: Number(r.unit_id) }));
}

export async function insertAuditRows(trx: Kysely<DB>, rows: Array<Insertable<AuditEventsTable>>): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await trx.insertInto('audit_events').values(rows.slice(i, i + 1000)).execute();
}

/** A demo official as the actor of the commands the seeder runs in their name (articles are written and reviewed by people). */
export async function demoOfficialActor(db: Kysely<DB>, username: string): Promise<Official | undefined> {
  const account = await db.selectFrom('accounts').select(['id', 'name', 'username', 'agency_id']).where('username', '=', username).executeTakeFirst();
  if (!account) return undefined;
  const grants = await db
    .selectFrom('grants as g')
    .leftJoin('units as u', 'u.id', 'g.unit_id')
    .select(['g.unit_id', 'u.code', sql<string>`coalesce(u.path, '/')`.as('path'), 'g.role'])
    .where('g.account_id', '=', account.id)
    .execute();
  return {
    kind: 'official',
    id: account.id,
    name: account.name,
    username: account.username ?? username,
    agencyId: account.agency_id,
    grants: grants.map((g) => ({ unitId: g.unit_id, unitCode: g.code, unitPath: g.path, role: g.role as Role })),
  };
}

export async function articleCount(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The tasks of a matter, in order (the demo refers to them by position). */
export async function matterTaskIds(db: Kysely<DB>, matterId: number): Promise<number[]> {
  const rows = await db.selectFrom('matter_tasks').select('id').where('matter_id', '=', matterId).orderBy('id').execute();
  return rows.map((r) => Number(r.id));
}

export async function consultationOptionIds(db: Kysely<DB>, consultationId: number): Promise<number[]> {
  const rows = await db.selectFrom('consultation_options').select('id').where('consultation_id', '=', consultationId).orderBy('position').execute();
  return rows.map((r) => Number(r.id));
}

export async function committeeIdOfUnit(db: Kysely<DB>, unitId: number): Promise<number | undefined> {
  return (await db.selectFrom('steering_committees').select('id').where('unit_id', '=', unitId).executeTakeFirst())?.id;
}

/** A demo account's e-mail address, given once when it is created (no setup code is sent). */
export async function setDemoEmail(db: Kysely<DB>, username: string, email: string): Promise<void> {
  await db.updateTable('accounts').set({ email }).where('username', '=', username).where('email', 'is', null).execute();
}

export async function hasYearTargets(db: Kysely<DB>, unitId: number, year: number): Promise<boolean> {
  return !!(await db.selectFrom('report_targets').select('unit_id').where('unit_id', '=', unitId).where('year', '=', year).executeTakeFirst());
}

export async function hasMeetingTitled(db: Kysely<DB>, committeeId: number, title: string): Promise<boolean> {
  return !!(await db.selectFrom('steering_meetings').select('id').where('committee_id', '=', committeeId).where('title', '=', title).executeTakeFirst());
}

export async function committeeMemberIds(db: Kysely<DB>, committeeId: number): Promise<number[]> {
  return (await db.selectFrom('steering_members').select('id').where('committee_id', '=', committeeId).orderBy('position_order').execute()).map((r) => r.id);
}

/** The ids of a unit's norm set with this key (none or one). */
export async function normSetIds(db: Kysely<DB>, unitId: number, key: string): Promise<number[]> {
  const rows = await db.selectFrom('norm_sets').select('id').where('unit_id', '=', unitId).where('key', '=', key).execute();
  return rows.map((r) => Number(r.id));
}

/** Has this service point a counter tablet already? */
export async function hasDevices(db: Kysely<DB>, servicePointId: number): Promise<boolean> {
  return (await db.selectFrom('satisfaction_devices').select('id').where('service_point_id', '=', servicePointId).limit(1).executeTakeFirst()) !== undefined;
}

/** Whether the demo's gatherings of a unit are there already (their first title is the mark). */
export async function hasGatheringTitled(db: Kysely<DB>, unitId: number, title: string): Promise<boolean> {
  const row = await db.selectFrom('gatherings').select('id').where('unit_id', '=', unitId).where('title', '=', title).executeTakeFirst();
  return !!row;
}

/** A unit's gatherings of this title, in their order, with their states. */
export async function gatheringsTitled(db: Kysely<DB>, unitId: number, title: string): Promise<Array<{ id: number; state: string; starts_at: Date }>> {
  return db.selectFrom('gatherings').select(['id', 'state', 'starts_at']).where('unit_id', '=', unitId).where('title', '=', title).orderBy('starts_at').execute();
}

/** The first agency of a kind in a unit (the demo's land registry, reception committee …). */
export async function agencyOfKind(db: Kysely<DB>, unitId: number, kind: string): Promise<number | undefined> {
  const row = await db.selectFrom('agencies').select('id').where('unit_id', '=', unitId).where('kind', '=', kind).orderBy('id').executeTakeFirst();
  return row?.id;
}

/**
 * The demo's routed history: each petition with a category is given the agency a dispatcher
 * would have chosen, the closest one up its branch of the kind that deals with the category.
 */
export async function routeDemoHistory(db: Kysely<DB>): Promise<number> {
  const result = await sql`
    UPDATE petitions p SET agency_id = (
      SELECT a.id FROM agencies a JOIN units u ON u.id = a.unit_id
       WHERE p.unit_path LIKE u.path || '%'
         AND a.kind = CASE p.category
               WHEN 'land' THEN 'land_registry'
               WHEN 'social_welfare' THEN 'social_insurance'
               WHEN 'administration' THEN 'one_stop_shop'
               WHEN 'security' THEN 'police'
               ELSE 'people_committee' END
       ORDER BY length(u.path) DESC, a.id LIMIT 1)
     WHERE p.agency_id IS NULL AND p.category IS NOT NULL AND p.kind NOT IN ('denunciation', 'conduct_report')`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export async function hasPhoto(db: Kysely<DB>, accountId: number): Promise<boolean> {
  return (await db.selectFrom('official_photos').select('account_id').where('account_id', '=', accountId).executeTakeFirst()) !== undefined;
}

/** How many ratings residents gave a gathering with their booking codes. */
export async function gatheringRatingCount(db: Kysely<DB>, gatheringId: number): Promise<number> {
  const row = await db.selectFrom('satisfaction_ratings').select((eb) => eb.fn.countAll().as('n')).where('gathering_id', '=', gatheringId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A booking made before a gathering the demo already holds (booking is closed once it has started). */
export async function insertDemoBooking(db: Kysely<DB>, b: { gatheringId: number; code: string; phone: string; name: string; at: Date }): Promise<void> {
  await db.insertInto('gathering_bookings').values({ gathering_id: b.gatheringId, code: b.code, phone: b.phone, name: b.name, created_at: b.at }).execute();
}
