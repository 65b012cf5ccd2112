import type { Actor } from '../../../platform/access.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { hashPassword } from '../passwords.ts';
import { deleteSessionsOf, officialById, setPassword, type OfficialRow } from '../people.queries.ts';
import { checkPassword, loadForChange } from './officialRules.ts';

/** Sets a new password, lifts a sign-in lock, and signs the official out everywhere. */
export async function resetPassword(
  ctx: AppContext,
  actor: Actor,
  officialId: number,
  input: { password: string },
): Promise<OfficialRow> {
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const { grants } = await loadForChange(trx, actor, officialId);
    await setPassword(trx, officialId, passwordHash, at);
    await deleteSessionsOf(trx, officialId);
    await appendAudit(trx, {
      actor,
      action: 'official.password_reset',
      subjectType: 'account',
      subjectId: officialId,
      unitId: grants[0]?.unitId ?? null,
      changes: {}, // never the password or its hash
      at,
    });
    return (await officialById(trx, officialId))!;
  });
}
