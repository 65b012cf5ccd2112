/** A resident sends a question ahead of a gathering: a petition (web) linked to it. */
import { submitPetition } from '../../petitions/index.ts';
import type { Actor } from '../../../platform/access.ts';
import { linkPetition } from '../gatherings.queries.ts';
import { auditGathering, inside, lockedGathering, type GatheringContext } from './shared.ts';
import { refuseClosed } from './bookPlace.ts';

export async function askAhead(
  ctx: GatheringContext,
  actor: Actor,
  id: number,
  input: { body: string; kind?: 'question' | 'suggestion'; name?: string; phone?: string; consentToPublish?: boolean },
): Promise<{ trackingCode: string; accessKey: string }> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const g = await lockedGathering(trx, id);
    refuseClosed(g, now);
    const resident = input.name || input.phone ? { ...(input.name ? { name: input.name } : {}), ...(input.phone ? { phone: input.phone } : {}) } : undefined;
    const p = await submitPetition(inside(ctx, trx), actor, {
      unit: g.unit_code,
      kind: input.kind ?? 'question',
      body: input.body,
      title: g.title,
      channel: 'web',
      ...(resident ? { resident } : { anonymous: true }),
      consentToPublish: !!input.consentToPublish,
    });
    await linkPetition(trx, id, p.id, 'question_ahead', now);
    await auditGathering(trx, ctx, actor, 'question_ahead', { id, unitId: g.unit_id }, { petition: p.id });
    return { trackingCode: p.trackingCode, accessKey: p.accessKey };
  });
}
