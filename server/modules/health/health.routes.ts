import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Module } from '../index.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

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
    app.get(
      '/healthz',
      {
        config: { access: 'public' },
        schema: {
          tags: ['platform'],
          response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }) },
        },
      },
      async () => {
        await requireDatabase(ctx);
        return { status: 'ok' as const, database: ctx.database.backend };
      },
    );

    // For a load balancer or orchestrator: send this process traffic only while it answers 200.
    app.get(
      '/readyz',
      {
        config: { access: 'public' },
        schema: { tags: ['platform'], response: { 200: Type.Object({ status: Type.Literal('ready') }) } },
      },
      async () => {
        await requireDatabase(ctx);
        return { status: 'ready' as const };
      },
    );
  },
};
