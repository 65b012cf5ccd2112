/**
 * In-app notices for officials: what they must hear of (an assignment, a reminder before a
 * due time, an overdue case, an escalation) shows in their workspace, and — when the account
 * has an e-mail address — also arrives by e-mail through the outbox. Written in the same
 * transaction as the change that causes it.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import { defaultLocale, locales, type Locale } from '../i18n.ts';
import { renderTemplate } from './templates.ts';
import { enqueueNotification } from './outbox.ts';

export interface NoticeSubject {
  /** What the notice is about, e.g. 'petition'. */
  type: string;
  id: string | number;
}

export interface NoticeInput {
  accountId: number;
  /** A name given to defineTemplates; shown in the reader's language. */
  template: string;
  params: Record<string, unknown>;
  subject?: NoticeSubject;
  /** Exactly-once: a second notice with the same key is a no-op (e.g. `petition:42:overdue:7`). */
  dedupeKey?: string;
  at: Date;
  /** Also e-mail the official when the account has an address (default true). */
  email?: boolean;
}

function localeOf(value: string | null): Locale {
  return value && (locales as readonly string[]).includes(value) ? (value as Locale) : defaultLocale;
}

/**
 * Records a notice for an official (and queues its e-mail). Returns false when the dedupeKey
 * was already used, true otherwise. Disabled accounts and residents get nothing.
 */
export async function notifyOfficial(trx: Kysely<DB>, input: NoticeInput): Promise<boolean> {
  renderTemplate(input.template, defaultLocale, input.params); // a missing parameter fails here
  const account = await trx
    .selectFrom('accounts')
    .select(['id', 'email', 'locale'])
    .where('id', '=', input.accountId)
    .where('kind', '=', 'official')
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!account) return false;
  const inserted = await trx
    .insertInto('official_notices')
    .values({
      account_id: account.id,
      template: input.template,
      params: JSON.stringify(input.params),
      subject_type: input.subject?.type ?? null,
      subject_id: input.subject ? String(input.subject.id) : null,
      dedupe_key: input.dedupeKey ?? null,
      created_at: input.at,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  if (input.email !== false && account.email) {
    await enqueueNotification(trx, {
      channel: 'email',
      recipient: account.email,
      template: input.template,
      locale: localeOf(account.locale),
      params: input.params,
      dedupeKey: `notice:${inserted.id}:email`,
      at: input.at,
    });
  }
  return true;
}

/** The same notice for several officials (e.g. every dispatcher of the parent unit). */
export async function notifyOfficials(
  trx: Kysely<DB>,
  accountIds: readonly number[],
  input: Omit<NoticeInput, 'accountId'>,
): Promise<number> {
  let count = 0;
  for (const accountId of new Set(accountIds)) {
    const dedupeKey = input.dedupeKey === undefined ? undefined : `${input.dedupeKey}:${accountId}`;
    if (await notifyOfficial(trx, { ...input, accountId, dedupeKey })) count++;
  }
  return count;
}
