import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import type { Clock } from '../../../platform/clock.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { inUnitStaff } from '../../directory/index.ts';
import { dutyAt, insertRating, lastRatingAt, ratingsSince, type ServicePointPlace } from '../conduct.queries.ts';
import { kioskWait, linkWait } from '../conduct.policy.ts';
import { normsInForce } from '../conduct.norms.ts';
import type { RatingBody } from '../conduct.schema.ts';

type RatingSource = { source: 'kiosk'; deviceId: number } | { source: 'link'; raterHash: string; officialId: number | null };

/**
 * A face-scale rating for the service point, the official who served (an entry of the unit's
 * staff directory) and the procedure, with the norms it is about. A kiosk rates at most once
 * every few seconds and some dozens an hour (a rating there that names nobody is the on-duty official's); a phone's browser a few times a day.
 */
export async function rateService(ctx: { db: Kysely<DB>; clock: Clock }, place: ServicePointPlace, by: RatingSource, body: RatingBody): Promise<number> {
  const now = ctx.clock.now();
  // A link names its official; at a kiosk a rating naming nobody goes to the official on duty now.
  const officialId =
    by.source === 'link' && by.officialId !== null
      ? by.officialId
      : (body.official ?? (by.source === 'kiosk' ? ((await dutyAt(ctx.db, place))?.official_id ?? null) : null));
  if (officialId !== null && !(await inUnitStaff(ctx.db, place.unit_id, officialId))) throw badRequest('official_not_at_service_point');
  const normIds = await normsInForce(ctx.db, place.unit_path, now, body.norms);
  return ctx.db.transaction().execute(async (trx) => {
    if (by.source === 'kiosk') {
      const wait = kioskWait(now, await lastRatingAt(trx, by.deviceId), await ratingsSince(trx, { deviceId: by.deviceId }, new Date(now.getTime() - 3_600_000)));
      if (wait > 0) throw new AppError(429, 'rating_flood', { seconds: wait, retryAfter: wait });
    } else {
      const wait = linkWait(await ratingsSince(trx, { raterHash: by.raterHash }, new Date(now.getTime() - 86_400_000)));
      if (wait > 0) throw new AppError(429, 'rating_flood', { seconds: wait, retryAfter: wait });
    }
    return insertRating(trx, {
      source: by.source,
      device_id: by.source === 'kiosk' ? by.deviceId : null,
      rater_hash: by.source === 'link' ? by.raterHash : null,
      service_point_id: place.id,
      unit_id: place.unit_id,
      unit_path: place.unit_path,
      official_id: officialId,
      procedure: body.procedure?.trim() || null,
      score: body.score,
      norm_ids: normIds,
      comment: body.comment?.trim() || null,
      created_at: now,
    });
  });
}
