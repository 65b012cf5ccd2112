import type { Generated } from 'kysely';
import type { Timestamp } from '../../schema.ts';

export interface ApiKeysTable {
  id: Generated<number>;
  client: string;
  prefix: string;
  key_hash: string;
  unit_id: number | null;
  per_minute: number;
  created_by: number | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_by: number | null;
  last_used_at: Timestamp | null;
}

export interface ApiKeyUsageTable {
  key_id: number;
  minute: Timestamp;
  n: number;
}

export interface ApiKeysTables {
  api_keys: ApiKeysTable;
  api_key_usage: ApiKeyUsageTable;
}
