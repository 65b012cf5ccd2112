/** An app on a test database, driven with app.inject (no sockets). */
import { describe, before, after } from 'node:test';
import type { Backend } from '../platform/db.ts';
import { FixedClock } from '../platform/clock.ts';
import { testConfig, type ConfigOverrides } from '../platform/config.ts';
import type { Logger } from 'pino';
import { createLogger } from '../platform/log.ts';
import type { AppContext } from '../platform/context.ts';
import { buildApp, type App, type BuildOptions } from '../app.ts';
import { backends, createTestDatabase } from './databases.ts';
import { registerModules } from '../modules/index.ts';

// A test file that drives a module's code before (or without) building an app sees what the
// modules bring (messages, templates, jobs) registered, as in a server.
registerModules();

export interface TestApp {
  app: App;
  ctx: AppContext;
  clock: FixedClock;
  backend: Backend;
  close(): Promise<void>;
}

export async function createTestApp(
  backend: Backend,
  opts: {
    now?: string;
    config?: ConfigOverrides;
    onRoute?: BuildOptions['onRoute'];
    /** Where the app logs (a test that reads the log); silent otherwise. */
    log?: Logger;
    /** Routes of the test's own, added before the app is ready. */
    routes?: (app: App) => void;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(backend);
  const clock = new FixedClock(opts.now ?? '2026-03-02T02:00:00Z');
  const config = testConfig(opts.config);
  const ctx: AppContext = { config, database, db: database.db, clock, log: opts.log ?? createLogger('silent') };
  const app = await buildApp(ctx, { onRoute: opts.onRoute });
  opts.routes?.(app);
  await app.ready();
  return {
    app,
    ctx,
    clock,
    backend,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/**
 * Runs a suite once per backend. `t()` gives the suite's TestApp, created before its tests
 * and closed after them.
 */
export function describeEachBackend(
  name: string,
  suite: (t: () => TestApp) => void,
  opts: { now?: string; config?: ConfigOverrides } = {},
): void {
  for (const backend of backends) {
    describe(`${name} [${backend}]`, () => {
      let current: TestApp | undefined;
      before(async () => {
        current = await createTestApp(backend, opts);
      });
      after(async () => {
        await current?.close();
      });
      suite(() => {
        if (!current) throw new Error('the test app is not ready');
        return current;
      });
    });
  }
}
