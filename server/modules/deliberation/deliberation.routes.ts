import type { Module } from '../index.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/access.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { localDay } from '../../platform/calendar.ts';
import { matterContents, matterStages } from '../../contract/domain.ts';
import { requireUnit, requireUnitWhere } from '../units/index.ts';
import {
  AddDocumentBody,
  AddMembersBody,
  CouncilList,
  CouncilView,
  CouncilsQuery,
  CreateCouncilBody,
  Figures,
  FiguresQuery,
  IdParams,
  MatterActionBody,
  MatterList,
  MatterView,
  MattersQuery,
  ProposeBatchBody,
  ProposeBatchResult,
  ProposeBody,
  ResidentProposalBody,
} from './deliberation.schema.ts';
import { actionActor, allowedActions, canManageAt, canReviewAt } from './deliberation.policy.ts';
import {
  councilMembers,
  figureRows,
  getCouncil,
  getMatter,
  insertDocuments,
  isFollowing,
  listCouncils,
  listMatters,
  matterComments,
  matterDocuments,
  matterMeeting,
  matterTasks,
  taskInspections,
  taskReports,
  type MatterRow,
} from './deliberation.queries.ts';
import { presentCouncil, presentMatter, presentMatterSummary } from './deliberation.presenter.ts';
import { createCouncil } from './commands/createCouncil.ts';
import { addMembers } from './commands/addMembers.ts';
import { proposeMatters } from './commands/proposeMatters.ts';
import { runMatterAction } from './commands/runMatterAction.ts';
import { consultationRoutes } from './consultations.routes.ts';
import { encodeCursor, idAfterCursor } from '../../platform/cursor.ts';
import { deliberationMessages } from './deliberation.messages.ts';
import { deliberationTemplates } from './deliberation.notify.ts';
import { deliberationWebhookEvents } from './deliberation.webhooks.ts';
import { routesOf } from '../../platform/routes.ts';
import { setFollowing } from './deliberation.following.ts';
import { councilManagers } from '../../contract/roleSets.ts';

/** A council or matter by id: 404 when there is none; the managed ones also 403 outside the caller's units. */
async function councilOf(ctx: AppContext, id: number) {
  const council = await getCouncil(ctx.db, id);
  if (!council) throw notFound();
  return council;
}

async function managedCouncil(ctx: AppContext, actor: Actor, id: number) {
  const council = await councilOf(ctx, id);
  if (!canManageAt(actor, council.unit_path)) throw forbidden();
  return council;
}

async function matterOf(ctx: AppContext, id: number): Promise<MatterRow> {
  const m = await getMatter(ctx.db, id);
  if (!m) throw notFound();
  return m;
}

async function managedMatter(ctx: AppContext, actor: Actor, id: number): Promise<MatterRow> {
  const m = await matterOf(ctx, id);
  if (!canManageAt(actor, m.unit_path)) throw forbidden();
  return m;
}

async function councilView(ctx: AppContext, actor: Actor, id: number) {
  const row = await councilOf(ctx, id);
  const members = await councilMembers(ctx.db, [id]);
  return presentCouncil(row, members, localDay(ctx.clock.now(), row.unit_time_zone), canManageAt(actor, row.unit_path));
}

async function matterView(ctx: AppContext, actor: Actor, m: MatterRow) {
  const [documents, comments, meeting, tasks, inspections, following] = await Promise.all([
    matterDocuments(ctx.db, m.id),
    matterComments(ctx.db, m.id),
    matterMeeting(ctx.db, m.id),
    matterTasks(ctx.db, m.id),
    taskInspections(ctx.db, m.id),
    actor.kind === 'anonymous' ? Promise.resolve(false) : isFollowing(ctx.db, actor.id, { matterId: m.id }),
  ]);
  const reports = await taskReports(ctx.db, tasks.map((t) => Number(t.id)));
  const manage = canManageAt(actor, m.unit_path);
  const review = canReviewAt(actor, m.unit_path);
  const resident = actor.kind === 'resident';
  const open = m.stage === 'evaluation' && (!m.comments_close_at || ctx.clock.now() < m.comments_close_at);
  const actions = allowedActions(m.stage).filter((a) => {
    const who = actionActor[a];
    if (who === 'manager' || who === 'member') return manage;
    if (who === 'reviewer') return review;
    return resident && (a !== 'comment' || open);
  });
  return presentMatter(m, { documents, comments, meeting, tasks, reports, inspections, following, abilities: { manage, review, comment: resident && open, inspect: resident && m.stage === 'inspection', actions } }, actor);
}

