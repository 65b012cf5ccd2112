import type { AppContext } from './platform/context.ts';
import { ensureAdministrator } from './modules/people/commands/ensureAdministrator.ts';
import { startJobRunner } from './platform/jobs.ts';
import { seedDemoIfEmpty } from './modules/demo/seed.ts';

export interface Background {
  stop(): Promise<void>;
}

/**
 * Work done once when a server starts, after migrations and before it listens:
 * the administrator from ZD_ADMIN_PASSWORD, demo data in an empty database, and the
 * background loops (job polling) that every server process runs.
 */
export async function startup(ctx: AppContext): Promise<Background> {
  const stops: Array<() => Promise<void>> = [];
  await ensureAdministrator(ctx);
  // An empty database (no units yet) gets the demo world; its sign-ins go to stdout.
  if (ctx.config.demo) await seedDemoIfEmpty(ctx);
  // Every process polls for due jobs and notifications (handlers register when their module loads).
  const jobRunner = startJobRunner(ctx);
  stops.push(() => jobRunner.stop());
  return {
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
