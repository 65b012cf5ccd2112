/**
 * The reports module's background work:
 * - the follow-up sweep (every minute): a steering committee's decision past its due time is
 *   marked overdue and its owner and the unit's leaders are told; still open two working days
 *   later (the unit's calendar), it is escalated to the parent unit's leaders — as a petition's
 *   due time is watched. Each step is claimed by a conditional update, so it happens once
 *   whatever the number of processes;
 * - the archive (every hour): on the first working day after a month, quarter or year closes,
 *   each unit with a steering committee or a leader gets its reports produced, archived and
 *   e-mailed.
 */
import type { AppContext } from '../../platform/context.ts';
import { appendAudit } from '../../platform/audit.ts';
import { type JobDefinition, recurringJob } from '../../platform/jobs.ts';
import { notifyOfficials } from '../../platform/notify/notices.ts';
import { localDateTime, loadCalendar } from '../../platform/calendar.ts';
import { officialsAtUnit } from '../petitions/index.ts';
import { followUpsToSweep, getDecision, markEscalated, markOverdue, unitWithParent } from './committees.queries.ts';
import { produceDueReports } from './commands/archiveReport.ts';

const followUpSweepEveryMs = 60_000;
const archiveEveryMs = 3_600_000;
/** Working days a follow-up stays overdue before it goes up the unit tree. */
const escalateAfterWorkingDays = 2;
const sweepActor = { kind: 'system' as const, label: 'follow-up-sweep' };

interface FollowUpSweepResult {
  overdue: number;
  escalated: number;
}

export async function sweepFollowUps(ctx: AppContext): Promise<FollowUpSweepResult> {
  const now = ctx.clock.now();
  const result: FollowUpSweepResult = { overdue: 0, escalated: 0 };
  const calendar = await loadCalendar(ctx.db);
  for (const { id } of await followUpsToSweep(ctx.db, now, 500)) {
    await ctx.db.transaction().execute(async (trx) => {
      const d = await getDecision(trx, id, true);
      if (!d || d.status !== 'open' || d.escalated_at) return;
      const unit = await unitWithParent(trx, d.unit_id);
      if (!unit) return;
      const leaders = await officialsAtUnit(trx, unit.id, ['leader']);
      const params = { unit: unit.name, text: d.text, owner: d.owner_name, due: localDateTime(d.due_at, unit.time_zone) };
      if (!d.overdue_at && (await markOverdue(trx, id, now))) {
        result.overdue++;
        const to = d.owner_account_id ? [d.owner_account_id, ...leaders] : leaders;
        await notifyOfficials(trx, to, { template: 'steering_decision_overdue', params, subject: { type: 'steering_decision', id }, dedupeKey: `steering:${id}:overdue`, at: now });
        await appendAudit(trx, { actor: sweepActor, action: 'steering.decision_overdue', subjectType: 'steering_decision', subjectId: id, unitId: unit.id, at: now });
      }
      const place = unit;
      if (unit.parent_id === null || calendar.workingDaysBetween(d.due_at, now, place) < escalateAfterWorkingDays) return;
      if (!(await markEscalated(trx, id, unit.parent_id, now))) return;
      result.escalated++;
      const above = await officialsAtUnit(trx, unit.parent_id, ['leader']);
      await notifyOfficials(trx, [...above, ...leaders], {
        template: 'steering_decision_escalated',
        params: { ...params, parent: unit.parent_code ?? '' },
        subject: { type: 'steering_decision', id },
        dedupeKey: `steering:${id}:escalated`,
        at: now,
      });
      await appendAudit(trx, { actor: sweepActor, action: 'steering.decision_escalated', subjectType: 'steering_decision', subjectId: id, unitId: unit.id, changes: { to: unit.parent_code }, at: now });
    });
  }
  return result;
}

const followUpsJob = recurringJob('reports.follow_ups', followUpSweepEveryMs, async (ctx) => {
  await sweepFollowUps(ctx);
});

const archiveJob = recurringJob('reports.archive', archiveEveryMs, async (ctx) => {
  await produceDueReports(ctx);
});

/** The module's background work, registered by the app with the module. */
export const reportJobs: JobDefinition[] = [followUpsJob, archiveJob];
