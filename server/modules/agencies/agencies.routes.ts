import type { Module } from '../index.ts';
import { notFound } from '../../platform/errors.ts';
import { AgenciesQuery, AgencyKindList, AgencyList, AgencyParams, AgencyView, CreateAgencyBody } from './agencies.schema.ts';
import { canCreateAgency } from './agencies.policy.ts';
import { getAgency, listAgencies, listAgencyKinds } from './agencies.queries.ts';
import { requireUnitIfSent, requireUnitWhere } from '../units/index.ts';
import { presentAgency } from './agencies.presenter.ts';
import { presentNames } from '../../platform/i18n.ts';
import { createAgency } from './commands/createAgency.ts';
import { encodeCursor, idAfterCursor } from '../../platform/cursor.ts';
import { agencyMessages } from './agencies.messages.ts';
import { routesOf } from '../../platform/routes.ts';
import { agencyManagers } from '../../contract/roleSets.ts';

export const agenciesModule: Module = {
  name: 'agencies',
  messages: [agencyMessages],
  routes(app, ctx) {
    const routes = routesOf(app, 'agencies');

    routes.get(
      '/api/v1/agency-kinds',
      { access: 'public', summary: 'The kinds of agency, with their names', response: { 200: AgencyKindList } },
      async () => {
        const kinds = await listAgencyKinds(ctx.db);
        return { items: kinds.map((k) => ({ key: k.key, names: presentNames(k.names) })) };
      },
    );

    // Agency names and contacts are public information: residents need to know whom to ask.
    routes.get(
      '/api/v1/agencies',
      { access: 'public', summary: 'Agencies of a unit (or its subtree), by kind', querystring: AgenciesQuery, response: { 200: AgencyList } },
      async (request) => {
        const q = request.query;
        const unit = await requireUnitIfSent(ctx.db, q.unit, ctx.clock.now());
        const limit = q.limit ?? 50;
        const rows = await listAgencies(ctx.db, {
          unit,
          subtree: q.subtree,
          kind: q.kind,
          afterId: idAfterCursor(q.cursor),
          limit,
        });
        const page = rows.slice(0, limit);
        return {
          items: page.map(presentAgency),
          ...(rows.length > limit ? { next: encodeCursor(page[page.length - 1].id) } : {}),
        };
      },
    );

    routes.get(
      '/api/v1/agencies/:id',
      { access: 'public', summary: 'One agency with its names and contacts', params: AgencyParams, response: { 200: AgencyView } },
      async (request) => {
        const row = await getAgency(ctx.db, request.params.id);
        if (!row) throw notFound();
        return presentAgency(row);
      },
    );

    routes.post(
      '/api/v1/agencies',
      {
        access: { roles: agencyManagers },
        summary: 'Add an agency to a unit (administrators; leaders within their units)',
        body: CreateAgencyBody,
        response: { 201: AgencyView },
      },
      async (request, reply) => {
        const body = request.body;
        const unit = await requireUnitWhere(ctx.db, body.unit, ctx.clock.now(), (path) => canCreateAgency(request.actor, path));
        const id = await createAgency(ctx, request.actor, {
          unit,
          kind: body.kind,
          name: body.name,
          names: body.names,
          phone: body.phone,
          email: body.email,
        });
        const row = await getAgency(ctx.db, id);
        if (!row) throw notFound();
        return reply.status(201).send(presentAgency(row));
      },
    );
  },
};
