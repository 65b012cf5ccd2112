/**
 * The delivery worker, run by every server process in its background pass: claims due rows
 * of the outbox a batch at a time (SKIP LOCKED, so two processes never send one row at the same time), renders
 * the template in the row's locale, hands the message to the channel's transport, and marks
 * the row sent — or schedules a retry with backoff, and after the last attempt marks it failed
 * with the error kept in last_error.
 *
 * A process that dies between handing a message to the transport and marking it sent leaves
 * the row's lease to expire, and the message is sent again: transports get at-least-once,
 * the dedupe key of the outbox keeps the enqueue exactly-once.
 */
import { loadAttachments } from './attachments.ts';
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Locale } from '../i18n.ts';
import { allSecretParams, renderTemplate, secretParams, TemplateError } from './templates.ts';
import { createTransports, PermanentDeliveryError, type Transports } from './transports.ts';
import type { NotificationChannel } from './notify.tables.ts';
import { maskPersonalData } from '../personalData.ts';

/** Waits after the 1st, 2nd … failure: 1 min, 5 min, 30 min, 2 h, 6 h, 12 h; then it has failed. */
export const deliveryBackoffMs = [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 43_200_000];
export const maxDeliveryAttempts = deliveryBackoffMs.length + 1;
/** A send longer than this is presumed lost with its process. */
const sendLeaseMs = 2 * 60_000;

const transportsByContext = new WeakMap<AppContext, Transports>();

/** The transports of a server process, made from its configuration on first use. */
function transportsFor(ctx: AppContext): Transports {
  let transports = transportsByContext.get(ctx);
  if (!transports) {
    transports = createTransports(ctx.config);
    transportsByContext.set(ctx, transports);
  }
  return transports;
}

export async function closeTransports(ctx: AppContext): Promise<void> {
  const transports = transportsByContext.get(ctx);
  if (!transports) return;
  transportsByContext.delete(ctx);
  for (const transport of new Set(Object.values(transports))) await transport.close?.();
}

export interface DeliveryResult {
  sent: number;
  /** Failed this time, to be tried again later. */
  retried: number;
  /** Failed for good. */
  failed: number;
}

interface ClaimedNotification {
  id: number;
  channel: NotificationChannel;
  recipient: string;
  template: string;
  locale: Locale;
  params: Record<string, unknown>;
  attempts: number;
}

/**
 * Rows are claimed and marked a batch at a time, and sent a few at once: one row per round
 * trip held delivery to a fraction of what intake can enqueue. A batch must be sent well
 * within its lease even at the SMS gateway's timeout: 32 rows, 8 at once, 4 rounds.
 */
const claimBatch = 32;
const sendConcurrency = 8;

async function claim(ctx: AppContext, now: Date, token: string, limit: number): Promise<ClaimedNotification[]> {
  const result = await sql<ClaimedNotification>`
    UPDATE notification_outbox
       SET state = 'sending', attempts = attempts + 1, lease_token = ${token},
           locked_until = ${new Date(now.getTime() + sendLeaseMs)}
     WHERE id IN (
       SELECT id FROM notification_outbox
        WHERE (state = 'pending' AND next_attempt_at <= ${now})
           OR (state = 'sending' AND locked_until <= ${now} AND attempts < ${maxDeliveryAttempts})
        ORDER BY next_attempt_at, id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING id, channel, recipient, template, locale, params, attempts`.execute(ctx.db);
  return result.rows.sort((a, b) => a.id - b.id);
}

/**
 * A finished row keeps what shows its delivery (recipient, template, state, times) but not the
 * secret parameters: a sign-in code or an access key must not stay readable in the database.
 */
const withoutSecrets = (names: string[]) => sql<string>`params - ${names}::text[]`;

/**
 * A secret's value replaced in an error text (a gateway may echo the message it refused, or the
 * number it could not reach), and phone and identity numbers masked: the error is kept for
 * operators, who need to know what failed, not to whom.
 */
function scrub(text: string, params: Record<string, unknown>, names: string[]): string {
  let out = maskPersonalData(text);
  for (const name of names) {
    const value = params[name];
    if (value !== undefined && value !== null && String(value).length >= 4) out = out.split(String(value)).join('[redacted]');
  }
  return out;
}

