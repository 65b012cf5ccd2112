/** All SQL of the deliberation module. */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { CouncilsTable, MatterMeetingsTable, MattersTable, MatterTasksTable } from './deliberation.tables.ts';
import type { AuditEventsTable, DB, LocaleNames } from '../../schema.ts';
import { insertReturningId } from '../../platform/db.ts';

type Db = Kysely<DB>;

// Councils

/** A council as stored, with the unit it belongs to. */
export type CouncilRow = Omit<Selectable<CouncilsTable>, 'created_at'> & {
  unit_code: string;
  unit_name: string;
  unit_names: LocaleNames;
  unit_path: string;
  unit_time_zone: string;
};

const councilColumns = sql`c.id, c.unit_id, u.code AS unit_code, u.name AS unit_name, u.names AS unit_names, u.path AS unit_path,
  u.time_zone AS unit_time_zone, c.kind, c.name, c.quorum_num, c.quorum_den, c.quorum_strict, c.majority_num, c.majority_den, c.majority_strict,
  c.majority_base, c.cosigners_required, c.comment_days`;

export async function getCouncil(db: Db, id: number, lock = false): Promise<CouncilRow | undefined> {
  const { rows } = await sql<CouncilRow>`SELECT ${councilColumns} FROM councils c JOIN units u ON u.id = c.unit_id
    WHERE c.id = ${id} ${lock ? sql`FOR UPDATE OF c` : sql``}`.execute(db);
  return rows[0];
}

export async function listCouncils(db: Db, unitPath: string, subtree: boolean, limit: number): Promise<CouncilRow[]> {
  const { rows } = await sql<CouncilRow>`SELECT ${councilColumns} FROM councils c JOIN units u ON u.id = c.unit_id
    WHERE ${subtree ? sql`u.path LIKE ${unitPath} || '%'` : sql`u.path = ${unitPath}`}
    ORDER BY u.path, c.id LIMIT ${limit}`.execute(db);
  return rows;
}

interface NewCouncil {
  unitId: number;
  kind: string;
  name: string;
  quorum: { num: number; den: number; strict: boolean };
  majority: { num: number; den: number; strict: boolean; base: string };
  cosignersRequired: number;
  commentDays: number;
}

