import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
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
  const subjectId = String(input.subjectId);
  const head = await trx
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .where('subject_type', '=', input.subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
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
  await trx
    .insertInto('audit_events')
    .values({
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
    })
    .execute();
}