/** A row whose sender died on its last attempt is not tried again. */
async function failAbandoned(ctx: AppContext, now: Date): Promise<void> {
  await ctx.db
    .updateTable('notification_outbox')
    .set({
      state: 'failed',
      lease_token: null,
      locked_until: null,
      last_error: 'the process sending it stopped on the last attempt',
      params: withoutSecrets(allSecretParams()),
    })
    .where('state', '=', 'sending')
    .where('locked_until', '<=', now)
    .where('attempts', '>=', maxDeliveryAttempts)
    .execute();
}

function describeError(error: unknown): string {
  return (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 4000);
}

/**
 * Sends every notification that is due now, a batch at a time, until none is left (or `max`
 * were tried, or `shouldContinue` says stop). Deterministic with a FixedClock.
 */
export async function deliverDueNotifications(
  ctx: AppContext,
  opts: { transports?: Transports; max?: number; shouldContinue?: () => boolean } = {},
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0 };
  const max = opts.max ?? 500;
  await failAbandoned(ctx, ctx.clock.now());
  for (;;) {
    const tried = result.sent + result.retried + result.failed;
    if (tried >= max || !(opts.shouldContinue?.() ?? true)) break;
    const token = crypto.randomUUID();
    const rows = await claim(ctx, ctx.clock.now(), token, Math.min(claimBatch, max - tried));
    if (!rows.length) break;
    const sent: ClaimedNotification[] = [];
    let next = 0;
    const sender = async () => {
      while (next < rows.length) {
        const row = rows[next++];
        try {
          const message = renderTemplate(row.template, row.locale, row.params);
          const transports = opts.transports ?? transportsFor(ctx);
          const attachments = row.channel === 'email' ? await loadAttachments(ctx, row.params) : [];
          await transports[row.channel].send({ channel: row.channel, to: row.recipient, ...message, ...(attachments.length ? { attachments } : {}) });
          sent.push(row);
        } catch (error) {
          await recordFailure(ctx, row, token, error, result);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(sendConcurrency, rows.length) }, sender));
    await markSent(ctx, sent, token);
    result.sent += sent.length;
  }
  return result;
}

/** One statement per template among the sent rows (each template has its own secrets). */
async function markSent(ctx: AppContext, rows: ClaimedNotification[], token: string): Promise<void> {
  const now = ctx.clock.now();
  for (const template of new Set(rows.map((r) => r.template))) {
    await ctx.db
      .updateTable('notification_outbox')
      .set({ state: 'sent', sent_at: now, lease_token: null, locked_until: null, params: withoutSecrets(secretParams(template)) })
      .where('id', 'in', rows.filter((r) => r.template === template).map((r) => r.id))
      .where('lease_token', '=', token)
      .execute();
  }
}

async function recordFailure(ctx: AppContext, row: ClaimedNotification, token: string, error: unknown, result: DeliveryResult): Promise<void> {
  const now = ctx.clock.now();
  const secrets = secretParams(row.template);
  const permanent = error instanceof PermanentDeliveryError || error instanceof TemplateError;
  const last = permanent || row.attempts >= maxDeliveryAttempts;
  const reason = scrub(describeError(error), row.params, secrets);
  ctx.log[last ? 'error' : 'warn'](
    { error: reason.split(row.recipient).join('[recipient]'), notification: row.id, channel: row.channel, attempt: row.attempts },
    last ? 'notification failed for good' : 'notification not delivered, will retry',
  );
  await ctx.db
    .updateTable('notification_outbox')
    .set(
      last
        ? { state: 'failed', lease_token: null, locked_until: null, last_error: reason, params: withoutSecrets(secrets) }
        : {
            state: 'pending',
            next_attempt_at: new Date(now.getTime() + deliveryBackoffMs[row.attempts - 1]),
            lease_token: null,
            locked_until: null,
            last_error: reason,
          },
    )
    .where('id', '=', row.id)
    .where('lease_token', '=', token)
    .execute();
  if (last) result.failed++;
  else result.retried++;
}
