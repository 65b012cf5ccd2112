import type { AuditEventView } from './audit.schema.ts';
import type { AuditEventRow } from './audit.queries.ts';

/** An audit event as auditors see it. */
export function presentAuditEvent(row: AuditEventRow): AuditEventView {
  return {
    id: row.id,
    at: row.occurred_at.toISOString(),
    actor: { id: row.actor_id, label: row.actor_label },
    action: row.action,
    subject: { type: row.subject_type, id: row.subject_id },
    unit: row.unit_code,
    changes: row.changes,
  };
}
