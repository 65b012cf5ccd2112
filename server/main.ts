import type { Logger } from 'pino';
import { buildApp, type App } from './app.ts';
import type { Config } from './platform/config.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { openDatabase, type Database } from './platform/db.ts';
import { migrate } from './platform/migrate.ts';
import { createConfiguredLogger } from './platform/log.ts';
import type { AppContext } from './platform/context.ts';
import { startBackground, startup } from './startup.ts';

export interface RunningServer {
  app: App;
  ctx: AppContext;
  url: string;
  stop(): Promise<void>;
}

/**
 * For tests that run server processes (the deadline sweep across two servers): ZD_CLOCK_OFFSET_MS
 * shifts this process's clock by that many milliseconds. Never set in production.
 */
function clockFromEnv(): Clock {
  const offset = Number(process.env.ZD_CLOCK_OFFSET_MS || 0);
  if (!Number.isFinite(offset)) throw new Error(`ZD_CLOCK_OFFSET_MS must be a number of milliseconds`);
  return offset === 0 ? systemClock : { now: () => new Date(Date.now() + offset) };
}

/** config → database → migrations → start-up tasks → app → listen → background loops. */
export async function startServer(
  config: Config,
  opts: { clock?: Clock; log?: Logger; database?: Database } = {},
): Promise<RunningServer> {
  const log = opts.log ?? createConfiguredLogger(config);
  if (!opts.database) log.info(config.databaseUrl ? 'connecting to the PostgreSQL server' : `opening the embedded database in ${config.dataDir}`);
  const database = opts.database ?? (await openDatabase(config));
  let app: App | undefined;
  let ctx: AppContext;
  try {
    const applied = await migrate(database.pool);
    if (applied.length) log.info(`${applied.length} database migrations applied (${applied[0]} … ${applied.at(-1)})`);
    ctx = { config, database, db: database.db, clock: opts.clock ?? clockFromEnv(), log };
    await startup(ctx);
    app = await buildApp(ctx);
    await app.listen({ host: config.host, port: config.port });
  } catch (e) {
    await app?.close().catch(() => {});
    await database.close();
    throw e;
  }
  // Only now: on the embedded database the runner's first pass over a backlog shares the one
  // thread, and while the plugins were still starting it could push them past Fastify's
  // plugin timeout ("Plugin did not start in time").
  // A web process leaves jobs and notifications to the worker processes (ZD_ROLE).
  const background = config.role === 'web' ? { stop: async () => {} } : startBackground(ctx);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const running = app;
  let stopping: Promise<void> | undefined;
  return {
    app,
    ctx,
    url: `http://127.0.0.1:${port}`,
    // In order: stop taking requests, stop background work, then close the database.
    stop: () =>
      (stopping ??= (async () => {
        await running.close();
        await background.stop();
        await database.close();
      })()),
  };
}
