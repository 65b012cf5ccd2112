/** The state changes of steering committees: one transaction each, with its audit event. */
import type { AppContext } from '../../../platform/context.ts';
import { appendAudit, type AuditInput } from '../../../platform/audit.ts';
import { badRequest, notFound } from '../../../platform/errors.ts';
import { endOfLocalDay } from '../../../platform/calendar.ts';
import {
  committeeMembers,
  completeDecisionRow,
  getCommittee,
  getDecision,
  insertAttendance,
  insertCommittee,
  insertDecisions,
  insertMeeting,
  insertMembers,
  insertRegulation,
  updateMemberRow,
  type NewMember,
} from '../committees.queries.ts';
import type { SteeringRole } from '../../../contract/domain.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;
type ActorInput = AuditInput['actor'];
const by = (actor: ActorInput) => (actor.kind === 'official' ? actor.id : null);

export async function createCommittee(ctx: Ctx, actor: ActorInput, input: { unit: { id: number; code: string }; name: string; members: NewMember[] }): Promise<number> {
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertCommittee(trx, { unitId: input.unit.id, name: input.name, by: by(actor), at });
    if (id === undefined) throw badRequest('steering_committee_exists', { unit: input.unit.code });
    await insertMembers(trx, id, input.members, at);
    await appendAudit(trx, { actor, action: 'steering.committee_created', subjectType: 'steering_committee', subjectId: id, unitId: input.unit.id, changes: { name: input.name, members: input.members.length }, at });
    return id;
  });
}

export async function addMembers(ctx: Ctx, actor: ActorInput, committeeId: number, members: NewMember[]): Promise<number[]> {
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const c = await getCommittee(trx, committeeId);
    if (!c) throw notFound();
    const ids = await insertMembers(trx, committeeId, members, at);
    await appendAudit(trx, { actor, action: 'steering.members_added', subjectType: 'steering_committee', subjectId: committeeId, unitId: c.unit_id, changes: { members: members.map((m) => ({ name: m.name, role: m.role })) }, at });
    return ids;
  });
}

/**
 * A member's new role, or their leaving the committee on a day. A member who left stays in the
 * committee's history (attendance, decisions they own) and is no longer sent its reports.
 */
export async function updateMember(ctx: Ctx, actor: ActorInput, committeeId: number, memberId: number, input: { role?: SteeringRole; leftOn?: string }): Promise<void> {
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const c = await getCommittee(trx, committeeId);
    if (!c) throw notFound();
    const member = (await committeeMembers(trx, committeeId)).find((m) => m.id === memberId);
    if (!member) throw notFound();
    if (member.left_on !== null) throw badRequest('steering_member_left', { name: member.name, day: member.left_on });
    await updateMemberRow(trx, memberId, { role: input.role, leftOn: input.leftOn });
    const changes: Record<string, unknown> = { member: memberId, name: member.name };
    if (input.role !== undefined && input.role !== member.role) changes.role = { from: member.role, to: input.role };
    if (input.leftOn !== undefined) changes.leftOn = input.leftOn;
    await appendAudit(trx, { actor, action: input.leftOn !== undefined ? 'steering.member_left' : 'steering.member_changed', subjectType: 'steering_committee', subjectId: committeeId, unitId: c.unit_id, changes, at });
  });
}

/** A new version of the committee's regulation (the whole text); earlier versions are kept. */
export async function adoptRegulation(
  ctx: Ctx,
  actor: ActorInput,
  committeeId: number,
  input: { title: string; articles: Array<{ title: string; text: string }>; adoptedOn: string },
): Promise<number> {
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const c = await getCommittee(trx, committeeId);
    if (!c) throw notFound();
    const version = await insertRegulation(trx, { committeeId, ...input, by: by(actor), at });
    await appendAudit(trx, { actor, action: 'steering.regulation_adopted', subjectType: 'steering_committee', subjectId: committeeId, unitId: c.unit_id, changes: { version, title: input.title, articles: input.articles.length }, at });
    return version;
  });
}

export interface MeetingInput {
  heldOn: string;
  title: string;
  agenda: string[];
  minutes: string | null;
  attendance: Array<{ memberId: number; present: boolean; note?: string | null }>;
  /** Each decision becomes a follow-up task owned by a member, due at the end of its day. */
  decisions: Array<{ text: string; ownerMemberId: number; dueOn: string }>;
}

export async function recordMeeting(ctx: Ctx, actor: ActorInput, committeeId: number, input: MeetingInput): Promise<{ meetingId: number; decisionIds: number[] }> {
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const c = await getCommittee(trx, committeeId);
    if (!c) throw notFound();
    const all = await committeeMembers(trx, committeeId);
    const members = new Set(all.map((m) => m.id));
    // A follow-up is owned by a member who still serves on the committee.
    const serving = new Set(all.filter((m) => m.left_on === null || m.left_on > input.heldOn).map((m) => m.id));
    for (const id of input.attendance.map((a) => a.memberId)) if (!members.has(id)) throw badRequest('steering_not_a_member', { member: id });
    for (const id of input.decisions.map((d) => d.ownerMemberId)) if (!serving.has(id)) throw badRequest('steering_not_a_member', { member: id });
    const meetingId = await insertMeeting(trx, { committeeId, heldOn: input.heldOn, title: input.title, agenda: input.agenda, minutes: input.minutes, by: by(actor), at });
    await insertAttendance(trx, meetingId, input.attendance);
    const decisionIds = await insertDecisions(
      trx,
      { id: meetingId, committeeId, unitId: c.unit_id },
      input.decisions.map((d) => ({ text: d.text, ownerMemberId: d.ownerMemberId, dueAt: endOfLocalDay(d.dueOn, c.time_zone) })),
      at,
    );
    await appendAudit(trx, {
      actor,
      action: 'steering.meeting_recorded',
      subjectType: 'steering_meeting',
      subjectId: meetingId,
      unitId: c.unit_id,
      changes: { committee: committeeId, heldOn: input.heldOn, agenda: input.agenda.length, present: input.attendance.filter((a) => a.present).length, decisions: decisionIds },
      at,
    });
    return { meetingId, decisionIds };
  });
}

export async function completeDecision(ctx: Ctx, actor: ActorInput, decisionId: number, note: string | null): Promise<void> {
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const d = await getDecision(trx, decisionId, true);
    if (!d) throw notFound();
    if (!(await completeDecisionRow(trx, decisionId, note, at))) throw badRequest('steering_decision_done');
    await appendAudit(trx, { actor, action: 'steering.decision_done', subjectType: 'steering_decision', subjectId: decisionId, unitId: d.unit_id, changes: { note }, at });
  });
}
