import type { Kysely } from 'kysely';
import type { DB, LocaleNames } from '../../../schema.ts';
import { appendAudit, type AuditInput } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import { inTransaction } from '../../../platform/db.ts';
import { badRequest } from '../../../platform/errors.ts';
import { agencyKindExists, insertAgency, type UnitKey } from '../agencies.queries.ts';

interface CreateAgencyInput {
  unit: UnitKey;
  kind: string;
  name: string;
  names?: LocaleNames;
  phone?: string | null;
  email?: string | null;
}

/**
 * Adds an agency to a unit, with its audit event, in one transaction. The caller has already
 * checked that the actor may (canCreateAgency); seeding calls it as the system.
 */
export async function createAgency(
  ctx: { db: Kysely<DB>; clock: Clock },
  actor: AuditInput['actor'],
  input: CreateAgencyInput,
): Promise<number> {
  // In the caller's transaction when it is one (an import writes all its rows together).
  return inTransaction(ctx.db, async (trx) => {
    if (!(await agencyKindExists(trx, input.kind))) throw badRequest('agency_unknown_kind', { kind: input.kind });
    const values = {
      unitId: input.unit.id,
      kind: input.kind,
      name: input.name.trim(),
      names: input.names ?? {},
      phone: input.phone ?? null,
      email: input.email ?? null,
    };
    const id = await insertAgency(trx, values);
    await appendAudit(trx, {
      actor,
      action: 'agency.created',
      subjectType: 'agency',
      subjectId: id,
      unitId: input.unit.id,
      changes: { unit: input.unit.code, kind: values.kind, name: values.name, names: values.names, phone: values.phone, email: values.email },
      at: ctx.clock.now(),
    });
    return id;
  });
}
