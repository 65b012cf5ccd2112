/**
 * review, re_review: answered | closed → accepted at the unit above. A resident who does not
 * accept the answer asks the unit above the one that answered for a review (复查; in Viet Nam
 * the second complaint), and then, not accepting the review, the unit above that for a
 * re-review (复核). A dispatcher or leader of the answering unit or above records the request. Each step
 * exists only where the rules in force at the answering unit provide it, may be asked for only
 * within the policy's window after the answer, and is due within its own time limit counted
 * from the request (the reviewing unit's policy). Counted: review_stage, reviewed_at,
 * re_reviewed_at.
 */
import type { AppContext } from '../../../platform/context.ts';
import { loadCalendar } from '../../../platform/calendar.ts';
import { conflict } from '../../../platform/errors.ts';
import type { ReviewStage } from '../../../contract/domain.ts';
import { actOnCase, policyAt, recordStatusChange, unitOf, type CommandActor } from './shared.ts';
import { moveCase, tellSentUp } from './moveCase.ts';

interface ReviewInput {
  stage: ReviewStage;
  /** The resident's grounds for not accepting the answer. */
  reason: string;
  version?: number;
}

export async function reviewPetition(ctx: AppContext, actor: CommandActor, id: number, input: ReviewInput): Promise<number> {
  const cal = await loadCalendar(ctx.db);
  const { stage } = input;
  return actOnCase(ctx, actor, id, stage, input.version, async (trx, p, now) => {
    const from = await unitOf(trx, p.unit_id);
    const rules = await policyAt(trx, p, from);
    if ((stage === 'review' ? rules.review_days : rules.re_review_days) === null) {
      throw conflict('review_not_provided', { stage, kind: p.kind });
    }
    const answeredAt = p.last_answered_at ?? p.answered_at;
    if (rules.review_request_days !== null && answeredAt) {
      const latest = cal.addCalendarDays(answeredAt, rules.review_request_days, from, { endOnWorkingDay: true });
      if (now.getTime() > latest.getTime()) {
        throw conflict('review_too_late', { stage, days: rules.review_request_days, latest: latest.toISOString() });
      }
    }
    if (from.parent_id === null) throw conflict('no_parent_unit');
    const reviewer = await unitOf(trx, from.parent_id);
    const { dueAt } = await moveCase(trx, cal, p, {
      to: reviewer,
      agencyId: null,
      // Counted from the request's receipt, as the rules count it: the unit above assigns it.
      status: 'accepted',
      review: stage,
      facts: {
        review_stage: stage,
        ...(stage === 'review' ? { reviewed_at: now } : { re_reviewed_at: now }),
        resolved: false,
        resolved_at: null,
        resolved_on_time: null,
        closed_at: null,
      },
    }, now);
    await recordStatusChange(trx, actor, p, now, {
      to: 'accepted',
      event: {
        type: `${stage}_requested`,
        unit_id: reviewer.id,
        reason: input.reason,
        data: { fromUnitId: from.id, previousHandlerId: p.handler_id, previousLeaderId: p.leader_id },
        visibility: 'public',
      },
      audit: stage,
      auditChanges: { fromUnitId: from.id, toUnitId: reviewer.id, dueAt },
    });

    await tellSentUp(trx, p, { from, to: reviewer, reason: input.reason, dueAt, occasion: stage }, now);
  });
}
