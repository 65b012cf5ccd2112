import type { Actor } from '../../platform/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { follow, unfollow } from './deliberation.queries.ts';

type Resident = Extract<Actor, { kind: 'resident' }>;

/** PUT follows a matter or a consultation, DELETE stops following it; answers the resident (the route admits residents only). */
export async function setFollowing(ctx: AppContext, actor: Actor, method: 'put' | 'delete', target: { matterId: number } | { consultationId: number }): Promise<Resident> {
  const resident = actor as Resident;
  if (method === 'put') await follow(ctx.db, resident.id, target, ctx.clock.now());
  else await unfollow(ctx.db, resident.id, target);
  return resident;
}
