import type { AppContext } from './platform/context.ts';
import { ensureAdministrator } from './modules/people/commands/ensureAdministrator.ts';
import { startJobRunner } from './platform/jobs.ts';
import { consoleTransportNotice } from './platform/notify/transports.ts';
import { seedDemoIfEmpty } from './modules/demo/index.ts';
import { moveDiskAttachments } from './modules/petitions/index.ts';
import { registerModules } from './modules/index.ts';

export interface Background {
  stop(): Promise<void>;
}

/**
 * Work done once when a server starts, after migrations and before the app is built: the
 * administrator from ZD_ADMIN_PASSWORD, attachment files of older versions moved into the
 * database, and demo data in an empty database. What the modules bring (messages, notice
 * templates, jobs) is registered first: the demo's commands use it.
 */
export async function startup(ctx: AppContext): Promise<void> {
  registerModules();
  await ensureAdministrator(ctx);
  await moveDiskAttachments(ctx);
  const notice = consoleTransportNotice(ctx.config);
  if (notice) ctx.log.warn(notice);
  // An empty database (no units yet) gets the demo world; its sign-ins go to stdout.
  if (ctx.config.demo) await seedDemoIfEmpty(ctx);
}

/**
 * The background loops every server process runs (job polling; handlers are registered with
 * their modules). Started once the server listens: a first pass over a large backlog must not
 * compete with the app's start-up for the one thread the embedded database shares with it.
 */
export function startBackground(ctx: AppContext): Background {
  const stops: Array<() => Promise<void>> = [];
  const jobRunner = startJobRunner(ctx);
  stops.push(() => jobRunner.stop());
  return {
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
