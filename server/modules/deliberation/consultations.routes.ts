import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { unitScope, type Actor } from '../../platform/access.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import { requireUnit, requireUnitWhere } from '../units/index.ts';
import {
  ConsultationActionBody,
  ConsultationList,
  ConsultationView,
  ConsultationsQuery,
  CreateConsultationBody,
  ElectorateBody,
  ElectorateResult,
  IdParams,
  PaperBallotBody,
  PaperBallotResult,
  RequestCodeBody,
  RequestCodeResult,
  ResultsView,
  Turnout,
  VoteBody,
  VoteResult,
} from './deliberation.schema.ts';
import { canManageAt } from './deliberation.policy.ts';
import { isFollowing, optionDocuments } from './deliberation.queries.ts';
import { setFollowing } from './deliberation.following.ts';
import { ballotEvents, consultationOptions, getConsultation, listConsultations, tally, turnout, type ConsultationRow } from './consultations.queries.ts';
import { presentConsultation, replayTally } from './consultations.presenter.ts';
import { createConsultation } from './commands/createConsultation.ts';
import { importElectorate } from './commands/importElectorate.ts';
import { changeConsultationStatus } from './commands/setConsultationStatus.ts';
import { castVote, isVotingOpen, recordPaperBallot, requestVoteCode } from './commands/voting.ts';
import { routesOf } from '../../platform/routes.ts';
import { councilManagers } from '../../contract/roleSets.ts';

async function views(ctx: AppContext, actor: Actor, rows: ConsultationRow[]) {
  const now = ctx.clock.now();
  const options = await consultationOptions(ctx.db, rows.map((r) => Number(r.id)));
  const documents = await optionDocuments(ctx.db, options.map((o) => Number(o.id)));
  return Promise.all(
    rows.map(async (k) => {
      const closed = !isVotingOpen(k, now) && k.status !== 'draft';
      return presentConsultation(k, {
        now,
        options: options.filter((o) => Number(o.consultation_id) === Number(k.id)),
        documents,
        results: closed ? await tally(ctx.db, k.id) : null,
        following: actor.kind === 'resident' ? await isFollowing(ctx.db, actor.id, { consultationId: k.id }) : false,
        manage: canManageAt(actor, k.unit_path),
      });
    }),
  );
}

async function managed(ctx: AppContext, actor: Actor, id: number): Promise<ConsultationRow> {
  const k = await getConsultation(ctx.db, id);
  if (!k) throw notFound();
  if (!canManageAt(actor, k.unit_path)) throw forbidden();
  return k;
}

