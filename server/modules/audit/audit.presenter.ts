import type { ChainVerification } from '../../platform/audit-verify.ts';
import type { AuditEventView, ChainVerificationView } from './audit.schema.ts';
import type { AuditEventRow } from './audit.queries.ts';

/** An audit event as auditors see it. */
export function presentAuditEvent(row: AuditEventRow): AuditEventView {
  return {
    id: row.id,
    at: row.occurred_at.toISOString(),
    actor: { id: row.actor_id, label: row.actor_label },
    action: row.action,
    subject: { type: row.subject_type, id: row.subject_id },
    unit: row.unit_code !== null && row.unit_name !== null ? { code: row.unit_code, name: row.unit_name } : null,
    changes: row.changes,
  };
}

export function presentVerification(
  subject: { type: string; id: string },
  v: ChainVerification,
  latest: { id: number; created_at: Date; hash: string } | undefined,
): ChainVerificationView {
  return {
    subject,
    ok: v.ok,
    events: v.events,
    ...(v.firstBad ? { firstBad: { id: v.firstBad.id, reason: v.firstBad.reason } } : {}),
    sealedBy: v.sealedBy,
    unsealed: v.unsealed,
    latestCheckpoint: latest ? { id: latest.id, createdAt: new Date(latest.created_at).toISOString(), hash: latest.hash } : null,
  };
}
