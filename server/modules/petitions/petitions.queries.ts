/** Every SQL statement of the petitions module. */
import { CompiledQuery, sql, type ExpressionBuilder, type RawBuilder, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../../schema.ts';
import { executePrepared, literalList, type Database } from '../../platform/db.ts';
import { unitScope, type Official } from '../../platform/access.ts';
import { conflict } from '../../platform/errors.ts';
import type { AttachmentType, PetitionsTable } from './petitions.tables.ts';
import type { DeadlinePolicy, PolicyPlace } from './petitions.deadlines.ts';
import { protectedKinds, publicKinds } from './petitions.policy.ts';
import {
  awaitingAcceptance,
  openStatuses,
  type Channel,
  type EventVisibility,
  type PetitionKind,
  type PetitionStatus,
  type RatingScore,
  type Role,
} from '../../contract/domain.ts';
import { resolveUnit } from '../units/index.ts';

export type PetitionRow = Omit<Selectable<PetitionsTable>, 'search'>;
type ChangeableColumns = Omit<Updateable<PetitionsTable>, 'id' | 'version' | 'search' | 'updated_at'>;
/** A change: values, or SQL computed from the row (`coalesce(answered_at, now)`). */
export type PetitionChanges = { [K in keyof ChangeableColumns]?: ChangeableColumns[K] | RawBuilder<NonNullable<ChangeableColumns[K]>> };

/** Every column but the search vector. */
const petitionColumns = [
  'id', 'tracking_code', 'kind', 'category', 'channel', 'title', 'body', 'language', 'status', 'urgent', 'anonymous',
  'consent_to_publish', 'location_lat', 'location_lng', 'location_address', 'unit_id', 'unit_path', 'agency_id',
  'origin_unit_id', 'origin_unit_path', 'reported_official_id', 'recorded_by', 'task', 'handler_id', 'leader_id',
  'expected_result', 'ack_due_at', 'due_at', 'original_due_at', 'answer_text', 'answer_publish', 'answered_by',
  'answer_count', 'answered_on_the_spot', 'case_id', 'merged_at', 'submitted_at', 'accepted_at', 'rejected_at',
  'answered_at', 'last_answered_at', 'closed_at', 'resolved', 'resolved_at', 'resolved_on_time', 'reopen_count',
  'reopened_at', 'escalation_count', 'escalated_at', 'escalated_to_path', 'transfer_count', 'transferred_at',
  'extension_count', 'rating', 'rated_at', 'review_stage', 'reviewed_at', 're_reviewed_at', 'pending_answer_text',
  'pending_answer_publish', 'pending_answer_by', 'pending_answer_at', 'version', 'created_at', 'updated_at',
] as const satisfies ReadonlyArray<keyof PetitionRow>;

const pColumns = petitionColumns.map((c) => `p.${c}` as const);

// ---- units, agencies, officials ----

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  path: string;
  parent_id: number | null;
  country: string;
  time_zone: string;
}

const unitColumns = ['id', 'code', 'name', 'path', 'parent_id', 'country', 'time_zone'] as const;

/**
 * The unit a code means at `now` (the units module's resolveUnit): a unit merged into another
 * (Vietnam's 2025 reorganisation) answers with the unit that took it over, so old codes on
 * printed forms still reach someone.
 */
export async function findUnitByCode(db: Kysely<DB>, code: string, now: Date): Promise<UnitRow | undefined> {
  const unit = await resolveUnit(db, code, now);
  return unit && { id: unit.id, code: unit.code, name: unit.name, path: unit.path, parent_id: unit.parentId, country: unit.country, time_zone: unit.timeZone };
}

export function findUnitById(db: Kysely<DB>, id: number): Promise<UnitRow | undefined> {
  return db.selectFrom('units').select(unitColumns).where('id', '=', id).executeTakeFirst();
}

export function findAgency(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(['a.id', 'a.name', 'a.unit_id', 'u.path as unit_path'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export interface OfficialGrantRow {
  role: Role;
  unit_id: number | null;
  path: string;
  parent_id: number | null;
}

/** An official's grants with their units' paths; undefined when there is no such (enabled) official. */
export async function officialWithGrants(
  db: Kysely<DB>,
  id: number,
): Promise<{ id: number; name: string; grants: OfficialGrantRow[] } | undefined> {
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'name'])
    .where('id', '=', id)
    .where('kind', '=', 'official')
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!account) return undefined;
  const grants = await db
    .selectFrom('grants as g')
    .leftJoin('units as u', 'u.id', 'g.unit_id')
    .select(['g.role', 'g.unit_id', sql<string>`coalesce(u.path, '/')`.as('path'), 'u.parent_id'])
    .where('g.account_id', '=', id)
    .orderBy('g.id')
    .execute();
  return { ...account, grants: grants.map((g) => ({ ...g, role: g.role as Role })) };
}

