import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../schema.ts';

export interface ReportTargetsTable {
  unit_id: number;
  resolution_rate: string | null;
  on_time_rate: string | null;
  satisfaction_rate: string | null;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface ReportsTable {
  id: Generated<number>;
  unit_id: number;
  period: string;
  from_day: string;
  to_day: string;
  audience: 'staff' | 'public';
  locale: string;
  content: Json<unknown>;
  pdf: Buffer;
  sha256: string;
  produced_at: Timestamp;
}

export interface ReportTables {
  report_targets: ReportTargetsTable;
  reports: ReportsTable;
}
