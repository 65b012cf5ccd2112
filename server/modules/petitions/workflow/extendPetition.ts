/**
 * extend: a leader moves the due time later, with the reason. The policy limits how often and
 * by how much (a complaint once, to 45 days; a denunciation twice, 30 days each).
 */
import type { AppContext } from '../../../platform/context.ts';
import { loadCalendar } from '../../../platform/calendar.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import { updateMergedInto, updatePetition } from '../petitions.queries.ts';
import { latestExtension } from '../deadline-policies/petitions.deadlines.ts';
import { actOnCase, auditPetition, increment, policyAt, recordEvent, unitOf, type CommandActor } from './shared.ts';

export async function extendPetition(
  ctx: AppContext,
  actor: CommandActor,
  id: number,
  input: { dueAt: string; reason: string; version?: number },
): Promise<number> {
  const cal = await loadCalendar(ctx.db);
  const dueAt = new Date(input.dueAt);
  return actOnCase(ctx, actor, id, 'extend', input.version, async (trx, p, now) => {
    const unit = await unitOf(trx, p.unit_id);
    const policy = await policyAt(trx, p, unit);
    if (policy.max_extensions !== null && p.extension_count >= policy.max_extensions) {
      throw conflict('extension_limit', { kind: p.kind, max: policy.max_extensions, count: p.extension_count });
    }
    if (dueAt.getTime() <= p.due_at.getTime()) throw badRequest('extension_not_later', { current: p.due_at.toISOString() });
    const latest = latestExtension(cal, policy, p.due_at, unit);
    if (latest && dueAt.getTime() > latest.getTime()) {
      throw badRequest('extension_too_long', { kind: p.kind, days: policy.extension_days, latest: latest.toISOString() });
    }
    await updatePetition(trx, p, { due_at: dueAt, extension_count: increment('extension_count') }, now);
    await updateMergedInto(trx, p.id, { due_at: dueAt }, now);
    await recordEvent(trx, p, actor, now, {
      type: 'extended',
      reason: input.reason,
      data: { from: p.due_at.toISOString(), to: dueAt.toISOString() },
      visibility: 'public',
    });
    await auditPetition(trx, actor, 'extend', p, { from: p.due_at, to: dueAt, extension: p.extension_count + 1 }, now);
  });
}
