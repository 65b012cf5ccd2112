import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { appendAudit, type AuditInput } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/errors.ts';
import { conductCase, findFinding, insertFinding, officialHomePath } from '../conduct.queries.ts';
import { canRecordFinding } from '../conduct.policy.ts';
import { normsInForce } from '../conduct.norms.ts';
import type { FindingOutcome } from '../conduct.tables.ts';

/**
 * The responsible leader records whether a conduct report is upheld, which norms were
 * breached and why; only an upheld finding counts in the reported official's scorecard.
 */
export async function recordFinding(
  ctx: { db: Kysely<DB>; clock: Clock },
  actor: AuditInput['actor'] & { kind: 'official' },
  input: { petition: number; outcome: FindingOutcome; norms?: number[]; reasons: string },
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const c = await conductCase(trx, input.petition, true);
    if (!c) throw notFound();
    if (c.kind !== 'conduct_report' || c.reported_official_id === null) throw badRequest('not_a_conduct_report', { id: c.id });
    if (!canRecordFinding(actor, c)) throw forbidden('finding_not_leader');
    if (await findFinding(trx, c.id)) throw conflict('finding_exists');
    const home = (await officialHomePath(trx, c.reported_official_id)) ?? c.unit_path;
    const normIds = await normsInForce(trx, home, now, input.norms);
    await insertFinding(trx, {
      petitionId: c.id,
      officialId: c.reported_official_id,
      unitPath: home,
      outcome: input.outcome,
      normIds,
      reasons: input.reasons.trim(),
      recordedBy: actor.id,
      at: now,
    });
    await appendAudit(trx, {
      actor,
      action: 'conduct_finding.recorded',
      subjectType: 'conduct_finding',
      subjectId: c.id,
      unitId: c.unit_id,
      // Who it is about stays out of the audit trail, like the report itself.
      changes: { outcome: input.outcome, norms: normIds },
      at: now,
    });
  });
}
