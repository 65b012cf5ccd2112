/**
 * Deadline policies per kind: the deployment default (administrator of the whole deployment)
 * and overrides per unit (its administrators and leaders), holding for the unit's subtree.
 * A change applies to due times computed from then on; running cases keep theirs.
 */
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../platform/access.ts';
import { badRequest, forbidden, notFound } from '../../../platform/errors.ts';
import { deletePolicy, findUnitByCode, upsertPolicy } from '../petitions.queries.ts';
import { canEditPolicy } from '../petitions.policy.ts';
import type { PolicyBody } from '../petitions.schema.ts';
import { inTransaction } from './shared.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { PetitionKind } from '../../../contract/domain.ts';

async function unitFor(ctx: AppContext, actor: Actor, code: string | undefined) {
  if (code === undefined) {
    if (!canEditPolicy(actor, null)) throw forbidden('policy_scope');
    return null;
  }
  const unit = await findUnitByCode(ctx.db, code, ctx.clock.now().toISOString().slice(0, 10));
  if (!unit) throw badRequest('unknown_unit', { code });
  if (!canEditPolicy(actor, unit.path)) throw forbidden();
  return unit;
}

export async function setDeadlinePolicy(ctx: AppContext, actor: Actor, kind: PetitionKind, body: PolicyBody): Promise<void> {
  const unit = await unitFor(ctx, actor, body.unit);
  const now = ctx.clock.now();
  const values = {
    ack_working_days: body.ackWorkingDays,
    urgent_ack_working_hours: body.urgentAckWorkingHours ?? null,
    resolution_days: body.resolutionDays,
    urgent_resolution_days: body.urgentResolutionDays ?? null,
    day_type: body.dayType,
    max_extensions: body.maxExtensions ?? null,
    extension_days: body.extensionDays ?? null,
    anonymous_allowed: body.anonymousAllowed,
    reopen_days: body.reopenDays,
    auto_escalate: body.autoEscalate ?? false,
    updated_by: actor.kind === 'official' ? actor.id : null,
  };
  await inTransaction(ctx.db, async (trx) => {
    await upsertPolicy(trx, kind, unit?.id ?? null, values, now);
    await appendAudit(trx, {
      actor,
      action: 'deadline_policy.set',
      subjectType: 'deadline_policy',
      subjectId: `${kind}:${unit?.code ?? '*'}`,
      unitId: unit?.id ?? null,
      changes: values,
      at: now,
    });
  });
}

export async function removeDeadlinePolicy(ctx: AppContext, actor: Actor, kind: PetitionKind, unitCode: string | undefined): Promise<void> {
  if (unitCode === undefined) throw badRequest('policy_default_required');
  const unit = await unitFor(ctx, actor, unitCode);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    if (!(await deletePolicy(trx, kind, unit!.id))) throw notFound();
    await appendAudit(trx, {
      actor,
      action: 'deadline_policy.remove',
      subjectType: 'deadline_policy',
      subjectId: `${kind}:${unit!.code}`,
      unitId: unit!.id,
      at: now,
    });
  });
}
