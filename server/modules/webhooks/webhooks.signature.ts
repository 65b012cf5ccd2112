/**
 * How deliveries are signed: HMAC-SHA256 with the subscription's secret over
 * `<timestamp>.<body>`, where the timestamp is Unix seconds, sent in X-ZD-Webhook-Timestamp,
 * and the signature as `v1=<hex>` in X-ZD-Webhook-Signature. A receiver recomputes it, compares
 * in constant time, refuses a timestamp outside its replay window (5 minutes is the advice),
 * and keeps the X-ZD-Webhook-Id values it has seen, for a retry carries the same id.
 */
import crypto from 'node:crypto';

export const webhookHeaders = {
  id: 'x-zd-webhook-id',
  event: 'x-zd-webhook-event',
  timestamp: 'x-zd-webhook-timestamp',
  signature: 'x-zd-webhook-signature',
} as const;

/** Seconds a receiver should accept a delivery after its timestamp. */
export const replayWindowSeconds = 300;

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The check a receiver makes (exported for receivers written in TypeScript, and for tests). */
export function verifyWebhook(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  nowSeconds: number,
  windowSeconds = replayWindowSeconds,
): boolean {
  const timestamp = Number(headers[webhookHeaders.timestamp]);
  const given = String(headers[webhookHeaders.signature] ?? '');
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > windowSeconds) return false;
  const expected = signWebhook(secret, timestamp, body);
  return given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

export const newWebhookSecret = () => `whsec_${crypto.randomBytes(24).toString('base64url')}`;