export async function insertCouncil(db: Db, c: NewCouncil, now: Date): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO councils (unit_id, kind, name, quorum_num, quorum_den, quorum_strict, majority_num, majority_den,
                          majority_strict, majority_base, cosigners_required, comment_days, created_at)
    VALUES (${c.unitId}, ${c.kind}, ${c.name}, ${c.quorum.num}, ${c.quorum.den}, ${c.quorum.strict}, ${c.majority.num},
            ${c.majority.den}, ${c.majority.strict}, ${c.majority.base}, ${c.cosignersRequired}, ${c.commentDays}, ${now})
    RETURNING id`.execute(db);
  return rows[0].id;
}

export interface MemberRow {
  id: number;
  council_id: number;
  name: string;
  account_id: number | null;
  role: string;
  party_member: boolean;
  elected_on: string;
  term_until: string;
}

const memberColumns = sql`m.id, m.council_id, m.name, m.account_id, m.role, m.party_member,
  to_char(m.elected_on, 'YYYY-MM-DD') AS elected_on, to_char(m.term_until, 'YYYY-MM-DD') AS term_until`;

export async function councilMembers(db: Db, councilIds: number[]): Promise<MemberRow[]> {
  if (councilIds.length === 0) return [];
  const { rows } = await sql<MemberRow>`SELECT ${memberColumns} FROM council_members m
    WHERE m.council_id = ANY(${councilIds}::bigint[]) ORDER BY m.council_id, CASE m.role WHEN 'chair' THEN 0 WHEN 'secretary' THEN 1 ELSE 2 END, m.id`.execute(db);
  return rows;
}

export interface NewMember {
  name: string;
  accountId: number | null;
  role: string;
  partyMember: boolean;
  electedOn: string;
  termUntil: string;
}

export async function insertMembers(db: Db, councilId: number, members: NewMember[], now: Date): Promise<number[]> {
  if (members.length === 0) return [];
  const { rows } = await sql<{ id: number }>`
    INSERT INTO council_members (council_id, name, account_id, role, party_member, elected_on, term_until, created_at)
    SELECT ${councilId}, r.name, r."accountId", r.role, r."partyMember", r."electedOn", r."termUntil", ${now}
      FROM jsonb_to_recordset(${JSON.stringify(members)}::jsonb)
        AS r (name text, "accountId" bigint, role text, "partyMember" boolean, "electedOn" date, "termUntil" date)
    RETURNING id`.execute(db);
  return rows.map((r) => r.id);
}

/** Accounts among these ids that exist (a member's own account). */
export async function existingAccounts(db: Db, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ id: number }>`SELECT id FROM accounts WHERE id = ANY(${ids}::bigint[])`.execute(db);
  return rows.map((r) => Number(r.id));
}

// Matters

export interface NewMatter {
  content: string;
  title: string;
  body: string;
  proposerKind: string;
  proposerMemberId: number | null;
  proposerName: string;
  cosigners: string[];
  proposedAt: string;
}

/** Many matters of one council in one statement, in the proposal stage. */
export async function insertMatters(db: Db, council: { id: number; unitId: number }, matters: NewMatter[], now: Date): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO matters (council_id, unit_id, content, title, body, proposer_kind, proposer_member_id, proposer_name,
                         cosigners, stage, proposed_at, stage_changed_at)
    SELECT ${council.id}, ${council.unitId}, r.content, r.title, r.body, r."proposerKind", r."proposerMemberId", r."proposerName",
           r.cosigners, 'proposal', r."proposedAt", ${now}
      FROM jsonb_to_recordset(${JSON.stringify(matters)}::jsonb)
        AS r (content text, title text, body text, "proposerKind" text, "proposerMemberId" bigint, "proposerName" text,
              cosigners jsonb, "proposedAt" timestamptz)
    RETURNING id`.execute(db);
  return rows.map((r) => Number(r.id));
}

/** A matter as stored, with its council's name, its unit and how many have cosigned it. */
export type MatterRow = Omit<Selectable<MattersTable>, 'cosigners'> & {
  council_name: string;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  unit_time_zone: string;
  cosigner_count: number;
};

const matterColumns = sql`m.id, m.council_id, c.name AS council_name, m.unit_id, u.code AS unit_code, u.name AS unit_name,
  u.path AS unit_path, u.time_zone AS unit_time_zone, m.content, m.title, m.body, m.proposer_kind, m.proposer_member_id, m.proposer_name,
  jsonb_array_length(m.cosigners) AS cosigner_count, m.stage, m.revision, m.proposed_at, m.stage_changed_at,
  m.comments_close_at, m.review_outcome, m.review_reason`;

export async function getMatter(db: Db, id: number, lock = false): Promise<MatterRow | undefined> {
  const { rows } = await sql<MatterRow>`SELECT ${matterColumns} FROM matters m JOIN councils c ON c.id = m.council_id
    JOIN units u ON u.id = m.unit_id WHERE m.id = ${id} ${lock ? sql`FOR UPDATE OF m` : sql``}`.execute(db);
  return rows[0];
}

export async function listMatters(
  db: Db,
  f: { unitPath: string; stage?: string; content?: string; council?: number; beforeId?: number; limit: number },
): Promise<MatterRow[]> {
  const { rows } = await sql<MatterRow>`SELECT ${matterColumns} FROM matters m JOIN councils c ON c.id = m.council_id
    JOIN units u ON u.id = m.unit_id
    WHERE u.path LIKE ${f.unitPath} || '%'
      ${f.stage ? sql`AND m.stage = ${f.stage}` : sql``}
      ${f.content ? sql`AND m.content = ${f.content}` : sql``}
      ${f.council ? sql`AND m.council_id = ${f.council}` : sql``}
      ${f.beforeId ? sql`AND m.id < ${f.beforeId}` : sql``}
    ORDER BY m.id DESC LIMIT ${f.limit + 1}`.execute(db);
  return rows;
}

