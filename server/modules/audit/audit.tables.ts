/** Tables of the audit trail beyond the foundation's audit_events and audit_checkpoints. */
export interface AuditCheckpointHeadsTable {
  checkpoint_id: number;
  event_id: number;
  subject_type: string;
  subject_id: string;
  seq: number;
  hash: string;
}

export interface AuditTables {
  audit_checkpoint_heads: AuditCheckpointHeadsTable;
}
