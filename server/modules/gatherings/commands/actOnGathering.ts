/** The state machine: open, close, publish, cancel; 409 when the state does not allow it. */
import { badRequest, conflict } from '../../../platform/errors.ts';
import type { GatheringState } from '../../../contract/domain.ts';
import type { ActionBody } from '../gatherings.schema.ts';
import { nextState } from '../gatherings.policy.ts';
import { setState, type GatheringRow } from '../gatherings.queries.ts';
import { auditGathering, lockedGathering, type GatheringActor, type GatheringContext } from './shared.ts';

export async function actOnGathering(
  ctx: GatheringContext,
  actor: GatheringActor,
  id: number,
  body: ActionBody,
  may: (g: GatheringRow) => boolean,
): Promise<GatheringState> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const g = await lockedGathering(trx, id, may);
    const to = nextState(g.state, body.type);
    if (!to) throw conflict('gathering_state', { state: g.state, action: body.type });
    if (body.type === 'cancel' && !body.reason?.trim()) throw badRequest('reason_required');
    if (body.type === 'publish' && !(body.summary ?? g.summary)?.trim()) throw badRequest('summary_required');
    const fields = {
      reason: body.type === 'cancel' ? body.reason!.trim() : undefined,
      summary: body.summary,
      minutes: body.minutes,
      outcomes: body.outcomes,
    };
    await setState(trx, id, to, fields, now);
    await auditGathering(trx, ctx, actor, body.type, { id, unitId: g.unit_id }, {
      from: g.state,
      to,
      ...(fields.reason ? { reason: fields.reason } : {}),
      ...(body.summary ? { summary: true } : {}),
      ...(body.minutes ? { minutes: true } : {}),
    });
    return to;
  });
}
