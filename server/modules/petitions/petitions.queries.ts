/** The SQL the jobs of the petitions module share: petitions, their units, officials, petitioners, events and ratings. */
import { type Kysely, type RawBuilder, type Selectable, type Updateable, sql } from 'kysely';
import { type EventVisibility, type PetitionStatus, type RatingScore, type Role, openStatuses } from '../../contract/domain.ts';
import { resolveUnit } from '../units/index.ts';
import { literalList } from '../../platform/db.ts';
import { conflict } from '../../platform/errors.ts';
import type { DB } from '../../schema.ts';
import type { PetitionsTable } from './petitions.tables.ts';

export type PetitionRow = Omit<Selectable<PetitionsTable>, 'search'>;
type ChangeableColumns = Omit<Updateable<PetitionsTable>, 'id' | 'version' | 'search' | 'updated_at'>;
/** A change: values, or SQL computed from the row (`coalesce(answered_at, now)`). */
export type PetitionChanges = { [K in keyof ChangeableColumns]?: ChangeableColumns[K] | RawBuilder<NonNullable<ChangeableColumns[K]>> };

/** Every column but the search vector. */
export const petitionColumns = [
  'id', 'tracking_code', 'kind', 'category', 'channel', 'title', 'body', 'language', 'status', 'urgent', 'anonymous',
  'consent_to_publish', 'location_lat', 'location_lng', 'location_address', 'unit_id', 'unit_path', 'agency_id',
  'origin_unit_id', 'origin_unit_path', 'reported_official_id', 'recorded_by', 'content', 'handler_id', 'leader_id',
  'expected_result', 'ack_due_at', 'due_at', 'original_due_at', 'answer_text', 'answer_publish', 'answered_by',
  'answer_count', 'answered_on_the_spot', 'case_id', 'merged_at', 'submitted_at', 'accepted_at', 'rejected_at',
  'answered_at', 'last_answered_at', 'closed_at', 'resolved', 'resolved_at', 'resolved_on_time', 'reopen_count',
  'reopened_at', 'escalation_count', 'escalated_at', 'escalated_to_path', 'transfer_count', 'transferred_at',
  'extension_count', 'rating', 'rated_at', 'review_stage', 'reviewed_at', 're_reviewed_at', 'pending_answer_text',
  'pending_answer_publish', 'pending_answer_by', 'pending_answer_at', 'version', 'created_at', 'updated_at',
] as const satisfies ReadonlyArray<keyof PetitionRow>;

/**
 * A search vector small enough for a btree entry (at most 2,704 bytes): the predicate of the
 * indexes that hold search vectors, word for word, so that the planner can use them
 * (petitions_public_search, migration 0993; petitions_handler_search, 0994). The longer ones
 * are found through an index of their own and read from the table.
 */
export const searchFitsIndex = sql<boolean>`(octet_length(search::text) + 4 * length(search) <= 2300)`;

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

interface OfficialGrantRow {
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

// ---- events and ratings ----

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

/**
 * What the petitioners of a case (its own and those merged into it) told about themselves:
 * the personal data a published answer must not carry. Their accounts' names and contacts too.
 */
export async function personalFactsOfCase(db: Kysely<DB>, caseId: number) {
  return db
    .selectFrom('petitioners as pe')
    .innerJoin('petitions as p', 'p.id', 'pe.petition_id')
    .leftJoin('accounts as a', 'a.id', 'pe.resident_account_id')
    .select(['pe.name', 'pe.phone', 'pe.email', 'pe.address', 'p.location_address', 'a.name as account_name', 'a.phone as account_phone', 'a.email as account_email'])
    .where((eb) => eb.or([eb('p.id', '=', caseId), eb('p.case_id', '=', caseId)]))
    .execute();
}
