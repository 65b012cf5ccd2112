/**
 * transfer: sends the petition sideways to the unit or agency competent for it, which then
 * accepts or rejects it (status transferred). Counted: transfer_count.
 */
import type { AppContext } from '../../../platform/context.ts';
import { loadCalendar } from '../../../platform/calendar.ts';
import { badRequest } from '../../../platform/errors.ts';
import { findAgency, findUnitByCode, officialsAtUnit, updatePetition, type PetitionChanges } from '../petitions.queries.ts';
import { ackDue, resolutionDue } from '../petitions.deadlines.ts';
import { localTime, tellOfficials, tellResidents } from '../petitions.notify.ts';
import {
  auditPetition,
  firstTime,
  followCase,
  inTransaction,
  increment,
  loadForAction,
  placeOfUnit,
  policyAt,
  recordEvent,
  unitOf,
  type CommandActor,
} from './shared.ts';

export interface TransferInput {
  toUnit?: string;
  toAgency?: number;
  reason: string;
  version?: number;
}

export async function transferPetition(ctx: AppContext, actor: CommandActor, id: number, input: TransferInput): Promise<number> {
  if ((input.toUnit === undefined) === (input.toAgency === undefined)) throw badRequest('transfer_target_required');
  const now = ctx.clock.now();
  const cal = await loadCalendar(ctx.db);
  return inTransaction(ctx.db, async (trx) => {
    const p = await loadForAction(trx, actor, id, 'transfer', input.version);
    let agencyId: number | null = null;
    let unitId: number;
    if (input.toUnit !== undefined) {
      const unit = await findUnitByCode(trx, input.toUnit, now.toISOString().slice(0, 10));
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
    const policy = await policyAt(trx, p.kind, to);
    const place = placeOfUnit(to);
    const ackDueAt = ackDue(cal, policy, now, p.urgent, place);
    // Provisional until the receiving unit accepts it.
    const dueAt = resolutionDue(cal, policy, now, p.urgent, place);
    const facts: PetitionChanges = {
      transfer_count: increment('transfer_count'),
      transferred_at: firstTime('transferred_at', now),
      due_at: dueAt,
    };
    await updatePetition(trx, p, {
      ...facts,
      status: 'transferred',
      unit_id: to.id,
      unit_path: to.path,
      agency_id: agencyId,
      handler_id: null,
      leader_id: null,
      ack_due_at: ackDueAt,
    }, now);
    await followCase(trx, p.id, facts, now);
    await recordEvent(trx, p, actor, now, {
      type: 'transferred',
      from_status: p.status,
      to_status: 'transferred',
      unit_id: to.id,
      reason: input.reason,
      data: { fromUnitId: from.id, toUnitId: to.id, agencyId },
      visibility: 'public',
    });
    await auditPetition(trx, actor, 'transfer', { id: p.id, unit_id: to.id }, {
      from: p.status,
      to: 'transferred',
      fromUnitId: from.id,
      toUnitId: to.id,
      agencyId,
    }, now);
    const occasion = `transfer${p.transfer_count + 1}`;
    const roles = p.kind === 'conduct_report' ? (['leader'] as const) : (['dispatcher', 'leader'] as const);
    const receivers = (await officialsAtUnit(trx, to.id, roles)).filter((x) => x !== p.reported_official_id);
    await tellOfficials(trx, receivers, 'petition_transferred_official', p.id, {
      trackingCode: p.tracking_code,
      kind: p.kind,
      unit: to.name,
      fromUnit: from.name,
      reason: input.reason,
      ackDueAt: localTime(ackDueAt, to.time_zone),
    }, occasion, now);
    await tellResidents(trx, p.id, 'petition_transferred', { unit: to.name, reason: input.reason }, occasion, now);
    return p.id;
  });
}
