/** Administrators set the law's minimum reception frequency for a level and role from a date. */
import { badRequest } from '../../../platform/errors.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { MinimumBody } from '../gatherings.schema.ts';
import { upsertMinimum } from '../gatherings.queries.ts';
import type { GatheringActor, GatheringContext } from './shared.ts';

export async function setMinimum(ctx: GatheringContext, actor: GatheringActor, body: MinimumBody): Promise<number> {
  if (body.validTo && body.validTo <= body.validFrom) throw badRequest('invalid_period', { from: body.validFrom, to: body.validTo });
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const id = await upsertMinimum(trx, {
      country: body.country, level: body.level, role: body.role, days: body.days, per: body.per,
      valid_from: body.validFrom, valid_to: body.validTo ?? null, source: body.source,
    }, now);
    await appendAudit(trx, { actor, action: 'reception_minimum.set', subjectType: 'reception_minimum', subjectId: id, changes: { ...body }, at: now });
    return id;
  });
}
