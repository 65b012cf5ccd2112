import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import type { Official } from '../../../platform/access.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import { conflict } from '../../../platform/errors.ts';
import { insertService } from '../open311.queries.ts';
import type { CreateServiceBody } from '../open311.schema.ts';

/** Defines an Open311 service for a unit's subtree (no unit: everywhere), with its audit event. */
export async function createService(
  ctx: { db: Kysely<DB>; clock: Clock },
  actor: Official,
  unit: { id: number; code: string } | null,
  body: CreateServiceBody,
): Promise<number> {
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertService(trx, {
      unitId: unit?.id ?? null,
      code: body.code,
      names: body.names,
      descriptions: body.descriptions ?? {},
      kind: body.kind as CreateServiceBody['kind'] & ('question' | 'suggestion' | 'help_request' | 'complaint'),
      category: body.category ?? null,
      group: body.group ?? null,
      keywords: body.keywords ?? '',
      attributes: (body.attributes ?? []).map((a) => ({ ...a, datatype: a.datatype as 'string' })),
    });
    if (!id) throw conflict('open311_service_exists', { unit: unit?.code ?? '-', code: body.code });
    await appendAudit(trx, {
      actor,
      action: 'open311.service_created',
      subjectType: 'open311_service',
      subjectId: id,
      unitId: unit?.id ?? null,
      changes: { unit: unit?.code ?? null, code: body.code, kind: body.kind, attributes: (body.attributes ?? []).map((a) => a.code) },
      at,
    });
    return id;
  });
}
