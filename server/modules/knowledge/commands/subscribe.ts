/**
 * A resident follows a unit, a category or both, by SMS or e-mail, without an account. The
 * first message says what they follow and how to stop (the unsubscribe code); following the
 * same thing again with the same address changes nothing.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../../../platform/context.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { enqueueNotification } from '../../../platform/notify/outbox.ts';
import { badRequest } from '../../../platform/errors.ts';
import { requireUnitIfSent, type UnitRecord } from '../../units/index.ts';
import { normalisePhone, trackingAlphabet } from '../../petitions/index.ts';
import type { Locale } from '../../../platform/i18n.ts';
import { activeSubscription, insertSubscription } from '../knowledge.queries.ts';

interface SubscribeInput {
  unit?: string;
  category?: string;
  channel: 'sms' | 'email';
  phone?: string;
  email?: string;
  locale: Locale;
}

const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function newUnsubscribeCode(): string {
  return [...crypto.randomBytes(10)].map((b) => trackingAlphabet[b % 32]).join('');
}

export function unsubscribeUrl(ctx: Pick<AppContext, 'config'>, code: string): string {
  return `${ctx.config.publicUrl}/unsubscribe?code=${code}`;
}

/** Returns the subscription's id, whether it is new, and the unit followed. */
export async function subscribe(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
  input: SubscribeInput,
): Promise<{ id: number; created: boolean; unit: UnitRecord | null }> {
  const now = ctx.clock.now();
  if (!input.unit && !input.category) throw badRequest('subscription_needs_subject');
  const unit = (await requireUnitIfSent(ctx.db, input.unit, now)) ?? null;
  let recipient: string | null;
  if (input.channel === 'sms') {
    recipient = input.phone ? normalisePhone(input.phone, unit?.country) : null;
    if (!recipient) throw badRequest('subscription_bad_phone');
  } else {
    recipient = input.email?.trim().toLowerCase() ?? null;
    if (!recipient || !email.test(recipient)) throw badRequest('subscription_bad_email');
  }
  const category = input.category ?? null;
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await activeSubscription(trx, { channel: input.channel, recipient: recipient!, unitId: unit?.id ?? null, category });
    if (existing) return { id: existing.id, created: false, unit };
    const code = newUnsubscribeCode();
    const id = await insertSubscription(trx, { unitId: unit?.id ?? null, unitPath: unit?.path ?? null, category, channel: input.channel, recipient: recipient!, locale: input.locale, code, at: now });
    // The audit trail names what is followed and how, never the address.
    await appendAudit(trx, {
      actor: { kind: 'anonymous' },
      action: 'subscription.created',
      subjectType: 'subscription',
      subjectId: id,
      unitId: unit?.id ?? null,
      changes: { channel: input.channel, category, unit: unit?.code ?? null },
      at: now,
    });
    await enqueueNotification(trx, {
      channel: input.channel,
      recipient: recipient!,
      template: 'subscription_started',
      locale: input.locale,
      params: { followed: [unit ? (unit.names?.[input.locale] || unit.name) : null, category].filter(Boolean).join(' · '), unsubscribeUrl: unsubscribeUrl(ctx, code), code },
      dedupeKey: `subscription:${id}:started`,
      at: now,
    });
    return { id, created: true, unit };
  });
}
