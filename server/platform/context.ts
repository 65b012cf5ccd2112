import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../schema.ts';
import type { Config } from './config.ts';
import type { Clock } from './clock.ts';
import type { Database } from './db.ts';

/** What every route and command may use; built once per server process. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Kysely<DB>;
  clock: Clock;
  log: Logger;
}
