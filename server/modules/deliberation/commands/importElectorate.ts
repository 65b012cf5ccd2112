import { parse, CsvError } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { appendAudit, type AuditInput } from '../../../platform/audit.ts';
import { AppError, badRequest, conflict, notFound } from '../../../platform/errors.ts';
import { parseDestination } from '../../people/index.ts';
import { countVoters, getConsultation, upsertVoters } from '../consultations.queries.ts';

/** Reads "ref,name,phone" lines (a header line first); the phone is optional (paper ballots only). */
function parseElectorate(csv: string): Array<{ ref: string; name: string; phone: string | null }> {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (e) {
    if (e instanceof CsvError) throw badRequest('electorate_csv', { line: (e as CsvError & { lines?: number }).lines ?? 0, reason: e.message });
    throw e;
  }
  const [header, ...rows] = records;
  const at = (name: string) => header?.findIndex((h) => h.toLowerCase() === name) ?? -1;
  const [ref, name, phone] = [at('ref'), at('name'), at('phone')];
  if (ref < 0 || name < 0) throw badRequest('electorate_csv', { line: 1, reason: 'the header needs ref and name (and phone)' });
  const seen = new Set<string>();
  const phones = new Set<string>();
  return rows.map((r, i) => {
    const line = i + 2;
    const voter = { ref: r[ref] ?? '', name: r[name] ?? '', phone: phone >= 0 && r[phone] ? r[phone] : null };
    if (!voter.ref || !voter.name || voter.ref.length > 100 || voter.name.length > 200) throw badRequest('electorate_csv', { line, reason: 'ref and name are required (ref up to 100 characters, name up to 200)' });
    if (seen.has(voter.ref)) throw badRequest('electorate_csv', { line, reason: `ref ${voter.ref} appears twice` });
    seen.add(voter.ref);
    if (voter.phone !== null) {
      let parsed;
      try {
        parsed = parseDestination(voter.phone);
      } catch (e) {
        if (e instanceof AppError) throw badRequest('electorate_csv', { line, reason: `"${voter.phone}" is not a phone number` });
        throw e;
      }
      if (parsed.channel !== 'sms') throw badRequest('electorate_csv', { line, reason: `"${voter.phone}" is not a phone number` });
      if (phones.has(parsed.address)) throw badRequest('electorate_csv', { line, reason: `phone ${voter.phone} appears twice` });
      phones.add(parsed.address);
      voter.phone = parsed.address;
    }
    return voter;
  });
}

/** Adds or updates the electorate of a consultation still in draft, audited (counts only). */
export async function importElectorate(db: Kysely<DB>, actor: AuditInput['actor'], consultationId: number, csv: string, now: Date) {
  const voters = parseElectorate(csv);
  return db.transaction().execute(async (trx) => {
    const k = await getConsultation(trx, consultationId, true);
    if (!k) throw notFound();
    if (k.status !== 'draft') throw conflict('consultation_not_draft');
    const { added, updated } = await upsertVoters(trx, consultationId, voters);
    const total = await countVoters(trx, consultationId);
    await appendAudit(trx, { actor, action: 'consultation.electorate_imported', subjectType: 'consultation', subjectId: consultationId, unitId: k.unit_id, changes: { added, updated, total }, at: now });
    return { added, updated, total };
  });
}
