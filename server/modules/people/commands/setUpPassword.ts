import { appendAudit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { NewSession } from '../../../platform/sessions.ts';
import { passwordHasher } from '../passwords.ts';
import { consumeCode, countWrongCode, deleteSessionsOf, latestCode, setPassword } from '../people.queries.ts';
import { checkPassword } from './officialRules.ts';
import { codeHash } from './sendSignInCode.ts';
import { setupCodeKey } from './setupCodes.ts';
import { beginOfficialSignIn, finishOfficialSignIn, selfActor, type SignedIn, type SignInRequest } from './signInOfficial.ts';
import { maxCodeAttempts, sameHash } from './verifySignInCode.ts';

type Outcome = { session: NewSession } | { error: AppError };

/**
 * An official sets their own password with the setup code sent to their phone or e-mail (after
 * their account was created or their password reset), and is signed in. Every other session of
 * theirs ends. A wrong username, a wrong code and an expired one get the same answer; the
 * attempt counts like a password guess.
 */
export async function setUpPassword(ctx: AppContext, input: SignInRequest & { code: string; password: string }): Promise<SignedIn> {
  const begun = await beginOfficialSignIn(ctx, input);
  const { now, username, account } = begun;
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
    return { session: await finishOfficialSignIn(trx, ctx, begun, account.id, 'setup_code', input) };
  });
  if ('error' in outcome) throw outcome.error;
  return { session: outcome.session, deviceToken: begun.deviceToken };
}
