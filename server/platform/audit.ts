import crypto from 'node:crypto';
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { AuditEventsTable, DB } from '../schema.ts';
import type { Actor } from './access.ts';

export interface AuditInput {
  actor: Actor | { kind: 'system'; label: string };
  action: string;
  subjectType: string;
  subjectId: string | number;
  unitId?: number | null;
  changes?: Record<string, unknown>;
  at: Date;
}

export const genesisHash = '0'.repeat(64);

/** JSON with keys sorted at every depth: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface HashedFields {
  occurredAt: Date;
  actorId: number | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string;
  unitId: number | null;
  changes: unknown;
  seq: number;
  prevHash: string;
}

export function eventHash(e: HashedFields): string {
  const text = canonicalJson({ ...e, occurredAt: e.occurredAt.toISOString() });
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** An event as stored in audit_events. */
export type StoredEvent = Selectable<AuditEventsTable>;

/** The hash a stored event should carry; `changes` stands in for its own when given (a test's rewrite). */
export function storedEventHash(row: StoredEvent, changes: unknown = row.changes): string {
  return eventHash({
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    unitId: row.unit_id,
    changes,
    seq: row.seq,
    prevHash: row.prev_hash,
  });
}

function actorFields(actor: AuditInput['actor']): { actorId: number | null; actorLabel: string } {
  switch (actor.kind) {
    case 'official':
      return { actorId: actor.id, actorLabel: `official:${actor.username}` };
    case 'resident':
      return { actorId: actor.id, actorLabel: `resident:${actor.id}` };
    case 'anonymous':
      return { actorId: null, actorLabel: 'anonymous' };
    case 'system':
      return { actorId: null, actorLabel: `system:${actor.label}` };
  }
}

/**
 * Appends an event to its subject's chain. Call it inside the transaction of the change it
 * records. Two writers on one subject cannot both append the same seq (unique key), and a
 * command already holds its subject's row lock, so chains never fork.
 */
export async function appendAudit(trx: Kysely<DB>, input: AuditInput): Promise<void> {
  const head = await trx
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .where('subject_type', '=', input.subjectType)
    .where('subject_id', '=', String(input.subjectId))
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  await trx.insertInto('audit_events').values(auditEventRow(input, head)).execute();
}

/**
 * The row of an audit event that follows `head` in its subject's chain; without a head, the
 * first event of a new subject (seq 1 after the genesis hash). A command that has just
 * created its subject writes this row without looking for a head that cannot exist.
 */
export function auditEventRow(input: AuditInput, head?: { seq: number; hash: string }): Insertable<AuditEventsTable> {
  const subjectId = String(input.subjectId);
  // Stored timestamps keep microseconds; a JS Date has milliseconds, so it round-trips exactly.
  const occurredAt = new Date(input.at.getTime());
  const fields: HashedFields = {
    occurredAt,
    ...actorFields(input.actor),
    action: input.action,
    subjectType: input.subjectType,
    subjectId,
    unitId: input.unitId ?? null,
    changes: input.changes ?? {},
    seq: head ? head.seq + 1 : 1,
    prevHash: head ? head.hash : genesisHash,
  };
  return {
    occurred_at: occurredAt,
    actor_id: fields.actorId,
    actor_label: fields.actorLabel,
    action: fields.action,
    subject_type: fields.subjectType,
    subject_id: subjectId,
    unit_id: fields.unitId,
    changes: canonicalJson(fields.changes),
    seq: fields.seq,
    prev_hash: fields.prevHash,
    hash: eventHash(fields),
  };
}

// ---- checkpoints: sealing every chain's head ----

/** Checkpoint writers on one database take turns (several server processes run the job). */
const checkpointLock = 7261010;
const headsBatch = 5000;

export const sha256Hex = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

interface CheckpointFields {
  createdAt: Date;
  maxEventId: number;
  eventCount: number;
  headsHash: string;
  prevHash: string;
}

export function checkpointHash(c: CheckpointFields): string {
  return sha256Hex(canonicalJson({ ...c, createdAt: c.createdAt.toISOString() }));
}

export interface HeadRow {
  event_id: number;
  subject_type: string;
  subject_id: string;
  seq: number;
  hash: string;
}

/** The hash over a checkpoint's head rows, fed in event_id order. */
export function headsHasher(): { add(row: HeadRow): void; digest(): string } {
  const h = crypto.createHash('sha256');
  return {
    add: (r) => void h.update(`${canonicalJson([r.event_id, r.subject_type, r.subject_id, r.seq, r.hash])}\n`),
    digest: () => h.digest('hex'),
  };
}

