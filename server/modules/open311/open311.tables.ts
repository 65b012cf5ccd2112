import type { Generated } from 'kysely';
import type { Json, LocaleNames, Timestamp } from '../../schema.ts';

/** One attribute a service asks for (GeoReport v2 service definition). */
export interface ServiceAttribute {
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  descriptions: LocaleNames;
  order: number;
  values?: Array<{ key: string; names: LocaleNames }>;
}

export interface Open311ServicesTable {
  id: Generated<number>;
  unit_id: number | null;
  code: string;
  names: Json<LocaleNames>;
  descriptions: Generated<Json<LocaleNames>>;
  kind: string;
  category: string | null;
  service_group: string | null;
  keywords: Generated<string>;
  attributes: Generated<Json<ServiceAttribute[]>>;
  created_at: Generated<Date>;
}

export interface Open311RequestsTable {
  petition_id: number;
  token: string;
  service_id: number;
  api_key_id: number;
  attributes: Json<Record<string, string | string[]>>;
  media_url: string | null;
  created_at: Timestamp;
}

export interface Open311UpdatesTable {
  id: Generated<number>;
  api_key_id: number;
  external_id: string;
  petition_id: number;
  status: 'open' | 'closed';
  description: string;
  media_url: string | null;
  updated_at: Timestamp;
  received_at: Timestamp;
}

export interface Open311Tables {
  open311_services: Open311ServicesTable;
  open311_requests: Open311RequestsTable;
  open311_updates: Open311UpdatesTable;
}
