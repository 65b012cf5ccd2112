/** The follow-up of a "three sides, one word" record is done. */
import { conflict, notFound } from '../../../platform/errors.ts';
import { getRecord, markRecordDone, type RecordRow } from '../gatherings.queries.ts';
import { auditGathering, type GatheringActor, type GatheringContext } from './shared.ts';

export async function completeRecord(
  ctx: GatheringContext,
  actor: GatheringActor,
  id: number,
  note: string | undefined,
  may: (r: RecordRow) => boolean,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const r = await getRecord(trx, id, true);
    if (!r || !may(r)) throw notFound();
    if (r.done_at) throw conflict('record_done');
    await markRecordDone(trx, id, note?.trim() || null, now);
    await auditGathering(trx, ctx, actor, 'record_done', { id: r.gathering_id, unitId: r.unit_id }, { record: id, overdue: r.due_on });
  });
}
