/** All SQL of consultations: options, the electorate, the "has voted" marks, ballots, codes. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import { insertReturningId } from '../../platform/db.ts';
import type { ElectorateKind } from '../../contract/domain.ts';

type Db = Kysely<DB>;

export interface ConsultationRow {
  id: number;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  title: string;
  body: string;
  electorate_kind: string;
  changeable: boolean;
  status: string;
  closes_at: Date;
}

const columns = sql`k.id, k.unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, k.title, k.body,
  k.electorate_kind, k.changeable, k.status, k.closes_at`;

export async function getConsultation(db: Db, id: number, lock = false): Promise<ConsultationRow | undefined> {
  const { rows } = await sql<ConsultationRow>`SELECT ${columns} FROM consultations k JOIN units u ON u.id = k.unit_id
    WHERE k.id = ${id} ${lock ? sql`FOR UPDATE OF k` : sql``}`.execute(db);
  return rows[0];
}

/** A unit's consultations, newest first: drafts only inside `draftScope` (the subtrees the caller runs consultations in). */
export async function listConsultations(db: Db, unitPath: string, draftScope: readonly string[]): Promise<ConsultationRow[]> {
  const { rows } = await sql<ConsultationRow>`SELECT ${columns} FROM consultations k JOIN units u ON u.id = k.unit_id
    WHERE u.path LIKE ${unitPath} || '%'
      AND (k.status <> 'draft' OR u.path LIKE ANY (SELECT p || '%' FROM unnest(${[...draftScope]}::text[]) AS p))
    ORDER BY k.id DESC LIMIT 100`.execute(db);
  return rows;
}

export async function insertConsultation(
  db: Db,
  c: { unitId: number; title: string; body: string; electorateKind: ElectorateKind; changeable: boolean; closesAt: string },
  now: Date,
): Promise<number> {
  return insertReturningId(db, 'consultations', { unit_id: c.unitId, title: c.title, body: c.body, electorate_kind: c.electorateKind, changeable: c.changeable, status: 'draft', closes_at: c.closesAt, created_at: now });
}

export async function insertOption(
  db: Db,
  o: { consultationId: number; position: number; title: string; body: string; placeName: string | null; lat: number | null; lng: number | null },
): Promise<number> {
  return insertReturningId(db, 'consultation_options', { consultation_id: o.consultationId, position: o.position, title: o.title, body: o.body, place_name: o.placeName, lat: o.lat, lng: o.lng });
}

export async function consultationOptions(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('consultation_options')
    .select(['id', 'consultation_id', 'position', 'title', 'body', 'place_name', 'lat', 'lng'])
    .where('consultation_id', 'in', ids)
    .orderBy('consultation_id')
    .orderBy('position')
    .execute();
}

export async function setConsultationStatus(db: Db, id: number, status: 'open' | 'closed', now: Date): Promise<void> {
  await sql`UPDATE consultations SET status = ${status},
      ${status === 'open' ? sql`opened_at = ${now}` : sql`closed_at = ${now}`} WHERE id = ${id}`.execute(db);
}

/** Adds or updates voters by ref in one statement; answers how many were added and updated. */
export async function upsertVoters(db: Db, consultationId: number, voters: Array<{ ref: string; name: string; phone: string | null }>) {
  const { rows } = await sql<{ inserted: boolean }>`
    INSERT INTO consultation_voters (consultation_id, ref, name, phone)
    SELECT ${consultationId}, r.ref, r.name, r.phone FROM jsonb_to_recordset(${JSON.stringify(voters)}::jsonb) AS r (ref text, name text, phone text)
    ON CONFLICT (consultation_id, ref) DO UPDATE SET name = EXCLUDED.name, phone = EXCLUDED.phone
    RETURNING (xmax = 0) AS inserted`.execute(db);
  return { added: rows.filter((r) => r.inserted).length, updated: rows.filter((r) => !r.inserted).length };
}

