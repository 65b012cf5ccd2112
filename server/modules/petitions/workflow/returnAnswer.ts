/**
 * return: the leader sends a held answer back to its writer with the reason; the case stays in
 * progress and the handler may answer again. The resident is not told.
 */
import type { AppContext } from '../../../platform/context.ts';
import { noPendingAnswer, updatePetition } from '../petitions.queries.ts';
import { tellOfficials } from '../petitions.notify.ts';
import { actOnCase, auditPetition, recordEvent, unitOf, type CommandActor } from './shared.ts';

export async function returnAnswer(ctx: AppContext, actor: CommandActor, id: number, input: { reason: string; version?: number }): Promise<number> {
  return actOnCase(ctx, actor, id, 'return', input.version, async (trx, p, now) => {
    const unit = await unitOf(trx, p.unit_id);
    await updatePetition(trx, p, noPendingAnswer, now);
    await recordEvent(trx, p, actor, now, {
      type: 'answer_returned',
      from_status: p.status,
      to_status: p.status,
      reason: input.reason,
      text: p.pending_answer_text,
      data: { writtenBy: p.pending_answer_by },
      visibility: 'internal',
    });
    await auditPetition(trx, actor, 'return_answer', p, { status: p.status, writtenBy: p.pending_answer_by }, now);
    const writer = p.pending_answer_by ?? p.handler_id;
    if (writer !== null) {
      const params = { trackingCode: p.tracking_code, kind: p.kind, unit: unit.name, reason: input.reason };
      await tellOfficials(trx, [writer], 'petition_answer_returned', p.id, params, `v${p.version + 1}`, now);
    }
  });
}
