/**
 * escalate: hands the case to the parent unit's dispatchers with the reason (beyond
 * competence, deadline missed, resident appeal). The handler and leader are released; the
 * parent unit assigns its own. Counted: escalation_count, escalated_to_path.
 */
import type { AppContext } from '../../../platform/context.ts';
import { loadCalendar } from '../../../platform/calendar.ts';
import { conflict } from '../../../platform/errors.ts';
import { actOnCase, firstTime, increment, recordStatusChange, unitOf, type CommandActor } from './shared.ts';
import { moveCase, tellSentUp } from './moveCase.ts';
import type { EscalationCause, PetitionStatus } from '../../../contract/domain.ts';

interface EscalateInput {
  reason: string;
  cause?: EscalationCause;
  version?: number;
}

export async function escalatePetition(ctx: AppContext, actor: CommandActor, id: number, input: EscalateInput): Promise<number> {
  const cal = await loadCalendar(ctx.db);
  const cause = input.cause ?? (actor.kind === 'system' ? 'deadline_missed' : 'beyond_competence');
  return actOnCase(ctx, actor, id, 'escalate', input.version, async (trx, p, now) => {
    const from = await unitOf(trx, p.unit_id);
    if (from.parent_id === null) throw conflict('no_parent_unit');
    const parent = await unitOf(trx, from.parent_id);
    // A case already accepted stays accepted: the parent unit assigns it; one never accepted
    // waits for the parent unit's acceptance.
    const status: PetitionStatus = p.accepted_at !== null ? 'accepted' : 'received';
    const highest = p.escalated_to_path !== null && p.escalated_to_path.length <= parent.path.length ? p.escalated_to_path : parent.path;
    const { dueAt } = await moveCase(trx, cal, p, {
      to: parent,
      agencyId: null,
      status,
      facts: {
        escalation_count: increment('escalation_count'),
        escalated_at: firstTime('escalated_at', now),
        escalated_to_path: highest,
        // An answered case sent up on appeal is not resolved any more.
        ...(p.status === 'answered' ? { resolved: false, resolved_at: null, resolved_on_time: null } : {}),
      },
    }, now);
    await recordStatusChange(trx, actor, p, now, {
      to: status,
      event: {
        type: 'escalated',
        unit_id: parent.id,
        reason: input.reason,
        data: { cause, fromUnitId: from.id, previousHandlerId: p.handler_id, previousLeaderId: p.leader_id },
        visibility: 'public',
      },
      audit: 'escalate',
      auditChanges: { cause, fromUnitId: from.id, toUnitId: parent.id, dueAt },
    });

    await tellSentUp(trx, p, { from, to: parent, reason: input.reason, dueAt, occasion: `escalation${p.escalation_count + 1}` }, now);
  });
}
