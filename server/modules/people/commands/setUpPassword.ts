import { appendAudit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { createSession, type NewSession } from '../../../platform/sessions.ts';
import { passwordHasher } from '../passwords.ts';
import { consumeCode, countWrongCode, deleteSessionsOf, latestCode, rememberDevice, setPassword } from '../people.queries.ts';
import { settleAttempts } from '../signInAttempts.ts';
import { checkPassword } from './officialRules.ts';
import { codeHash } from './sendSignInCode.ts';
import { setupCodeKey } from './setupCodes.ts';
import { beginOfficialSignIn, selfActor, type SignedIn, type SignInRequest } from './signInOfficial.ts';
import { maxCodeAttempts, sameHash } from './verifySignInCode.ts';

type Outcome = { session: NewSession } | { error: AppError };

/**
 * An official sets their own password with the setup code sent to their phone or e-mail (after
 * their account was created or their password reset), and is signed in. Every other session of
 * theirs ends. A wrong username, a wrong code and an expired one get the same answer; the
 * attempt counts like a password guess.
 */
export async function setUpPassword(ctx: AppContext, input: SignInRequest & { code: string; password: string }): Promise<SignedIn> {
  const { now, username, account, keys, deviceToken, deviceHash } = await beginOfficialSignIn(ctx, input);
  // Says nothing about the code, so it may come first and leave the code for a better password.
  checkPassword(input.password, { username, name: account?.name ?? '' });
  const passwordHash = await passwordHasher.hash(input.password);
  const invalid = () => ({ error: new AppError(401, 'setup_code_invalid') });

  const outcome = await ctx.db.transaction().execute(async (trx): Promise<Outcome> => {
    if (!account) return invalid();
    const key = setupCodeKey(account.id);
    const stored = await latestCode(trx, key);
    if (!stored || stored.consumed_at || new Date(stored.expires_at) <= now || stored.attempts >= maxCodeAttempts) return invalid();
    if (!sameHash(stored.code_hash, codeHash(key, input.code))) {
      await countWrongCode(trx, stored.id); // kept: the transaction commits
      return invalid();
    }
    await consumeCode(trx, stored.id, now);
    await setPassword(trx, account.id, passwordHash, now);
    await deleteSessionsOf(trx, account.id);
    await appendAudit(trx, {
      actor: selfActor(account.id, username),
      action: 'account.password_set',
      subjectType: 'account',
      subjectId: account.id,
      changes: {}, // never the password or its hash
      at: now,
    });
    if (account.disabled_at) return { error: new AppError(403, 'account_disabled') };
    await settleAttempts(trx, keys);
    await rememberDevice(trx, deviceHash, account.id, now);
    const session = await createSession(trx, account.id, now, ctx.config.sessionHours, { ip: input.ip, userAgent: input.userAgent });
    await appendAudit(trx, {
      actor: selfActor(account.id, username),
      action: 'account.signed_in',
      subjectType: 'account',
      subjectId: account.id,
      changes: { method: 'setup_code' },
      at: now,
    });
    return { session };
  });
  if ('error' in outcome) throw outcome.error;
  return { session: outcome.session, deviceToken };
}
