import type { DeliveryRow, SubscriptionRow } from './webhooks.queries.ts';
import type { DeliveryView, SubscriptionView } from './webhooks.schema.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A subscription as administrators see it: never its secret. */
export function presentSubscription(s: SubscriptionRow): SubscriptionView {
  return {
    id: Number(s.id),
    url: s.url,
    unit: s.unit_code === null ? null : { code: s.unit_code, name: s.unit_name ?? s.unit_code },
    events: s.events,
    description: s.description,
    createdAt: s.created_at.toISOString(),
    disabledAt: iso(s.disabled_at),
    deliveries: { delivered: s.delivered, pending: s.pending, failed: s.failed },
    lastStatus: s.last_status,
    lastAttemptAt: iso(s.last_attempt_at),
  };
}

export function presentDelivery(d: DeliveryRow): DeliveryView {
  return {
    id: d.delivery_id,
    event: d.event,
    createdAt: d.created_at.toISOString(),
    attempts: d.attempts,
    lastStatus: d.last_status,
    lastError: d.last_error,
    lastAttemptAt: iso(d.last_attempt_at),
    deliveredAt: iso(d.delivered_at),
    failedAt: iso(d.failed_at),
  };
}