/** What GET /api/v1/deliberation/figures answers; other modules (reports) print exactly these figures. */
export async function deliberationFiguresOf(ctx: AppContext, q: { unit: string; from?: string; to?: string }): Promise<Figures> {
  const unit = await requireUnit(ctx.db, q.unit, ctx.clock.now());
  const f = await figureRows(ctx.db, unit.path, q.from ?? null, q.to ?? null, unit.timeZone);
  const byContent = Object.fromEntries(matterContents.map((c) => [c, 0]));
  const byStage = Object.fromEntries(matterStages.map((s) => [s, 0]));
  for (const r of f.matters) {
    byContent[r.content] += r.n;
    byStage[r.stage] += r.n;
  }
  return {
    unit: { code: unit.code, name: unit.name },
    from: q.from ?? null,
    to: q.to ?? null,
    councils: f.councils.reduce((s, r) => s + r.n, 0),
    councilsByKind: Object.fromEntries(f.councils.map((r) => [r.kind, r.n])),
    members: f.members,
    matters: f.matters.reduce((s, r) => s + r.n, 0),
    mattersByContent: byContent,
    mattersByStage: byStage,
    resolutionsPassed: f.meetings.passed,
    resolutionsFailed: f.meetings.failed,
    tasksDone: f.tasks.done,
    tasksDoneOnTime: f.tasks.on_time,
    inspectionsAccepted: f.inspections.accepted,
    inspectionsContested: f.inspections.contested,
    consultations: f.consultations.consultations,
    electorate: f.consultations.electorate,
    voted: f.consultations.voted,
  };
}

