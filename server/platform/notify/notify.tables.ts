import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../schema.ts';

export type NotificationChannel = 'email' | 'sms';
export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed';

export interface NotificationOutboxTable {
  id: Generated<number>;
  channel: NotificationChannel;
  recipient: string;
  template: string;
  locale: string;
  params: Json<Record<string, unknown>>;
  dedupe_key: string | null;
  state: Generated<OutboxState>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  lease_token: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface OfficialNoticesTable {
  id: Generated<number>;
  account_id: number;
  template: string;
  params: Json<Record<string, unknown>>;
  subject_type: string | null;
  subject_id: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface NotifyTables {
  notification_outbox: NotificationOutboxTable;
  official_notices: OfficialNoticesTable;
}
