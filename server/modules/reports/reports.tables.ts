import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../schema.ts';
import type { SteeringRole } from '../../contract/domain.ts';

export interface ReportTargetsTable {
  unit_id: number;
  /** The year the targets are for; null: the unit's default for a year without its own. */
  year: number | null;
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
  /** Addresses the report was e-mailed to when produced (0: nobody to send it to); null before this was kept. */
  mailed_to: number | null;
}


export interface SteeringCommitteesTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  created_by: number | null;
  created_at: Timestamp;
}


export interface SteeringMembersTable {
  id: Generated<number>;
  committee_id: number;
  name: string;
  role: SteeringRole;
  position: string | null;
  account_id: number | null;
  email: string | null;
  position_order: Generated<number>;
  left_on: string | null;
  created_at: Timestamp;
}

export interface SteeringRegulationsTable {
  committee_id: number;
  version: number;
  title: string;
  articles: Json<Array<{ title: string; text: string }>>;
  adopted_on: string;
  created_by: number | null;
  created_at: Timestamp;
}

export interface SteeringMeetingsTable {
  id: Generated<number>;
  committee_id: number;
  held_on: string;
  title: string;
  agenda: Json<string[]>;
  minutes: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface SteeringAttendanceTable {
  meeting_id: number;
  member_id: number;
  present: boolean;
  note: string | null;
}

export interface SteeringDecisionsTable {
  id: Generated<number>;
  meeting_id: number;
  committee_id: number;
  unit_id: number;
  text: string;
  owner_member_id: number;
  due_at: Timestamp;
  status: Generated<'open' | 'done'>;
  done_at: Timestamp | null;
  done_note: string | null;
  overdue_at: Timestamp | null;
  escalated_at: Timestamp | null;
  escalated_to_unit_id: number | null;
  created_at: Timestamp;
}

export interface ReportTables {
  report_targets: ReportTargetsTable;
  reports: ReportsTable;
  steering_committees: SteeringCommitteesTable;
  steering_members: SteeringMembersTable;
  steering_regulations: SteeringRegulationsTable;
  steering_meetings: SteeringMeetingsTable;
  steering_attendance: SteeringAttendanceTable;
  steering_decisions: SteeringDecisionsTable;
}
