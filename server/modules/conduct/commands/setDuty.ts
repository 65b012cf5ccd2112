import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { Official } from '../../../platform/access.ts';
import type { Clock } from '../../../platform/clock.ts';
import { lockDuty, upsertDuty, type ServicePointPlace } from '../conduct.queries.ts';

/** Who is on duty at a counter from now on (null: nobody). Audited with who was before. */
export async function setDuty(
  ctx: { db: Kysely<DB>; clock: Clock },
  actor: Official,
  place: ServicePointPlace,
  officialId: number | null,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await lockDuty(trx, place.id);
    await upsertDuty(trx, { servicePointId: place.id, officialId, setBy: actor.id, at: now });
    await appendAudit(trx, {
      actor,
      action: 'counter_duty.set',
      subjectType: 'service_point',
      subjectId: place.id,
      unitId: place.unit_id,
      changes: { official: officialId, before: before?.official_id == null ? null : Number(before.official_id) },
      at: now,
    });
  });
}
