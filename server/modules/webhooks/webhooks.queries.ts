/** All SQL of the webhooks module. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import type { PetitionKind, PetitionStatus } from '../../contract/domain.ts';
import { insertReturningId } from '../../platform/db.ts';

export interface SubscriptionRow {
  id: number;
  url: string;
  unit_id: number | null;
  unit_code: string | null;
  unit_name: string | null;
  unit_path: string;
  events: string[];
  description: string;
  created_at: Date;
  disabled_at: Date | null;
  delivered: number;
  pending: number;
  failed: number;
  last_status: number | null;
  last_attempt_at: Date | null;
}

const subscriptionColumns = sql`s.id, s.url, s.unit_id, u.code AS unit_code, u.name AS unit_name, coalesce(u.path, '/') AS unit_path, s.events,
  s.description, s.created_at, s.disabled_at,
  (SELECT count(*)::int FROM webhook_deliveries d WHERE d.subscription_id = s.id AND d.delivered_at IS NOT NULL) AS delivered,
  (SELECT count(*)::int FROM webhook_deliveries d WHERE d.subscription_id = s.id AND d.delivered_at IS NULL AND d.failed_at IS NULL) AS pending,
  (SELECT count(*)::int FROM webhook_deliveries d WHERE d.subscription_id = s.id AND d.failed_at IS NOT NULL) AS failed,
  l.last_status, l.last_attempt_at`;
const lastAttempt = sql`LEFT JOIN LATERAL (
    SELECT d.last_status, d.last_attempt_at FROM webhook_deliveries d
     WHERE d.subscription_id = s.id AND d.last_attempt_at IS NOT NULL ORDER BY d.last_attempt_at DESC, d.id DESC LIMIT 1) l ON true`;

export async function insertSubscription(
  trx: Kysely<DB>,
  v: { url: string; unitId: number | null; events: string[]; secret: string; description: string; by: number; at: Date },
): Promise<number> {
  return insertReturningId(trx, 'webhook_subscriptions', { url: v.url, unit_id: v.unitId, events: v.events, secret: v.secret, description: v.description, created_by: v.by, created_at: v.at });
}

export async function getSubscription(db: Kysely<DB>, id: number): Promise<SubscriptionRow | undefined> {
  const { rows } = await sql<SubscriptionRow>`SELECT ${subscriptionColumns} FROM webhook_subscriptions s
    LEFT JOIN units u ON u.id = s.unit_id ${lastAttempt} WHERE s.id = ${id}`.execute(db);
  return rows[0];
}

/** Subscriptions whose unit lies in one of the subtrees (a deployment-wide one only for '/'). */
export async function listSubscriptions(db: Kysely<DB>, scope: readonly string[]): Promise<SubscriptionRow[]> {
  if (!scope.length) return [];
  const { rows } = await sql<SubscriptionRow>`SELECT ${subscriptionColumns} FROM webhook_subscriptions s
    LEFT JOIN units u ON u.id = s.unit_id ${lastAttempt}
    WHERE coalesce(u.path, '/') LIKE ANY (${scope.map((p) => `${p}%`)}::text[])
    ORDER BY s.disabled_at IS NOT NULL, s.id DESC LIMIT 200`.execute(db);
  return rows;
}

