import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { appendAudit, type AuditInput } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import { writeMinVolume } from '../scorecards.queries.ts';

/** The fewest rated cases a unit below this one needs to appear in the public ranking. */
export async function setRankingMinimum(
  ctx: { db: Kysely<DB>; clock: Clock },
  actor: AuditInput['actor'],
  unit: { id: number },
  minVolume: number,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await writeMinVolume(trx, unit.id, minVolume, actor.kind === 'official' ? actor.id : null, now);
    await appendAudit(trx, { actor, action: 'ranking.minimum_set', subjectType: 'unit', subjectId: unit.id, unitId: unit.id, changes: { minVolume }, at: now });
  });
}