export async function setMatterStage(
  db: Db,
  id: number,
  stage: string,
  now: Date,
  extra: { commentsCloseAt?: Date | null; reviewOutcome?: string | null; reviewReason?: string | null; revise?: boolean } = {},
): Promise<void> {
  await sql`UPDATE matters SET stage = ${stage}, stage_changed_at = ${now}
      ${extra.commentsCloseAt !== undefined ? sql`, comments_close_at = ${extra.commentsCloseAt}` : sql``}
      ${extra.reviewOutcome !== undefined ? sql`, review_outcome = ${extra.reviewOutcome}` : sql``}
      ${extra.reviewReason !== undefined ? sql`, review_reason = ${extra.reviewReason}` : sql``}
      ${extra.revise ? sql`, revision = revision + 1` : sql``}
    WHERE id = ${id}`.execute(db);
}

export async function insertDocuments(db: Db, owner: { matterId?: number; optionId?: number }, docs: Array<{ title: string; url: string }>, now: Date): Promise<void> {
  if (docs.length === 0) return;
  await sql`INSERT INTO deliberation_documents (matter_id, option_id, title, url, created_at)
    SELECT ${owner.matterId ?? null}::bigint, ${owner.optionId ?? null}::bigint, r.title, r.url, ${now}
      FROM jsonb_to_recordset(${JSON.stringify(docs)}::jsonb) AS r (title text, url text)`.execute(db);
}

export async function matterDocuments(db: Db, matterId: number) {
  return db.selectFrom('deliberation_documents').select(['id', 'title', 'url']).where('matter_id', '=', matterId).orderBy('id').execute();
}

export async function optionDocuments(db: Db, optionIds: number[]) {
  if (optionIds.length === 0) return [];
  return db.selectFrom('deliberation_documents').select(['id', 'option_id', 'title', 'url']).where('option_id', 'in', optionIds).orderBy('id').execute();
}

export async function insertComment(
  db: Db,
  c: { matterId: number; accountId: number | null; memberId: number | null; authorName: string; body: string },
  now: Date,
): Promise<number> {
  return insertReturningId(db, 'matter_comments', { matter_id: c.matterId, account_id: c.accountId, member_id: c.memberId, author_name: c.authorName, body: c.body, created_at: now });
}

export async function matterComments(db: Db, matterId: number) {
  return db
    .selectFrom('matter_comments')
    .select(['id', 'member_id', 'author_name', 'body', 'created_at'])
    .where('matter_id', '=', matterId)
    .orderBy('id')
    .execute();
}

/** Members serving on a day (elected on or before it, term not ended before it). */
export async function servingMembers(db: Db, councilId: number, day: string): Promise<MemberRow[]> {
  const { rows } = await sql<MemberRow>`SELECT ${memberColumns} FROM council_members m
    WHERE m.council_id = ${councilId} AND m.elected_on <= ${day}::date AND m.term_until >= ${day}::date ORDER BY m.id`.execute(db);
  return rows;
}

export async function insertMeeting(
  db: Db,
  m: { matterId: number; heldOn: string; membersTotal: number; present: number[]; for: number; against: number; abstain: number; passed: boolean; minutes: string },
  now: Date,
): Promise<void> {
  await sql`INSERT INTO matter_meetings (matter_id, held_on, members_total, present_ids, votes_for, votes_against, abstentions, passed, minutes, recorded_at)
    VALUES (${m.matterId}, ${m.heldOn}, ${m.membersTotal}, ${m.present}::bigint[], ${m.for}, ${m.against}, ${m.abstain}, ${m.passed}, ${m.minutes}, ${now})`.execute(db);
}

