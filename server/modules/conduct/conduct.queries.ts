/** All SQL of the conduct module: norm sets and their versions, counter devices, ratings, findings. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, LocaleNames } from '../../schema.ts';
import type { FindingOutcome, SatisfactionRatingsTable } from './conduct.tables.ts';

export interface NormRow {
  set_id: number;
  key: string;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  version_id: number;
  version: number;
  names: LocaleNames;
  valid_from: Date;
  norm_id: number | null;
  code: string | null;
  texts: LocaleNames | null;
}

/**
 * The norm sets in force at a unit at `at`: the sets of the unit and of every unit above it,
 * each in its latest version valid by then, with their norms in order.
 */
export async function normSetsInForce(db: Kysely<DB>, unitPath: string, at: Date): Promise<NormRow[]> {
  const { rows } = await sql<NormRow>`
    SELECT s.id AS set_id, s.key, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, v.id AS version_id, v.version, v.names, v.valid_from,
           n.id AS norm_id, n.code, n.texts
    FROM norm_sets s
    JOIN units u ON u.id = s.unit_id
    JOIN LATERAL (
      SELECT * FROM norm_set_versions v WHERE v.set_id = s.id AND v.valid_from <= ${at} ORDER BY v.version DESC LIMIT 1
    ) v ON true
    LEFT JOIN norms n ON n.version_id = v.id
    WHERE ${unitPath} LIKE u.path || '%'
    ORDER BY u.depth, s.key, s.id, n.position`.execute(db);
  return rows.map((r) => ({ ...r, set_id: Number(r.set_id), version_id: Number(r.version_id), norm_id: r.norm_id === null ? null : Number(r.norm_id) }));
}

/** One version of a set (the latest when `version` is absent), with its norms. */
export async function normSetVersion(db: Kysely<DB>, setId: number, version?: number): Promise<NormRow[]> {
  const { rows } = await sql<NormRow>`
    SELECT s.id AS set_id, s.key, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, v.id AS version_id, v.version, v.names, v.valid_from,
           n.id AS norm_id, n.code, n.texts
    FROM norm_sets s
    JOIN units u ON u.id = s.unit_id
    JOIN norm_set_versions v ON v.set_id = s.id
    LEFT JOIN norms n ON n.version_id = v.id
    WHERE s.id = ${setId}
      AND v.version = ${version === undefined ? sql`(SELECT max(version) FROM norm_set_versions WHERE set_id = ${setId})` : sql`${version}`}
    ORDER BY n.position`.execute(db);
  return rows.map((r) => ({ ...r, set_id: Number(r.set_id), version_id: Number(r.version_id), norm_id: r.norm_id === null ? null : Number(r.norm_id) }));
}

export async function findNormSet(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('norm_sets as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.key', 's.unit_id', 'u.path as unit_path', 'u.code as unit_code'])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export async function findNormSetByKey(db: Kysely<DB>, unitId: number, key: string) {
  return db.selectFrom('norm_sets').select('id').where('unit_id', '=', unitId).where('key', '=', key).executeTakeFirst();
}

export async function insertNormSet(db: Kysely<DB>, unitId: number, key: string): Promise<number> {
  const row = await db.insertInto('norm_sets').values({ unit_id: unitId, key }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Adds the next version of a set with its norms; answers the version number. */
export async function insertNormSetVersion(
  db: Kysely<DB>,
  setId: number,
  values: { names: LocaleNames; validFrom: Date; createdBy: number | null; norms: Array<{ code: string; texts: LocaleNames }> },
): Promise<number> {
  const last = await db
    .selectFrom('norm_set_versions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('set_id', '=', setId)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  const row = await db
    .insertInto('norm_set_versions')
    .values({ set_id: setId, version, names: JSON.stringify(values.names), valid_from: values.validFrom, created_by: values.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (values.norms.length) {
    await db
      .insertInto('norms')
      .values(values.norms.map((n, i) => ({ version_id: Number(row.id), code: n.code, texts: JSON.stringify(n.texts), position: i + 1 })))
      .execute();
  }
  return version;
}

/** Records the norms a conduct report names (ids already checked to be in force). */
export async function insertReportedNorms(db: Kysely<DB>, petitionId: number, normIds: readonly number[]): Promise<void> {
  if (!normIds.length) return;
  await db.insertInto('petition_reported_norms').values(normIds.map((norm_id) => ({ petition_id: petitionId, norm_id }))).execute();
}

export async function reportedNormIds(db: Kysely<DB>, petitionId: number): Promise<number[]> {
  const rows = await db.selectFrom('petition_reported_norms').select('norm_id').where('petition_id', '=', petitionId).orderBy('norm_id').execute();
  return rows.map((r) => Number(r.norm_id));
}

/** Norms by id, with their set and version (what a finding or a rating cites). */
export async function normsById(db: Kysely<DB>, ids: readonly number[]) {
  if (!ids.length) return [];
  const { rows } = await sql<{ id: number; code: string; texts: LocaleNames; set_id: number; key: string; version: number }>`
    SELECT n.id, n.code, n.texts, s.id AS set_id, s.key, v.version
    FROM norms n JOIN norm_set_versions v ON v.id = n.version_id JOIN norm_sets s ON s.id = v.set_id
    WHERE n.id = ANY(${sql.val(ids.map(Number))}::bigint[])
    ORDER BY s.key, v.version, n.position`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id), set_id: Number(r.set_id) }));
}

// ---- service points, devices and ratings ----

export interface ServicePointPlace {
  id: number;
  name: string;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_names: LocaleNames;
  unit_path: string;
}

function placeSelect(db: Kysely<DB>) {
  return db
    .selectFrom('service_points as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.name', 'u.id as unit_id', 'u.code as unit_code', 'u.name as unit_name', 'u.names as unit_names', 'u.path as unit_path']);
}

