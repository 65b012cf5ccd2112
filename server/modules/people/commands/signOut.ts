import type { Actor } from '../../../platform/access.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { deleteSession } from '../../../platform/sessions.ts';

/** Ends the session the caller signed in with; other sessions of the account stay. */
export async function signOut(ctx: AppContext, actor: Actor, token: string): Promise<void> {
  if (actor.kind === 'anonymous') return;
  await ctx.db.transaction().execute(async (trx) => {
    await deleteSession(trx, token);
    await appendAudit(trx, {
      actor,
      action: 'account.signed_out',
      subjectType: 'account',
      subjectId: actor.id,
      at: ctx.clock.now(),
    });
  });
}
