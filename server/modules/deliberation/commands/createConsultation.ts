import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { appendAudit, type AuditInput } from '../../../platform/audit.ts';
import { badRequest } from '../../../platform/errors.ts';
import type { CreateConsultationBody } from '../deliberation.schema.ts';
import { insertDocuments } from '../deliberation.queries.ts';
import { insertConsultation, insertOption } from '../consultations.queries.ts';

/** A consultation of a unit, in draft, with its options (their places and documents), audited. */
export async function createConsultation(
  db: Kysely<DB>,
  actor: AuditInput['actor'],
  unit: { id: number; code: string },
  body: CreateConsultationBody,
  now: Date,
): Promise<number> {
  if (new Date(body.closesAt) <= now) throw badRequest('consultation_closes_in_past');
  return db.transaction().execute(async (trx) => {
    const values = { unitId: unit.id, title: body.title.trim(), body: body.body ?? '', electorateKind: body.electorate, changeable: body.changeable ?? false, closesAt: body.closesAt };
    const id = await insertConsultation(trx, values, now);
    const options = [];
    for (const [i, o] of body.options.entries()) {
      const option = { consultationId: id, position: i + 1, title: o.title.trim(), body: o.body ?? '', placeName: o.placeName ?? null, lat: o.lat ?? null, lng: o.lng ?? null };
      const optionId = await insertOption(trx, option);
      await insertDocuments(trx, { optionId }, o.documents ?? [], now);
      options.push({ id: optionId, ...option, documents: o.documents ?? [] });
    }
    await appendAudit(trx, {
      actor,
      action: 'consultation.created',
      subjectType: 'consultation',
      subjectId: id,
      unitId: unit.id,
      changes: { unit: unit.code, ...values, unitId: undefined, options },
      at: now,
    });
    return id;
  });
}