interface AuditCheckpoint {
  id: number;
  createdAt: Date;
  /** Every event up to this id is sealed. */
  maxEventId: number;
  /** Events with an id up to maxEventId. */
  eventCount: number;
  /** Chains whose head this checkpoint recorded (those that grew since the previous one). */
  heads: number;
  hash: string;
}

/**
 * Seals the head of every chain that grew since the previous checkpoint, as of the highest
 * event id below which every event is committed, in a checkpoint linked to the previous one.
 * After it, deleting the last events of a chain, or a whole chain, is detected too.
 * Returns null when no event was added since the previous checkpoint. Safe to run from
 * several processes at once (they take turns) and to repeat.
 *
 * Event ids are taken when an INSERT runs, not when it commits, so the highest id is not
 * yet a safe horizon: a transaction holding a lower id may still be open. A SHARE lock on
 * audit_events waits for every open writer and is released at once (a lock taken after a
 * savepoint goes with ROLLBACK TO it): writers wait only for that moment, never for the
 * checkpoint's work.
 */
export async function writeAuditCheckpoint(
  db: Kysely<DB>,
  at: Date,
  opts: { lockTimeoutMs?: number } = {},
): Promise<AuditCheckpoint | null> {
  const lockTimeoutMs = Math.max(1, Math.trunc(opts.lockTimeoutMs ?? 10_000));
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${checkpointLock})`.execute(trx);
    const previous = await trx.selectFrom('audit_checkpoints').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
    await sql.raw(`SET LOCAL lock_timeout = ${lockTimeoutMs}`).execute(trx);
    await sql`SAVEPOINT audit_horizon`.execute(trx);
    await sql`LOCK TABLE audit_events IN SHARE MODE`.execute(trx);
    const { rows } = await sql<{ horizon: number }>`SELECT coalesce(max(id), 0)::bigint AS horizon FROM audit_events`.execute(trx);
    await sql`ROLLBACK TO SAVEPOINT audit_horizon`.execute(trx);
    const horizon = rows[0].horizon;
    const from = previous?.max_event_id ?? 0;
    if (horizon <= from) return null;

    const createdAt = new Date(at.getTime());
    const { id } = await trx
      .insertInto('audit_checkpoints')
      .values({ created_at: createdAt, max_event_id: horizon, event_count: 0, heads_hash: '', prev_hash: '', hash: '' })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Within a chain ids grow with seq (seq n+1 is written after seq n committed), so the
    // head as of the horizon is the chain's event with the highest seq in the range.
    await sql`
      INSERT INTO audit_checkpoint_heads (checkpoint_id, event_id, subject_type, subject_id, seq, hash)
      SELECT DISTINCT ON (subject_type, subject_id) ${id}::bigint, id, subject_type, subject_id, seq, hash
        FROM audit_events
       WHERE id > ${from} AND id <= ${horizon}
       ORDER BY subject_type, subject_id, seq DESC`.execute(trx);
    const added = await sql<{ n: number }>`
      SELECT count(*)::bigint AS n FROM audit_events WHERE id > ${from} AND id <= ${horizon}`.execute(trx);

    const hasher = headsHasher();
    let heads = 0;
    for (let after = 0; ; ) {
      const batch = await trx
        .selectFrom('audit_checkpoint_heads')
        .select(['event_id', 'subject_type', 'subject_id', 'seq', 'hash'])
        .where('checkpoint_id', '=', id)
        .where('event_id', '>', after)
        .orderBy('event_id')
        .limit(headsBatch)
        .execute();
      for (const row of batch) hasher.add(row);
      heads += batch.length;
      if (batch.length < headsBatch) break;
      after = batch[batch.length - 1].event_id;
    }
    const fields: CheckpointFields = {
      createdAt,
      maxEventId: horizon,
      eventCount: (previous?.event_count ?? 0) + added.rows[0].n,
      headsHash: hasher.digest(),
      prevHash: previous?.hash ?? genesisHash,
    };
    const hash = checkpointHash(fields);
    await trx
      .updateTable('audit_checkpoints')
      .set({ event_count: fields.eventCount, heads_hash: fields.headsHash, prev_hash: fields.prevHash, hash })
      .where('id', '=', id)
      .execute();
    return { id, createdAt, maxEventId: horizon, eventCount: fields.eventCount, heads, hash };
  });
}
