/** start: assigned | reopened → in progress, by the handler (or a leader). */
import type { AppContext } from '../../../platform/context.ts';
import { updatePetition } from '../petitions.queries.ts';
import { actOnCase, auditPetition, recordEvent, type CommandActor } from './shared.ts';

export async function startPetition(ctx: AppContext, actor: CommandActor, id: number, input: { version?: number }): Promise<number> {
  return actOnCase(ctx, actor, id, 'start', input.version, async (trx, p, now) => {
    await updatePetition(trx, p, { status: 'in_progress' }, now);
    await recordEvent(trx, p, actor, now, { type: 'started', from_status: p.status, to_status: 'in_progress', visibility: 'public' });
    await auditPetition(trx, actor, 'start', p, { from: p.status, to: 'in_progress' }, now);
  });
}
