import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { appendAudit, type AuditInput } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import { inTransaction } from '../../../platform/db.ts';
import { badRequest } from '../../../platform/errors.ts';
import { checklistKinds, insertServicePoint, type UnitWithChecklist } from '../service-points.queries.ts';

interface CreateServicePointInput {
  unit: UnitWithChecklist;
  kind: string;
  name: string;
  address?: string | null;
}

/**
 * Adds a service point to a unit, with its audit event, in one transaction. The kind must be on
 * the checklist of the unit's level. The caller has already checked that the actor may.
 */
export async function createServicePoint(
  ctx: { db: Kysely<DB>; clock: Clock },
  actor: AuditInput['actor'],
  input: CreateServicePointInput,
): Promise<number> {
  // In the caller's transaction when it is one (an import writes all its rows together).
  return inTransaction(ctx.db, async (trx) => {
    const kinds = input.unit.checklistLevel ? await checklistKinds(trx, input.unit.checklistLevel) : [];
    if (!kinds.some((k) => k.key === input.kind)) {
      throw badRequest('service_point_kind_not_for_level', { kind: input.kind, level: input.unit.level });
    }
    const values = { unitId: input.unit.id, kind: input.kind, name: input.name.trim(), address: input.address ?? null };
    const id = await insertServicePoint(trx, values);
    await appendAudit(trx, {
      actor,
      action: 'service_point.created',
      subjectType: 'service_point',
      subjectId: id,
      unitId: input.unit.id,
      changes: { unit: input.unit.code, kind: values.kind, name: values.name, address: values.address },
      at: ctx.clock.now(),
    });
    return id;
  });
}
