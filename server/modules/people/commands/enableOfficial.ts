import type { Actor } from '../../../platform/access.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { conflict } from '../../../platform/errors.ts';
import { officialById, setDisabled, type OfficialRow } from '../people.queries.ts';
import { loadForChange } from './officialRules.ts';

/** Lets a disabled official sign in again. */
export async function enableOfficial(ctx: AppContext, actor: Actor, officialId: number): Promise<OfficialRow> {
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const { account, grants } = await loadForChange(trx, actor, officialId);
    if (!account.disabled_at) throw conflict('already_enabled');
    await setDisabled(trx, officialId, null, at);
    await appendAudit(trx, {
      actor,
      action: 'official.enabled',
      subjectType: 'account',
      subjectId: officialId,
      unitId: grants[0]?.unitId ?? null,
      changes: { disabled: false },
      at,
    });
    return (await officialById(trx, officialId))!;
  });
}
