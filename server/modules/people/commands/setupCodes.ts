/**
 * Setup codes: how an official gets a password without anybody else knowing it. Creating an
 * official or resetting their password sends a code to the official's own phone or e-mail
 * (through the notification outbox); the official enters it with a new password of their
 * choosing (setUpPassword). The code is stored hashed, like residents' sign-in codes.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { locales, type Locale } from '../../../platform/i18n.ts';
import { enqueueNotification } from '../../../platform/notify/outbox.ts';
import { insertCode } from '../people.queries.ts';
import { codeHash } from './sendSignInCode.ts';

const setupCodeValidHours = 24;
const setupCodeDigits = 8;

/** Where an official's setup codes are kept among the one-time codes (no phone or e-mail looks like it). */
export const setupCodeKey = (accountId: number) => `official-setup:${accountId}`;

/** The official's own address for setup codes, or null when none is on file. */
export function setupContact(account: { phone: string | null; email: string | null }) {
  if (account.phone) return { channel: 'sms' as const, address: account.phone };
  if (account.email) return { channel: 'email' as const, address: account.email };
  return null;
}

/**
 * Issues a new setup code (the older ones stop counting: only the latest code is read) and
 * queues it to the official, in the caller's transaction.
 */
export async function issueSetupCode(
  trx: Kysely<DB>,
  account: { id: number; username: string; locale: string | null },
  contact: { channel: 'sms' | 'email'; address: string },
  fallbackLocale: Locale,
  at: Date,
): Promise<void> {
  const code = String(crypto.randomInt(0, 10 ** setupCodeDigits)).padStart(setupCodeDigits, '0');
  const key = setupCodeKey(account.id);
  await insertCode(trx, { destination: key, codeHash: codeHash(key, code), at, expiresAt: new Date(at.getTime() + setupCodeValidHours * 3600_000) });
  const locale = (locales as readonly string[]).includes(account.locale ?? '') ? (account.locale as Locale) : fallbackLocale;
  await enqueueNotification(trx, {
    channel: contact.channel,
    recipient: contact.address,
    template: 'official_setup_code',
    locale,
    params: { code, username: account.username, hours: setupCodeValidHours },
    at,
  });
}
