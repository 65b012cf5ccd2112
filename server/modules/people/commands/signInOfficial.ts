import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import type { Official } from '../../../platform/access.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, unauthorized } from '../../../platform/errors.ts';
import { createSession, randomToken, sha256, type NewSession } from '../../../platform/sessions.ts';
import { dummyHash, passwordHasher } from '../passwords.ts';
import { officialForLogin, rememberDevice } from '../people.queries.ts';
import { attemptKeys, settleAttempts, takeAttempt } from '../signInAttempts.ts';

/** The account as the actor of its own sign-in, for the audit trail. */
export const selfActor = (id: number, username: string): Official => ({
  kind: 'official',
  id,
  name: '',
  username,
  agencyId: null,
  grants: [],
});

/** A device token as this server issues it; anything else is treated as a new device. */
const deviceTokenPattern = /^[A-Za-z0-9_-]{43}$/;

export interface SignInRequest {
  username: string;
  ip?: string;
  userAgent?: string;
  /** The device cookie, when the browser has one. */
  deviceToken?: string;
}

/** A session, and the device token the browser keeps from now on. */
export interface SignedIn {
  session: NewSession;
  deviceToken: string;
}

/**
 * The steps every sign-in by an official shares (password or setup code): the account and
 * whether this device is known to it, then the attempt counted before anything secret is
 * checked. Unknown and known usernames take the same steps.
 */
type BegunSignIn = Awaited<ReturnType<typeof beginOfficialSignIn>>;

export async function beginOfficialSignIn(ctx: AppContext, input: SignInRequest) {
  const now = ctx.clock.now();
  const username = input.username.trim().toLowerCase();
  const deviceToken = input.deviceToken && deviceTokenPattern.test(input.deviceToken) ? input.deviceToken : randomToken();
  const deviceHash = sha256(deviceToken);
  const account = await officialForLogin(ctx.db, username, deviceHash);
  const keys = attemptKeys({
    username,
    ip: input.ip,
    knownDevice: account?.known_device ? { hash: deviceHash, accountId: account.id } : null,
  });
  await takeAttempt(ctx.db, keys, now);
  return { now, username, account, keys, deviceToken, deviceHash };
}

/**
 * An official signs in with a password. An unknown username, an account still waiting for its
 * setup code and a wrong password get the same answer after the same work: the attempt is
 * counted, and a hash is verified (a dummy one when there is none).
 */
export async function signInOfficial(ctx: AppContext, input: SignInRequest & { password: string }): Promise<SignedIn> {
  const begun = await beginOfficialSignIn(ctx, input);
  const { account } = begun;
  const matches = await passwordHasher.verify(account?.password_hash ?? (await dummyHash()), input.password);
  if (!account?.password_hash || !matches) throw unauthorized('invalid_credentials');
  // Only someone who knows the password learns that the account is disabled.
  if (account.disabled_at) throw new AppError(403, 'account_disabled');

  const session = await ctx.db.transaction().execute((trx) => finishOfficialSignIn(trx, ctx, begun, account.id, 'password', input));
  return { session, deviceToken: begun.deviceToken };
}

/**
 * The end of every successful sign-in by an official, in the caller's transaction: the
 * attempts are settled, the device becomes known to the account, the session is created and
 * audited.
 */
export async function finishOfficialSignIn(
  trx: Kysely<DB>,
  ctx: AppContext,
  begun: Pick<BegunSignIn, 'now' | 'username' | 'keys' | 'deviceHash'>,
  accountId: number,
  method: 'password' | 'setup_code',
  request: Pick<SignInRequest, 'ip' | 'userAgent'>,
): Promise<NewSession> {
  await settleAttempts(trx, begun.keys);
  await rememberDevice(trx, begun.deviceHash, accountId, begun.now);
  const session = await createSession(trx, accountId, begun.now, ctx.config.sessionHours, { ip: request.ip, userAgent: request.userAgent });
  await appendAudit(trx, {
    actor: selfActor(accountId, begun.username),
    action: 'account.signed_in',
    subjectType: 'account',
    subjectId: accountId,
    changes: { method },
    at: begun.now,
  });
  return session;
}
