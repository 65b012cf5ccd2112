import type { Generated } from 'kysely';
import type { Timestamp } from '../../schema.ts';

export interface DeadlineSweepStateTable {
  stage: string;
  done_until: Timestamp;
}

export interface DeadlineActionsTable {
  petition_id: number;
  stage: string;
  due_at: Timestamp;
  at: Timestamp;
  notified: Generated<number>;
  escalated_to: number | null;
}

export interface DeadlineTables {
  deadline_sweep_state: DeadlineSweepStateTable;
  deadline_actions: DeadlineActionsTable;
}
