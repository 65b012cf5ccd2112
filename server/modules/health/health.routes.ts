import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Module } from '../index.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { routesOf } from '../../platform/routes.ts';

/** 503 unless the database answers a query. */
async function requireDatabase(ctx: AppContext): Promise<void> {
  try {
    await sql`select 1`.execute(ctx.db);
  } catch {
    throw new AppError(503, 'unavailable');
  }
}

export const healthModule: Module = {
  name: 'health',
  routes(app, ctx) {
    const routes = routesOf(app, 'platform');

    routes.get(
      '/healthz',
      {
        access: 'public',
        summary: 'Liveness: ok while the process and its database answer (503 otherwise)',
        response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }) },
      },
      async () => {
        await requireDatabase(ctx);
        return { status: 'ok' as const, database: ctx.database.backend };
      },
    );

    // For a load balancer or orchestrator: send this process traffic only while it answers 200.
    routes.get(
      '/readyz',
      { access: 'public', summary: 'Readiness: ready while this process should get traffic (503 otherwise)', response: { 200: Type.Object({ status: Type.Literal('ready') }) } },
      async () => {
        await requireDatabase(ctx);
        return { status: 'ready' as const };
      },
    );
  },
};
