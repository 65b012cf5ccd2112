/**
 * A unit's rule that answers wait for the responsible leader's approval (for the unit and the
 * units below it). Set or lifted by the unit's administrators and leaders; audited.
 */
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../platform/access.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { badRequest, forbidden } from '../../../platform/errors.ts';
import { dropApproval, findUnitByCode, requireApproval, type UnitRow } from '../petitions.queries.ts';
import { canEditPolicy } from '../petitions.policy.ts';
import { inTransaction } from '../../../platform/db.ts';

export async function setAnswerApproval(ctx: AppContext, actor: Actor, code: string, required: boolean): Promise<UnitRow> {
  const now = ctx.clock.now();
  const unit = await findUnitByCode(ctx.db, code, now);
  if (!unit) throw badRequest('unknown_unit', { code });
  if (!canEditPolicy(actor, unit.path)) throw forbidden();
  await inTransaction(ctx.db, async (trx) => {
    const changed = required
      ? (await requireApproval(trx, unit.id, actor.kind === 'official' ? actor.id : null, now), true)
      : await dropApproval(trx, unit.id);
    if (!changed) return;
    await appendAudit(trx, {
      actor,
      action: 'answer_approval.set',
      subjectType: 'unit',
      subjectId: String(unit.id),
      unitId: unit.id,
      changes: { required },
      at: now,
    });
  });
  return unit;
}
