import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { appendAudit, type AuditInput } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import { badRequest } from '../../../platform/errors.ts';
import { findFrameworkId, writeFramework } from '../scorecards.queries.ts';
import type { FrameworkBody } from '../scorecards.schema.ts';

/** Checks a framework's thresholds and criteria; throws 400 with the first fault. */
function checkFramework(body: Pick<FrameworkBody, 'thresholds' | 'criteria'>): void {
  const t = body.thresholds;
  if (!(t.excellent >= t.good && t.good >= t.completed)) throw badRequest('thresholds_order');
  const seen = new Set<string>();
  for (const c of body.criteria) {
    if (seen.has(c.measure)) throw badRequest('criterion_repeated', { measure: c.measure });
    seen.add(c.measure);
    if (c.worst === c.best) throw badRequest('criterion_scale', { measure: c.measure });
  }
}

/** Sets a unit's framework for a job position (or every position): its criteria and grade thresholds. */
export async function saveFramework(
  ctx: { db: Kysely<DB>; clock: Clock },
  actor: AuditInput['actor'],
  unit: { id: number },
  body: FrameworkBody,
): Promise<number> {
  checkFramework(body);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await findFrameworkId(trx, unit.id, body.position);
    const id = await writeFramework(trx, { id: existing, unitId: unit.id, position: body.position, thresholds: body.thresholds, criteria: body.criteria, by: actor.kind === 'official' ? actor.id : null, at: now });
    await appendAudit(trx, {
      actor,
      action: existing === undefined ? 'scorecard_framework.created' : 'scorecard_framework.changed',
      subjectType: 'scorecard_framework',
      subjectId: id,
      unitId: unit.id,
      changes: { position: body.position, thresholds: body.thresholds, criteria: body.criteria },
      at: now,
    });
    return id;
  });
}
