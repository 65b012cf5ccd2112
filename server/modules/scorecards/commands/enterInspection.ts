import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { appendAudit, type AuditInput } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import { badRequest, forbidden } from '../../../platform/errors.ts';
import { localDay } from '../../../platform/calendar.ts';
import { findOfficial, insertInspection } from '../scorecards.queries.ts';
import { canActAsSuperior } from '../scorecards.policy.ts';

/** A superior enters what an inspection of public duty found about an official; audited. */
export async function enterInspection(
  ctx: { db: Kysely<DB>; clock: Clock },
  actor: AuditInput['actor'] & { kind: 'official' },
  input: { official: number; foundOn: string; text: string },
): Promise<number> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const o = await findOfficial(trx, input.official);
    if (!o || !o.home) throw badRequest('not_an_official', { id: input.official });
    if (!canActAsSuperior(actor, o.id, o.home.path)) throw forbidden('not_superior');
    if (input.foundOn > localDay(now, o.home.time_zone)) throw badRequest('found_on_future');
    const id = await insertInspection(trx, { officialId: o.id, unitId: o.home.id, unitPath: o.home.path, foundOn: input.foundOn, text: input.text.trim(), by: actor.id, at: now });
    await appendAudit(trx, {
      actor,
      action: 'inspection_finding.entered',
      subjectType: 'inspection_finding',
      subjectId: id,
      unitId: o.home.id,
      changes: { official: o.id, foundOn: input.foundOn, text: input.text.trim() },
      at: now,
    });
    return id;
  });
}
