import type { Actor } from '../../../platform/access.ts';
import type { AppContext } from '../../../platform/context.ts';
import { conflict } from '../../../platform/errors.ts';
import { setDisabled, type OfficialRow } from '../people.queries.ts';
import { changeOfficial } from './officialRules.ts';

/** Lets a disabled official sign in again. */
export function enableOfficial(ctx: AppContext, actor: Actor, officialId: number): Promise<OfficialRow> {
  return changeOfficial(ctx, actor, officialId, 'official.enabled', async (trx, { account }, at) => {
    if (!account.disabled_at) throw conflict('already_enabled');
    await setDisabled(trx, officialId, null, at);
    return { changes: { disabled: false } };
  });
}
