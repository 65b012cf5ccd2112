/**
 * Insight in the demo: the history's petitions routed to the agency a dispatcher would have
 * chosen, the routing models trained on it (so a new case at once has its suggestion), and
 * the week's hotspot flagged (Thanh Thinh's muddy tap water) as the daily job would.
 */
import type { SeedContext } from './seed.ts';
import { flagHotspots, hotspotsEveryMs, trainRoutingModels } from '../insight/index.ts';

import { routeDemoHistory } from './demo.queries.ts';

export async function seedInsight(ctx: SeedContext): Promise<void> {
  await routeDemoHistory(ctx.db);
  await trainRoutingModels(ctx, { force: true });
  const now = ctx.clock.now().getTime();
  await flagHotspots(ctx, new Date(Math.floor(now / hotspotsEveryMs) * hotspotsEveryMs));
}
