import type { Actor } from '../../../platform/access.ts';
import type { AppContext } from '../../../platform/context.ts';
import { conflict } from '../../../platform/errors.ts';
import { deleteSessionsOf, setDisabled, type OfficialRow } from '../people.queries.ts';
import { changeOfficial } from './officialRules.ts';

/** Stops an official from signing in and ends their sessions; their history stays. */
export function disableOfficial(ctx: AppContext, actor: Actor, officialId: number): Promise<OfficialRow> {
  return changeOfficial(ctx, actor, officialId, 'official.disabled', async (trx, { account }, at) => {
    if (actor.kind === 'official' && actor.id === officialId) throw conflict('cannot_disable_self');
    if (account.disabled_at) throw conflict('already_disabled');
    await setDisabled(trx, officialId, at, at);
    await deleteSessionsOf(trx, officialId);
    return { changes: { disabled: true } };
  });
}
