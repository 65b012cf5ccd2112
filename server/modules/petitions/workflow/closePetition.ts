/** close: answered → closed. The case stays resolved. */
import type { AppContext } from '../../../platform/context.ts';
import { updateMergedInto, updatePetition } from '../petitions.queries.ts';
import { auditPetition, inTransaction, loadForAction, recordEvent, type CommandActor } from './shared.ts';

export async function closePetition(
  ctx: AppContext,
  actor: CommandActor,
  id: number,
  input: { reason?: string; version?: number },
): Promise<number> {
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const p = await loadForAction(trx, actor, id, 'close', input.version);
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
    return p.id;
  });
}
