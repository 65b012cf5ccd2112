import type { Actor } from '../../../platform/access.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { conflict } from '../../../platform/errors.ts';
import { deleteSessionsOf, officialById, setDisabled, type OfficialRow } from '../people.queries.ts';
import { loadForChange } from './officialRules.ts';

/** Stops an official from signing in and ends their sessions; their history stays. */
export async function disableOfficial(ctx: AppContext, actor: Actor, officialId: number): Promise<OfficialRow> {
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const { account, grants } = await loadForChange(trx, actor, officialId);
    if (actor.kind === 'official' && actor.id === officialId) throw conflict('cannot_disable_self');
    if (account.disabled_at) throw conflict('already_disabled');
    await setDisabled(trx, officialId, at, at);
    await deleteSessionsOf(trx, officialId);
    await appendAudit(trx, {
      actor,
      action: 'official.disabled',
      subjectType: 'account',
      subjectId: officialId,
      unitId: grants[0]?.unitId ?? null,
      changes: { disabled: true },
      at,
    });
    return (await officialById(trx, officialId))!;
  });
}
