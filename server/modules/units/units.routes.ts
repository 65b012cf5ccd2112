import type { Module } from '../index.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { AddSubunitBody, ImportBody, ImportSummary, UnitDetail, UnitList, UnitParams, UnitsQuery } from './units.schema.ts';
import { canAddSubunit, canImportUnits, importScope } from './units.policy.ts';
import { findUnits, getUnitByCode, unitDetail } from './units.queries.ts';
import { unitAtPath } from './requireUnit.ts';
import { presentUnit, presentUnitDetail, readUnitCursor, unitCursorKey } from './units.presenter.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursor.ts';
import { parseUnitsCsv } from './units.csv.ts';
import { importUnits } from './commands/importUnits.ts';
import { addSubunit } from './commands/addSubunit.ts';
import { unitsMessages } from './units.messages.ts';
import { routesOf } from '../../platform/routes.ts';
import { subunitKeepers, unitImporters } from '../../contract/roleSets.ts';

export const unitsModule: Module = {
  name: 'units',
  messages: [unitsMessages],
  routes(app, ctx) {
    const routes = routesOf(app, 'units');

    // The administrative map is public: residents pick their commune before they sign in.
    routes.get(
      '/api/v1/units',
      {
        access: 'public',
        summary: 'Find units by name (any locale, with or without diacritics), parent and level',
        querystring: UnitsQuery,
        response: { 200: UnitList },
      },
      async (request) => {
        const query = request.query;
        const parent = query.parent === undefined ? undefined : await getUnitByCode(ctx.db, query.parent);
        if (query.parent !== undefined && !parent) throw notFound();
        const page = await findUnits(
          ctx.db,
          {
            q: query.q,
            parentId: parent?.id,
            level: query.level,
            includeFormer: query.includeFormer ?? false,
            limit: query.limit ?? 20,
            after: query.cursor ? decodeCursor(query.cursor, readUnitCursor) : undefined,
          },
          ctx.clock.now(),
        );
        return { items: page.rows.map(presentUnit), ...(page.next ? { next: encodeCursor(unitCursorKey(page.next)) } : {}) };
      },
    );

    routes.get(
      '/api/v1/units/:code',
      {
        access: 'public',
        summary: 'One unit, current or former, with its ancestors and what replaced it',
        params: UnitParams,
        response: { 200: UnitDetail },
      },
      async (request) => {
        const row = await unitDetail(ctx.db, request.params.code, ctx.clock.now());
        if (!row) throw notFound();
        return presentUnitDetail(row);
      },
    );

    routes.post(
      '/api/v1/units/import',
      {
        access: { roles: unitImporters },
        summary: 'Create or update units from CSV (administrators; within the units they administer)',
        body: ImportBody,
        response: { 200: ImportSummary },
        // A whole country's units as CSV text (Vietnam's 2023 map is about 0.4 MB).
        bodyLimit: 22 * 1024 * 1024,
      },
      async (request) => {
        const actor = request.actor;
        if (!canImportUnits(actor)) throw forbidden();
        const scope = importScope(actor);
        const rows = parseUnitsCsv(request.body.csv);
        return importUnits(ctx.db, rows, {
          now: ctx.clock.now(),
          actor,
          country: request.body.country,
          timeZone: request.body.timeZone,
          source: 'upload',
          within: scope.includes('/') ? undefined : scope,
        });
      },
    );

    routes.post(
      '/api/v1/units/:code/subunits',
      {
        access: { roles: subunitKeepers },
        summary: 'Add a hamlet or a group below a commune, village or hamlet (administrators; leaders of the unit)',
        params: UnitParams,
        body: AddSubunitBody,
        response: { 201: UnitDetail },
      },
      async (request, reply) => {
        const now = ctx.clock.now();
        const parent = await unitAtPath(ctx.db, request.params.code, now);
        if (!canAddSubunit(request.actor, parent.path)) throw forbidden();
        const code = await addSubunit(ctx.db, request.actor, { parent, ...request.body }, now);
        const row = await unitDetail(ctx.db, code, now);
        if (!row) throw notFound();
        return reply.status(201).send(presentUnitDetail(row));
      },
    );
  },
};
