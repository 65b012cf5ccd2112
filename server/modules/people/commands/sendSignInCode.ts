import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Locale } from '../../../platform/i18n.ts';
import { enqueueNotification } from '../../../platform/notify/outbox.ts';
import { sha256 } from '../../../platform/sessions.ts';
import { parseDestination } from '../destination.ts';
import { countCodesSince, insertCode } from '../people.queries.ts';

export const codeValidMinutes = 10;
export const maxCodesPerHour = 5;

/** Codes are stored hashed with their destination, so a stored hash fits no other address. */
export const codeHash = (destination: string, code: string) => sha256(`${destination}:${code}`);

/**
 * Sends a resident a 6-digit sign-in code through the notification outbox. The answer is
 * the same whether or not an account exists for the address.
 */
export async function sendSignInCode(
  ctx: AppContext,
  input: { destination: string; locale: Locale },
): Promise<{ destination: string; channel: 'sms' | 'email'; expiresAt: Date }> {
  const destination = parseDestination(input.destination);
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + codeValidMinutes * 60_000);
  await ctx.db.transaction().execute(async (trx) => {
    // One request per address at a time, so two at once cannot both pass the hourly limit.
    await sql`select pg_advisory_xact_lock(hashtext(${`sign-in-code:${destination.address}`}))`.execute(trx);
    const hourAgo = new Date(now.getTime() - 3600_000);
    const sent = await countCodesSince(trx, destination.address, hourAgo);
    if (sent.count >= maxCodesPerHour) {
      const freeAt = (sent.oldest ?? now).getTime() + 3600_000;
      const seconds = Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
      throw new AppError(429, 'too_many_codes', { minutes: Math.ceil(seconds / 60), retryAfter: seconds });
    }
    const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    await insertCode(trx, { destination: destination.address, codeHash: codeHash(destination.address, code), at: now, expiresAt });
    await enqueueNotification(trx, {
      channel: destination.channel,
      recipient: destination.address,
      template: 'sign_in_code',
      locale: input.locale,
      params: { code, minutes: codeValidMinutes },
      at: now,
    });
  });
  return { destination: destination.address, channel: destination.channel, expiresAt };
}
