/**
 * approve: the leader sends the answer the handler wrote (held by answerPetition where the unit
 * requires approval). The resident is told now; the answer counts as given now, by its writer.
 */
import type { AppContext } from '../../../platform/context.ts';
import { actOnCase, unitOf, type CommandActor } from './shared.ts';
import { writeAnswer } from './answerPetition.ts';

export async function approveAnswer(ctx: AppContext, actor: CommandActor, id: number, input: { version?: number }): Promise<number> {
  return actOnCase(ctx, actor, id, 'approve', input.version, async (trx, p, now) => {
    const unit = await unitOf(trx, p.unit_id);
    await writeAnswer(trx, actor, p, {
      text: p.pending_answer_text!,
      publish: !!p.pending_answer_publish,
      onTheSpot: false,
      now,
      unit,
      by: p.pending_answer_by,
      approvedBy: actor.kind === 'official' ? actor.id : 0,
    });
  });
}
