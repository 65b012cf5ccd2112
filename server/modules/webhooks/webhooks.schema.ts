import { Type, type Static } from 'typebox';
import { Nullable, UnitCode, UnitRef } from '../../platform/shapes.ts';

const DateTime = Type.String({ format: 'date-time' });

export const SubscriptionView = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  unit: Nullable(UnitRef, 'the unit whose subtree it covers; null: the whole deployment'),
  events: Type.Array(Type.String()),
  description: Type.String(),
  createdAt: DateTime,
  disabledAt: Nullable(DateTime),
  deliveries: Type.Object({ delivered: Type.Integer(), pending: Type.Integer(), failed: Type.Integer() }),
  lastStatus: Nullable(Type.Integer({ description: 'the HTTP status of the last attempt; null when it got no answer' })),
  lastAttemptAt: Nullable(DateTime),
});
export type SubscriptionView = Static<typeof SubscriptionView>;

export const CreatedSubscription = Type.Intersect([
  SubscriptionView,
  Type.Object({ secret: Type.String({ description: 'the signing secret: shown this once' }) }),
]);
export type CreatedSubscription = Static<typeof CreatedSubscription>;

export const SubscriptionList = Type.Object({ items: Type.Array(SubscriptionView) });

export const CreateSubscriptionBody = Type.Object(
  {
    url: Type.String({ minLength: 8, maxLength: 2000 }),
    unit: Type.Optional(UnitCode()),
    events: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { minItems: 1, maxItems: 50, uniqueItems: true }),
    description: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type CreateSubscriptionBody = Static<typeof CreateSubscriptionBody>;

export const SubscriptionParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }, { additionalProperties: false });

export const DeliveryView = Type.Object({
  id: Type.String({ description: 'the delivery id every attempt carries (X-ZD-Webhook-Id)' }),
  event: Type.String(),
  createdAt: DateTime,
  attempts: Type.Integer(),
  lastStatus: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  lastAttemptAt: Nullable(DateTime),
  deliveredAt: Nullable(DateTime),
  failedAt: Nullable(DateTime),
});
export type DeliveryView = Static<typeof DeliveryView>;
export const DeliveryList = Type.Object({ items: Type.Array(DeliveryView) });
export const EventList = Type.Object({ items: Type.Array(Type.String()) });
