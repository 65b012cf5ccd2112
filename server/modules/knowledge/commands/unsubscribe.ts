/** The code in every message ends its subscription, without sign-in. An unknown code is 404. */
import type { AppContext } from '../../../platform/context.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { notFound } from '../../../platform/errors.ts';
import { endSubscription, subscriptionByCode, type SubscriptionRow } from '../knowledge.queries.ts';

export async function unsubscribe(ctx: Pick<AppContext, 'db' | 'clock'>, code: string): Promise<SubscriptionRow> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const s = await subscriptionByCode(trx, code.trim().toUpperCase());
    if (!s) throw notFound();
    if (await endSubscription(trx, s.id, now)) {
      await appendAudit(trx, { actor: { kind: 'anonymous' }, action: 'subscription.ended', subjectType: 'subscription', subjectId: s.id, unitId: s.unit_id, changes: {}, at: now });
    }
    return { ...s, unsubscribed_at: s.unsubscribed_at ?? now };
  });
}
