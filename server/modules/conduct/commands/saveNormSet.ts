import type { Kysely } from 'kysely';
import type { DB, LocaleNames } from '../../../schema.ts';
import { appendAudit, type AuditInput } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import { findNormSetByKey, insertNormSet, insertNormSetVersion } from '../conduct.queries.ts';

interface NormSetInput {
  names: LocaleNames;
  norms: Array<{ code: string; texts: LocaleNames }>;
}

function checkCodes(norms: NormSetInput['norms']): void {
  const seen = new Set<string>();
  for (const n of norms) {
    if (seen.has(n.code)) throw badRequest('norm_code_repeated', { code: n.code });
    seen.add(n.code);
  }
}

/** A unit's new code of conduct, as its version 1, in force from now. */
export async function createNormSet(
  ctx: { db: Kysely<DB>; clock: Clock },
  actor: AuditInput['actor'],
  unit: { id: number; code: string },
  key: string,
  input: NormSetInput,
): Promise<number> {
  checkCodes(input.norms);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    if (await findNormSetByKey(trx, unit.id, key)) throw conflict('norm_set_exists', { key });
    const id = await insertNormSet(trx, unit.id, key);
    await insertNormSetVersion(trx, id, { names: input.names, validFrom: now, createdBy: actor.kind === 'official' ? actor.id : null, norms: input.norms });
    await appendAudit(trx, {
      actor,
      action: 'norm_set.created',
      subjectType: 'norm_set',
      subjectId: id,
      unitId: unit.id,
      changes: { unit: unit.code, key, version: 1, norms: input.norms.map((n) => n.code) },
      at: now,
    });
    return id;
  });
}

/**
 * An edit makes the next version, in force from now; earlier versions stay as they were, so
 * what a rating, a finding or a review cited can always be read again.
 */
export async function editNormSet(
  ctx: { db: Kysely<DB>; clock: Clock },
  actor: AuditInput['actor'],
  set: { id: number; unit_id: number },
  input: NormSetInput,
): Promise<number> {
  checkCodes(input.norms);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const version = await insertNormSetVersion(trx, set.id, {
      names: input.names,
      validFrom: now,
      createdBy: actor.kind === 'official' ? actor.id : null,
      norms: input.norms,
    });
    await appendAudit(trx, {
      actor,
      action: 'norm_set.versioned',
      subjectType: 'norm_set',
      subjectId: set.id,
      unitId: set.unit_id,
      changes: { version, norms: input.norms.map((n) => n.code) },
      at: now,
    });
    return version;
  });
}
