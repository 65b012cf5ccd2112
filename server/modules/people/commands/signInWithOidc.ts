import { appendAudit } from '../../../platform/audit.ts';
import type { OidcSettings } from '../../../platform/config.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { createSession, type NewSession } from '../../../platform/sessions.ts';
import { officialsForSso } from '../people.queries.ts';
import type { OidcClaims } from '../oidc.ts';
import { selfActor } from './signInOfficial.ts';

/** Why claims were refused: each has its own explanation on the sign-in page. */
type SsoRefusal = 'sso_no_claim' | 'sso_email_unverified' | 'sso_not_linked' | 'sso_ambiguous' | 'account_disabled';

export class SsoRefused extends AppError {
  constructor(readonly reason: SsoRefusal) {
    super(403, reason);
  }
}

/**
 * Which official the provider's claims name, decided without I/O: the configured claim must be a
 * non-empty string; an e-mail address must not be marked unverified.
 */
export function ssoMatch(settings: Pick<OidcSettings, 'claim'>, claims: OidcClaims): { field: 'email' | 'username'; value: string } {
  const raw = claims[settings.claim];
  const value = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
  if (!value) throw new SsoRefused('sso_no_claim');
  if (settings.claim === 'email') {
    if (claims.email_verified === false || claims.email_verified === 'false') throw new SsoRefused('sso_email_unverified');
    return { field: 'email', value };
  }
  return { field: 'username', value };
}

/**
 * An official signs in through the OpenID Connect provider: the claims must name exactly one
 * existing official, who must be enabled. Nobody is created here: accounts and their roles stay
 * the administrators' (people module). The session and its audit event are written together.
 */
export async function signInWithOidc(
  ctx: AppContext,
  settings: Pick<OidcSettings, 'claim' | 'issuer'>,
  claims: OidcClaims,
  request: { ip?: string; userAgent?: string },
): Promise<{ session: NewSession; accountId: number }> {
  const match = ssoMatch(settings, claims);
  const found = await officialsForSso(ctx.db, match.field, match.value);
  if (found.length === 0) throw new SsoRefused('sso_not_linked');
  if (found.length > 1) throw new SsoRefused('sso_ambiguous');
  const [account] = found;
  if (account.disabled_at) throw new SsoRefused('account_disabled');
  const now = ctx.clock.now();
  const session = await ctx.db.transaction().execute(async (trx) => {
    const created = await createSession(trx, account.id, now, ctx.config.sessionHours, request);
    await appendAudit(trx, {
      actor: selfActor(account.id, account.username ?? ''),
      action: 'account.signed_in',
      subjectType: 'account',
      subjectId: account.id,
      changes: { method: 'oidc', issuer: settings.issuer, claim: settings.claim },
      at: now,
    });
    return created;
  });
  return { session, accountId: account.id };
}