/** The meeting that voted on a matter, with the names of the members present. */
export type MeetingRow = Omit<Selectable<MatterMeetingsTable>, 'id' | 'matter_id' | 'present_ids' | 'recorded_at'> & { present: string[] };

export async function matterMeeting(db: Db, matterId: number): Promise<MeetingRow | undefined> {
  const { rows } = await sql<MeetingRow>`
    SELECT to_char(mm.held_on, 'YYYY-MM-DD') AS held_on, mm.members_total, mm.votes_for, mm.votes_against, mm.abstentions, mm.passed, mm.minutes,
           COALESCE((SELECT array_agg(cm.name ORDER BY cm.id) FROM council_members cm WHERE cm.id = ANY(mm.present_ids)), '{}') AS present
      FROM matter_meetings mm WHERE mm.matter_id = ${matterId}`.execute(db);
  return rows[0];
}

export type TaskRow = Omit<Selectable<MatterTasksTable>, 'created_at'>;

export async function matterTasks(db: Db, matterId: number, lock = false): Promise<TaskRow[]> {
  const { rows } = await sql<TaskRow>`SELECT id, matter_id, title, owner, to_char(due_on, 'YYYY-MM-DD') AS due_on, status, progress,
      spent::text AS spent, to_char(done_on, 'YYYY-MM-DD') AS done_on
    FROM matter_tasks WHERE matter_id = ${matterId} ORDER BY id ${lock ? sql`FOR UPDATE` : sql``}`.execute(db);
  return rows;
}

export async function insertTask(db: Db, t: { matterId: number; title: string; owner: string; dueOn: string }, now: Date): Promise<number> {
  return insertReturningId(db, 'matter_tasks', { matter_id: t.matterId, title: t.title, owner: t.owner, due_on: t.dueOn, status: 'open', spent: 0, done_on: null, created_at: now });
}

export async function insertProgress(
  db: Db,
  p: { taskId: number; note: string; progress: number; spent: number; photos: string[]; reportedOn: string },
  now: Date,
): Promise<void> {
  await db
    .insertInto('task_progress')
    .values({ task_id: p.taskId, note: p.note, progress: p.progress, spent: p.spent, photos: JSON.stringify(p.photos), reported_on: p.reportedOn, created_at: now })
    .execute();
  await sql`UPDATE matter_tasks SET progress = ${p.progress}, spent = spent + ${p.spent},
      status = CASE WHEN ${p.progress} = 100 THEN 'done' ELSE status END,
      done_on = CASE WHEN ${p.progress} = 100 THEN ${p.reportedOn}::date ELSE NULL END
    WHERE id = ${p.taskId}`.execute(db);
}

export async function taskReports(db: Db, taskIds: number[]) {
  if (taskIds.length === 0) return [];
  const { rows } = await sql<{ id: number; task_id: number; note: string; progress: number; spent: string; photos: string[]; reported_on: string }>`
    SELECT id, task_id, note, progress, spent::text AS spent, photos, to_char(reported_on, 'YYYY-MM-DD') AS reported_on
      FROM task_progress WHERE task_id = ANY(${taskIds}::bigint[]) ORDER BY id`.execute(db);
  return rows;
}

export async function taskInspections(db: Db, matterId: number) {
  return db.selectFrom('task_inspections').select(['task_id', 'verdict', 'note', 'created_at']).where('matter_id', '=', matterId).orderBy('id').execute();
}

