/**
 * One delivery attempt: POST the stored body, signed with a fresh timestamp. A 2xx answer
 * delivers it; anything else (another status, a refused connection, ten seconds without an
 * answer) is recorded and retried by the jobs table with exponential backoff, the same body and
 * the same delivery id each time; after the last attempt the delivery is marked failed.
 */
import type { AppContext } from '../../platform/context.ts';
import { type JobDefinition, jobHandler } from '../../platform/jobs.ts';
import { deliveryToSend, recordAttempt } from './webhooks.queries.ts';
import { deliverJob } from './webhooks.scan.ts';
import { signWebhook, webhookHeaders } from './webhooks.signature.ts';

/** 10 s, 20 s, 40 s … at most 2 hours between attempts. */
export const deliveryBackoffMs = (failures: number) => Math.min(10_000 * 2 ** (failures - 1), 7_200_000);
const timeoutMs = 10_000;

async function attemptDelivery(ctx: AppContext, deliveryId: string, lastAttempt: boolean): Promise<void> {
  const d = await deliveryToSend(ctx.db, deliveryId);
  if (!d || d.delivered_at || d.failed_at) return;
  const at = ctx.clock.now();
  if (d.disabled_at) {
    await recordAttempt(ctx.db, d.id, { status: null, error: 'subscription disabled', at, delivered: false, failed: true });
    return;
  }
  const timestamp = Math.floor(at.getTime() / 1000);
  let status: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(d.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'ZeroDistance-Webhooks/1',
        [webhookHeaders.id]: d.delivery_id,
        [webhookHeaders.event]: d.event,
        [webhookHeaders.timestamp]: String(timestamp),
        [webhookHeaders.signature]: signWebhook(d.secret, timestamp, d.body),
      },
      body: d.body,
    });
    status = res.status;
    await res.body?.cancel();
  } catch (err) {
    error = (err as Error).message.slice(0, 500);
  }
  const delivered = status !== null && status >= 200 && status < 300;
  await recordAttempt(ctx.db, d.id, { status, error, at, delivered, failed: !delivered && lastAttempt });
  if (!delivered) throw new Error(`webhook delivery ${d.delivery_id} to ${new URL(d.url).host}: ${status ?? error}`);
}

const deliveryJob = jobHandler<{ deliveryId: string }>(deliverJob, (ctx, job) => attemptDelivery(ctx, job.payload.deliveryId, job.attempt >= job.maxAttempts), {
  backoffMs: deliveryBackoffMs,
  leaseMs: 60_000,
});

/** The module's background work, registered by the app with the module. */
export const deliverJobs: JobDefinition[] = [deliveryJob];
