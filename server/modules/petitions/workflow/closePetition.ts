/** close: answered → closed. The case stays resolved. */
import type { AppContext } from '../../../platform/context.ts';
import { updateMergedInto, updatePetition } from '../petitions.queries.ts';
import { actOnCase, recordStatusChange, type CommandActor } from './shared.ts';

export async function closePetition(
  ctx: AppContext,
  actor: CommandActor,
  id: number,
  input: { reason?: string; version?: number },
): Promise<number> {
  return actOnCase(ctx, actor, id, 'close', input.version, async (trx, p, now) => {
    await updatePetition(trx, p, { status: 'closed', closed_at: now }, now);
    await updateMergedInto(trx, p.id, { closed_at: now }, now);
    await recordStatusChange(trx, actor, p, now, { to: 'closed', event: { type: 'closed', reason: input.reason ?? null, visibility: 'public' }, audit: 'close' });
  });
}