export async function insertInspections(
  db: Db,
  matterId: number,
  accountId: number | null,
  verdicts: Array<{ task: number; verdict: string; note: string }>,
  now: Date,
): Promise<void> {
  await sql`INSERT INTO task_inspections (task_id, matter_id, account_id, verdict, note, created_at)
    SELECT r.task, ${matterId}, ${accountId}::bigint, r.verdict, r.note, ${now}
      FROM jsonb_to_recordset(${JSON.stringify(verdicts)}::jsonb) AS r (task bigint, verdict text, note text)`.execute(db);
  await sql`UPDATE matter_tasks t SET status = r.verdict
      FROM jsonb_to_recordset(${JSON.stringify(verdicts)}::jsonb) AS r (task bigint, verdict text)
     WHERE t.id = r.task`.execute(db);
}

// Follows and notices

export async function follow(db: Db, accountId: number, target: { matterId?: number; consultationId?: number }, now: Date): Promise<void> {
  const column = target.matterId ? sql`matter_id` : sql`consultation_id`;
  await sql`INSERT INTO deliberation_follows (account_id, ${column}, created_at)
    VALUES (${accountId}, ${target.matterId ?? target.consultationId}, ${now}) ON CONFLICT DO NOTHING`.execute(db);
}

export async function unfollow(db: Db, accountId: number, target: { matterId?: number; consultationId?: number }): Promise<void> {
  const column = target.matterId ? sql`matter_id` : sql`consultation_id`;
  await sql`DELETE FROM deliberation_follows WHERE account_id = ${accountId} AND ${column} = ${target.matterId ?? target.consultationId}`.execute(db);
}

export async function isFollowing(db: Db, accountId: number, target: { matterId?: number; consultationId?: number }): Promise<boolean> {
  const column = target.matterId ? sql`matter_id` : sql`consultation_id`;
  const { rows } = await sql<{ yes: boolean }>`SELECT EXISTS (SELECT 1 FROM deliberation_follows
    WHERE account_id = ${accountId} AND ${column} = ${target.matterId ?? target.consultationId}) AS yes`.execute(db);
  return rows[0].yes;
}

/** Where to tell a matter's followers that it moved: their phone, else their e-mail, and language. */
export async function matterFollowers(db: Db, matterId: number) {
  const { rows } = await sql<{ id: number; phone: string | null; email: string | null; locale: string | null }>`
    SELECT a.id, a.phone, a.email, a.locale FROM deliberation_follows f JOIN accounts a ON a.id = f.account_id
     WHERE f.matter_id = ${matterId} AND a.disabled_at IS NULL`.execute(db);
  return rows;
}

// Figures

export interface FigureRows {
  councils: Array<{ kind: string; n: number }>;
  members: number;
  matters: Array<{ content: string; stage: string; n: number }>;
  meetings: { passed: number; failed: number };
  tasks: { done: number; on_time: number };
  inspections: { accepted: number; contested: number };
  consultations: { consultations: number; electorate: number; voted: number };
}

/**
 * The figures of a unit's subtree for a period [from, to] (days, inclusive; open ends allowed).
 * Councils: existing at the end of the period. Members: serving at some day of the period.
 * Matters: proposed in the period, by content and by their stage now. Resolutions: meetings held
 * in the period. Tasks: done in the period, on time when done on or before their due day.
 * Inspections: recorded in the period. Consultations: closing in the period.
 */
