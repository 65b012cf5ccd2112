import type { AppContext } from '../../../platform/context.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { hashPassword, minPasswordLength, verifyPassword } from '../passwords.ts';
import { deleteSessionsOf, insertGrants, insertOfficial, setDisabled, setPassword } from '../people.queries.ts';
import { inTransaction } from '../people.tx.ts';

const system = { kind: 'system', label: 'bootstrap' } as const;

/**
 * ZD_ADMIN_PASSWORD at start: creates the administrator (ZD_ADMIN_USER) with a grant over the
 * whole deployment, or gives the existing one that password, an enabled and unlocked account
 * and the grant back, so a deployment can always be reached. Nothing changes (and nothing is
 * audited) when the account already matches.
 */
export async function ensureAdministrator(ctx: AppContext): Promise<'created' | 'reset' | 'unchanged' | 'skipped'> {
  const password = ctx.config.adminPassword;
  if (!password) return 'skipped';
  const username = ctx.config.adminUser.trim().toLowerCase();
  if ([...password].length < minPasswordLength) {
    ctx.log.warn(`ZD_ADMIN_PASSWORD is shorter than ${minPasswordLength} characters; choose a longer one`);
  }
  const at = ctx.clock.now();
  const existing = await ctx.db
    .selectFrom('accounts')
    .select(['id', 'kind', 'password_hash', 'disabled_at', 'locked_until'])
    .where('username', '=', username)
    .executeTakeFirst();
  const passwordHash = existing?.password_hash && (await verifyPassword(existing.password_hash, password))
    ? null // already this password: keep the hash
    : await hashPassword(password);

  return inTransaction(ctx.db, async (trx) => {
    if (!existing) {
      const id = await insertOfficial(trx, { username, passwordHash: passwordHash!, name: 'Administrator', agencyId: null, at });
      await insertGrants(trx, id, [{ unitId: null, role: 'administrator' }], at);
      await appendAudit(trx, {
        actor: system,
        action: 'official.created',
        subjectType: 'account',
        subjectId: id,
        changes: { username, grants: [{ unit: null, role: 'administrator' }] },
        at,
      });
      ctx.log.info({ username }, 'administrator created from ZD_ADMIN_PASSWORD');
      return 'created';
    }
    const hasGrant = await trx
      .selectFrom('grants')
      .select('id')
      .where('account_id', '=', existing.id)
      .where('unit_id', 'is', null)
      .where('role', '=', 'administrator')
      .executeTakeFirst();
    const locked = existing.locked_until !== null && new Date(existing.locked_until) > at;
    if (!passwordHash && hasGrant && !existing.disabled_at && !locked) return 'unchanged';

    const changes: Record<string, unknown> = {};
    if (passwordHash) {
      await setPassword(trx, existing.id, passwordHash, at); // also lifts a sign-in lock
      await deleteSessionsOf(trx, existing.id);
      changes.password = 'reset';
    } else if (locked) {
      await setPassword(trx, existing.id, existing.password_hash!, at);
      changes.unlocked = true;
    }
    if (!hasGrant) {
      await insertGrants(trx, existing.id, [{ unitId: null, role: 'administrator' }], at);
      changes.granted = { unit: null, role: 'administrator' };
    }
    if (existing.disabled_at) {
      await setDisabled(trx, existing.id, null, at);
      changes.enabled = true;
    }
    await appendAudit(trx, {
      actor: system,
      action: passwordHash ? 'official.password_reset' : 'official.restored',
      subjectType: 'account',
      subjectId: existing.id,
      changes,
      at,
    });
    ctx.log.info({ username }, 'administrator reset from ZD_ADMIN_PASSWORD');
    return 'reset';
  });
}
