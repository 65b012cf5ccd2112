/** start: assigned | reopened → in progress, by the handler (or a leader). */
import type { AppContext } from '../../../platform/context.ts';
import { updatePetition } from '../petitions.queries.ts';
import { actOnCase, recordStatusChange, type CommandActor } from './shared.ts';

export async function startPetition(ctx: AppContext, actor: CommandActor, id: number, input: { version?: number }): Promise<number> {
  return actOnCase(ctx, actor, id, 'start', input.version, async (trx, p, now) => {
    await updatePetition(trx, p, { status: 'in_progress' }, now);
    await recordStatusChange(trx, actor, p, now, { to: 'in_progress', event: { type: 'started', visibility: 'public' }, audit: 'start' });
  });
}
