import type { Generated } from 'kysely';
import type { Json, LocaleNames, Timestamp } from '../../schema.ts';

export interface NormSetsTable {
  id: Generated<number>;
  unit_id: number;
  key: string;
  created_at: Generated<Date>;
}

export interface NormSetVersionsTable {
  id: Generated<number>;
  set_id: number;
  version: number;
  names: Json<LocaleNames>;
  valid_from: Timestamp;
  created_by: number | null;
}

export interface NormsTable {
  id: Generated<number>;
  version_id: number;
  code: string;
  texts: Json<LocaleNames>;
  position: number;
}

export interface PetitionReportedNormsTable {
  petition_id: number;
  norm_id: number;
}

export type FindingOutcome = 'upheld' | 'not_upheld';

export interface ConductFindingsTable {
  petition_id: number;
  official_id: number;
  unit_path: string;
  outcome: FindingOutcome;
  norm_ids: number[];
  reasons: string;
  recorded_by: number;
  recorded_at: Timestamp;
}

export interface SatisfactionDevicesTable {
  id: Generated<number>;
  service_point_id: number;
  name: string;
  enrolment_code_hash: string | null;
  enrolment_expires_at: Timestamp | null;
  token_hash: string | null;
  enrolled_at: Timestamp | null;
  revoked_at: Timestamp | null;
  created_by: number;
  created_at: Timestamp;
}

export interface SatisfactionLinkKeysTable {
  id: number;
  key: string;
}

export interface SatisfactionRatingsTable {
  id: Generated<number>;
  source: 'kiosk' | 'link' | 'gathering';
  device_id: number | null;
  rater_hash: string | null;
  /** The counter rated (kiosk and link); null for a gathering's rating. */
  service_point_id: number | null;
  /** A gathering's rating: the gathering and the booking whose code rated it (once per booking). */
  gathering_id: number | null;
  booking_id: number | null;
  unit_id: number;
  unit_path: string;
  official_id: number | null;
  procedure: string | null;
  score: number;
  norm_ids: number[];
  comment: string | null;
  created_at: Timestamp;
}

/** The official on duty at a counter now (none when official_id is null). */
export interface ServicePointDutyTable {
  service_point_id: number;
  official_id: number | null;
  set_by: number;
  set_at: Timestamp;
}

export interface ConductTables {
  norm_sets: NormSetsTable;
  norm_set_versions: NormSetVersionsTable;
  norms: NormsTable;
  petition_reported_norms: PetitionReportedNormsTable;
  conduct_findings: ConductFindingsTable;
  satisfaction_devices: SatisfactionDevicesTable;
  satisfaction_link_keys: SatisfactionLinkKeysTable;
  satisfaction_ratings: SatisfactionRatingsTable;
  service_point_duty: ServicePointDutyTable;
}
