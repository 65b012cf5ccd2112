/** close: answered → closed. The case stays resolved. */
import type { AppContext } from '../../../platform/context.ts';
import { updateMergedInto, updatePetition } from '../petitions.queries.ts';
import { actOnCase, auditPetition, recordEvent, type CommandActor } from './shared.ts';

export async function closePetition(
  ctx: AppContext,
  actor: CommandActor,
  id: number,
  input: { reason?: string; version?: number },
): Promise<number> {
  return actOnCase(ctx, actor, id, 'close', input.version, async (trx, p, now) => {
    await updatePetition(trx, p, { status: 'closed', closed_at: now }, now);
    await updateMergedInto(trx, p.id, { closed_at: now }, now);
    await recordEvent(trx, p, actor, now, {
      type: 'closed',
      from_status: p.status,
      to_status: 'closed',
      reason: input.reason ?? null,
      visibility: 'public',
    });
    await auditPetition(trx, actor, 'close', p, { from: p.status, to: 'closed' }, now);
  });
}