export interface CandidateRow {
  id: number;
  name: string;
  grants: Array<{ role: Role; path: string; unitCode: string | null; unitName: string | null }>;
  /** Open cases in which the official is the handler, and the responsible leader. */
  handling: number;
  leading: number;
}

/**
 * Enabled officials with a grant on the petition's branch (its unit, above or below it, or the
 * whole deployment), with their open-case load; at most `limit`. Which of them may handle or
 * lead the case is decided by the policy (handlerGrant, leaderGrant), not here.
 */
export async function candidatesOnBranch(db: Kysely<DB>, unitPath: string, limit: number): Promise<CandidateRow[]> {
  const { rows } = await sql<CandidateRow>`
    WITH o AS (
      SELECT DISTINCT g.account_id AS id FROM grants g LEFT JOIN units u ON u.id = g.unit_id
       WHERE u.id IS NULL OR ${unitPath} LIKE u.path || '%' OR u.path LIKE ${unitPath} || '%'
    )
    SELECT a.id, coalesce(nullif(a.name, ''), a.username) AS name,
           (SELECT json_agg(json_build_object('role', g.role, 'path', coalesce(u.path, '/'), 'unitCode', u.code, 'unitName', u.name) ORDER BY g.id)
              FROM grants g LEFT JOIN units u ON u.id = g.unit_id WHERE g.account_id = a.id) AS grants,
           (SELECT count(*)::int FROM petitions p WHERE p.handler_id = a.id AND p.status IN ${literalList(openStatuses)}) AS handling,
           (SELECT count(*)::int FROM petitions p WHERE p.leader_id = a.id AND p.status IN ${literalList(openStatuses)}) AS leading
      FROM o JOIN accounts a ON a.id = o.id
     WHERE a.kind = 'official' AND a.disabled_at IS NULL
     ORDER BY a.id
     LIMIT ${limit}`.execute(db);
  return rows;
}

export function residentAccount(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('accounts')
    .select(['id', 'name', 'phone', 'email', 'locale'])
    .where('id', '=', id)
    .where('kind', '=', 'resident')
    .executeTakeFirst();
}

/** Officials holding one of these roles exactly at this unit (not above it): whom a unit's new work reaches. */
export async function officialsAtUnit(db: Kysely<DB>, unitId: number, roles: readonly Role[]): Promise<number[]> {
  const rows = await db
    .selectFrom('grants as g')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .select('g.account_id')
    .distinct()
    .where('g.unit_id', '=', unitId)
    .where('g.role', 'in', roles)
    .where('a.disabled_at', 'is', null)
    .execute();
  return rows.map((r) => r.account_id);
}

export async function accountNames(db: Kysely<DB>, ids: Array<number | null>): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('accounts').select(['id', 'name', 'username']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name || r.username || `#${r.id}`]));
}

export async function agencyNames(db: Kysely<DB>, ids: Array<number | null>): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---- answer approval ----