export async function countVoters(db: Db, consultationId: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM consultation_voters WHERE consultation_id = ${consultationId}`.execute(db);
  return Number(rows[0].n);
}

interface VoterRow {
  id: number;
  ref: string;
  phone: string | null;
  voted_at: Date | null;
}

export async function findVoter(db: Db, consultationId: number, by: { phone?: string; ref?: string }, lock = false): Promise<VoterRow | undefined> {
  const { rows } = await sql<VoterRow>`SELECT id, ref, phone, voted_at FROM consultation_voters
    WHERE consultation_id = ${consultationId} AND ${by.phone ? sql`phone = ${by.phone}` : sql`ref = ${by.ref ?? ''}`}
    ${lock ? sql`FOR UPDATE` : sql``}`.execute(db);
  return rows[0];
}

export async function markVoted(db: Db, voterId: number, channel: string, now: Date): Promise<void> {
  await sql`UPDATE consultation_voters SET voted_at = ${now}, vote_channel = ${channel} WHERE id = ${voterId}`.execute(db);
}

export async function insertBallot(db: Db, b: { id: string; consultationId: number; optionId: number; receiptHash: string | null }): Promise<void> {
  await sql`INSERT INTO consultation_ballots (id, consultation_id, option_id, receipt_hash)
    VALUES (${b.id}::uuid, ${b.consultationId}, ${b.optionId}, ${b.receiptHash})`.execute(db);
}

export async function ballotByReceipt(db: Db, consultationId: number, receiptHash: string): Promise<{ id: string; option_id: number } | undefined> {
  const { rows } = await sql<{ id: string; option_id: number }>`SELECT id, option_id FROM consultation_ballots
    WHERE consultation_id = ${consultationId} AND receipt_hash = ${receiptHash} FOR UPDATE`.execute(db);
  return rows[0];
}

export async function changeBallot(db: Db, id: string, optionId: number): Promise<void> {
  await sql`UPDATE consultation_ballots SET option_id = ${optionId} WHERE id = ${id}::uuid`.execute(db);
}

export async function tally(db: Db, consultationId: number): Promise<Array<{ option_id: number; votes: number }>> {
  const { rows } = await sql<{ option_id: number; votes: number }>`
    SELECT o.id AS option_id, count(b.id)::int AS votes FROM consultation_options o
      LEFT JOIN consultation_ballots b ON b.option_id = o.id
     WHERE o.consultation_id = ${consultationId} GROUP BY o.id, o.position ORDER BY o.position`.execute(db);
  return rows.map((r) => ({ option_id: Number(r.option_id), votes: Number(r.votes) }));
}

export async function turnout(db: Db, consultationId: number) {
  const { rows } = await sql<{ electorate: number; voted: number; code: number; paper: number; ballots: number }>`
    SELECT count(*)::int AS electorate, count(voted_at)::int AS voted,
           count(*) FILTER (WHERE vote_channel = 'code')::int AS code, count(*) FILTER (WHERE vote_channel = 'paper')::int AS paper,
           (SELECT count(*)::int FROM consultation_ballots WHERE consultation_id = ${consultationId}) AS ballots
      FROM consultation_voters WHERE consultation_id = ${consultationId}`.execute(db);
  const r = rows[0];
  return { electorate: Number(r.electorate), voted: Number(r.voted), byChannel: { code: Number(r.code), paper: Number(r.paper) }, ballots: Number(r.ballots) };
}

/** The ballot events of a consultation's audit chain, in order: the tally replayed from them. */
export async function ballotEvents(db: Db, consultationId: number): Promise<Array<{ action: string; changes: { ballot: string; option: number } }>> {
  const { rows } = await sql<{ action: string; changes: { ballot: string; option: number } }>`
    SELECT action, changes FROM audit_events
     WHERE subject_type = 'consultation_ballots' AND subject_id = ${String(consultationId)} ORDER BY seq`.execute(db);
  return rows;
}

export async function recentCodes(db: Db, voterId: number, since: Date): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM consultation_codes WHERE voter_id = ${voterId} AND created_at > ${since}`.execute(db);
  return Number(rows[0].n);
}

export async function insertCode(db: Db, voterId: number, codeHash: string, now: Date, expiresAt: Date): Promise<void> {
  await sql`INSERT INTO consultation_codes (voter_id, code_hash, created_at, expires_at) VALUES (${voterId}, ${codeHash}, ${now}, ${expiresAt})`.execute(db);
}

export async function latestCode(db: Db, voterId: number, now: Date) {
  const { rows } = await sql<{ id: number; code_hash: string; attempts: number }>`
    SELECT id, code_hash, attempts FROM consultation_codes
     WHERE voter_id = ${voterId} AND consumed_at IS NULL AND expires_at > ${now} ORDER BY id DESC LIMIT 1 FOR UPDATE`.execute(db);
  return rows[0];
}

export async function countAttempt(db: Db, codeId: number): Promise<void> {
  await sql`UPDATE consultation_codes SET attempts = attempts + 1 WHERE id = ${codeId}`.execute(db);
}

export async function consumeCode(db: Db, codeId: number, now: Date): Promise<void> {
  await sql`UPDATE consultation_codes SET consumed_at = ${now} WHERE id = ${codeId}`.execute(db);
}

export async function findConsultationId(db: Db, unitId: number, title: string): Promise<number | undefined> {
  const row = await db.selectFrom('consultations').select('id').where('unit_id', '=', unitId).where('title', '=', title).executeTakeFirst();
  return row ? Number(row.id) : undefined;
}
