import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../schema.ts';

import type { GatheringEntryType } from '../../contract/domain.ts';
export interface GatheringSeriesTable {
  id: Generated<number>;
  unit_id: number;
  kind: string;
  title: string;
  rrule: string;
  first_day: string;
  until_day: string;
  start_time: string;
  minutes: number;
  holiday_rule: string;
  exceptions: Generated<string[]>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface GatheringsTable {
  id: Generated<number>;
  unit_id: number;
  unit_path: string;
  series_id: number | null;
  kind: string;
  title: string;
  host_id: number | null;
  host_role: string | null;
  place: string | null;
  place_lat: number | null;
  place_lng: number | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  capacity: number | null;
  topics: Generated<string[]>;
  state: Generated<string>;
  cancel_reason: string | null;
  attendance: Generated<number>;
  minutes_text: string | null;
  outcomes: string | null;
  summary: string | null;
  opened_at: Timestamp | null;
  closed_at: Timestamp | null;
  published_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** The day of its series this gathering replaces, when that day was moved here. */
  moved_from: string | null;
}

export interface GatheringTables {
  gathering_series: GatheringSeriesTable;
  gatherings: GatheringsTable;
  gathering_agencies: { gathering_id: number; agency_id: number };
  gathering_attendees: { id: Generated<number>; gathering_id: number; name: string; created_at: Generated<Date> };
  gathering_petitions: { petition_id: number; gathering_id: number; via: string; created_at: Generated<Date> };
  gathering_services: { gathering_id: number; service_type: string; count: number };
  gathering_records: {
    id: Generated<number>;
    gathering_id: number;
    petition_id: number | null;
    resident_account: string;
    agency_account: string;
    conclusion: string;
    responsible: string;
    due_on: string;
    done_at: Timestamp | null;
    done_note: string | null;
    created_by: number | null;
    created_at: Generated<Date>;
  };
  gathering_bookings: {
    id: Generated<number>;
    gathering_id: number;
    code: string;
    phone: string;
    name: string | null;
    cancelled_at: Timestamp | null;
    created_at: Generated<Date>;
  };
  gathering_entries: {
    key: string;
    gathering_id: number;
    type: GatheringEntryType;
    result: Json<Record<string, unknown>>;
    created_by: number | null;
    created_at: Generated<Date>;
  };
  gathering_attachments: {
    id: Generated<number>;
    gathering_id: number;
    sha256: string;
    filename: string;
    content_type: string;
    size: number;
    public: boolean;
    uploaded_by: number | null;
    created_at: Timestamp;
  };
  reception_minimums: {
    id: Generated<number>;
    country: string;
    level: string;
    role: string;
    days: number;
    per: string;
    valid_from: string;
    valid_to: string | null;
    source: string;
    updated_at: Generated<Date>;
  };
}