export async function markDisabled(trx: Kysely<DB>, id: number, by: number, at: Date): Promise<boolean> {
  const r = await trx.updateTable('webhook_subscriptions').set({ disabled_at: at, disabled_by: by }).where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface DeliveryRow {
  delivery_id: string;
  event: string;
  created_at: Date;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  last_attempt_at: Date | null;
  delivered_at: Date | null;
  failed_at: Date | null;
}

export async function recentDeliveries(db: Kysely<DB>, subscriptionId: number, limit: number): Promise<DeliveryRow[]> {
  return db
    .selectFrom('webhook_deliveries')
    .select(['delivery_id', 'event', 'created_at', 'attempts', 'last_status', 'last_error', 'last_attempt_at', 'delivered_at', 'failed_at'])
    .where('subscription_id', '=', subscriptionId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

// ---- finding events ----

interface AuditedEvent {
  id: number;
  action: string;
  subject_id: string;
  occurred_at: Date;
  unit_path: string;
  unit_code: string | null;
}

export async function readCursor(trx: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ last_event_id: number }>`SELECT last_event_id FROM webhook_cursor FOR UPDATE`.execute(trx);
  return Number(rows[0]?.last_event_id ?? 0);
}

/** Audit events of these actions with ids in (from, to], oldest first, and the newest id there is. */
export async function auditedEvents(trx: Kysely<DB>, actions: string[], from: number, to: number): Promise<{ events: AuditedEvent[]; maxId: number }> {
  const { rows } = await sql<AuditedEvent>`
    SELECT e.id, e.action, e.subject_id, e.occurred_at, coalesce(u.path, '/') AS unit_path, u.code AS unit_code
      FROM audit_events e LEFT JOIN units u ON u.id = e.unit_id
     WHERE e.id > ${from} AND e.id <= ${to} AND e.action = ANY (${actions}::text[])
     ORDER BY e.id`.execute(trx);
  const { rows: max } = await sql<{ id: number | null }>`SELECT max(id) AS id FROM audit_events`.execute(trx);
  return { events: rows.map((r) => ({ ...r, id: Number(r.id) })), maxId: Number(max[0]?.id ?? 0) };
}

export async function writeCursor(trx: Kysely<DB>, to: number): Promise<void> {
  await sql`UPDATE webhook_cursor SET last_event_id = greatest(last_event_id, ${to})`.execute(trx);
}

interface LiveSubscription {
  id: number;
  events: string[];
  unit_path: string;
  created_at: Date;
}

export async function liveSubscriptions(trx: Kysely<DB>): Promise<LiveSubscription[]> {
  const { rows } = await sql<LiveSubscription>`
    SELECT s.id, s.events, coalesce(u.path, '/') AS unit_path, s.created_at
      FROM webhook_subscriptions s LEFT JOIN units u ON u.id = s.unit_id WHERE s.disabled_at IS NULL`.execute(trx);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** New deliveries; one that exists (the same subscription, event and source) is not made again. */
export async function insertDeliveries(
  trx: Kysely<DB>,
  rows: Array<{ deliveryId: string; subscriptionId: number; event: string; sourceId: number; body: string; at: Date }>,
): Promise<string[]> {
  if (!rows.length) return [];
  const inserted = await trx
    .insertInto('webhook_deliveries')
    .values(rows.map((r) => ({ delivery_id: r.deliveryId, subscription_id: r.subscriptionId, event: r.event, source_id: r.sourceId, body: r.body, created_at: r.at })))
    .onConflict((oc) => oc.columns(['subscription_id', 'event', 'source_id']).doNothing())
    .returning('delivery_id')
    .execute();
  return inserted.map((r) => r.delivery_id);
}

// ---- delivering ----

interface DeliveryToSend {
  id: number;
  delivery_id: string;
  event: string;
  body: string;
  url: string;
  secret: string;
  disabled_at: Date | null;
  delivered_at: Date | null;
  failed_at: Date | null;
}

export async function deliveryToSend(db: Kysely<DB>, deliveryId: string): Promise<DeliveryToSend | undefined> {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
    .select(['d.id', 'd.delivery_id', 'd.event', 'd.body', 's.url', 's.secret', 's.disabled_at', 'd.delivered_at', 'd.failed_at'])
    .where('d.delivery_id', '=', deliveryId)
    .executeTakeFirst();
}

export async function recordAttempt(
  db: Kysely<DB>,
  id: number,
  v: { status: number | null; error: string | null; at: Date; delivered: boolean; failed: boolean },
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_status: v.status,
      last_error: v.error,
      last_attempt_at: v.at,
      ...(v.delivered ? { delivered_at: v.at } : {}),
      ...(v.failed ? { failed_at: v.at } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

// ---- what petition events say ----

interface PetitionFacts {
  id: number;
  tracking_code: string;
  kind: PetitionKind;
  category: string | null;
  status: PetitionStatus;
  unit_code: string;
  due_at: Date;
  urgent: boolean;
}

export async function petitionFacts(db: Kysely<DB>, ids: number[]): Promise<PetitionFacts[]> {
  if (!ids.length) return [];
  const { rows } = await sql<PetitionFacts>`
    SELECT p.id, p.tracking_code, p.kind, p.category, p.status, u.code AS unit_code, p.due_at, p.urgent
      FROM petitions p JOIN units u ON u.id = p.unit_id WHERE p.id = ANY (${ids}::bigint[])`.execute(db);
  return rows;
}
