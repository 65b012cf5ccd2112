/**
 * note: an internal remark on the case; never on the tracking page. It changes nothing of the
 * case, so it neither checks nor moves the version (recordingActions in the policy).
 */
import type { AppContext } from '../../../platform/context.ts';
import { actOnCase, auditPetition, recordEvent, type CommandActor } from './shared.ts';

export async function notePetition(
  ctx: AppContext,
  actor: CommandActor,
  id: number,
  input: { text: string },
): Promise<number> {
  return actOnCase(ctx, actor, id, 'note', undefined, async (trx, p, now) => {
    await recordEvent(trx, p, actor, now, { type: 'note', text: input.text, visibility: 'internal' });
    await auditPetition(trx, actor, 'note', p, { status: p.status }, now);
  });
}
