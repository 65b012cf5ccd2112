/**
 * Turning what happened into deliveries. A recurring job reads the audit trail past its cursor
 * for the actions of registered events, makes one delivery per live subscription whose events
 * and subtree match (and that existed when it happened), and schedules each delivery as a job.
 * The read starts a little before the cursor, so that an event whose transaction committed
 * after a later one was read is still found; a delivery made twice is made once (unique per
 * subscription, event and audit event), so each event goes to each subscriber once.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import { type JobDefinition, enqueueJob, recurringJob, wakeJobRunners } from '../../platform/jobs.ts';
import { webhookEventSources } from './webhooks.events.ts';
import { auditedEvents, insertDeliveries, liveSubscriptions, readCursor, writeCursor } from './webhooks.queries.ts';
import { subscriptionWants } from './webhooks.policy.ts';

export const deliverJob = 'webhooks.deliver';
const scanEveryMs = 15_000;
/** How far before the cursor each read starts again. */
const lookBack = 200;
/** How many audit events one pass reads at the most. */
const span = 5000;
/** Attempts before a delivery is marked failed: with deliveryBackoffMs, about five hours. */
const deliveryAttempts = 12;

export async function scanWebhookEvents(ctx: AppContext): Promise<number> {
  const sources = webhookEventSources();
  const made = await ctx.db.transaction().execute(async (trx) => {
    const cursor = await readCursor(trx);
    const from = Math.max(0, cursor - lookBack);
    const { events, maxId } = await auditedEvents(trx, [...new Set(sources.map((s) => s.auditAction))], from, cursor + span);
    const to = Math.min(maxId, cursor + span);
    const subscriptions = events.length ? await liveSubscriptions(trx) : [];
    const at = ctx.clock.now();
    const rows = [];
    for (const source of sources) {
      const mine = events.filter((e) => e.action === source.auditAction);
      const wanted = subscriptions.filter((s) => s.events.includes(source.name));
      if (!mine.length || !wanted.length) continue;
      const described = await source.describe(trx, [...new Set(mine.map((e) => e.subject_id))]);
      for (const e of mine) {
        const data = described.get(e.subject_id);
        if (!data) continue;
        for (const s of wanted.filter((w) => subscriptionWants(w, e))) {
          const deliveryId = crypto.randomUUID();
          const body = JSON.stringify({ id: deliveryId, event: source.name, occurredAt: e.occurred_at.toISOString(), unit: e.unit_code, data });
          rows.push({ deliveryId, subscriptionId: s.id, event: source.name, sourceId: e.id, body, at });
        }
      }
    }
    const inserted = await insertDeliveries(trx, rows);
    for (const deliveryId of inserted) {
      await enqueueJob(trx, { kind: deliverJob, payload: { deliveryId }, key: `webhook:${deliveryId}`, runAt: at, maxAttempts: deliveryAttempts });
    }
    if (to > cursor) await writeCursor(trx, to);
    return inserted.length;
  });
  if (made) wakeJobRunners(50);
  return made;
}

const scanJob = recurringJob('webhooks.scan', scanEveryMs, async (ctx) => {
  await scanWebhookEvents(ctx);
});

/** The module's background work, registered by the app with the module. */
export const scanJobs: JobDefinition[] = [scanJob];
