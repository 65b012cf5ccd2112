/**
 * What the webhook tests share: a receiver on a socket that checks every signature with the
 * clock the deliveries were signed by, and may fail an attempt after it has stored it (a
 * receiver that crashed before answering); and a loop that delivers everything waiting.
 */
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestApp } from '../../test/server.ts';
import { runDueJobs } from '../../platform/jobs.ts';
import { verifyWebhook, webhookHeaders } from './webhooks.signature.ts';
import { scanWebhookEvents } from './webhooks.scan.ts';

export interface Received {
  path: string;
  id: string;
  event: string;
  body: { id: string; event: string; occurredAt: string; unit: string | null; data: Record<string, Record<string, unknown>> };
  raw: string;
}

interface Receiver {
  /** Every attempt that carried a good signature, retries included. */
  seen: Received[];
  /** Attempts refused for a bad signature. */
  bad: number;
  /** The signing secret to check with (given when subscribing)… */
  secret: string;
  /** …or, for a path of its own, that subscription's. */
  secrets: Record<string, string>;
  url: string;
}

/**
 * Starts a receiver for the suite. `fail(received, attempt)` says whether to answer 500 to an
 * attempt it has stored (attempt: how many times it has now seen this delivery id).
 */
export function webhookReceiver(t: () => TestApp, fail: (r: Received, attempt: number) => boolean): Receiver {
  const receiver: Receiver = { seen: [], bad: 0, secret: '', secrets: {}, url: '' };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const secret = receiver.secrets[req.url ?? ''] ?? receiver.secret;
      if (!verifyWebhook(secret, req.headers, raw, Math.floor(t().clock.now().getTime() / 1000))) {
        receiver.bad++;
        res.writeHead(401).end();
        return;
      }
      const r: Received = { path: req.url ?? '', id: String(req.headers[webhookHeaders.id]), event: String(req.headers[webhookHeaders.event]), body: JSON.parse(raw), raw };
      receiver.seen.push(r);
      const attempt = receiver.seen.filter((s) => s.id === r.id).length;
      res.writeHead(fail(r, attempt) ? 500 : 204).end();
    });
  });
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return receiver;
}

/** Each delivery once: the first attempt of every delivery id, with its body. */
export const uniqueDeliveries = (seen: Received[]) => [...new Map(seen.map((r) => [r.id, r])).values()];

/** Scans and runs due jobs, moving the clock past each backoff, until nothing waits. */
export async function deliverAll(t: TestApp): Promise<void> {
  await scanWebhookEvents(t.ctx);
  for (let i = 0; i < 20; i++) {
    await runDueJobs(t.ctx);
    const waiting = await t.ctx.db.selectFrom('webhook_deliveries').select('id').where('delivered_at', 'is', null).where('failed_at', 'is', null).execute();
    if (!waiting.length) return;
    t.clock.advance(60_000);
  }
  assert.fail('deliveries still waiting');
}
