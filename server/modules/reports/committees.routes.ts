/** Steering committees: members, regulation versions, meetings and the decisions' follow-ups. */
import type { Static } from 'typebox';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { requireUnitWhere, resolveUnit } from '../units/index.ts';
import {
  CommitteeQuery,
  CommitteeView,
  CreateCommitteeBody,
  CreatedId,
  DecisionActionBody,
  IdParams,
  MeetingBody,
  MemberChangeBody,
  MemberInput,
  MemberParams,
  MembersBody,
  RegulationBody,
} from './reports.schema.ts';
import { canCompleteDecision, canKeepCommittee, canReadReport } from './reports.policy.ts';
import { addMembers, adoptRegulation, completeDecision, createCommittee, recordMeeting, updateMember } from './commands/committees.ts';
import {
  attendanceOf,
  committeeDecisions,
  committeeMeetings,
  committeeMembers,
  committeeOfUnit,
  getCommittee,
  getDecision,
  regulations,
  type CommitteeRow,
} from './committees.queries.ts';
import type { NewMember } from './committees.queries.ts';
import { routesOf } from '../../platform/routes.ts';
import { committeeKeepers } from '../../contract/roleSets.ts';

type MemberBody = Static<typeof MemberInput>;
const member = (m: MemberBody): NewMember => ({ name: m.name, role: m.role as NewMember['role'], position: m.position ?? null, accountId: m.account ?? null, email: m.email ?? null });

async function committeeView(ctx: AppContext, c: CommitteeRow): Promise<CommitteeView> {
  const now = ctx.clock.now();
  const [members, regs, meetings, decisions] = await Promise.all([
    committeeMembers(ctx.db, c.id),
    regulations(ctx.db, c.id),
    committeeMeetings(ctx.db, c.id, 50),
    committeeDecisions(ctx.db, c.id, 500),
  ]);
  const attendance = await attendanceOf(ctx.db, meetings.map((m) => m.id));
  return {
    id: c.id,
    unit: { code: c.unit_code, name: c.unit_name },
    name: c.name,
    members: members.map((m) => ({ id: m.id, name: m.name, role: m.role, position: m.position, account: m.account_id, email: m.email, leftOn: m.left_on })),
    regulations: regs.map((r) => ({ version: r.version, title: r.title, adoptedOn: r.adopted_on, articles: r.articles })),
    meetings: meetings.map((m) => ({
      id: m.id,
      heldOn: m.held_on,
      title: m.title,
      agenda: m.agenda,
      minutes: m.minutes,
      attendance: attendance.filter((a) => a.meeting_id === m.id).map((a) => ({ member: a.member_id, present: a.present, note: a.note })),
    })),
    decisions: decisions.map((d) => ({
      id: d.id,
      meeting: d.meeting_id,
      text: d.text,
      owner: { id: d.owner_member_id, name: d.owner_name },
      dueAt: d.due_at.toISOString(),
      status: d.status,
      overdue: d.status === 'open' && d.due_at <= now,
      doneAt: d.done_at ? d.done_at.toISOString() : null,
      doneNote: d.done_note,
      escalatedAt: d.escalated_at ? d.escalated_at.toISOString() : null,
      escalatedTo: d.escalated_to_unit_code === null ? null : { code: d.escalated_to_unit_code, name: d.escalated_to_unit_name! },
    })),
  };
}

