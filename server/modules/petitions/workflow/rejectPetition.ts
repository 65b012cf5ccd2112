/** reject: received | transferred → rejected, with the reason the resident is told. */
import type { AppContext } from '../../../platform/context.ts';
import { updatePetition } from '../petitions.queries.ts';
import { tellResidents } from '../petitions.notify.ts';
import { actOnCase, recordStatusChange, unitOf, type CommandActor } from './shared.ts';

export async function rejectPetition(
  ctx: AppContext,
  actor: CommandActor,
  id: number,
  input: { reason: string; version?: number },
): Promise<number> {
  return actOnCase(ctx, actor, id, 'reject', input.version, async (trx, p, now) => {
    const unit = await unitOf(trx, p.unit_id);
    await updatePetition(trx, p, { status: 'rejected', rejected_at: now }, now);
    await recordStatusChange(trx, actor, p, now, { to: 'rejected', event: { type: 'rejected', reason: input.reason, visibility: 'public' }, audit: 'reject' });
    await tellResidents(trx, p.id, 'petition_rejected', { unit: unit.name, reason: input.reason }, `v${p.version + 1}`, now);
  });
}