export async function figureRows(db: Db, unitPath: string, from: string | null, to: string | null, timeZone: string): Promise<FigureRows> {
  const inUnit = sql`u.path LIKE ${unitPath} || '%'`;
  const day = (column: ReturnType<typeof sql.ref>) => sql`(${column} AT TIME ZONE ${timeZone})::date`;
  const inPeriod = (d: ReturnType<typeof sql>) =>
    sql`${from ? sql`${d} >= ${from}::date` : sql`true`} AND ${to ? sql`${d} <= ${to}::date` : sql`true`}`;
  const { rows } = await sql<{ part: string; key1: string | null; key2: string | null; n: number }>`
    SELECT 'council' AS part, c.kind AS key1, NULL AS key2, count(*)::int AS n
      FROM councils c JOIN units u ON u.id = c.unit_id
     WHERE ${inUnit} AND ${to ? sql`${day(sql.ref('c.created_at'))} <= ${to}::date` : sql`true`}
     GROUP BY c.kind
    UNION ALL
    SELECT 'member', NULL, NULL, count(*)::int
      FROM council_members m JOIN councils c ON c.id = m.council_id JOIN units u ON u.id = c.unit_id
     WHERE ${inUnit} AND ${to ? sql`m.elected_on <= ${to}::date` : sql`true`} AND ${from ? sql`m.term_until >= ${from}::date` : sql`true`}
    UNION ALL
    SELECT 'matter', m.content, m.stage, count(*)::int
      FROM matters m JOIN units u ON u.id = m.unit_id
     WHERE ${inUnit} AND ${inPeriod(day(sql.ref('m.proposed_at')))}
     GROUP BY m.content, m.stage
    UNION ALL
    SELECT 'meeting', mm.passed::text, NULL, count(*)::int
      FROM matter_meetings mm JOIN matters m ON m.id = mm.matter_id JOIN units u ON u.id = m.unit_id
     WHERE ${inUnit} AND ${inPeriod(sql`mm.held_on`)}
     GROUP BY mm.passed
    UNION ALL
    SELECT 'task', (t.done_on <= t.due_on)::text, NULL, count(*)::int
      FROM matter_tasks t JOIN matters m ON m.id = t.matter_id JOIN units u ON u.id = m.unit_id
     WHERE ${inUnit} AND t.done_on IS NOT NULL AND ${inPeriod(sql`t.done_on`)}
     GROUP BY 2
    UNION ALL
    SELECT 'inspection', i.verdict, NULL, count(*)::int
      FROM task_inspections i JOIN matters m ON m.id = i.matter_id JOIN units u ON u.id = m.unit_id
     WHERE ${inUnit} AND ${inPeriod(day(sql.ref('i.created_at')))}
     GROUP BY i.verdict
    UNION ALL
    SELECT 'consultation', count(DISTINCT k.id)::text, count(v.id)::text, count(v.voted_at)::int
      FROM consultations k JOIN units u ON u.id = k.unit_id LEFT JOIN consultation_voters v ON v.consultation_id = k.id
     WHERE ${inUnit} AND ${inPeriod(day(sql.ref('k.closes_at')))}`.execute(db);
  const out: FigureRows = {
    councils: [],
    members: 0,
    matters: [],
    meetings: { passed: 0, failed: 0 },
    tasks: { done: 0, on_time: 0 },
    inspections: { accepted: 0, contested: 0 },
    consultations: { consultations: 0, electorate: 0, voted: 0 },
  };
  for (const r of rows) {
    const n = Number(r.n);
    if (r.part === 'council') out.councils.push({ kind: r.key1!, n });
    else if (r.part === 'member') out.members = n;
    else if (r.part === 'matter') out.matters.push({ content: r.key1!, stage: r.key2!, n });
    else if (r.part === 'meeting') out.meetings[r.key1 === 'true' ? 'passed' : 'failed'] += n;
    else if (r.part === 'task') {
      out.tasks.done += n;
      if (r.key1 === 'true') out.tasks.on_time += n;
    } else if (r.part === 'inspection') out.inspections[r.key1 === 'accepted' ? 'accepted' : 'contested'] += n;
    else if (r.part === 'consultation') out.consultations = { consultations: Number(r.key1), electorate: Number(r.key2), voted: n };
  }
  return out;
}

/** The first audit events of subjects just created, in one statement. */
export async function insertFirstAuditEvents(db: Db, rows: Insertable<AuditEventsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('audit_events').values(rows.slice(i, i + 500)).execute();
}

/** A council of a unit by its name (the demo looks before it adds). */
export async function findCouncilId(db: Db, unitId: number, name: string): Promise<number | undefined> {
  const row = await db.selectFrom('councils').select('id').where('unit_id', '=', unitId).where('name', '=', name).executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

