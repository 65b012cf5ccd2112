import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { appendAudit, type AuditInput } from '../../../platform/audit.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { countVoters, getConsultation, setConsultationStatus as setStatus, tally } from '../consultations.queries.ts';

/** draft → open (with an electorate), open → closed (its tally recorded in the audit event). */
export async function changeConsultationStatus(db: Kysely<DB>, actor: AuditInput['actor'], id: number, to: 'open' | 'closed', now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const k = await getConsultation(trx, id, true);
    if (!k) throw notFound();
    if (to === 'open' && k.status !== 'draft') throw conflict('consultation_not_draft');
    if (to === 'closed' && k.status !== 'open') throw conflict('consultation_not_open');
    if (to === 'open' && (await countVoters(trx, id)) === 0) throw conflict('consultation_empty_electorate');
    await setStatus(trx, id, to, now);
    const changes = to === 'closed' ? { tally: await tally(trx, id) } : {};
    await appendAudit(trx, { actor, action: `consultation.${to === 'open' ? 'opened' : 'closed'}`, subjectType: 'consultation', subjectId: id, unitId: k.unit_id, changes, at: now });
  });
}
