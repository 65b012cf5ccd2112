/**
 * The notification outbox. A command that causes a message (a petition accepted, a one-time
 * sign-in code) writes it here inside its own transaction: if the transaction commits the
 * message will be delivered, however long the mail server or SMS gateway is down; if it
 * rolls back, nothing is sent. The delivery worker (delivery.ts) does the sending.
 */
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import { locales, type Locale } from '../i18n.ts';
import { renderTemplate, TemplateError } from './templates.ts';
import type { NotificationChannel, NotificationOutboxTable } from './notify.tables.ts';
import { wakeJobRunners } from '../jobs.ts';

export type { NotificationChannel } from './notify.tables.ts';

export interface NotificationInput {
  channel: NotificationChannel;
  /** An e-mail address for 'email', a phone number for 'sms'. */
  recipient: string;
  /** A name given to defineTemplates. */
  template: string;
  /** The language the recipient reads; the template is rendered in it at delivery. */
  locale: Locale;
  /** Values for the template's `{param}` placeholders; stored as JSON. */
  params: Record<string, unknown>;
  /**
   * Makes the notification exactly-once: a second enqueue with the same key is a no-op,
   * e.g. `petition:42:accepted:resident`. Without a key every call sends a message.
   */
  dedupeKey?: string;
  /** When the causing change happened (ctx.clock.now()); the message is due from then. */
  at: Date;
}

/**
 * Queues a notification in the caller's transaction. Returns true when a row was written,
 * false when the dedupeKey was already used. Throws (a programming error) for an unknown
 * template, a missing parameter, an unknown channel or locale, or an empty recipient.
 */
export async function enqueueNotification(trx: Kysely<DB>, input: NotificationInput): Promise<boolean> {
  const inserted = await trx
    .insertInto('notification_outbox')
    .values(outboxRow(input))
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  // Residents wait for sign-in codes: do not leave them to the next poll.
  if (inserted) wakeJobRunners(200);
  return inserted !== undefined;
}

/**
 * The outbox row of a notification, checked as enqueueNotification checks it. For a command
 * that writes it in a statement of its own (then it calls wakeJobRunners itself).
 */
export function outboxRow(input: NotificationInput): Insertable<NotificationOutboxTable> {
  if (input.channel !== 'email' && input.channel !== 'sms') {
    throw new TemplateError(`unknown notification channel ${String(input.channel)}`);
  }
  if (!(locales as readonly string[]).includes(input.locale)) {
    throw new TemplateError(`unknown locale ${String(input.locale)}`);
  }
  const recipient = input.recipient.trim();
  if (!recipient) throw new TemplateError(`notification ${input.template} has no recipient`);
  // Rendering now finds a missing parameter in the command's tests, not in a retry loop.
  renderTemplate(input.template, input.locale, input.params);
  return {
    channel: input.channel,
    recipient,
    template: input.template,
    locale: input.locale,
    params: JSON.stringify(input.params),
    dedupe_key: input.dedupeKey ?? null,
    next_attempt_at: input.at,
    created_at: input.at,
  };
}
