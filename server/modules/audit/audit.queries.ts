import { sql, type Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import type { StoredEvent } from '../../platform/audit.ts';
import type { AuditScope } from './audit.policy.ts';

/** An event as the audit pages read it: its unit by code and name, not its chain links. */
export type AuditEventRow = Omit<StoredEvent, 'unit_id' | 'seq' | 'prev_hash' | 'hash'> & { unit_code: string | null; unit_name: string | null };

export interface AuditFilter {
  scope: AuditScope;
  subject?: { type: string; id: string };
  unitPath?: string;
  beforeId?: number;
  limit: number;
}

/**
 * Newest first, within the reader's units; one more than `limit` so the caller knows whether
 * more follow. What the subject's own view hides is filtered after (audit.views.ts).
 */
export async function listAuditEvents(db: Kysely<DB>, filter: AuditFilter): Promise<AuditEventRow[]> {
  let q = db
    .selectFrom('audit_events as e')
    .leftJoin('units as u', 'u.id', 'e.unit_id')
    .select([
      'e.id',
      'e.occurred_at',
      'e.actor_id',
      'e.actor_label',
      'e.action',
      'e.subject_type',
      'e.subject_id',
      'u.code as unit_code',
      'u.name as unit_name',
      'e.changes',
    ])
    .orderBy('e.id', 'desc')
    .limit(filter.limit + 1);
  const { scope, subject, unitPath, beforeId } = filter;
  if (!scope.all) {
    if (scope.prefixes.length === 0) return [];
    q = q.where(sql<boolean>`(${sql.join(scope.prefixes.map((p) => sql`u.path like ${`${p}%`}`), sql` or `)})`);
  }
  if (subject) q = q.where('e.subject_type', '=', subject.type).where('e.subject_id', '=', subject.id);
  if (unitPath !== undefined) q = q.where('u.path', 'like', `${unitPath}%`);
  if (beforeId !== undefined) q = q.where('e.id', '<', beforeId);
  return q.execute();
}

export function latestCheckpoint(db: Kysely<DB>) {
  return db.selectFrom('audit_checkpoints').select(['id', 'created_at', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
}
