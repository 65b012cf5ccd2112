import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import type { Official } from '../../../platform/access.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import { insertSubscription } from '../webhooks.queries.ts';
import { newWebhookSecret } from '../webhooks.signature.ts';

/** Subscribes a URL to events of a unit's subtree, with its audit event; returns the secret, shown once. */
export async function subscribeWebhook(
  ctx: { db: Kysely<DB>; clock: Clock },
  actor: Official,
  input: { url: string; unit: { id: number; code: string } | null; events: string[]; description: string },
): Promise<{ id: number; secret: string }> {
  const at = ctx.clock.now();
  const secret = newWebhookSecret();
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertSubscription(trx, { url: input.url, unitId: input.unit?.id ?? null, events: input.events, secret, description: input.description, by: actor.id, at });
    await appendAudit(trx, {
      actor,
      action: 'webhook.subscribed',
      subjectType: 'webhook',
      subjectId: id,
      unitId: input.unit?.id ?? null,
      changes: { url: input.url, unit: input.unit?.code ?? null, events: input.events },
      at,
    });
    return { id, secret };
  });
}
