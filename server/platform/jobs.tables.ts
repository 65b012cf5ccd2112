import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../schema.ts';

export type JobState = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload: Json<unknown>;
  key: string | null;
  state: Generated<JobState>;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  lease_token: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Generated<Date>;
  finished_at: Timestamp | null;
}

export interface JobTables {
  jobs: JobsTable;
}
