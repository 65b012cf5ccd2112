/** note: an internal remark on the case; never on the tracking page. */
import type { AppContext } from '../../../platform/context.ts';
import { updatePetition } from '../petitions.queries.ts';
import { auditPetition, inTransaction, loadForAction, recordEvent, type CommandActor } from './shared.ts';

export async function notePetition(
  ctx: AppContext,
  actor: CommandActor,
  id: number,
  input: { text: string; version?: number },
): Promise<number> {
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const p = await loadForAction(trx, actor, id, 'note', input.version);
    // The version moves with every change, a note included: it holds the row for the audit chain.
    await updatePetition(trx, p, {}, now);
    await recordEvent(trx, p, actor, now, { type: 'note', text: input.text, visibility: 'internal' });
    await auditPetition(trx, actor, 'note', p, { status: p.status }, now);
    return p.id;
  });
}
