import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import type { Clock } from '../../../platform/clock.ts';
import { appendAudit, type AuditInput } from '../../../platform/audit.ts';
import { AppError, conflict, fail } from '../../../platform/errors.ts';
import { bookingToRate, insertRating, phoneRatingsSince, ratingsSince } from '../conduct.queries.ts';
import { gatheringRatable, linkWait, phoneNumberWait } from '../conduct.policy.ts';
import { normsInForce } from '../conduct.norms.ts';
import type { GatheringRatingBody } from '../conduct.schema.ts';

/**
 * A resident who booked a place at a gathering rates it with the booking code: a face-scale
 * rating with the norms it is about, in the satisfaction pool with source 'gathering', for the
 * gathering's unit and the official who hosted it. Once per booking, only once the gathering has
 * been held, only for kinds where residents are served; a phone's browser and a phone number
 * give a few ratings a day. A wrong or cancelled code answers 404 whether or not the gathering exists.
 */
export async function rateGathering(
  ctx: { db: Kysely<DB>; clock: Clock },
  actor: AuditInput['actor'],
  raterHash: string,
  body: GatheringRatingBody,
): Promise<number> {
  const now = ctx.clock.now();
  const code = body.code.toUpperCase();
  return ctx.db.transaction().execute(async (trx) => {
    const b = await bookingToRate(trx, code, true);
    if (!b) throw fail('rating_booking_unknown');
    if (b.rated_at !== null) throw conflict('gathering_already_rated');
    const ratable = gatheringRatable(b);
    if (ratable === 'kind') throw conflict('gathering_not_rated');
    if (ratable === 'not_held') throw conflict('gathering_not_held');
    const dayAgo = new Date(now.getTime() - 86_400_000);
    const wait = Math.max(linkWait(await ratingsSince(trx, { raterHash }, dayAgo)), phoneNumberWait(await phoneRatingsSince(trx, b.phone, dayAgo)));
    if (wait > 0) throw new AppError(429, 'rating_flood', { seconds: wait, retryAfter: wait });
    const normIds = await normsInForce(trx, b.unit_path, now, body.norms);
    const id = await insertRating(trx, {
      source: 'gathering',
      device_id: null,
      rater_hash: raterHash,
      service_point_id: null,
      gathering_id: b.gathering_id,
      booking_id: b.booking_id,
      unit_id: b.unit_id,
      unit_path: b.unit_path,
      official_id: b.host_id,
      procedure: null,
      score: body.score,
      norm_ids: normIds,
      comment: body.comment?.trim() || null,
      created_at: now,
    });
    // The audit trail names the booking and the rating, not the phone number.
    await appendAudit(trx, {
      actor,
      action: 'gathering.rated',
      subjectType: 'gathering',
      subjectId: b.gathering_id,
      unitId: b.unit_id,
      changes: { booking: b.booking_id, rating: id, score: body.score, norms: normIds },
      at: now,
    });
    return id;
  });
}
