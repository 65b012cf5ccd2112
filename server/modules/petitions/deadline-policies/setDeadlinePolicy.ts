/**
 * Deadline policies per kind: the deployment default and each country's (administrator of the
 * whole deployment) and overrides per unit (its administrators and leaders), holding for the
 * unit's subtree. A review or re-review needs the steps before it (400 otherwise).
 * A change applies to due times computed from then on; running cases keep theirs.
 */
import type { AppContext } from '../../../platform/context.ts';

/** What setting a policy needs (the demo seed has no more). */
type PolicyContext = Pick<AppContext, 'db' | 'clock'>;
import type { CommandActor } from '../petitions.policy.ts';
import { badRequest, forbidden, notFound } from '../../../platform/errors.ts';
import { deletePolicy, upsertPolicy } from './policies.queries.ts';
import { findUnitByCode } from '../petitions.queries.ts';
import { canEditPolicy } from '../petitions.policy.ts';
import type { PolicyBody } from '../petitions.schema.ts';
import { inTransaction } from '../../../platform/db.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { Channel, PetitionKind } from '../../../contract/domain.ts';

async function unitFor(ctx: PolicyContext, actor: CommandActor, code: string | undefined) {
  if (code === undefined) {
    if (!canEditPolicy(actor, null)) throw forbidden('policy_scope');
    return null;
  }
  const unit = await findUnitByCode(ctx.db, code, ctx.clock.now());
  if (!unit) throw badRequest('unknown_unit', { code });
  if (!canEditPolicy(actor, unit.path)) throw forbidden();
  return unit;
}

export async function setDeadlinePolicy(ctx: PolicyContext, actor: CommandActor, kind: PetitionKind, body: PolicyBody): Promise<void> {
  if (body.unit !== undefined && body.country !== undefined) throw badRequest('policy_unit_or_country');
  const reviewDays = body.reviewDays ?? null;
  const reReviewDays = body.reReviewDays ?? null;
  if (reReviewDays !== null && reviewDays === null) throw badRequest('policy_re_review_needs_review');
  const unit = await unitFor(ctx, actor, body.unit);
  const country = body.country ?? null;
  const now = ctx.clock.now();
  const values = {
    legal_source: body.legalSource ?? null,
    ack_working_days: body.ackWorkingDays,
    ack_day_type: body.ackDayType ?? 'working',
    urgent_ack_working_hours: body.urgentAckWorkingHours ?? null,
    resolution_days: body.resolutionDays,
    urgent_resolution_days: body.urgentResolutionDays ?? null,
    day_type: body.dayType,
    max_extensions: body.maxExtensions ?? null,
    extension_days: body.extensionDays ?? null,
    anonymous_allowed: body.anonymousAllowed,
    reopen_days: body.reopenDays,
    review_request_days: body.reviewRequestDays ?? null,
    review_days: reviewDays,
    re_review_days: reReviewDays,
    auto_escalate: body.autoEscalate ?? false,
    updated_by: actor.kind === 'official' ? actor.id : null,
  };
  await inTransaction(ctx.db, async (trx) => {
    await upsertPolicy(trx, kind, { unitId: unit?.id ?? null, country, channel: body.channel ?? null }, values, now);
    await appendAudit(trx, {
      actor,
      action: 'deadline_policy.set',
      subjectType: 'deadline_policy',
      subjectId: `${kind}:${unit?.code ?? country ?? '*'}${body.channel ? `:${body.channel}` : ''}`,
      unitId: unit?.id ?? null,
      changes: values,
      at: now,
    });
  });
}

export async function removeDeadlinePolicy(
  ctx: PolicyContext,
  actor: CommandActor,
  kind: PetitionKind,
  unitCode: string | undefined,
  channel: Channel | null = null,
): Promise<void> {
  if (unitCode === undefined) throw badRequest('policy_default_required');
  const unit = await unitFor(ctx, actor, unitCode);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    if (!(await deletePolicy(trx, kind, unit!.id, channel))) throw notFound();
    await appendAudit(trx, {
      actor,
      action: 'deadline_policy.remove',
      subjectType: 'deadline_policy',
      subjectId: `${kind}:${unit!.code}${channel ? `:${channel}` : ''}`,
      unitId: unit!.id,
      at: now,
    });
  });
}
