import type { Generated } from 'kysely';
import type { Timestamp } from '../../schema.ts';

export interface WebhookSubscriptionsTable {
  id: Generated<number>;
  url: string;
  unit_id: number | null;
  events: string[];
  secret: string;
  description: Generated<string>;
  created_by: number | null;
  created_at: Timestamp;
  disabled_at: Timestamp | null;
  disabled_by: number | null;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  delivery_id: string;
  subscription_id: number;
  event: string;
  source_id: number;
  body: string;
  created_at: Timestamp;
  attempts: Generated<number>;
  last_status: number | null;
  last_error: string | null;
  last_attempt_at: Timestamp | null;
  delivered_at: Timestamp | null;
  failed_at: Timestamp | null;
}

export interface WebhookCursorTable {
  one: Generated<boolean>;
  last_event_id: number;
}

export interface WebhookTables {
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_cursor: WebhookCursorTable;
}