export function committeeRoutes(app: App, ctx: AppContext): void {
  const routes = routesOf(app, 'steering committees');
  /** A change by one who keeps the committee (404 to anyone else), answered with the committee as it now stands. */
  const keeperChange = async (id: number, actor: Parameters<typeof canKeepCommittee>[0], change: (c: CommitteeRow) => Promise<unknown>) => {
    const c = await getCommittee(ctx.db, id);
    if (!c || !canKeepCommittee(actor, c.unit_path)) throw notFound();
    await change(c);
    return committeeView(ctx, c);
  };

  routes.post(
    '/api/v1/steering-committees',
    {
      access: { roles: committeeKeepers },
      summary: "Set up a unit's steering committee with its members (leaders and administrators of the unit or above)",
      body: CreateCommitteeBody,
      response: { 201: CreatedId },
    },
    async (request, reply) => {
      const unit = await requireUnitWhere(ctx.db, request.body.unit, ctx.clock.now(), (path) => canKeepCommittee(request.actor, path), 'not_found');
      const id = await createCommittee(ctx, request.actor, { unit, name: request.body.name, members: request.body.members.map(member) });
      return reply.status(201).send({ id });
    },
  );

  routes.get(
    '/api/v1/steering-committees',
    {
      access: 'official',
      summary: "A unit's steering committee: members, regulation versions, meetings with attendance, decisions and their follow-ups",
      querystring: CommitteeQuery,
      response: { 200: CommitteeView },
    },
    async (request) => {
      const unit = await resolveUnit(ctx.db, request.query.unit, ctx.clock.now());
      if (!unit || !(canReadReport(request.actor, unit.path, 'staff') || canKeepCommittee(request.actor, unit.path))) throw notFound();
      const c = await committeeOfUnit(ctx.db, unit.id);
      if (!c) throw notFound();
      return committeeView(ctx, c);
    },
  );

  routes.post(
    '/api/v1/steering-committees/:id/members',
    { access: { roles: committeeKeepers }, summary: 'Add members', params: IdParams, body: MembersBody, response: { 200: CommitteeView } },
    async (request) => keeperChange(Number(request.params.id), request.actor, (c) => addMembers(ctx, request.actor, c.id, request.body.members.map(member))),
  );

  routes.patch(
    '/api/v1/steering-committees/:id/members/:member',
    {
      access: { roles: committeeKeepers },
      summary: "Change a member's role, or record the day they left (they stay in the committee's history)",
      params: MemberParams,
      body: MemberChangeBody,
      response: { 200: CommitteeView },
    },
    async (request) =>
      keeperChange(Number(request.params.id), request.actor, (c) =>
        updateMember(ctx, request.actor, c.id, Number(request.params.member), request.body as { role?: NewMember['role']; leftOn?: string }),
      ),
  );

  routes.post(
    '/api/v1/steering-committees/:id/regulations',
    {
      access: { roles: committeeKeepers },
      summary: 'Adopt a new version of the regulation (its whole text)',
      params: IdParams,
      body: RegulationBody,
      response: { 200: CommitteeView },
    },
    async (request) => keeperChange(Number(request.params.id), request.actor, (c) => adoptRegulation(ctx, request.actor, c.id, request.body)),
  );

  routes.post(
    '/api/v1/steering-committees/:id/meetings',
    {
      access: { roles: committeeKeepers },
      summary: 'Record a meeting: agenda, attendance, minutes and decisions (each a follow-up task with an owner and a due day)',
      params: IdParams,
      body: MeetingBody,
      response: { 200: CommitteeView },
    },
    async (request) => {
      const b = request.body;
      return keeperChange(Number(request.params.id), request.actor, (c) =>
        recordMeeting(ctx, request.actor, c.id, {
          heldOn: b.heldOn,
          title: b.title,
          agenda: b.agenda,
          minutes: b.minutes ?? null,
          attendance: b.attendance.map((a) => ({ memberId: a.member, present: a.present, note: a.note ?? null })),
          decisions: b.decisions.map((d) => ({ text: d.text, ownerMemberId: d.owner, dueOn: d.dueOn })),
        }),
      );
    },
  );

  routes.post(
    '/api/v1/steering-decisions/:id/actions',
    {
      access: 'official',
      summary: "Complete a decision's follow-up (its owner, or the committee's keepers)",
      params: IdParams,
      body: DecisionActionBody,
      response: { 200: CommitteeView },
    },
    async (request) => {
      const d = await getDecision(ctx.db, Number(request.params.id));
      const c = d ? await getCommittee(ctx.db, d.committee_id) : undefined;
      if (!d || !c || !canCompleteDecision(request.actor, c.unit_path, d.owner_account_id)) throw notFound();
      await completeDecision(ctx, request.actor, d.id, request.body.note ?? null);
      return committeeView(ctx, c);
    },
  );
}