export function consultationRoutes(app: App, ctx: AppContext): void {
  const routes = routesOf(app, 'consultations');

  const one = async (actor: Actor, id: number) => {
    const k = await getConsultation(ctx.db, id);
    if (!k) throw notFound();
    return (await views(ctx, actor, [k]))[0];
  };

  routes.post(
    '/api/v1/consultations',
    {
      access: { roles: councilManagers },
      summary: 'Create a consultation (in draft) with its options',
      body: CreateConsultationBody,
      response: { 201: ConsultationView },
    },
    async (request, reply) => {
      const unit = await requireUnitWhere(ctx.db, request.body.unit, ctx.clock.now(), (path) => canManageAt(request.actor, path));
      const id = await createConsultation(ctx.db, request.actor, unit, request.body, ctx.clock.now());
      return reply.status(201).send(await one(request.actor, id));
    },
  );

  routes.get(
    '/api/v1/consultations',
    {
      access: 'public',
      summary: 'Consultations of a unit and the units below it',
      querystring: ConsultationsQuery,
      response: { 200: ConsultationList },
    },
    async (request) => {
      const unit = await requireUnit(ctx.db, request.query.unit, ctx.clock.now());
      const rows = await listConsultations(ctx.db, unit.path, unitScope(request.actor, councilManagers));
      return { items: await views(ctx, request.actor, rows) };
    },
  );

  routes.get(
    '/api/v1/consultations/:id',
    { access: 'public', summary: 'A consultation, its options; its results once closed', params: IdParams, response: { 200: ConsultationView } },
    async (request) => {
      const k = await getConsultation(ctx.db, request.params.id);
      if (!k || (k.status === 'draft' && !canManageAt(request.actor, k.unit_path))) throw notFound();
      return (await views(ctx, request.actor, [k]))[0];
    },
  );

  routes.post(
    '/api/v1/consultations/:id/electorate',
    {
      access: { roles: councilManagers },
      summary: 'Import the electorate (households or residents) from CSV: ref,name,phone',
      params: IdParams,
      body: ElectorateBody,
      response: { 200: ElectorateResult },
      bodyLimit: 6 * 1024 * 1024,
    },
    async (request) => {
      await managed(ctx, request.actor, request.params.id);
      return importElectorate(ctx.db, request.actor, request.params.id, request.body.csv, ctx.clock.now());
    },
  );

  routes.post(
    '/api/v1/consultations/:id/actions',
    {
      access: { roles: councilManagers },
      summary: 'Open or close a consultation',
      params: IdParams,
      body: ConsultationActionBody,
      response: { 200: ConsultationView },
    },
    async (request) => {
      await managed(ctx, request.actor, request.params.id);
      await changeConsultationStatus(ctx.db, request.actor, request.params.id, request.body.type === 'open' ? 'open' : 'closed', ctx.clock.now());
      return one(request.actor, request.params.id);
    },
  );

  routes.get(
    '/api/v1/consultations/:id/turnout',
    {
      access: { roles: councilManagers },
      summary: 'Turnout so far (staff): how many have voted, never how',
      params: IdParams,
      response: { 200: Turnout },
    },
    async (request) => {
      await managed(ctx, request.actor, request.params.id);
      return turnout(ctx.db, request.params.id);
    },
  );

  routes.get(
    '/api/v1/consultations/:id/results',
    {
      access: 'public',
      summary: 'The tally after close, and the same tally replayed from the audit trail',
      params: IdParams,
      response: { 200: ResultsView },
    },
    async (request) => {
      const k = await getConsultation(ctx.db, request.params.id);
      if (!k || k.status === 'draft') throw notFound();
      if (isVotingOpen(k, ctx.clock.now())) throw conflict('results_after_close');
      const [counts, options, t, events] = await Promise.all([tally(ctx.db, k.id), consultationOptions(ctx.db, [k.id]), turnout(ctx.db, k.id), ballotEvents(ctx.db, k.id)]);
      return {
        consultation: Number(k.id),
        electorate: t.electorate,
        voted: t.voted,
        ballots: t.ballots,
        tally: counts.map((c) => ({ option: c.option_id, title: options.find((o) => Number(o.id) === c.option_id)?.title ?? '', votes: c.votes })),
        fromAudit: replayTally(options.map((o) => Number(o.id)), events),
      };
    },
  );

  routes.post(
    '/api/v1/consultations/:id/codes',
    {
      access: 'public',
      summary: 'Send a voter on the electorate a one-time code by SMS',
      params: IdParams,
      body: RequestCodeBody,
      response: { 200: RequestCodeResult },
    },
    async (request) => {
      const expiresAt = await requestVoteCode(ctx.db, request.params.id, { phone: request.body.phone, locale: request.locale }, ctx.clock.now());
      return { sent: true, expiresAt: expiresAt.toISOString() };
    },
  );

  routes.post(
    '/api/v1/consultations/:id/votes',
    {
      access: 'public',
      summary: 'Vote with the one-time code; with a receipt, change a vote where the consultation allows',
      description: '403 not_in_electorate; 409 already_voted, consultation_not_open; 400 vote_code_invalid. Nothing changes on a refusal.',
      params: IdParams,
      body: VoteBody,
      response: { 200: VoteResult },
    },
    async (request) => castVote(ctx.db, request.params.id, request.body, ctx.clock.now()),
  );

  routes.post(
    '/api/v1/consultations/:id/paper-ballots',
    {
      access: { roles: councilManagers },
      summary: "Record a voter's paper ballot (staff)",
      params: IdParams,
      body: PaperBallotBody,
      response: { 200: PaperBallotResult },
    },
    async (request) => {
      await managed(ctx, request.actor, request.params.id);
      await recordPaperBallot(ctx.db, request.actor, request.params.id, request.body, ctx.clock.now());
      return { recorded: true };
    },
  );

  for (const method of ['put', 'delete'] as const) {
    routes[method](
      '/api/v1/consultations/:id/follow',
      {
        access: 'resident',
        summary: method === 'put' ? 'Follow a consultation' : 'Stop following a consultation',
        params: IdParams,
        response: { 200: ConsultationView },
      },
      async (request) => {
        const { id } = request.params as { id: number };
        const k = await getConsultation(ctx.db, id);
        if (!k || k.status === 'draft') throw notFound();
        const actor = await setFollowing(ctx, request.actor, method, { consultationId: id });
        return one(actor, id);
      },
    );
  }
}
