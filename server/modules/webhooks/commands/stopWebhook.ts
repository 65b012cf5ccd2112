import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import type { Official } from '../../../platform/access.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import { conflict } from '../../../platform/errors.ts';
import { markDisabled, type SubscriptionRow } from '../webhooks.queries.ts';

/** Stops a subscription: no new deliveries, and those still waiting are not sent. */
export async function stopWebhook(ctx: { db: Kysely<DB>; clock: Clock }, actor: Official, s: SubscriptionRow): Promise<void> {
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await markDisabled(trx, s.id, actor.id, at))) throw conflict('webhook_already_disabled');
    await appendAudit(trx, { actor, action: 'webhook.stopped', subjectType: 'webhook', subjectId: s.id, unitId: s.unit_id, changes: { url: s.url }, at });
  });
}
