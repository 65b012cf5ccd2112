/** accept: received | transferred → accepted. The resolution time now counts from acceptance. */
import type { AppContext } from '../../../platform/context.ts';
import { loadCalendar, localDateTime } from '../../../platform/calendar.ts';
import { updateMergedInto, updatePetition } from '../petitions.queries.ts';
import { resolutionDue } from '../deadline-policies/petitions.deadlines.ts';
import { tellResidents } from '../petitions.notify.ts';
import { actOnCase, firstTime, policyAt, recordStatusChange, unitOf, type CommandActor } from './shared.ts';

export async function acceptPetition(ctx: AppContext, actor: CommandActor, id: number, input: { version?: number }): Promise<number> {
  const cal = await loadCalendar(ctx.db);
  return actOnCase(ctx, actor, id, 'accept', input.version, async (trx, p, now) => {
    const unit = await unitOf(trx, p.unit_id);
    const policy = await policyAt(trx, p, unit);
    const dueAt = resolutionDue(cal, policy, now, p.urgent, unit);
    const first = p.accepted_at === null;
    await updatePetition(trx, p, {
      status: 'accepted',
      accepted_at: firstTime('accepted_at', now),
      due_at: dueAt,
      ...(first ? { original_due_at: dueAt } : {}),
    }, now);
    await updateMergedInto(trx, p.id, { due_at: dueAt }, now);
    await recordStatusChange(trx, actor, p, now, { to: 'accepted', event: { type: 'accepted', visibility: 'public' }, audit: 'accept', auditChanges: { dueAt } });
    await tellResidents(trx, p.id, 'petition_accepted', { unit: unit.name, dueAt: localDateTime(dueAt, unit.time_zone) }, `v${p.version + 1}`, now);
  });
}
