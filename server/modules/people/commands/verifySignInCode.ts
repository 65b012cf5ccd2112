import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Resident } from '../../../platform/access.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Locale } from '../../../platform/i18n.ts';
import { createSession, type NewSession } from '../../../platform/sessions.ts';
import { parseDestination } from '../destination.ts';
import { consumeCode, countWrongCode, insertResident, latestCode, residentByDestination } from '../people.queries.ts';
import { codeHash } from './sendSignInCode.ts';

/** Wrong tries one code survives; after them only a new code helps. */
export const maxCodeAttempts = 5;

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

type Outcome = { session: NewSession } | { error: AppError };

/**
 * A resident signs in with the latest code sent to their address. The first sign-in creates
 * their account. A wrong code is counted even though the answer is an error.
 */
export async function verifySignInCode(
  ctx: AppContext,
  input: { destination: string; code: string; locale: Locale; ip?: string; userAgent?: string },
): Promise<NewSession> {
  const destination = parseDestination(input.destination);
  const now = ctx.clock.now();
  const outcome = await ctx.db.transaction().execute(async (trx): Promise<Outcome> => {
    await sql`select pg_advisory_xact_lock(hashtext(${`sign-in-code:${destination.address}`}))`.execute(trx);
    const stored = await latestCode(trx, destination.address);
    if (!stored || stored.consumed_at || new Date(stored.expires_at) <= now) {
      return { error: new AppError(401, 'code_expired') };
    }
    if (stored.attempts >= maxCodeAttempts) return { error: new AppError(429, 'code_attempts_exceeded') };
    if (!sameHash(stored.code_hash, codeHash(destination.address, input.code))) {
      await countWrongCode(trx, stored.id); // kept: the transaction commits
      return { error: new AppError(401, 'invalid_code') };
    }
    await consumeCode(trx, stored.id, now);

    let account = await residentByDestination(trx, destination);
    if (account?.disabled_at) return { error: new AppError(403, 'account_disabled') };
    if (!account) {
      const id = await insertResident(trx, { phone: destination.phone, email: destination.email, locale: input.locale, at: now });
      account = { id, disabled_at: null };
      await appendAudit(trx, {
        actor: { kind: 'system', label: 'sign-in' },
        action: 'resident.created',
        subjectType: 'account',
        subjectId: id,
        changes: { channel: destination.channel },
        at: now,
      });
    }
    const resident: Resident = { kind: 'resident', id: account.id, name: '', phone: destination.phone ?? null, email: destination.email ?? null };
    const session = await createSession(trx, account.id, now, ctx.config.sessionHours, { ip: input.ip, userAgent: input.userAgent });
    await appendAudit(trx, {
      actor: resident,
      action: 'account.signed_in',
      subjectType: 'account',
      subjectId: account.id,
      changes: { method: 'code' },
      at: now,
    });
    return { session };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.session;
}
