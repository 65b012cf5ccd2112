/**
 * Kysely's view of the tables. The foundation's (units, agencies, service points, accounts,
 * grants, sessions, sign-in codes and attempts, audit events) are declared here; the others in
 * their module's `<module>.tables.ts` (or the platform's); this file joins them into one `DB` type.
 */
import type { ColumnType, Generated } from 'kysely';
import type { JobTables } from './platform/jobs.tables.ts';
import type { NotifyTables } from './platform/notify/notify.tables.ts';
import type { PetitionTables } from './modules/petitions/petitions.tables.ts';
import type { AgenciesTables } from './modules/agencies/agencies.tables.ts';
import type { ServicePointsTables } from './modules/service-points/service-points.tables.ts';
import type { AuditTables } from './modules/audit/audit.tables.ts';
import type { CalendarTables } from './platform/calendar.tables.ts';
import type { FiguresTables } from './modules/figures/figures.tables.ts';
import type { DeadlineTables } from './modules/deadlines/deadlines.tables.ts';
import type { KnowledgeTables } from './modules/knowledge/knowledge.tables.ts';
import type { ConductTables } from './modules/conduct/conduct.tables.ts';
import type { DirectoryTables } from './modules/directory/directory.tables.ts';
import type { ScorecardTables } from './modules/scorecards/scorecards.tables.ts';
import type { GatheringTables } from './modules/gatherings/gatherings.tables.ts';
import type { ApiKeysTables } from './modules/api-keys/api-keys.tables.ts';
import type { Open311Tables } from './modules/open311/open311.tables.ts';
import type { DeliberationTables } from './modules/deliberation/deliberation.tables.ts';
import type { WebhookTables } from './modules/webhooks/webhooks.tables.ts';
import type { InsightTables } from './modules/insight/insight.tables.ts';
import type { ReportTables } from './modules/reports/reports.tables.ts';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type Json<T = unknown> = ColumnType<T, string, string>;
export type LocaleNames = { vi?: string; zh?: string; en?: string; [locale: string]: string | undefined };

export interface UnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  names: Json<LocaleNames>;
  level: string;
  parent_id: number | null;
  path: string;
  depth: number;
  country: string;
  time_zone: string;
  valid_from: string | null;
  valid_to: string | null;
  replaced_by_id: number | null;
  search_key: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AgenciesTable {
  id: Generated<number>;
  unit_id: number;
  kind: string;
  name: string;
  names: Json<LocaleNames>;
  phone: string | null;
  email: string | null;
  created_at: Generated<Date>;
}

export interface ServicePointKindsTable {
  key: string;
  level: string;
  required: boolean;
  names: Json<LocaleNames>;
  position: number;
}

export interface ServicePointsTable {
  id: Generated<number>;
  unit_id: number;
  kind: string;
  name: string;
  address: string | null;
  created_at: Generated<Date>;
}

export interface AccountsTable {
  id: Generated<number>;
  kind: 'official' | 'resident';
  username: string | null;
  password_hash: string | null;
  name: Generated<string>;
  phone: string | null;
  email: string | null;
  agency_id: number | null;
  position: string | null;
  locale: string | null;
  disabled_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface GrantsTable {
  id: Generated<number>;
  account_id: number;
  unit_id: number | null;
  role: string;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  token_hash: string;
  account_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface SignInAttemptsTable {
  key: string;
  attempts: number;
  window_ends: Timestamp;
}

export interface KnownDevicesTable {
  token_hash: string;
  account_id: number;
  created_at: Timestamp;
  last_used_at: Timestamp;
}

export interface OneTimeCodesTable {
  id: Generated<number>;
  destination: string;
  code_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  attempts: Generated<number>;
  consumed_at: Timestamp | null;
}

export interface AuditEventsTable {
  id: Generated<number>;
  occurred_at: Timestamp;
  actor_id: number | null;
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string;
  unit_id: number | null;
  changes: Json<Record<string, unknown>>;
  seq: number;
  prev_hash: string;
  hash: string;
}

export interface AuditCheckpointsTable {
  id: Generated<number>;
  created_at: Timestamp;
  max_event_id: number;
  event_count: number;
  heads_hash: string;
  prev_hash: string;
  hash: string;
}

export interface FoundationTables {
  units: UnitsTable;
  agencies: AgenciesTable;
  service_point_kinds: ServicePointKindsTable;
  service_points: ServicePointsTable;
  accounts: AccountsTable;
  grants: GrantsTable;
  sessions: SessionsTable;
  one_time_codes: OneTimeCodesTable;
  sign_in_attempts: SignInAttemptsTable;
  known_devices: KnownDevicesTable;
  audit_events: AuditEventsTable;
  audit_checkpoints: AuditCheckpointsTable;
}

// Modules add their tables here as they arrive.
export type DB = FoundationTables & JobTables & NotifyTables & AgenciesTables & ServicePointsTables & PetitionTables & AuditTables & CalendarTables & FiguresTables & DeadlineTables & ConductTables & DirectoryTables & ScorecardTables & KnowledgeTables & GatheringTables & ApiKeysTables & Open311Tables & DeliberationTables & WebhookTables & InsightTables & ReportTables;