export const deliberationModule: Module = {
  name: 'deliberation',
  messages: [deliberationMessages],
  templates: [deliberationTemplates],
  webhookEvents: deliberationWebhookEvents,
  routes(app, ctx) {
    const routes = routesOf(app, 'deliberation');

    routes.post(
      '/api/v1/councils',
      {
        access: { roles: councilManagers },
        summary: 'Create a council of a unit with its rules and members (administrators, leaders, council secretaries of the unit)',
        body: CreateCouncilBody,
        response: { 201: CouncilView },
      },
      async (request, reply) => {
        const unit = await requireUnitWhere(ctx.db, request.body.unit, ctx.clock.now(), (path) => canManageAt(request.actor, path));
        const id = await createCouncil(ctx.db, request.actor, unit, request.body, ctx.clock.now());
        return reply.status(201).send(await councilView(ctx, request.actor, id));
      },
    );

    routes.get(
      '/api/v1/councils',
      {
        access: 'public',
        summary: "A unit's councils (with `subtree`, those below it too), with their members",
        querystring: CouncilsQuery,
        response: { 200: CouncilList },
      },
      async (request) => {
        const unit = await requireUnit(ctx.db, request.query.unit, ctx.clock.now());
        const rows = await listCouncils(ctx.db, unit.path, request.query.subtree ?? false, request.query.limit ?? 100);
        const members = await councilMembers(ctx.db, rows.map((r) => Number(r.id)));
        const today = localDay(ctx.clock.now(), unit.timeZone);
        return {
          items: rows.map((r) =>
            presentCouncil(r, members.filter((m) => Number(m.council_id) === Number(r.id)), today, canManageAt(request.actor, r.unit_path)),
          ),
        };
      },
    );

    routes.get(
      '/api/v1/councils/:id',
      { access: 'public', summary: 'A council, its rules and its members', params: IdParams, response: { 200: CouncilView } },
      async (request) => councilView(ctx, request.actor, request.params.id),
    );

    routes.post(
      '/api/v1/councils/:id/members',
      {
        access: { roles: councilManagers },
        summary: 'Add elected members to a council',
        params: IdParams,
        body: AddMembersBody,
        response: { 200: CouncilView },
      },
      async (request) => {
        const council = await managedCouncil(ctx, request.actor, request.params.id);
        await addMembers(ctx.db, request.actor, council.id, request.body.members, ctx.clock.now());
        return councilView(ctx, request.actor, council.id);
      },
    );

    routes.post(
      '/api/v1/councils/:id/matters',
      {
        access: { roles: councilManagers },
        summary: 'Record a proposal to a council: by a member, or by residents with enough co-signers',
        params: IdParams,
        body: ProposeBody,
        response: { 201: MatterView },
      },
      async (request, reply) => {
        const council = await managedCouncil(ctx, request.actor, request.params.id);
        const [id] = await proposeMatters(ctx.db, request.actor, council.id, [request.body], ctx.clock.now());
        const m = await matterOf(ctx, id);
        return reply.status(201).send(await matterView(ctx, request.actor, m));
      },
    );

    routes.post(
      '/api/v1/councils/:id/resident-proposals',
      {
        access: 'resident',
        summary: "A resident's proposal to a council, with the co-signers the council asks for",
        params: IdParams,
        body: ResidentProposalBody,
        response: { 201: MatterView },
      },
      async (request, reply) => {
        const council = await councilOf(ctx, request.params.id);
        const actor = request.actor as Extract<Actor, { kind: 'resident' }>;
        const b = request.body;
        const proposal = { content: b.content, title: b.title, body: b.body, proposer: 'residents' as const, proposerName: actor.name.trim() || '—', cosigners: b.cosigners };
        const [id] = await proposeMatters(ctx.db, actor, council.id, [proposal], ctx.clock.now());
        const m = await matterOf(ctx, id);
        return reply.status(201).send(await matterView(ctx, actor, m));
      },
    );

    routes.post(
      '/api/v1/councils/:id/matters/batch',
      {
        access: { roles: councilManagers },
        summary: "Record up to 1,000 proposals at once (a council's register); all or none",
        params: IdParams,
        body: ProposeBatchBody,
        response: { 201: ProposeBatchResult },
        bodyLimit: 4 * 1024 * 1024,
      },
      async (request, reply) => {
        const council = await managedCouncil(ctx, request.actor, request.params.id);
        const ids = await proposeMatters(ctx.db, request.actor, council.id, request.body.matters, ctx.clock.now());
        return reply.status(201).send({ created: ids.length, ids });
      },
    );

    routes.get(
      '/api/v1/matters',
      {
        access: 'public',
        summary: 'Matters of a unit and the units below it, newest first',
        querystring: MattersQuery,
        response: { 200: MatterList },
      },
      async (request) => {
        const q = request.query;
        const unit = await requireUnit(ctx.db, q.unit, ctx.clock.now());
        const limit = q.limit ?? 20;
        const rows = await listMatters(ctx.db, { unitPath: unit.path, stage: q.stage, content: q.content, council: q.council, beforeId: idAfterCursor(q.cursor), limit });
        const page = rows.slice(0, limit);
        return { items: page.map(presentMatterSummary), ...(rows.length > limit ? { next: encodeCursor(page[page.length - 1].id) } : {}) };
      },
    );

    routes.get(
      '/api/v1/matters/:id',
      {
        access: 'public',
        summary: 'A matter with its evaluation, review, meeting, tasks and inspections',
        params: IdParams,
        response: { 200: MatterView },
      },
      async (request) => {
        const m = await matterOf(ctx, request.params.id);
        return matterView(ctx, request.actor, m);
      },
    );

    routes.post(
      '/api/v1/matters/:id/actions',
      {
        access: 'signed_in',
        summary:
          'Move a matter on: open_evaluation, evaluate, comment, submit_for_review, review, resolve, add_task, report_progress, submit_for_inspection, inspect',
        description: '409 when the matter\'s stage does not allow the action (a skipped stage included); 422 quorum_not_met for a meeting without quorum. Nothing changes on a refusal.',
        params: IdParams,
        body: MatterActionBody,
        response: { 200: MatterView },
      },
      async (request) => {
        const m = await matterOf(ctx, request.params.id);
        const who = actionActor[request.body.type];
        const actor = request.actor;
        const allowed =
          who === 'manager' ? canManageAt(actor, m.unit_path)
          : who === 'reviewer' ? canReviewAt(actor, m.unit_path)
          : who === 'member' ? canManageAt(actor, m.unit_path) || actor.kind !== 'anonymous'
          : actor.kind === 'resident';
        if (!allowed) throw forbidden();
        await runMatterAction({ db: ctx.db, actor, now: ctx.clock.now() }, m, request.body, canManageAt(actor, m.unit_path));
        const after = await getMatter(ctx.db, m.id);
        return matterView(ctx, actor, after!);
      },
    );

    routes.post(
      '/api/v1/matters/:id/documents',
      {
        access: { roles: councilManagers },
        summary: 'Attach a document (its title and address) to a matter',
        params: IdParams,
        body: AddDocumentBody,
        response: { 200: MatterView },
      },
      async (request) => {
        const m = await managedMatter(ctx, request.actor, request.params.id);
        await insertDocuments(ctx.db, { matterId: m.id }, [request.body], ctx.clock.now());
        return matterView(ctx, request.actor, m);
      },
    );

    for (const method of ['put', 'delete'] as const) {
      routes[method](
        '/api/v1/matters/:id/follow',
        {
          access: 'resident',
          summary: method === 'put' ? 'Follow a matter: be told when it moves' : 'Stop following a matter',
          params: IdParams,
          response: { 200: MatterView },
        },
        async (request) => {
          const { id } = request.params as { id: number };
          const m = await matterOf(ctx, id);
          const actor = await setFollowing(ctx, request.actor, method, { matterId: id });
          return matterView(ctx, actor, m);
        },
      );
    }

    routes.get(
      '/api/v1/deliberation/figures',
      {
        access: 'public',
        summary: "Deliberation figures of a unit's subtree for a period: councils, members, matters by content and stage, resolutions, implementation, inspections, turnout",
        querystring: FiguresQuery,
        response: { 200: Figures },
      },
      async (request) => deliberationFiguresOf(ctx, request.query),
    );

    consultationRoutes(app, ctx);
  },
};
