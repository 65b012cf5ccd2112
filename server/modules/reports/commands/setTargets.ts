import type { AppContext } from '../../../platform/context.ts';
import { appendAudit, type AuditInput } from '../../../platform/audit.ts';
import { upsertTargets } from '../reports.queries.ts';

interface TargetsInput {
  unit: { id: number; code: string };
  /** The year they are for; null: the unit's default for a year without its own. */
  year: number | null;
  resolutionRate: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
}

/** Sets a unit's targets of a year (or its default) for the three rates (its reports print them), with its audit event. */
export async function setTargets(ctx: Pick<AppContext, 'db' | 'clock'>, actor: AuditInput['actor'], input: TargetsInput): Promise<void> {
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await upsertTargets(trx, {
      unitId: input.unit.id,
      year: input.year,
      resolutionRate: input.resolutionRate,
      onTimeRate: input.onTimeRate,
      satisfactionRate: input.satisfactionRate,
      by: actor.kind === 'official' ? actor.id : null,
      at,
    });
    await appendAudit(trx, {
      actor,
      action: 'report.targets_set',
      subjectType: 'unit',
      subjectId: input.unit.id,
      unitId: input.unit.id,
      changes: { unit: input.unit.code, year: input.year, resolutionRate: input.resolutionRate, onTimeRate: input.onTimeRate, satisfactionRate: input.satisfactionRate },
      at,
    });
  });
}
