/**
 * assign: accepted (or assigned, in progress, reopened: a reassignment) → assigned, with the
 * five clear items: content, handler, responsible leader, due time, expected result.
 */
import { localDateTime } from '../../../platform/calendar.ts';
import type { AppContext } from '../../../platform/context.ts';
import { badRequest } from '../../../platform/errors.ts';
import { findAgency, noPendingAnswer, officialWithGrants, reportedReach, updateMergedInto, updatePetition } from '../petitions.queries.ts';
import { tellOfficials, tellResidents } from '../petitions.notify.ts';
import { actOnCase, recordStatusChange, unitOf, type CommandActor } from './shared.ts';
import { contentOf, handlerGrant, leaderGrant, missingClearItems, sameBranch, withinReachOf } from '../petitions.policy.ts';

interface AssignInput {
  agency?: number;
  handler?: number;
  leader?: number;
  content?: string;
  expectedResult?: string;
  dueAt?: string;
  version?: number;
}

export async function assignPetition(ctx: AppContext, actor: CommandActor, id: number, input: AssignInput): Promise<number> {
  return actOnCase(ctx, actor, id, 'assign', input.version, async (trx, p, now) => {

    // A reassignment may change one item and keep the others.
    const handlerId = input.handler ?? p.handler_id;
    const leaderId = input.leader ?? p.leader_id;
    const expectedResult = input.expectedResult ?? p.expected_result;
    const statement = input.content ?? p.content;
    const content = contentOf({ ...p, content: statement });
    const dueAt = input.dueAt ? new Date(input.dueAt) : p.due_at;
    const missing = missingClearItems({ content, handlerId, leaderId, dueAt, expectedResult });
    if (missing.length) throw badRequest('missing_clear_items', { missing: missing.join(', ') }, { missing });

    if (p.reported_official_id !== null && (handlerId === p.reported_official_id || leaderId === p.reported_official_id)) {
      throw badRequest('reported_official_cannot_handle');
    }
    // A conduct report is handled and answered for by people its subject has no power over.
    const reported = await reportedReach(trx, p);
    const handler = await officialWithGrants(trx, handlerId!);
    const leader = await officialWithGrants(trx, leaderId!);
    for (const chosen of [handler, leader]) {
      if (chosen && reported && withinReachOf(reported, chosen)) throw badRequest('chosen_within_reported_reach', { name: chosen.name });
    }
    if (!handler || !handlerGrant(p, handler, reported)) {
      throw badRequest('handler_not_eligible', { id: handlerId });
    }
    if (!leader || !leaderGrant(p, leader, reported)) {
      throw badRequest('leader_not_eligible', { id: leaderId });
    }
    let agencyId = p.agency_id;
    if (input.agency !== undefined) {
      const agency = await findAgency(trx, input.agency);
      if (!agency || !sameBranch(p.unit_path, agency.unit_path)) throw badRequest('unknown_agency', { id: input.agency });
      agencyId = agency.id;
    }
    if (input.dueAt) {
      if (dueAt.getTime() <= now.getTime()) throw badRequest('due_in_past');
      // Moving the due time later is an extension: a leader's decision, counted.
      if (dueAt.getTime() > p.due_at.getTime()) {
        throw badRequest('due_beyond_policy', { dueAt: dueAt.toISOString(), current: p.due_at.toISOString() });
      }
    }

    const unit = await unitOf(trx, p.unit_id);
    await updatePetition(trx, p, {
      status: 'assigned',
      handler_id: handlerId,
      leader_id: leaderId,
      expected_result: expectedResult,
      content: statement,
      agency_id: agencyId,
      due_at: dueAt,
      // a new assignment starts the work again: an answer held for approval is dropped
      ...noPendingAnswer,
    }, now);
    if (dueAt.getTime() !== p.due_at.getTime()) await updateMergedInto(trx, p.id, { due_at: dueAt }, now);
    await recordStatusChange(trx, actor, p, now, {
      to: 'assigned',
      event: { type: 'assigned', data: { handlerId, leaderId, agencyId, dueAt: dueAt.toISOString(), expectedResult, content: statement }, visibility: 'public' },
      audit: 'assign',
      auditChanges: { handlerId, leaderId, agencyId, dueAt, previousHandlerId: p.handler_id },
    });

    const occasion = `v${p.version + 1}`;
    const params = { trackingCode: p.tracking_code, kind: p.kind, unit: unit.name, dueAt: localDateTime(dueAt, unit.time_zone) };
    if (handlerId !== p.handler_id) await tellOfficials(trx, [handlerId!], 'petition_assigned_handler', p.id, params, occasion, now);
    if (leaderId !== p.leader_id) await tellOfficials(trx, [leaderId!], 'petition_assigned_leader', p.id, params, occasion, now);
    if (p.status === 'accepted') {
      await tellResidents(trx, p.id, 'petition_assigned', { unit: unit.name, dueAt: params.dueAt }, occasion, now);
    }
  });
}
