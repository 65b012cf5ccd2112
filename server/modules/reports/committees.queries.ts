/** All SQL of steering committees and their follow-up tasks. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import type { SteeringRole } from '../../contract/domain.ts';

type Db = Kysely<DB>;

export interface CommitteeRow {
  id: number;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  time_zone: string;
  country: string;
  name: string;
}

const committeeColumns = ['c.id', 'c.unit_id', 'u.code as unit_code', 'u.name as unit_name', 'u.path as unit_path', 'u.time_zone', 'u.country', 'c.name'] as const;

export async function getCommittee(db: Db, id: number): Promise<CommitteeRow | undefined> {
  return db.selectFrom('steering_committees as c').innerJoin('units as u', 'u.id', 'c.unit_id').select([...committeeColumns]).where('c.id', '=', id).executeTakeFirst();
}

export async function committeeOfUnit(db: Db, unitId: number): Promise<CommitteeRow | undefined> {
  return db.selectFrom('steering_committees as c').innerJoin('units as u', 'u.id', 'c.unit_id').select([...committeeColumns]).where('c.unit_id', '=', unitId).executeTakeFirst();
}

interface ReportUnitRow {
  unit_id: number;
  unit_code: string;
  unit_path: string;
  time_zone: string;
  country: string;
}

/**
 * Every unit whose reports are archived each period: those with a steering committee and those
 * with a leader (an official with a leader grant whose account is not disabled).
 */
export async function reportUnits(db: Db): Promise<ReportUnitRow[]> {
  return db
    .selectFrom('units as u')
    .select(['u.id as unit_id', 'u.code as unit_code', 'u.path as unit_path', 'u.time_zone', 'u.country'])
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('steering_committees as c').select('c.id').whereRef('c.unit_id', '=', 'u.id')),
        eb.exists(
          eb
            .selectFrom('grants as g')
            .innerJoin('accounts as a', 'a.id', 'g.account_id')
            .select('g.account_id')
            .whereRef('g.unit_id', '=', 'u.id')
            .where('g.role', '=', 'leader')
            .where('a.disabled_at', 'is', null),
        ),
      ]),
    )
    .orderBy('u.id')
    .execute();
}

