import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from '../../schema.ts';
import type { AttachmentType } from '../../platform/attachments.ts';
import type { Channel, DayType, EventVisibility, PetitionKind, PetitionStatus, RatingScore, ReviewStage } from '../../contract/domain.ts';

/** Written by the server from text, never read back as a value. */
type TsVector = ColumnType<string, string, never>;

export interface DeadlinePoliciesTable {
  id: Generated<number>;
  kind: PetitionKind;
  unit_id: number | null;
  /** A country's default (unit_id NULL): ISO 3166 code; NULL for a unit's own or the deployment's. */
  country: string | null;
  /** A policy for one channel only (the 12345 hotline); NULL: every channel. */
  channel: Channel | null;
  legal_source: string | null;
  ack_working_days: number;
  ack_day_type: Generated<DayType>;
  urgent_ack_working_hours: number | null;
  resolution_days: number;
  urgent_resolution_days: number | null;
  day_type: DayType;
  max_extensions: number | null;
  extension_days: number | null;
  anonymous_allowed: boolean;
  reopen_days: number;
  review_request_days: number | null;
  review_days: number | null;
  re_review_days: number | null;
  auto_escalate: Generated<boolean>;
  updated_at: Generated<Date>;
  updated_by: number | null;
}

export interface PetitionsTable {
  id: Generated<number>;
  tracking_code: string;
  kind: PetitionKind;
  category: string | null;
  channel: Channel;
  title: string | null;
  body: string;
  language: string | null;
  status: PetitionStatus;
  urgent: Generated<boolean>;
  anonymous: Generated<boolean>;
  consent_to_publish: Generated<boolean>;
  location_lat: number | null;
  location_lng: number | null;
  location_address: string | null;
  unit_id: number;
  unit_path: string;
  agency_id: number | null;
  origin_unit_id: number;
  origin_unit_path: string;
  reported_official_id: number | null;
  recorded_by: number | null;
  /** The dispatcher's statement of the content, given when assigning (the first clear item). */
  content: string | null;
  handler_id: number | null;
  leader_id: number | null;
  expected_result: string | null;
  ack_due_at: Timestamp;
  due_at: Timestamp;
  original_due_at: Timestamp;
  answer_text: string | null;
  answer_publish: Generated<boolean>;
  answered_by: number | null;
  answer_count: Generated<number>;
  answered_on_the_spot: Generated<boolean>;
  case_id: number | null;
  merged_at: Timestamp | null;
  submitted_at: Timestamp;
  accepted_at: Timestamp | null;
  rejected_at: Timestamp | null;
  answered_at: Timestamp | null;
  last_answered_at: Timestamp | null;
  closed_at: Timestamp | null;
  resolved: Generated<boolean>;
  resolved_at: Timestamp | null;
  resolved_on_time: boolean | null;
  reopen_count: Generated<number>;
  reopened_at: Timestamp | null;
  escalation_count: Generated<number>;
  escalated_at: Timestamp | null;
  escalated_to_path: string | null;
  transfer_count: Generated<number>;
  transferred_at: Timestamp | null;
  extension_count: Generated<number>;
  rating: RatingScore | null;
  rated_at: Timestamp | null;
  review_stage: ReviewStage | null;
  reviewed_at: Timestamp | null;
  re_reviewed_at: Timestamp | null;
  /** An answer held for a leader's approval (units in answer_approval_units). */
  pending_answer_text: string | null;
  pending_answer_publish: boolean | null;
  pending_answer_by: number | null;
  pending_answer_at: Timestamp | null;
  search: TsVector;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PetitionersTable {
  id: Generated<number>;
  petition_id: number;
  resident_account_id: number | null;
  name: string | null;
  phone: string | null;
  phone_key: string | null;
  email: string | null;
  address: string | null;
  locale: 'vi' | 'zh' | 'en';
  access_key_hash: string;
  created_at: Timestamp;
}


export interface PetitionEventsTable {
  id: Generated<number>;
  petition_id: number;
  at: Timestamp;
  type: string;
  actor_id: number | null;
  actor_label: string;
  from_status: string | null;
  to_status: string | null;
  unit_id: number | null;
  reason: string | null;
  text: string | null;
  data: Json<Record<string, unknown>>;
  visibility: EventVisibility;
}

export interface PetitionRatingsTable {
  id: Generated<number>;
  petition_id: number;
  case_id: number;
  petitioner_id: number;
  answer_number: number;
  score: RatingScore;
  reasons: Json<string[]>;
  comment: string | null;
  reopen: Generated<boolean>;
  created_at: Timestamp;
}

export interface PetitionAttachmentsTable {
  id: Generated<number>;
  petition_id: number;
  sha256: string;
  filename: string;
  content_type: AttachmentType;
  size: number;
  uploaded_by: number | null;
  /** The signed-in resident who attached it (their storage quota); null for officials and access keys. */
  uploaded_by_resident: number | null;
  created_at: Timestamp;
}

/** The bytes of attachments, once per content (petition_attachments.sha256 names them). */
export interface AttachmentContentsTable {
  sha256: string;
  data: Buffer;
  size: number;
  created_at: Timestamp;
}

export interface AnswerApprovalUnitsTable {
  unit_id: number;
  updated_at: Generated<Date>;
  updated_by: number | null;
}

export interface AccessKeyFailuresTable {
  petition_id: number;
  at: Timestamp;
}

export interface PetitionTables {
  answer_approval_units: AnswerApprovalUnitsTable;
  access_key_failures: AccessKeyFailuresTable;
  deadline_policies: DeadlinePoliciesTable;
  petitions: PetitionsTable;
  petitioners: PetitionersTable;
  petition_events: PetitionEventsTable;
  petition_ratings: PetitionRatingsTable;
  petition_attachments: PetitionAttachmentsTable;
  attachment_contents: AttachmentContentsTable;
}