/** The unit, at or above the given path, whose setting makes answers wait for a leader's approval. */
export function approvalSetAt(db: Kysely<DB>, unitPath: string) {
  return db
    .selectFrom('answer_approval_units as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(['u.id', 'u.code', 'u.name', 'u.path'])
    .where(sql<boolean>`${unitPath} like u.path || '%'`)
    .orderBy(sql`length(u.path)`, 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function requireApproval(db: Kysely<DB>, unitId: number, by: number | null, at: Date): Promise<void> {
  await db
    .insertInto('answer_approval_units')
    .values({ unit_id: unitId, updated_by: by, updated_at: at })
    .onConflict((oc) => oc.column('unit_id').doUpdateSet({ updated_by: by, updated_at: at }))
    .execute();
}

export async function dropApproval(db: Kysely<DB>, unitId: number): Promise<boolean> {
  const result = await db.deleteFrom('answer_approval_units').where('unit_id', '=', unitId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Changes that forget an answer held for approval (approved, returned, or the case moved on). */
export const noPendingAnswer = {
  pending_answer_text: null,
  pending_answer_publish: null,
  pending_answer_by: null,
  pending_answer_at: null,
} satisfies PetitionChanges;

// ---- deadline policies ----

/**
 * The policies that may hold at a unit: the deployment's, its country's, and those of the unit
 * and its ancestors (pickPolicy chooses among them).
 */
function policiesAlong(eb: ExpressionBuilder<DB, 'deadline_policies'>, unit: PolicyPlace | null) {
  const chain = unit ? unit.path.split('/').filter(Boolean).map(Number) : [];
  const defaults = eb.and([
    eb('deadline_policies.unit_id', 'is', null),
    unit ? eb.or([eb('deadline_policies.country', 'is', null), eb('deadline_policies.country', '=', unit.country)]) : eb('deadline_policies.country', 'is', null),
  ]);
  return chain.length ? eb.or([defaults, eb('deadline_policies.unit_id', 'in', chain)]) : defaults;
}

/** The policies of a kind that may hold at a unit. */
export function policiesFor(db: Kysely<DB>, kind: PetitionKind, unit: PolicyPlace): Promise<DeadlinePolicy[]> {
  return db.selectFrom('deadline_policies').selectAll().where('kind', '=', kind).where((eb) => policiesAlong(eb, unit)).execute();
}

/** Every kind's policies that may hold at a unit (null: the deployment defaults), with the owning unit's code. */
export function allPoliciesFor(db: Kysely<DB>, unit: PolicyPlace | null) {
  return db
    .selectFrom('deadline_policies')
    .leftJoin('units as u', 'u.id', 'deadline_policies.unit_id')
    .selectAll('deadline_policies')
    .select('u.code as unit_code')
    .where((eb) => policiesAlong(eb, unit))
    .execute();
}

export type PolicyValues = Omit<DeadlinePolicy, 'id' | 'updated_at' | 'kind' | 'unit_id' | 'country' | 'channel'>;

/** The owner of a policy: a unit, else a country (its default), else the deployment; for one channel or all. */
export interface PolicyOwner {
  unitId: number | null;
  country: string | null;
  channel: Channel | null;
}

export async function upsertPolicy(
  trx: Kysely<DB>,
  kind: PetitionKind,
  owner: PolicyOwner,
  values: PolicyValues,
  at: Date,
): Promise<void> {
  const { unitId, country, channel } = owner;
  const existing = await trx
    .selectFrom('deadline_policies')
    .select('id')
    .where('kind', '=', kind)
    .where((eb) => (unitId === null ? eb('unit_id', 'is', null) : eb('unit_id', '=', unitId)))
    .where((eb) => (country === null ? eb('country', 'is', null) : eb('country', '=', country)))
    .where((eb) => (channel === null ? eb('channel', 'is', null) : eb('channel', '=', channel)))
    .forUpdate()
    .executeTakeFirst();
  if (existing) {
    await trx.updateTable('deadline_policies').set({ ...values, updated_at: at }).where('id', '=', existing.id).execute();
  } else {
    await trx.insertInto('deadline_policies').values({ ...values, kind, unit_id: unitId, country, channel, updated_at: at }).execute();
  }
}

export async function deletePolicy(trx: Kysely<DB>, kind: PetitionKind, unitId: number, channel: Channel | null): Promise<boolean> {
  const result = await trx
    .deleteFrom('deadline_policies')
    .where('kind', '=', kind)
    .where('unit_id', '=', unitId)
    .where((eb) => (channel === null ? eb('channel', 'is', null) : eb('channel', '=', channel)))
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// ---- petitions ----

export type NewPetition = Omit<
  PetitionRow,
  | 'id'
  | 'tracking_code'
  | 'version'
  | 'answer_count'
  | 'answered_on_the_spot'
  | 'resolved'
  | 'reopen_count'
  | 'escalation_count'
  | 'transfer_count'
  | 'extension_count'
  | 'answer_publish'
  | 'review_stage'
  | 'reviewed_at'
  | 're_reviewed_at'
  // nothing is held for approval at intake
  | 'pending_answer_text'
  | 'pending_answer_publish'
  | 'pending_answer_by'
  | 'pending_answer_at'
>;

export function findPetition(db: Kysely<DB>, id: number): Promise<PetitionRow | undefined> {
  return db.selectFrom('petitions').select(petitionColumns).where('id', '=', id).executeTakeFirst();
}

export function findPetitionsByIds(db: Kysely<DB>, ids: number[]): Promise<PetitionRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('petitions').select(petitionColumns).where('id', 'in', ids).execute();
}

/** The petition with its row locked until the transaction ends. */
export function findPetitionLocked(trx: Kysely<DB>, id: number): Promise<PetitionRow | undefined> {
  return trx.selectFrom('petitions').select(petitionColumns).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findPetitionByCode(db: Kysely<DB>, code: string): Promise<PetitionRow | undefined> {
  return db.selectFrom('petitions').select(petitionColumns).where('tracking_code', '=', code).executeTakeFirst();
}

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

export interface TrackEvent {
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

/**
 * Writes a change if nobody changed the petition since it was read (its version is still the
 * one read); otherwise 409. Under PostgreSQL's row lock the second of two concurrent writers
 * re-reads the version and finds it moved.
 */
export async function updatePetition(
  trx: Kysely<DB>,
  p: Pick<PetitionRow, 'id' | 'version'>,
  changes: PetitionChanges,
  at: Date,
): Promise<void> {
  const result = await trx
    .updateTable('petitions')
    .set({ ...changes, updated_at: at, version: sql<number>`version + 1` })
    .where('id', '=', p.id)
    .where('version', '=', p.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw conflict('version_conflict');
}

/** Sets the same facts on every petition merged into a case (they share its answer and fate). */
export async function updateMergedInto(trx: Kysely<DB>, caseId: number, changes: PetitionChanges, at: Date): Promise<void> {
  await trx
    .updateTable('petitions')
    .set({ ...changes, updated_at: at, version: sql<number>`version + 1` })
    .where('case_id', '=', caseId)
    .execute();
}

export function mergedPetitions(db: Kysely<DB>, caseId: number) {
  return db
    .selectFrom('petitions')
    .select(['id', 'tracking_code', 'unit_id', 'language'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
}

// ---- petitioners ----

export function petitionersOf(db: Kysely<DB>, petitionId: number) {
  return db
    .selectFrom('petitioners')
    .select(['id', 'petition_id', 'resident_account_id', 'access_key_hash'])
    .where('petition_id', '=', petitionId)
    .orderBy('id')
    .execute();
}

/** The people of a case: its own petitioners and those of every petition merged into it. */
export function petitionersOfCase(db: Kysely<DB>, caseId: number) {
  return db
    .selectFrom('petitioners as pe')
    .innerJoin('petitions as p', 'p.id', 'pe.petition_id')
    .select([
      'pe.id',
      'pe.petition_id',
      'pe.name',
      'pe.phone',
      'pe.email',
      'pe.address',
      'pe.locale',
      'p.tracking_code',
      'p.rating',
    ])
    .where((eb) => eb.or([eb('p.id', '=', caseId), eb('p.case_id', '=', caseId)]))
    .orderBy('pe.id')
    .execute();
}

// ---- events, ratings, attachments ----

export interface EventInput {
  petition_id: number;
  at: Date;
  type: string;
  actor_id: number | null;
  actor_label: string;
  from_status?: PetitionStatus | null;
  to_status?: PetitionStatus | null;
  unit_id?: number | null;
  reason?: string | null;
  text?: string | null;
  data?: Record<string, unknown>;
  visibility: EventVisibility;
}

export async function insertEvent(trx: Kysely<DB>, e: EventInput): Promise<void> {
  await trx.insertInto('petition_events').values(eventRow(e)).execute();
}

export function eventRow(e: EventInput) {
  return {
    petition_id: e.petition_id,
    at: e.at,
    type: e.type,
    actor_id: e.actor_id,
    actor_label: e.actor_label,
    from_status: e.from_status ?? null,
    to_status: e.to_status ?? null,
    unit_id: e.unit_id ?? null,
    reason: e.reason ?? null,
    text: e.text ?? null,
    data: JSON.stringify(e.data ?? {}),
    visibility: e.visibility,
  };
}

export function eventsOf(db: Kysely<DB>, petitionId: number, opts: { publicOnly?: boolean; since?: Date } = {}) {
  let q = db
    .selectFrom('petition_events as e')
    .leftJoin('accounts as a', 'a.id', 'e.actor_id')
    .leftJoin('units as u', 'u.id', 'e.unit_id')
    .select([
      'e.id',
      'e.at',
      'e.type',
      'e.actor_id',
      'e.actor_label',
      'a.name as actor_name',
      'e.from_status',
      'e.to_status',
      'e.reason',
      'e.text',
      'e.data',
      'e.visibility',
      'u.code as unit_code',
      'u.name as unit_name',
    ])
    .where('e.petition_id', '=', petitionId);
  if (opts.publicOnly) q = q.where('e.visibility', '=', 'public');
  if (opts.since) q = q.where('e.at', '>=', opts.since);
  return q.orderBy('e.id').execute();
}

export function ratingExists(db: Kysely<DB>, petitionerId: number, answerNumber: number) {
  return db
    .selectFrom('petition_ratings')
    .select('id')
    .where('petitioner_id', '=', petitionerId)
    .where('answer_number', '=', answerNumber)
    .executeTakeFirst();
}

export async function insertRating(
  trx: Kysely<DB>,
  values: {
    petition_id: number;
    case_id: number;
    petitioner_id: number;
    answer_number: number;
    score: RatingScore;
    reasons: string[];
    comment: string | null;
    reopen: boolean;
    created_at: Date;
  },
): Promise<boolean> {
  const row = await trx
    .insertInto('petition_ratings')
    .values({ ...values, reasons: JSON.stringify(values.reasons) })
    .onConflict((oc) => oc.columns(['petitioner_id', 'answer_number']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export function attachmentsOf(db: Kysely<DB>, petitionId: number) {
  return db
    .selectFrom('petition_attachments')
    .select(['id', 'filename', 'content_type', 'size', 'created_at'])
    .where('petition_id', '=', petitionId)
    .orderBy('id')
    .execute();
}

/** How many files a petition has and their bytes together. */
export async function attachmentUsage(db: Kysely<DB>, petitionId: number): Promise<{ files: number; bytes: number }> {
  const row = await db
    .selectFrom('petition_attachments')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.coalesce(eb.fn.sum<number>('size'), eb.lit(0)).as('bytes')])
    .where('petition_id', '=', petitionId)
    .executeTakeFirstOrThrow();
  return { files: Number(row.n), bytes: Number(row.bytes) };
}

/** The bytes of every file a signed-in resident attached. */
export async function residentAttachmentBytes(db: Kysely<DB>, residentId: number): Promise<number> {
  const row = await db
    .selectFrom('petition_attachments')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size'), eb.lit(0)).as('bytes'))
    .where('uploaded_by_resident', '=', residentId)
    .executeTakeFirstOrThrow();
  return Number(row.bytes);
}

/**
 * Stores an attachment's bytes once per content, in the caller's transaction: an upload of the
 * same content by anyone, at the same time or later, finds the row and adds none.
 */
export async function storeAttachmentContent(trx: Kysely<DB>, sha256: string, data: Buffer, at: Date): Promise<void> {
  await trx
    .insertInto('attachment_contents')
    .values({ sha256, data, size: data.length, created_at: at })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

/** The bytes of one content; undefined when the database does not hold them. */
export async function attachmentContent(db: Kysely<DB>, sha256: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom('attachment_contents').select('data').where('sha256', '=', sha256).executeTakeFirst();
  return row?.data;
}

/** Contents that attachments name but the database does not hold (files of older versions, on a disk). */
export async function attachmentContentsMissing(db: Kysely<DB>, limit: number): Promise<Array<{ sha256: string; created_at: Date }>> {
  return db
    .selectFrom('petition_attachments as a')
    .leftJoin('attachment_contents as c', 'c.sha256', 'a.sha256')
    .where('c.sha256', 'is', null)
    .select(['a.sha256'])
    .select((eb) => eb.fn.min('a.created_at').as('created_at'))
    .groupBy('a.sha256')
    .orderBy('a.sha256')
    .limit(limit)
    .execute() as Promise<Array<{ sha256: string; created_at: Date }>>;
}

export async function insertAttachment(
  trx: Kysely<DB>,
  values: {
    petition_id: number;
    sha256: string;
    filename: string;
    content_type: AttachmentType;
    size: number;
    uploaded_by: number | null;
    uploaded_by_resident: number | null;
    created_at: Date;
  },
): Promise<number> {
  const row = await trx.insertInto('petition_attachments').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function findAttachment(db: Kysely<DB>, petitionId: number, attachmentId: number) {
  return db
    .selectFrom('petition_attachments')
    .select(['id', 'petition_id', 'sha256', 'filename', 'content_type', 'size'])
    .where('id', '=', attachmentId)
    .where('petition_id', '=', petitionId)
    .executeTakeFirst();
}

// ---- detail ----

export interface PetitionNames {
  unit: { id: number; code: string; name: string };
  originUnit: { id: number; code: string; name: string };
  agency: { id: number; name: string } | null;
  people: Map<number, string>;
  caseCode: string | null;
}

export async function namesFor(db: Kysely<DB>, p: PetitionRow): Promise<PetitionNames> {
  const units = await db
    .selectFrom('units')
    .select(['id', 'code', 'name'])
    .where('id', 'in', [p.unit_id, p.origin_unit_id])
    .execute();
  const unit = units.find((u) => u.id === p.unit_id)!;
  const originUnit = units.find((u) => u.id === p.origin_unit_id)!;
  const agency = p.agency_id
    ? ((await db.selectFrom('agencies').select(['id', 'name']).where('id', '=', p.agency_id).executeTakeFirst()) ?? null)
    : null;
  const people = await accountNames(db, [p.handler_id, p.leader_id, p.reported_official_id, p.recorded_by, p.answered_by, p.pending_answer_by]);
  const caseCode = p.case_id
    ? ((await db.selectFrom('petitions').select('tracking_code').where('id', '=', p.case_id).executeTakeFirst())?.tracking_code ?? null)
    : null;
  return { unit, originUnit, agency, people, caseCode };
}

// ---- the officials' list ----

/** The roles that see a unit's petitions (conduct reports: supervisors and auditors only). */
const readerRoles: Role[] = ['administrator', 'leader', 'dispatcher', 'reception_officer', 'auditor'];
const conductReaderRoles: Role[] = ['leader', 'auditor'];

type PetitionsEb = ExpressionBuilder<DB & { p: DB['petitions'] }, 'p'>;

/** The SQL twin of policy.canSee: what this official may see. */
function visibleTo(eb: PetitionsEb, actor: Official) {
  const under = (prefixes: string[]) =>
    prefixes.length ? eb.or(prefixes.map((prefix) => eb('p.unit_path', 'like', `${prefix}%`))) : eb.lit(false);
  return eb.and([
    eb.or([eb('p.reported_official_id', 'is', null), eb('p.reported_official_id', '!=', actor.id)]),
    eb.or([
      eb('p.handler_id', '=', actor.id),
      eb('p.leader_id', '=', actor.id),
      eb.and([eb('p.kind', '!=', 'conduct_report'), under(unitScope(actor, readerRoles))]),
      eb.and([eb('p.kind', '=', 'conduct_report'), under(unitScope(actor, conductReaderRoles))]),
    ]),
  ]);
}

export interface ListFilters {
  unitPath?: string;
  statuses?: PetitionStatus[];
  kinds?: PetitionKind[];
  category?: string;
  channels?: string[];
  assignedToMe?: boolean;
  leadByMe?: boolean;
  awaitingApproval?: boolean;
  overdue?: boolean;
  dueBefore?: Date;
  phone?: string;
  /** A tsquery text ('word':* & …). */
  tsquery?: string;
  sort: 'newest' | 'due';
  after?: { id: number; dueAt?: Date };
  limit: number;
  now: Date;
  /** Matches probed before the ordered walk is preferred (listProbeLimit; tests lower it). */
  probeLimit?: number;
  /** Most recent petitions looked at first by a broad scope's plain newest-first list (listWalkFirst; tests change it). */
  walkFirst?: number;
}

export type ListRow = PetitionRow & { unit_code: string; unit_name: string; handler_name: string | null; leader_name: string | null };

function overdueCondition(eb: PetitionsEb, now: Date) {
  return eb.and([
    eb('p.status', 'in', openStatuses),
    eb.or([
      eb('p.due_at', '<', now),
      eb.and([eb('p.status', 'in', awaitingAcceptance), eb('p.ack_due_at', '<', now)]),
    ]),
  ]);
}

/** The filters of a list request (not who may see): search, fields, due times, phone, cursor. */
function filterCondition(eb: PetitionsEb, actor: Official, f: ListFilters) {
  const all = [eb.or([eb('p.reported_official_id', 'is', null), eb('p.reported_official_id', '!=', actor.id)])];
  if (f.tsquery) all.push(eb(sql<string>`p.search`, '@@', sql<string>`to_tsquery('simple', ${f.tsquery})`));
  if (f.unitPath) all.push(eb('p.unit_path', 'like', `${f.unitPath}%`));
  if (f.statuses?.length) all.push(eb('p.status', 'in', f.statuses));
  if (f.kinds?.length) all.push(eb('p.kind', 'in', f.kinds));
  if (f.category) all.push(eb('p.category', '=', f.category));
  if (f.channels?.length) all.push(eb('p.channel', 'in', f.channels as PetitionRow['channel'][]));
  if (f.assignedToMe) all.push(eb('p.handler_id', '=', actor.id));
  if (f.leadByMe) all.push(eb('p.leader_id', '=', actor.id));
  if (f.awaitingApproval !== undefined) all.push(eb('p.pending_answer_at', f.awaitingApproval ? 'is not' : 'is', null));
  if (f.overdue !== undefined) all.push(f.overdue ? overdueCondition(eb, f.now) : eb.not(overdueCondition(eb, f.now)));
  if (f.dueBefore) all.push(eb('p.due_at', '<', f.dueBefore), eb('p.status', 'in', openStatuses));
  if (f.phone) {
    all.push(
      eb.exists(eb.selectFrom('petitioners as pe').select('pe.id').whereRef('pe.petition_id', '=', 'p.id').where('pe.phone_key', '=', f.phone)),
      // Finding a denouncer by phone number would name them: only the case's handler and leader may.
      eb.or([eb('p.kind', 'not in', protectedKinds), eb('p.handler_id', '=', actor.id), eb('p.leader_id', '=', actor.id)]),
    );
  }
  if (f.after) {
    const { id, dueAt } = f.after;
    all.push(f.sort === 'due' && dueAt ? eb(eb.refTuple('p.due_at', 'p.id'), '>', eb.tuple(dueAt, id)) : eb('p.id', '<', id));
  }
  return eb.and(all);
}

/**
 * visibleTo as disjoint parts, each one range of one index: a subtree per prefix (conduct
 * reports apart), and the cases the official handles or leads.
 */
function visibleParts(actor: Official): Array<(eb: PetitionsEb) => ReturnType<PetitionsEb['and']>> {
  const parts: Array<(eb: PetitionsEb) => ReturnType<PetitionsEb['and']>> = [];
  for (const prefix of unitScope(actor, readerRoles)) {
    parts.push((eb) => eb.and([eb('p.unit_path', 'like', `${prefix}%`), eb('p.kind', '!=', 'conduct_report')]));
  }
  for (const prefix of unitScope(actor, conductReaderRoles)) {
    parts.push((eb) => eb.and([eb('p.unit_path', 'like', `${prefix}%`), eb('p.kind', '=', 'conduct_report')]));
  }
  parts.push((eb) => eb.and([eb.or([eb('p.handler_id', '=', actor.id), eb('p.leader_id', '=', actor.id)])]));
  return parts;
}

/** Up to this many matches are fetched as ids first and ordered by themselves. */
export const listProbeLimit = 5000;

/** How many of the most recent petitions a province's or the country's plain newest-first list looks at first. */
export const listWalkFirst = 1000;

/**
 * A newest-first list with no filter but the caller's scope, for a scope as wide as a province
 * or wider: a few percent of all petitions or more, so its newest are among the most recent of
 * all, and probing its every match (thousands) costs more than looking at the most recent.
 */
function walksFirst(actor: Official, f: ListFilters): boolean {
  const filtered =
    f.tsquery || f.phone || f.unitPath || f.statuses?.length || f.kinds?.length || f.category || f.channels?.length ||
    f.assignedToMe || f.leadByMe || f.awaitingApproval !== undefined || f.overdue !== undefined || f.dueBefore;
  return f.sort === 'newest' && !filtered && unitScope(actor, readerRoles).some((prefix) => prefix.split('/').filter(Boolean).length <= 2);
}

/**
 * The inbox. Ordered by id (or due time) with a LIMIT, PostgreSQL walks the primary key
 * backwards hoping to meet matches early; when they are rare (a commune's few received
 * petitions among a province's) it walks the whole table (measured: 150 ms at 400,000 rows).
 * So the matches are probed first, unordered, each part of the caller's scope one index-only
 * range of petitions_inbox, or of petitions_open_inbox for open statuses (migrations 0101,
 * 0102): when at most listProbeLimit match, the page is picked among them and only its rows
 * are read; more than that are dense, and the ordered walk meets them at once. (The probe and
 * the page in one statement took longer to plan than the two take together, and saved less.)
 * A province's or the country's plain newest-first list looks at the most recent petitions
 * first (walksFirst): at 1e6 petitions 0.7 ms against 7–14 ms for probing its matches.
 */
export async function listPetitions(
  db: Kysely<DB>,
  actor: Official,
  f: ListFilters,
  database?: Database,
): Promise<ListRow[]> {
  const probeLimit = f.probeLimit ?? listProbeLimit;
  if (walksFirst(actor, f)) {
    // The page is exact when the most recent petitions hold a full page of matches; otherwise probe.
    let recent = db.selectFrom('petitions').select(petitionColumns).orderBy('id', 'desc').limit(f.walkFirst ?? listWalkFirst);
    if (f.after) recent = recent.where('id', '<', f.after.id);
    const rows = (await db
      .selectFrom(recent.as('p'))
      .innerJoin('units as u', 'u.id', 'p.unit_id')
      .leftJoin('accounts as h', 'h.id', 'p.handler_id')
      .leftJoin('accounts as l', 'l.id', 'p.leader_id')
      .select([...pColumns, 'u.code as unit_code', 'u.name as unit_name', 'h.name as handler_name', 'l.name as leader_name'])
      .where((eb) => eb.and([visibleTo(eb as unknown as PetitionsEb, actor), filterCondition(eb as unknown as PetitionsEb, actor, f)]))
      .orderBy('p.id', 'desc')
      .limit(f.limit)
      .execute()) as ListRow[];
    if (rows.length === f.limit) return rows;
  }
  const parts = visibleParts(actor).map(
    (part) =>
      sql`(${db
        .selectFrom('petitions as p')
        .select(['p.id', 'p.due_at'])
        .where((eb) => eb.and([part(eb as unknown as PetitionsEb), filterCondition(eb as unknown as PetitionsEb, actor, f)]))
        .limit(probeLimit + 1)})`,
  );
  const order = f.sort === 'due' ? sql`due_at asc, id asc` : sql`id desc`;
  // One round trip: how many match, and the ids of the page among them.
  const probe = await sql<{ n: number; page: Array<number | string> | null }>`
    with m as materialized (${sql.join(parts, sql` union all `)})
    select (select count(distinct id) from m)::int as n,
           (select array_agg(id) from (select distinct id, due_at from m order by ${order} limit ${f.limit}) page) as page`.execute(db);
  const { n, page } = probe.rows[0];
  if (n === 0) return [];
  let q = db
    .selectFrom('petitions as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .leftJoin('accounts as h', 'h.id', 'p.handler_id')
    .leftJoin('accounts as l', 'l.id', 'p.leader_id')
    .select([...pColumns, 'u.code as unit_code', 'u.name as unit_name', 'h.name as handler_name', 'l.name as leader_name']);
  q =
    n <= probeLimit
      ? q.where(sql<boolean>`p.id = any(${(page ?? []).map(Number)}::bigint[])`)
      : q.where((eb) => eb.and([visibleTo(eb as unknown as PetitionsEb, actor), filterCondition(eb as unknown as PetitionsEb, actor, f)]));
  q = f.sort === 'due' ? q.orderBy('p.due_at', 'asc').orderBy('p.id', 'asc') : q.orderBy('p.id', 'desc');
  q = q.limit(f.limit);
  if (n > probeLimit) return (await q.execute()) as ListRow[];
  // The page by its ids has one text per order: prepared once per connection, not planned each time.
  return executePrepared<ListRow>(db, database, q.compile());
}

/** Petitions merged into `fromCase` now belong to `toCase`. */
export async function moveMergedPetitions(trx: Kysely<DB>, fromCase: number, toCase: number, at: Date): Promise<void> {
  await trx
    .updateTable('petitions')
    .set({ case_id: toCase, updated_at: at, version: sql<number>`version + 1` })
    .where('case_id', '=', fromCase)
    .execute();
}

/** Holds the petition's row until the transaction ends (for changes that leave its version alone). */
export async function lockPetition(trx: Kysely<DB>, id: number): Promise<void> {
  await trx.selectFrom('petitions').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
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

/**
 * The reach of the official a conduct report is about (petitions.policy.ts withinReachOf):
 * their roles, disabled or not; null when the petition names nobody.
 */
export async function reportedReach(db: Kysely<DB>, p: { reported_official_id: number | null }) {
  if (p.reported_official_id === null) return null;
  const grants = await db
    .selectFrom('grants as g')
    .leftJoin('units as u', 'u.id', 'g.unit_id')
    .select(['g.role', 'g.unit_id', sql<string>`coalesce(u.path, '/')`.as('path')])
    .where('g.account_id', '=', p.reported_official_id)
    .orderBy('g.id')
    .execute();
  return { id: p.reported_official_id, grants: grants.map((g) => ({ unitId: g.unit_id, path: g.path, role: g.role as Role })) };
}

export interface PublicRow {
  tracking_code: string;
  kind: PetitionKind;
  category: string | null;
  status: PetitionStatus;
  submitted_at: Date;
  title: string | null;
  body: string;
  location_lat: number | null;
  location_lng: number | null;
  answer_text: string | null;
  answer_publish: boolean;
}

/**
 * The petitions of a unit's subtree that their residents let the public see (publicKinds, with
 * consent, not merged or rejected): newest first, or with a search, those sharing most words.
 */
export async function publicPetitions(db: Kysely<DB>, unitPath: string, opts: { tsquery?: string; limit: number }): Promise<PublicRow[]> {
  let q = db
    .selectFrom('petitions')
    .select(['tracking_code', 'kind', 'category', 'status', 'submitted_at', 'title', 'body', 'location_lat', 'location_lng', 'answer_text', 'answer_publish'])
    .where('origin_unit_path', 'like', `${unitPath}%`)
    .where('consent_to_publish', '=', true)
    .where('kind', 'in', [...publicKinds])
    .where('case_id', 'is', null)
    .where('status', 'not in', ['rejected', 'merged'])
    .limit(opts.limit);
  if (opts.tsquery) {
    const query = sql`to_tsquery('simple', ${opts.tsquery})`;
    q = q.where(sql<boolean>`search @@ ${query}`).orderBy(sql`ts_rank(search, ${query})`, 'desc');
  }
  return q.orderBy('submitted_at', 'desc').orderBy('id', 'desc').execute() as Promise<PublicRow[]>;
}
