/**
 * The figures' rollups, rebuilt from the loaded petitions with the stats module's own
 * rebuildStats. Loaded by path at run time so that the bench also runs on a tree whose
 * stats module has not landed (then there is nothing to rebuild).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../server/schema.ts';
import { repoRoot } from './server.ts';

const statsQueries = path.join(repoRoot, 'server/modules/stats/stats.queries.ts');

export async function rebuildRollups(db: Kysely<DB>): Promise<void> {
  if (!fs.existsSync(statsQueries)) return;
  const stats = (await import(statsQueries)) as { rebuildStats?: (db: Kysely<DB>) => Promise<void> };
  await stats.rebuildStats?.(db);
}
