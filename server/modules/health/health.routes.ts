import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Module } from '../index.ts';
import { AppError } from '../../platform/errors.ts';

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
        try {
          await sql`select 1`.execute(ctx.db);
        } catch {
          throw new AppError(503, 'unavailable');
        }
        return { status: 'ok' as const, database: ctx.database.backend };
      },
    );
  },
};
