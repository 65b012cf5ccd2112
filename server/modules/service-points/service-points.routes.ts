import type { Module } from '../index.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { presentNames } from '../../platform/i18n.ts';
import { CreateServicePointBody, GapList, GapsQuery, ServicePointView, UnitParams, UnitServicePoints } from './service-points.schema.ts';
import { canAskGapsUnder, canCreateServicePoint, gapsScope } from './service-points.policy.ts';
import { checklistKinds, findGaps, findUnitWithChecklist, gapTotals, getServicePoint, unitServicePoints } from './service-points.queries.ts';
import { presentGap, presentServicePoint } from './service-points.presenter.ts';
import { createServicePoint } from './commands/createServicePoint.ts';
import { encodeCursor, idAfterCursor } from '../../platform/cursor.ts';
import { servicePointMessages } from './service-points.messages.ts';
import { routesOf } from '../../platform/routes.ts';
import { gapReaders, servicePointManagers } from '../../contract/roleSets.ts';

export const servicePointsModule: Module = {
  name: 'service-points',
  messages: [servicePointMessages],
  routes(app, ctx) {
    const routes = routesOf(app, 'service points');

    // What a unit offers its residents is public, and so is what it still lacks.
    routes.get(
      '/api/v1/units/:code/service-points',
      { access: 'public', summary: "A unit's service points and its level's checklist", params: UnitParams, response: { 200: UnitServicePoints } },
      async (request) => {
        const unit = await findUnitWithChecklist(ctx.db, request.params.code, ctx.clock.now());
        if (!unit) throw notFound();
        const [points, kinds] = await Promise.all([
          unitServicePoints(ctx.db, unit.id),
          unit.checklistLevel ? checklistKinds(ctx.db, unit.checklistLevel) : Promise.resolve([]),
        ]);
        const present = new Set(points.map((p) => p.kind));
        const checklist = kinds.map((k) => ({ kind: k.key, names: presentNames(k.names), required: k.required, present: present.has(k.key) }));
        return {
          items: points.map(presentServicePoint),
          checklistLevel: unit.checklistLevel,
          checklist,
          missingRequired: checklist.filter((c) => c.required && !c.present).map((c) => c.kind),
        };
      },
    );

    routes.post(
      '/api/v1/service-points',
      {
        access: { roles: servicePointManagers },
        summary: 'Record a service point of a unit (administrators; leaders within their units)',
        body: CreateServicePointBody,
        response: { 201: ServicePointView },
      },
      async (request, reply) => {
        const body = request.body;
        const unit = await findUnitWithChecklist(ctx.db, body.unit, ctx.clock.now());
        if (!unit) throw badRequest('unknown_unit', { code: body.unit });
        if (!canCreateServicePoint(request.actor, unit.path)) throw forbidden();
        const id = await createServicePoint(ctx, request.actor, { unit, kind: body.kind, name: body.name, address: body.address });
        const row = await getServicePoint(ctx.db, id);
        if (!row) throw notFound();
        return reply.status(201).send(presentServicePoint(row));
      },
    );

    routes.get(
      '/api/v1/service-points/gaps',
      {
        access: { roles: gapReaders },
        summary: 'Units under a unit (within your units) lacking required service points',
        querystring: GapsQuery,
        response: { 200: GapList },
      },
      async (request) => {
        const q = request.query;
        const scope = gapsScope(request.actor);
        const root = await findUnitWithChecklist(ctx.db, q.unit, ctx.clock.now());
        if (!root) throw badRequest('unknown_unit', { code: q.unit });
        if (!canAskGapsUnder(scope, root.path)) throw notFound();
        const limit = q.limit ?? 50;
        const filter = { rootPath: root.path, scope, level: q.level };
        const [rows, totals] = await Promise.all([
          findGaps(ctx.db, { ...filter, afterId: idAfterCursor(q.cursor), limit }),
          gapTotals(ctx.db, filter),
        ]);
        const page = rows.slice(0, limit);
        return {
          items: page.map(presentGap),
          ...(rows.length > limit ? { next: encodeCursor(page[page.length - 1].id) } : {}),
          totals,
        };
      },
    );
  },
};
