import type { AppContext } from '../../../platform/context.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../passwords.ts';
import { clearSignInAttempts, deleteSessionsOf, insertGrants, insertOfficial, setDisabled, setPassword } from '../people.queries.ts';
import { attemptKeys } from '../signInAttempts.ts';
import { inTransaction } from '../../../platform/db.ts';

const system = { kind: 'system', label: 'bootstrap' } as const;

/**
 * ZD_ADMIN_PASSWORD at start: creates the administrator (ZD_ADMIN_USER) with a grant over the
 * whole deployment, or gives the existing one that password, an enabled account, a fresh
 * allowance of sign-in attempts and the grant back, so a deployment can always be reached.
 * Nothing changes (and nothing is audited) when the account already matches. Whoever sets the
 * environment of the server is trusted with the first administrator's password: the password
 * rules of people choosing one in the app apply only as a warning here.
 */
export async function ensureAdministrator(ctx: AppContext): Promise<'created' | 'reset' | 'unchanged' | 'skipped'> {
  const password = ctx.config.adminPassword;
  if (!password) return 'skipped';
  const username = ctx.config.adminUser.trim().toLowerCase();
  const problem = passwordProblem(password, [username, 'Administrator']);
  if (problem) {
    ctx.log.warn({ reason: problem.code }, 'ZD_ADMIN_PASSWORD is weak (see the reason); choose a stronger one');
  }
  const at = ctx.clock.now();
  const existing = await ctx.db
    .selectFrom('accounts')
    .select(['id', 'kind', 'password_hash', 'disabled_at'])
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
    // A restart with the variable set lets the administrator try again from any device.
    const usernameKeys = attemptKeys({ username, knownDevice: null }).filter((k) => k.resetOnSuccess).map((k) => k.key);
    const locked = await trx.selectFrom('sign_in_attempts').select('key').where('key', 'in', usernameKeys).executeTakeFirst();
    if (!passwordHash && hasGrant && !existing.disabled_at && !locked) return 'unchanged';

    const changes: Record<string, unknown> = {};
    if (locked) {
      await clearSignInAttempts(trx, usernameKeys);
      changes.unlocked = true;
    }
    if (passwordHash) {
      await setPassword(trx, existing.id, passwordHash, at);
      await deleteSessionsOf(trx, existing.id);
      changes.password = 'reset';
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