export async function insertCommittee(db: Db, c: { unitId: number; name: string; by: number | null; at: Date }): Promise<number | undefined> {
  const row = await db
    .insertInto('steering_committees')
    .values({ unit_id: c.unitId, name: c.name, created_by: c.by, created_at: c.at })
    .onConflict((oc) => oc.column('unit_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export interface NewMember {
  name: string;
  role: SteeringRole;
  position?: string | null;
  accountId?: number | null;
  email?: string | null;
}

export async function insertMembers(db: Db, committeeId: number, members: NewMember[], at: Date): Promise<number[]> {
  if (!members.length) return [];
  const last = await db.selectFrom('steering_members').select(sql<number>`coalesce(max(position_order), 0)::int`.as('n')).where('committee_id', '=', committeeId).executeTakeFirst();
  const rows = await db
    .insertInto('steering_members')
    .values(
      members.map((m, i) => ({
        committee_id: committeeId,
        name: m.name,
        role: m.role,
        position: m.position ?? null,
        account_id: m.accountId ?? null,
        email: m.email ?? null,
        position_order: (last?.n ?? 0) + i + 1,
        created_at: at,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function updateMemberRow(db: Db, id: number, set: { role?: SteeringRole; leftOn?: string }): Promise<void> {
  await db
    .updateTable('steering_members')
    .set({ ...(set.role !== undefined ? { role: set.role } : {}), ...(set.leftOn !== undefined ? { left_on: set.leftOn } : {}) })
    .where('id', '=', id)
    .execute();
}

export interface MemberRow {
  id: number;
  name: string;
  role: SteeringRole;
  position: string | null;
  account_id: number | null;
  email: string | null;
  left_on: string | null;
}

export async function committeeMembers(db: Db, committeeId: number): Promise<MemberRow[]> {
  return db
    .selectFrom('steering_members')
    .select(['id', 'name', 'role', 'position', 'account_id', 'email', sql<string | null>`left_on::text`.as('left_on')])
    .where('committee_id', '=', committeeId)
    .orderBy('position_order')
    .orderBy('id')
    .execute();
}

export async function insertRegulation(
  db: Db,
  r: { committeeId: number; title: string; articles: Array<{ title: string; text: string }>; adoptedOn: string; by: number | null; at: Date },
): Promise<number> {
  const row = await db
    .insertInto('steering_regulations')
    .values({
      committee_id: r.committeeId,
      version: sql<number>`(SELECT coalesce(max(version), 0) + 1 FROM steering_regulations WHERE committee_id = ${r.committeeId})`,
      title: r.title,
      articles: JSON.stringify(r.articles),
      adopted_on: r.adoptedOn,
      created_by: r.by,
      created_at: r.at,
    })
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

interface RegulationRow {
  version: number;
  title: string;
  articles: Array<{ title: string; text: string }>;
  adopted_on: string;
}

export async function regulations(db: Db, committeeId: number): Promise<RegulationRow[]> {
  return db
    .selectFrom('steering_regulations')
    .select(['version', 'title', 'articles', sql<string>`adopted_on::text`.as('adopted_on')])
    .where('committee_id', '=', committeeId)
    .orderBy('version', 'desc')
    .execute() as Promise<RegulationRow[]>;
}

export async function insertMeeting(
  db: Db,
  m: { committeeId: number; heldOn: string; title: string; agenda: string[]; minutes: string | null; by: number | null; at: Date },
): Promise<number> {
  const row = await db
    .insertInto('steering_meetings')
    .values({ committee_id: m.committeeId, held_on: m.heldOn, title: m.title, agenda: JSON.stringify(m.agenda), minutes: m.minutes, created_by: m.by, created_at: m.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertAttendance(db: Db, meetingId: number, rows: Array<{ memberId: number; present: boolean; note?: string | null }>): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('steering_attendance')
    .values(rows.map((r) => ({ meeting_id: meetingId, member_id: r.memberId, present: r.present, note: r.note ?? null })))
    .execute();
}

export async function insertDecisions(
  db: Db,
  meeting: { id: number; committeeId: number; unitId: number },
  decisions: Array<{ text: string; ownerMemberId: number; dueAt: Date }>,
  at: Date,
): Promise<number[]> {
  if (!decisions.length) return [];
  const rows = await db
    .insertInto('steering_decisions')
    .values(decisions.map((d) => ({ meeting_id: meeting.id, committee_id: meeting.committeeId, unit_id: meeting.unitId, text: d.text, owner_member_id: d.ownerMemberId, due_at: d.dueAt, created_at: at })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export interface MeetingRow {
  id: number;
  held_on: string;
  title: string;
  agenda: string[];
  minutes: string | null;
}

export async function committeeMeetings(db: Db, committeeId: number, limit: number): Promise<MeetingRow[]> {
  return db
    .selectFrom('steering_meetings')
    .select(['id', sql<string>`held_on::text`.as('held_on'), 'title', 'agenda', 'minutes'])
    .where('committee_id', '=', committeeId)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute() as Promise<MeetingRow[]>;
}

export async function attendanceOf(db: Db, meetingIds: number[]) {
  if (!meetingIds.length) return [];
  return db.selectFrom('steering_attendance').select(['meeting_id', 'member_id', 'present', 'note']).where('meeting_id', 'in', meetingIds).execute();
}

interface DecisionRow {
  id: number;
  meeting_id: number;
  committee_id: number;
  unit_id: number;
  text: string;
  owner_member_id: number;
  owner_name: string;
  owner_account_id: number | null;
  due_at: Date;
  status: 'open' | 'done';
  done_at: Date | null;
  done_note: string | null;
  overdue_at: Date | null;
  escalated_at: Date | null;
  escalated_to_unit_code: string | null;
  escalated_to_unit_name: string | null;
}

function decisions(db: Db) {
  return db
    .selectFrom('steering_decisions as d')
    .innerJoin('steering_members as m', 'm.id', 'd.owner_member_id')
    .leftJoin('units as e', 'e.id', 'd.escalated_to_unit_id')
    .select([
      'd.id', 'd.meeting_id', 'd.committee_id', 'd.unit_id', 'd.text', 'd.owner_member_id', 'm.name as owner_name', 'm.account_id as owner_account_id',
      'd.due_at', 'd.status', 'd.done_at', 'd.done_note', 'd.overdue_at', 'd.escalated_at', 'e.code as escalated_to_unit_code', 'e.name as escalated_to_unit_name',
    ]);
}

export async function committeeDecisions(db: Db, committeeId: number, limit: number): Promise<DecisionRow[]> {
  return decisions(db).where('d.committee_id', '=', committeeId).orderBy('d.due_at').orderBy('d.id').limit(limit).execute() as Promise<DecisionRow[]>;
}

export async function getDecision(db: Db, id: number, lock = false): Promise<DecisionRow | undefined> {
  if (lock) await sql`SELECT 1 FROM steering_decisions WHERE id = ${id} FOR UPDATE`.execute(db);
  return decisions(db).where('d.id', '=', id).executeTakeFirst() as Promise<DecisionRow | undefined>;
}

export async function completeDecisionRow(db: Db, id: number, note: string | null, at: Date): Promise<boolean> {
  const r = await db.updateTable('steering_decisions').set({ status: 'done', done_at: at, done_note: note }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Open follow-ups past due and not yet marked overdue, or overdue and not yet escalated. */
export async function followUpsToSweep(db: Db, now: Date, limit: number): Promise<Array<{ id: number }>> {
  return db
    .selectFrom('steering_decisions')
    .select('id')
    .where('status', '=', 'open')
    .where('due_at', '<=', now)
    .where('escalated_at', 'is', null)
    .orderBy('due_at')
    .limit(limit)
    .execute();
}

export async function markOverdue(db: Db, id: number, at: Date): Promise<boolean> {
  const r = await db.updateTable('steering_decisions').set({ overdue_at: at }).where('id', '=', id).where('status', '=', 'open').where('overdue_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function markEscalated(db: Db, id: number, toUnitId: number, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('steering_decisions')
    .set({ escalated_at: at, escalated_to_unit_id: toUnitId })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .where('escalated_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function unitWithParent(db: Db, id: number) {
  return db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .select(['u.id', 'u.code', 'u.name', 'u.path', 'u.country', 'u.time_zone', 'p.id as parent_id', 'p.code as parent_code'])
    .where('u.id', '=', id)
    .executeTakeFirst();
}

/** E-mail addresses of the unit's leaders (officials with the leader role at the unit itself). */
export async function leaderEmails(db: Db, unitId: number): Promise<Array<{ email: string; locale: string | null }>> {
  const rows = await db
    .selectFrom('grants as g')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .select(['a.email', 'a.locale'])
    .distinct()
    .where('g.unit_id', '=', unitId)
    .where('g.role', '=', 'leader')
    .where('a.disabled_at', 'is', null)
    .where('a.email', 'is not', null)
    .execute();
  return rows.map((r) => ({ email: r.email!, locale: r.locale }));
}

/** E-mail addresses of the committee's serving members (their own, or their account's). */
export async function memberEmails(db: Db, committeeId: number): Promise<Array<{ email: string; locale: string | null }>> {
  const rows = await db
    .selectFrom('steering_members as m')
    .leftJoin('accounts as a', 'a.id', 'm.account_id')
    .select([sql<string | null>`coalesce(m.email, a.email)`.as('email'), 'a.locale'])
    .where('m.committee_id', '=', committeeId)
    .where('m.left_on', 'is', null)
    .execute();
  return rows.filter((r) => r.email).map((r) => ({ email: r.email!, locale: r.locale }));
}
