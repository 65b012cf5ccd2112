/**
 * The figures' rollups, rebuilt from the loaded petitions with the figures module's own
 * rebuildStats. Loaded by path at run time so that the bench also runs on a tree whose
 * figures module has not landed (then there is nothing to rebuild).
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { DB } from '../server/schema.ts';
import { repoRoot } from './server.ts';

const statsQueries = path.join(repoRoot, 'server/modules/figures/figures.queries.ts');

/**
 * On a PostgreSQL server (`connectionString`), the rebuild runs on its own connection with a
 * large work_mem: its one statement groups tens of millions of rows, which spill to disk at
 * the default 4 MB (docs/PERFORMANCE.md gives the times with and without).
 */
export async function rebuildRollups(db: Kysely<DB>, opts: { connectionString?: string; workMem?: string } = {}): Promise<void> {
  if (!fs.existsSync(statsQueries)) return;
  const stats = (await import(statsQueries)) as { rebuildStats?: (db: Kysely<DB>) => Promise<void> };
  if (!stats.rebuildStats) return;
  if (!opts.connectionString || !opts.workMem) return stats.rebuildStats(db);
  const pool = new pg.Pool({ connectionString: opts.connectionString, max: 1, options: `-c work_mem=${opts.workMem}` });
  const own = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    await stats.rebuildStats(own);
  } finally {
    await own.destroy();
  }
}
