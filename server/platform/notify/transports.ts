/**
 * How a rendered notification leaves the server: console (demo and development), SMTP
 * through nodemailer, or an HTTP webhook of an SMS gateway. Chosen from the configuration per
 * channel; a channel with nothing configured prints to the console.
 */
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { NotificationChannel } from './notify.tables.ts';
import type { Attachment } from './attachments.ts';

export interface OutgoingMessage {
  channel: NotificationChannel;
  to: string;
  subject: string;
  text: string;
  /** Files sent with an e-mail (attachments.ts). */
  attachments?: Attachment[];
}

export interface Transport {
  readonly name: string;
  /** Resolves once the message was accepted; throws otherwise. */
  send(message: OutgoingMessage): Promise<void>;
  close?(): Promise<void> | void;
}

export type Transports = Record<NotificationChannel, Transport>;

/** The receiver refused the message for good (an unknown mailbox, a malformed number): no retry. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

/** Prints one readable line per message, so that a demo's one-time sign-in code shows in the terminal. */
export function consoleTransport(write: (line: string) => void = (line) => void process.stdout.write(line)): Transport {
  return {
    name: 'console',
    async send(message) {
      const text = message.text.replace(/\s*\n\s*/g, ' / ').trim();
      write(`[notification] ${message.channel} to ${message.to}: ${message.subject} | ${text}\n`);
    },
  };
}

export function smtpTransport(url: string, from: string): Transport {
  const mailer = nodemailer.createTransport({
    url,
    // nodemailer's own defaults wait minutes; the outbox retries instead.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    name: 'smtp',
    async send(message) {
      try {
        await mailer.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          attachments: message.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
        });
      } catch (e) {
        const code = (e as { responseCode?: number }).responseCode;
        // 5xx: the server will not take this message however often we ask.
        if (code !== undefined && code >= 500 && code < 600) {
          throw new PermanentDeliveryError(`SMTP ${code}: ${(e as Error).message}`);
        }
        throw e;
      }
    },
    close() {
      mailer.close();
    },
  };
}

/** POST { to, text } as JSON; any 2xx answer means the gateway took the message. */
function smsWebhookTransport(url: string, timeoutMs: number): Transport {
  return {
    name: 'sms-webhook',
    async send(message) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to: message.to, text: message.text }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      // Drain the body so the connection is released.
      const body = (await response.text().catch(() => '')).slice(0, 200);
      if (response.ok) return;
      const what = `SMS gateway answered ${response.status}${body ? `: ${body}` : ''}`;
      // A 4xx other than timeout or rate limit is a refusal of this message.
      if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
        throw new PermanentDeliveryError(what);
      }
      throw new Error(what);
    },
  };
}

type TransportConfig = Pick<Config, 'smtpUrl' | 'mailFrom' | 'smsWebhookUrl' | 'smsWebhookTimeoutMs'>;

/** The channels with nothing configured, which print to the console instead of sending. */
function consoleChannels(config: TransportConfig): NotificationChannel[] {
  return [...(config.smtpUrl ? [] : (['email'] as const)), ...(config.smsWebhookUrl ? [] : (['sms'] as const))];
}

/**
 * What the server says at start while a channel prints to the console: those lines hold phone
 * numbers, e-mail addresses, one-time codes and access keys, fit for a trial, not for residents.
 */
export function consoleTransportNotice(config: TransportConfig): string | null {
  const channels = consoleChannels(config);
  if (!channels.length) return null;
  const settings = channels.map((c) => (c === 'email' ? 'ZD_SMTP_URL and ZD_MAIL_FROM' : 'ZD_SMS_WEBHOOK_URL'));
  return (
    `${channels.join(' and ')} notifications are printed to this console, phone numbers, addresses, ` +
    `one-time codes and access keys included: this is for trying the software only. ` +
    `Set ${settings.join(' and ')} before residents use it.`
  );
}

export function createTransports(config: TransportConfig, opts: { write?: (line: string) => void } = {}): Transports {
  const console = consoleTransport(opts.write);
  return {
    email: config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : console,
    sms: config.smsWebhookUrl ? smsWebhookTransport(config.smsWebhookUrl, config.smsWebhookTimeoutMs) : console,
  };
}
