/**
 * Checking an access key against a petition, with a limit on wrong guesses per petition that
 * holds whatever address they come from (the per-address limit is the routes' rate limit).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { accessKeyMatches } from '../intake/petitions.codes.ts';
import { countKeyFailures, recordKeyFailure } from './tracking.queries.ts';
import { petitionersOf } from '../petitions.queries.ts';
import { accessKeyFailureWindowHours, accessKeyFailuresAllowed } from '../petitions.policy.ts';

/**
 * The petitioner whose key this is. A wrong key is recorded and answered 403; once a petition
 * has had `accessKeyFailuresAllowed` wrong keys within the window, every key (the right one
 * too) is answered 429 until the oldest of them is older than the window.
 * Called outside a transaction: a refused key must stay recorded.
 */
export async function keyHolder(db: Kysely<DB>, petitionId: number, key: string, now: Date) {
  const since = new Date(now.getTime() - accessKeyFailureWindowHours * 3_600_000);
  if ((await countKeyFailures(db, petitionId, since)) >= accessKeyFailuresAllowed) {
    throw new AppError(429, 'access_key_attempts', { count: accessKeyFailuresAllowed, hours: accessKeyFailureWindowHours });
  }
  const holder = (await petitionersOf(db, petitionId)).find((pe) => accessKeyMatches(key, pe.access_key_hash));
  if (holder) return holder;
  await recordKeyFailure(db, petitionId, now, since);
  throw new AppError(403, 'invalid_access_key');
}