export async function servicePointPlace(db: Kysely<DB>, id: number): Promise<ServicePointPlace | undefined> {
  const row = await placeSelect(db).where('p.id', '=', id).executeTakeFirst();
  return row && { ...row, id: Number(row.id), unit_id: Number(row.unit_id) };
}

export async function insertDevice(
  db: Kysely<DB>,
  values: { servicePointId: number; name: string; codeHash: string; expiresAt: Date; createdBy: number; now: Date },
): Promise<number> {
  const row = await db
    .insertInto('satisfaction_devices')
    .values({
      service_point_id: values.servicePointId,
      name: values.name,
      enrolment_code_hash: values.codeHash,
      enrolment_expires_at: values.expiresAt,
      created_by: values.createdBy,
      created_at: values.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The device waiting for this enrolment code, locked for its enrolment. */
export async function deviceByEnrolmentCode(db: Kysely<DB>, codeHash: string) {
  return db
    .selectFrom('satisfaction_devices')
    .select(['id', 'service_point_id', 'enrolment_expires_at', 'revoked_at'])
    .where('enrolment_code_hash', '=', codeHash)
    .forUpdate()
    .executeTakeFirst();
}

/** The one-time code is spent: only the token's hash is kept from now on. */
export async function setDeviceToken(db: Kysely<DB>, id: number, tokenHash: string, now: Date): Promise<void> {
  await db
    .updateTable('satisfaction_devices')
    .set({ token_hash: tokenHash, enrolment_code_hash: null, enrolment_expires_at: null, enrolled_at: now })
    .where('id', '=', id)
    .execute();
}

export async function revokeDeviceRow(db: Kysely<DB>, id: number, now: Date): Promise<void> {
  await db.updateTable('satisfaction_devices').set({ revoked_at: now, token_hash: null, enrolment_code_hash: null }).where('id', '=', id).execute();
}

export async function deviceByToken(db: Kysely<DB>, tokenHash: string) {
  const row = await db
    .selectFrom('satisfaction_devices')
    .select(['id', 'service_point_id', 'name'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row && { ...row, id: Number(row.id), service_point_id: Number(row.service_point_id) };
}

export async function findDevice(db: Kysely<DB>, id: number) {
  const row = await db
    .selectFrom('satisfaction_devices as d')
    .innerJoin('service_points as p', 'p.id', 'd.service_point_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['d.id', 'd.name', 'd.revoked_at', 'u.id as unit_id', 'u.path as unit_path'])
    .where('d.id', '=', id)
    .executeTakeFirst();
  return row && { ...row, id: Number(row.id), unit_id: Number(row.unit_id) };
}

export interface DeviceListRow {
  id: number;
  name: string;
  service_point_id: number;
  service_point_name: string;
  enrolled_at: Date | null;
  enrolment_expires_at: Date | null;
  revoked_at: Date | null;
}

/** The devices at the unit's service points (not below it). */
export async function unitDevices(db: Kysely<DB>, unitId: number): Promise<DeviceListRow[]> {
  const rows = await db
    .selectFrom('satisfaction_devices as d')
    .innerJoin('service_points as p', 'p.id', 'd.service_point_id')
    .select(['d.id', 'd.name', 'd.service_point_id', 'p.name as service_point_name', 'd.enrolled_at', 'd.enrolment_expires_at', 'd.revoked_at'])
    .where('p.unit_id', '=', unitId)
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), service_point_id: Number(r.service_point_id) }));
}

/** Ratings given since `since` from this device, or from this phone's browser. */
export async function ratingsSince(db: Kysely<DB>, by: { deviceId: number } | { raterHash: string }, since: Date): Promise<number> {
  const row = await db
    .selectFrom('satisfaction_ratings')
    .select((eb) => eb.fn.countAll().as('n'))
    .$if('deviceId' in by, (q) => q.where('device_id', '=', (by as { deviceId: number }).deviceId))
    .$if('raterHash' in by, (q) => q.where('rater_hash', '=', (by as { raterHash: string }).raterHash))
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function lastRatingAt(db: Kysely<DB>, deviceId: number): Promise<Date | null> {
  const row = await db
    .selectFrom('satisfaction_ratings')
    .select((eb) => eb.fn.max('created_at').as('at'))
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
  return row?.at ? new Date(row.at as Date) : null;
}

/** A rating as written; a gathering's rating names its gathering and booking, others leave them out. */
type NewRating = Omit<Selectable<SatisfactionRatingsTable>, 'id' | 'gathering_id' | 'booking_id'> & { gathering_id?: number | null; booking_id?: number | null };

export async function insertRating(db: Kysely<DB>, r: NewRating): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO satisfaction_ratings (source, device_id, rater_hash, service_point_id, gathering_id, booking_id, unit_id, unit_path, official_id, procedure, score, norm_ids, comment, created_at)
    VALUES (${r.source}, ${r.device_id}, ${r.rater_hash}, ${r.service_point_id}, ${r.gathering_id ?? null}, ${r.booking_id ?? null}, ${r.unit_id}, ${r.unit_path}, ${r.official_id}, ${r.procedure},
            ${r.score}, ${sql.val(r.norm_ids)}::bigint[], ${r.comment}, ${r.created_at})
    RETURNING id`.execute(db);
  return Number(rows[0].id);
}

/** The key that signs rating links (drawn by the migration). */
export async function linkKey(db: Kysely<DB>): Promise<string> {
  const row = await db.selectFrom('satisfaction_link_keys').select('key').where('id', '=', 1).executeTakeFirstOrThrow();
  return row.key;
}

// ---- conduct reports and findings ----

interface ConductCase {
  id: number;
  kind: string;
  status: string;
  unit_id: number;
  unit_path: string;
  leader_id: number | null;
  reported_official_id: number | null;
}

export async function conductCase(db: Kysely<DB>, petitionId: number, lock = false): Promise<ConductCase | undefined> {
  const row = await db
    .selectFrom('petitions')
    .select(['id', 'kind', 'status', 'unit_id', 'unit_path', 'leader_id', 'reported_official_id'])
    .where('id', '=', petitionId)
    .$if(lock, (q) => q.forUpdate())
    .executeTakeFirst();
  return row && { ...row, id: Number(row.id), unit_id: Number(row.unit_id) };
}

/** The path of the unit of the official's highest grant (where their scorecard's unit figures count them). */
export async function officialHomePath(db: Kysely<DB>, officialId: number): Promise<string | null> {
  const row = await db
    .selectFrom('grants as g')
    .innerJoin('units as u', 'u.id', 'g.unit_id')
    .select('u.path')
    .where('g.account_id', '=', officialId)
    .orderBy('u.depth')
    .orderBy('u.id')
    .executeTakeFirst();
  return row?.path ?? null;
}

export async function findFinding(db: Kysely<DB>, petitionId: number) {
  return db.selectFrom('conduct_findings').selectAll().where('petition_id', '=', petitionId).executeTakeFirst();
}

export async function insertFinding(
  db: Kysely<DB>,
  f: { petitionId: number; officialId: number; unitPath: string; outcome: FindingOutcome; normIds: number[]; reasons: string; recordedBy: number; at: Date },
): Promise<void> {
  await sql`
    INSERT INTO conduct_findings (petition_id, official_id, unit_path, outcome, norm_ids, reasons, recorded_by, recorded_at)
    VALUES (${f.petitionId}, ${f.officialId}, ${f.unitPath}, ${f.outcome}, ${sql.val(f.normIds)}::bigint[], ${f.reasons}, ${f.recordedBy}, ${f.at})`.execute(db);
}

export async function officialName(db: Kysely<DB>, id: number): Promise<string | undefined> {
  const row = await db.selectFrom('accounts').select('name').where('id', '=', id).where('kind', '=', 'official').executeTakeFirst();
  return row?.name;
}

// ---- who is on duty at a counter ----

interface DutyRow {
  official_id: number | null;
  official_name: string | null;
  set_at: Date;
}

/** The official on duty at the service point now, if they still belong to its unit's staff directory. */
export async function dutyAt(db: Kysely<DB>, place: { id: number; unit_id: number }): Promise<DutyRow | undefined> {
  const { rows } = await sql<DutyRow>`
    SELECT CASE WHEN staff.id IS NULL THEN NULL ELSE d.official_id END AS official_id,
           staff.name AS official_name, d.set_at
    FROM service_point_duty d
    LEFT JOIN LATERAL (
      SELECT a.id, a.name FROM accounts a JOIN grants g ON g.account_id = a.id
      WHERE a.id = d.official_id AND g.unit_id = ${place.unit_id} AND a.kind = 'official' AND a.disabled_at IS NULL
      LIMIT 1
    ) staff ON true
    WHERE d.service_point_id = ${place.id}`.execute(db);
  const row = rows[0];
  return row && { ...row, official_id: row.official_id === null ? null : Number(row.official_id) };
}

/** The duty row locked for a change (the previous official, for the audit). */
export async function lockDuty(db: Kysely<DB>, servicePointId: number) {
  return db.selectFrom('service_point_duty').select('official_id').where('service_point_id', '=', servicePointId).forUpdate().executeTakeFirst();
}

export async function upsertDuty(db: Kysely<DB>, d: { servicePointId: number; officialId: number | null; setBy: number; at: Date }): Promise<void> {
  const row = { service_point_id: d.servicePointId, official_id: d.officialId, set_by: d.setBy, set_at: d.at };
  await db
    .insertInto('service_point_duty')
    .values(row)
    .onConflict((oc) => oc.column('service_point_id').doUpdateSet({ official_id: d.officialId, set_by: d.setBy, set_at: d.at }))
    .execute();
}

// ---- ratings of gatherings, by booking code ----

interface BookingToRate {
  booking_id: number;
  phone: string;
  gathering_id: number;
  kind: string;
  title: string;
  state: string;
  starts_at: Date;
  host_id: number | null;
  host_name: string | null;
  unit_id: number;
  unit_path: string;
  unit_code: string;
  unit_name: string;
  unit_names: LocaleNames;
  time_zone: string;
  rated_at: Date | null;
}

/** The booking a code names (not cancelled), its gathering and unit, and when it was rated; `lock` holds the booking. */
export async function bookingToRate(db: Kysely<DB>, code: string, lock = false): Promise<BookingToRate | undefined> {
  const { rows } = await sql<BookingToRate>`
    SELECT b.id AS booking_id, b.phone, g.id AS gathering_id, g.kind, g.title, g.state, g.starts_at, g.host_id, a.name AS host_name,
           g.unit_id, g.unit_path, u.code AS unit_code, u.name AS unit_name, u.names AS unit_names, u.time_zone,
           (SELECT s.created_at FROM satisfaction_ratings s WHERE s.booking_id = b.id) AS rated_at
      FROM gathering_bookings b
      JOIN gatherings g ON g.id = b.gathering_id
      JOIN units u ON u.id = g.unit_id
      LEFT JOIN accounts a ON a.id = g.host_id
     WHERE b.code = ${code} AND b.cancelled_at IS NULL
     ${lock ? sql`FOR UPDATE OF b` : sql``}`.execute(db);
  const r = rows[0];
  return (
    r && {
      ...r,
      booking_id: Number(r.booking_id),
      gathering_id: Number(r.gathering_id),
      host_id: r.host_id === null ? null : Number(r.host_id),
      unit_id: Number(r.unit_id),
      starts_at: new Date(r.starts_at),
      rated_at: r.rated_at === null ? null : new Date(r.rated_at),
    }
  );
}

/** Gatherings' ratings given since `since` with bookings made with this phone number. */
export async function phoneRatingsSince(db: Kysely<DB>, phone: string, since: Date): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    SELECT count(*) AS n FROM satisfaction_ratings s JOIN gathering_bookings b ON b.id = s.booking_id
     WHERE b.phone = ${phone} AND s.created_at > ${since}`.execute(db);
  return Number(rows[0].n);
}
