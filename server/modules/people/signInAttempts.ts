/**
 * How many sign-in attempts each caller gets. An attempt is counted against keys before any
 * password or code is checked, in one statement (takeSignInAttempts), so parallel guesses get
 * no more than the allowance:
 * - a device that signed in to the account before has its own allowance and nothing else,
 *   so guesses from elsewhere never lock the owner out of their usual computer or phone;
 * - any other device is counted against the username (known or not: the same answers and
 *   the same work either way) and against its network address.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import { AppError } from '../../platform/errors.ts';
import { settleSignInAttempts, takeSignInAttempts } from './people.queries.ts';

export const attemptWindowMinutes = 15;
export const maxAttemptsPerUsername = 5;
export const maxAttemptsPerKnownDevice = 10;
/** An office's officials often share one address: successful sign-ins give their attempt back. */
export const maxAttemptsPerAddress = 50;

interface AttemptKey {
  key: string;
  limit: number;
  /** After a success the count starts again; otherwise the success only gives its attempt back. */
  resetOnSuccess: boolean;
}

export function attemptKeys(input: { username: string; ip?: string; knownDevice: { hash: string; accountId: number } | null }): AttemptKey[] {
  if (input.knownDevice) {
    const { hash, accountId } = input.knownDevice;
    return [{ key: `device:${accountId}:${hash}`, limit: maxAttemptsPerKnownDevice, resetOnSuccess: true }];
  }
  return [
    { key: `username:${input.username}`, limit: maxAttemptsPerUsername, resetOnSuccess: true },
    { key: `address:${input.ip ?? 'unknown'}`, limit: maxAttemptsPerAddress, resetOnSuccess: false },
  ];
}

/** Counts the attempt; 429 when any key has used its allowance in the current window. */
export async function takeAttempt(db: Kysely<DB>, keys: AttemptKey[], now: Date): Promise<void> {
  const counted = await takeSignInAttempts(db, keys.map((k) => k.key), now, attemptWindowMinutes * 60_000);
  const over = counted.filter((c) => c.attempts > keys.find((k) => k.key === c.key)!.limit);
  if (!over.length) return;
  const until = Math.max(...over.map((c) => c.windowEnds.getTime()));
  const seconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
  throw new AppError(429, 'sign_in_throttled', { minutes: Math.ceil(seconds / 60), retryAfter: seconds });
}

/** A successful sign-in: see AttemptKey.resetOnSuccess. */
export async function settleAttempts(db: Kysely<DB>, keys: AttemptKey[]): Promise<void> {
  await settleSignInAttempts(
    db,
    keys.filter((k) => k.resetOnSuccess).map((k) => k.key),
    keys.filter((k) => !k.resetOnSuccess).map((k) => k.key),
  );
}
