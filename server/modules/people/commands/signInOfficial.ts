import type { Official } from '../../../platform/access.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, unauthorized } from '../../../platform/errors.ts';
import { createSession, type NewSession } from '../../../platform/sessions.ts';
import { dummyHash, verifyPassword } from '../passwords.ts';
import { clearFailedLogins, officialForLogin, recordFailedLogin } from '../people.queries.ts';

/** Consecutive failed sign-ins that lock an account, and for how long. */
export const maxFailedLogins = 5;
export const lockMinutes = 15;

function lockedError(until: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError(429, 'sign_in_locked', {
    until: until.toISOString().slice(0, 16).replace('T', ' '),
    minutes: Math.ceil(seconds / 60),
    retryAfter: seconds,
  });
}

/** The account as the actor of its own sign-in, for the audit trail. */
const selfActor = (id: number, username: string): Official => ({
  kind: 'official',
  id,
  name: '',
  username,
  agencyId: null,
  grants: [],
});

/**
 * An official signs in with a password. A wrong username and a wrong password get the same
 * answer after the same work (an unknown username is verified against a dummy hash).
 */
export async function signInOfficial(
  ctx: AppContext,
  input: { username: string; password: string; ip?: string; userAgent?: string },
): Promise<NewSession> {
  const now = ctx.clock.now();
  const username = input.username.trim().toLowerCase();
  const account = await officialForLogin(ctx.db, username);
  if (!account || !account.password_hash) {
    await verifyPassword(await dummyHash(), input.password);
    throw unauthorized('invalid_credentials');
  }
  if (account.locked_until && new Date(account.locked_until) > now) throw lockedError(new Date(account.locked_until), now);

  if (!(await verifyPassword(account.password_hash, input.password))) {
    const lockedUntil = await ctx.db.transaction().execute(async (trx) => {
      const until = await recordFailedLogin(trx, account.id, now, maxFailedLogins, lockMinutes * 60_000);
      if (until) {
        await appendAudit(trx, {
          actor: { kind: 'system', label: 'sign-in' },
          action: 'account.locked',
          subjectType: 'account',
          subjectId: account.id,
          changes: { lockedUntil: until.toISOString(), failedSignIns: maxFailedLogins },
          at: now,
        });
      }
      return until;
    });
    if (lockedUntil) throw lockedError(lockedUntil, now);
    throw unauthorized('invalid_credentials');
  }
  // Only someone who knows the password learns that the account is disabled.
  if (account.disabled_at) throw new AppError(403, 'account_disabled');

  return ctx.db.transaction().execute(async (trx) => {
    await clearFailedLogins(trx, account.id);
    const session = await createSession(trx, account.id, now, ctx.config.sessionHours, {
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await appendAudit(trx, {
      actor: selfActor(account.id, username),
      action: 'account.signed_in',
      subjectType: 'account',
      subjectId: account.id,
      changes: { method: 'password' },
      at: now,
    });
    return session;
  });
}
