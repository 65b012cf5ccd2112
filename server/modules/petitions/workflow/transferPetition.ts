/**
 * transfer: sends the petition sideways to the unit or agency competent for it, which then
 * accepts or rejects it (status transferred). Counted: transfer_count.
 */
import type { AppContext } from '../../../platform/context.ts';
import { loadCalendar, localDateTime } from '../../../platform/calendar.ts';
import { badRequest } from '../../../platform/errors.ts';
import { findAgency, findUnitByCode, reportedReach } from '../petitions.queries.ts';
import { tellOfficials, tellResidents } from '../petitions.notify.ts';
import { unitWithinReachOf } from '../petitions.policy.ts';
import { actOnCase, firstTime, increment, recordStatusChange, unitOf, type CommandActor } from './shared.ts';
import { moveCase, receiversAt } from './moveCase.ts';

interface TransferInput {
  toUnit?: string;
  toAgency?: number;
  reason: string;
  version?: number;
}

export async function transferPetition(ctx: AppContext, actor: CommandActor, id: number, input: TransferInput): Promise<number> {
  if ((input.toUnit === undefined) === (input.toAgency === undefined)) throw badRequest('transfer_target_required');
  const cal = await loadCalendar(ctx.db);
  return actOnCase(ctx, actor, id, 'transfer', input.version, async (trx, p, now) => {
    let agencyId: number | null = null;
    let unitId: number;
    if (input.toUnit !== undefined) {
      const unit = await findUnitByCode(trx, input.toUnit, now);
      if (!unit) throw badRequest('unknown_unit', { code: input.toUnit });
      unitId = unit.id;
    } else {
      const agency = await findAgency(trx, input.toAgency!);
      if (!agency) throw badRequest('unknown_agency', { id: input.toAgency });
      agencyId = agency.id;
      unitId = agency.unit_id;
    }
    if (unitId === p.unit_id && (agencyId === null || agencyId === p.agency_id)) throw badRequest('transfer_to_same_place');
    const from = await unitOf(trx, p.unit_id);
    const to = await unitOf(trx, unitId);
    // Not to where the official a conduct report is about could manage those who receive it.
    const reported = await reportedReach(trx, p);
    if (reported && unitWithinReachOf(reported, to.path)) throw badRequest('transfer_within_reported_reach');
    // The due time is provisional until the receiving unit accepts it.
    const { ackDueAt } = await moveCase(trx, cal, p, {
      to,
      agencyId,
      status: 'transferred',
      facts: { transfer_count: increment('transfer_count'), transferred_at: firstTime('transferred_at', now) },
    }, now);
    await recordStatusChange(trx, actor, p, now, {
      to: 'transferred',
      event: { type: 'transferred', unit_id: to.id, reason: input.reason, data: { fromUnitId: from.id, toUnitId: to.id, agencyId }, visibility: 'public' },
      audit: 'transfer',
      auditChanges: { fromUnitId: from.id, toUnitId: to.id, agencyId },
    });
    const occasion = `transfer${p.transfer_count + 1}`;
    await tellOfficials(trx, await receiversAt(trx, p, to.id), 'petition_transferred_official', p.id, {
      trackingCode: p.tracking_code,
      kind: p.kind,
      unit: to.name,
      fromUnit: from.name,
      reason: input.reason,
      ackDueAt: localDateTime(ackDueAt, to.time_zone),
    }, occasion, now);
    await tellResidents(trx, p.id, 'petition_transferred', { unit: to.name, reason: input.reason }, occasion, now);
  });
}
