import type { Actor } from '../../../platform/access.ts';
import type { AppContext } from '../../../platform/context.ts';
import { conflict } from '../../../platform/errors.ts';
import type { Locale } from '../../../platform/i18n.ts';
import { deleteSessionsOf, setPassword, type OfficialRow } from '../people.queries.ts';
import { changeOfficial } from './officialRules.ts';
import { issueSetupCode, setupContact } from './setupCodes.ts';

/**
 * Resets an official's password without anybody learning a new one: the old password stops
 * working, every session of theirs ends, and a setup code goes to the official's own phone or
 * e-mail. Whoever resets never holds a working password of someone else's account.
 */
export function resetPassword(ctx: AppContext, actor: Actor, officialId: number, locale: Locale): Promise<OfficialRow> {
  return changeOfficial(ctx, actor, officialId, 'official.password_reset', async (trx, { account }, at) => {
    const contact = setupContact(account);
    if (!contact) throw conflict('official_without_contact');
    await setPassword(trx, officialId, null, at);
    await deleteSessionsOf(trx, officialId);
    await issueSetupCode(trx, { id: account.id, username: account.username ?? '', locale: account.locale }, contact, locale, at);
    return { changes: { setupCodeSentBy: contact.channel } }; // never a password, a code or the address
  });
}
