import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from '../../schema.ts';
import type { ConsultationStatus, CouncilKind, ElectorateKind, MatterContent, MemberRole, ProposerKind, TaskStatus, VoteChannel } from '../../contract/domain.ts';

type Numeric = ColumnType<string, string | number, string | number>;

export interface CouncilsTable {
  id: Generated<number>;
  unit_id: number;
  kind: CouncilKind;
  name: string;
  quorum_num: number;
  quorum_den: number;
  quorum_strict: boolean;
  majority_num: number;
  majority_den: number;
  majority_strict: boolean;
  majority_base: string;
  cosigners_required: number;
  comment_days: number;
  created_at: Timestamp;
}

export interface CouncilMembersTable {
  id: Generated<number>;
  council_id: number;
  name: string;
  account_id: number | null;
  role: MemberRole;
  party_member: boolean;
  elected_on: string;
  term_until: string;
  created_at: Timestamp;
}

export interface MattersTable {
  id: Generated<number>;
  council_id: number;
  unit_id: number;
  content: MatterContent;
  title: string;
  body: string;
  proposer_kind: ProposerKind;
  proposer_member_id: number | null;
  proposer_name: string;
  cosigners: Json<string[]>;
  stage: string;
  proposed_at: Timestamp;
  stage_changed_at: Timestamp;
  comments_close_at: Timestamp | null;
  review_outcome: string | null;
  review_reason: string | null;
  revision: Generated<number>;
}

export interface DeliberationDocumentsTable {
  id: Generated<number>;
  matter_id: number | null;
  option_id: number | null;
  title: string;
  url: string;
  created_at: Timestamp;
}

export interface MatterCommentsTable {
  id: Generated<number>;
  matter_id: number;
  account_id: number | null;
  member_id: number | null;
  author_name: string;
  body: string;
  created_at: Timestamp;
}

export interface MatterMeetingsTable {
  id: Generated<number>;
  matter_id: number;
  held_on: string;
  members_total: number;
  present_ids: number[];
  votes_for: number;
  votes_against: number;
  abstentions: number;
  passed: boolean;
  minutes: string;
  recorded_at: Timestamp;
}

export interface MatterTasksTable {
  id: Generated<number>;
  matter_id: number;
  title: string;
  owner: string;
  due_on: string;
  status: TaskStatus;
  progress: Generated<number>;
  spent: Numeric;
  done_on: string | null;
  created_at: Timestamp;
}

export interface TaskProgressTable {
  id: Generated<number>;
  task_id: number;
  note: string;
  progress: number;
  spent: Numeric;
  photos: Json<string[]>;
  reported_on: string;
  created_at: Timestamp;
}

export interface TaskInspectionsTable {
  id: Generated<number>;
  task_id: number;
  matter_id: number;
  account_id: number | null;
  verdict: string;
  note: string;
  created_at: Timestamp;
}

export interface DeliberationFollowsTable {
  account_id: number;
  matter_id: number | null;
  consultation_id: number | null;
  created_at: Timestamp;
}

export interface ConsultationsTable {
  id: Generated<number>;
  unit_id: number;
  title: string;
  body: string;
  electorate_kind: ElectorateKind;
  changeable: boolean;
  status: ConsultationStatus;
  closes_at: Timestamp;
  opened_at: Timestamp | null;
  closed_at: Timestamp | null;
  created_at: Timestamp;
}

export interface ConsultationOptionsTable {
  id: Generated<number>;
  consultation_id: number;
  position: number;
  title: string;
  body: string;
  place_name: string | null;
  lat: number | null;
  lng: number | null;
}

export interface ConsultationVotersTable {
  id: Generated<number>;
  consultation_id: number;
  ref: string;
  name: string;
  phone: string | null;
  voted_at: Timestamp | null;
  vote_channel: VoteChannel | null;
}

export interface ConsultationBallotsTable {
  id: string;
  consultation_id: number;
  option_id: number;
  receipt_hash: string | null;
}

export interface ConsultationCodesTable {
  id: Generated<number>;
  voter_id: number;
  code_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  attempts: Generated<number>;
  consumed_at: Timestamp | null;
}

export interface DeliberationTables {
  councils: CouncilsTable;
  council_members: CouncilMembersTable;
  matters: MattersTable;
  deliberation_documents: DeliberationDocumentsTable;
  matter_comments: MatterCommentsTable;
  matter_meetings: MatterMeetingsTable;
  matter_tasks: MatterTasksTable;
  task_progress: TaskProgressTable;
  task_inspections: TaskInspectionsTable;
  deliberation_follows: DeliberationFollowsTable;
  consultations: ConsultationsTable;
  consultation_options: ConsultationOptionsTable;
  consultation_voters: ConsultationVotersTable;
  consultation_ballots: ConsultationBallotsTable;
  consultation_codes: ConsultationCodesTable;
}
