/**
 * A petitioner lets the answer to their petition be published later than at intake, with the
 * access key given at intake (or signed in as the resident who submitted it). Only the kinds
 * the public may ever see (publicKinds) can be published; the consent cannot be taken back
 * once an article was published from it, so it is not offered as a toggle.
 */
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../platform/access.ts';
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import { normaliseTrackingCode } from '../intake/petitions.codes.ts';
import { keyHolder } from './petitions.keys.ts';
import { publicKinds } from '../petitions.policy.ts';
import { findPetitionByCode, petitionersOf, updatePetition } from '../petitions.queries.ts';
import { auditPetition, recordEvent } from '../workflow/shared.ts';
import { inTransaction } from '../../../platform/db.ts';

export async function consentToPublish(ctx: AppContext, actor: Actor, trackingCode: string, accessKey: string | undefined): Promise<string> {
  const code = normaliseTrackingCode(trackingCode);
  if (!code) throw notFound();
  const now = ctx.clock.now();
  let holderId: number | undefined;
  if (accessKey !== undefined) {
    const found = await findPetitionByCode(ctx.db, code);
    if (!found) throw notFound();
    holderId = (await keyHolder(ctx.db, found.id, accessKey, now)).id;
  }
  return inTransaction(ctx.db, async (trx) => {
    const p = await findPetitionByCode(trx, code);
    if (!p) throw notFound();
    const petitioner = (await petitionersOf(trx, p.id)).find((pe) =>
      holderId !== undefined ? pe.id === holderId : actor.kind === 'resident' && pe.resident_account_id === actor.id,
    );
    if (!petitioner) throw new AppError(403, 'invalid_access_key');
    if (!publicKinds.includes(p.kind)) throw conflict('consent_not_for_kind', { kind: p.kind });
    if (p.consent_to_publish) return p.tracking_code;
    await updatePetition(trx, p, { consent_to_publish: true }, now);
    await recordEvent(trx, p, actor, now, { type: 'consented', data: {}, visibility: 'public' });
    await auditPetition(trx, actor, 'consent', p, { consentToPublish: true }, now);
    return p.tracking_code;
  });
}
