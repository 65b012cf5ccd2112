import type { Actor } from '../../../platform/access.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { conflict } from '../../../platform/errors.ts';
import type { Locale } from '../../../platform/i18n.ts';
import { deleteSessionsOf, officialById, setPassword, type OfficialRow } from '../people.queries.ts';
import { loadForChange } from './officialRules.ts';
import { issueSetupCode, setupContact } from './setupCodes.ts';

/**
 * Resets an official's password without anybody learning a new one: the old password stops
 * working, every session of theirs ends, and a setup code goes to the official's own phone or
 * e-mail. Whoever resets never holds a working password of someone else's account.
 */
export async function resetPassword(ctx: AppContext, actor: Actor, officialId: number, locale: Locale): Promise<OfficialRow> {
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const { account, grants } = await loadForChange(trx, actor, officialId);
    const contact = setupContact(account);
    if (!contact) throw conflict('official_without_contact');
    await setPassword(trx, officialId, null, at);
    await deleteSessionsOf(trx, officialId);
    await issueSetupCode(trx, { id: account.id, username: account.username ?? '', locale: account.locale }, contact, locale, at);
    await appendAudit(trx, {
      actor,
      action: 'official.password_reset',
      subjectType: 'account',
      subjectId: officialId,
      unitId: grants[0]?.unitId ?? null,
      changes: { setupCodeSentBy: contact.channel }, // never a password, a code or the address
      at,
    });
    return (await officialById(trx, officialId))!;
  });
}
