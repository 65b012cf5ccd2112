import { badRequest, forbidden } from '../../../platform/errors.ts';
import { localDay } from '../../../platform/calendar.ts';
import type { MatterActionBody } from '../deliberation.schema.ts';
import { councilMembers, type MatterRow } from '../deliberation.queries.ts';
import type { StepContext } from './matterStep.ts';
import { openEvaluation } from './openEvaluation.ts';
import { commentOnMatter } from './commentOnMatter.ts';
import { submitForReview } from './submitForReview.ts';
import { reviewMatter } from './reviewMatter.ts';
import { resolveMatter } from './resolveMatter.ts';
import { addTask } from './addTask.ts';
import { reportProgress } from './reportProgress.ts';
import { submitForInspection } from './submitForInspection.ts';
import { inspectMatter } from './inspectMatter.ts';

function need<T>(action: string, field: string, value: T | undefined): T {
  if (value === undefined) throw badRequest('matter_action_field', { action, field });
  return value;
}

/** Picks the command of an action, after checking that the fields it needs are there. */
export async function runMatterAction(ctx: StepContext, m: MatterRow, body: MatterActionBody, manager: boolean): Promise<void> {
  const a = body.type;
  const actor = ctx.actor;
  const accountId = actor.kind === 'official' || actor.kind === 'resident' ? actor.id : null;
  switch (a) {
    case 'open_evaluation':
      return openEvaluation(ctx, m.id);
    case 'comment':
      await commentOnMatter(ctx, m.id, { body: need(a, 'body', body.body), accountId, authorName: actor.kind === 'resident' || actor.kind === 'official' ? actor.name : '' });
      return;
    case 'evaluate': {
      // A member writes their own evaluation; the council's staff may record one for a member.
      let member = body.member;
      if (!manager) {
        const own = (await councilMembers(ctx.db, [m.council_id])).find((x) => x.account_id !== null && Number(x.account_id) === accountId);
        if (!own || (member !== undefined && member !== Number(own.id))) throw forbidden();
        member = Number(own.id);
      }
      await commentOnMatter(ctx, m.id, { body: need(a, 'body', body.body), accountId, authorName: '', member: need(a, 'member', member) });
      return;
    }
    case 'submit_for_review':
      return submitForReview(ctx, m.id);
    case 'review':
      return reviewMatter(ctx, m.id, { outcome: need(a, 'outcome', body.outcome), reason: body.reason });
    case 'resolve':
      await resolveMatter(ctx, m.id, {
        heldOn: need(a, 'heldOn', body.heldOn),
        present: need(a, 'present', body.present),
        for: need(a, 'for', body.for),
        against: need(a, 'against', body.against),
        abstain: need(a, 'abstain', body.abstain),
        minutes: body.minutes,
      });
      return;
    case 'add_task':
      await addTask(ctx, m.id, { title: need(a, 'title', body.title), owner: need(a, 'owner', body.owner), dueOn: need(a, 'dueOn', body.dueOn) });
      return;
    case 'report_progress':
      return reportProgress(ctx, m.id, {
        task: need(a, 'task', body.task),
        progress: need(a, 'progress', body.progress),
        spent: body.spent ?? 0,
        photos: body.photos ?? [],
        note: body.note ?? '',
        reportedOn: localDay(ctx.now, m.unit_time_zone),
      });
    case 'submit_for_inspection':
      return submitForInspection(ctx, m.id);
    case 'inspect':
      return inspectMatter(ctx, m.id, { accountId, verdicts: need(a, 'verdicts', body.verdicts) });
  }
}
