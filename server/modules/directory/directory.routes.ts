import type { Module } from '../index.ts';
import { unitAtPath } from '../units/index.ts';
import { StaffDirectory, StaffParams } from './directory.schema.ts';
import { photoHashes, unitStaffRows } from './directory.queries.ts';
import { photoRoutes } from './directory.photos.ts';
import type { App } from '../../app.ts';
import { presentStaff } from './directory.presenter.ts';
import { directoryMessages } from './directory.messages.ts';
import { routesOf } from '../../platform/routes.ts';

/**
 * Each unit's public staff directory. A resident who reports an official's conduct picks them
 * here, so a conduct report names a published entry, and nobody learns anything by trying ids.
 */
export const directoryModule: Module = {
  name: 'directory',
  messages: [directoryMessages],
  async routes(app, ctx) {
    const routes = routesOf(app, 'units');

    await app.register(async (scope) => photoRoutes(scope as unknown as App, ctx));
    routes.get(
      '/api/v1/units/:code/staff',
      {
        access: 'public',
        summary: "A unit's public staff directory: name, position, agency and roles of the officials placed at the unit; no contact data",
        params: StaffParams,
        response: { 200: StaffDirectory },
      },
      async (request) => {
        const unit = await unitAtPath(ctx.db, request.params.code, ctx.clock.now());
        const rows = await unitStaffRows(ctx.db, unit.id);
        return { unit: { code: unit.code, name: unit.name }, items: presentStaff(rows, await photoHashes(ctx.db, rows.map((r) => r.id))) };
      },
    );
  },
};
