/**
 * The figures' rollups, rebuilt from the loaded petitions with the figures module's own
 * rebuildFigures. Loaded by path at run time so that the bench also runs on a tree whose
 * figures module has not landed (then there is nothing to rebuild).
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { DB } from '../server/schema.ts';
import { repoRoot } from './server.ts';

const figuresQueries = path.join(repoRoot, 'server/modules/figures/figures.queries.ts');

/**
 * On a PostgreSQL server (`connectionString`), the rebuild runs on its own connection with a
 * large work_mem: its one statement groups tens of millions of rows, which spill to disk at
 * the default 4 MB (docs/PERFORMANCE.md gives the times with and without).
 */
export async function rebuildRollups(db: Kysely<DB>, opts: { connectionString?: string; workMem?: string } = {}): Promise<void> {
  if (!fs.existsSync(figuresQueries)) return;
  const figures = (await import(figuresQueries)) as { rebuildFigures?: (db: Kysely<DB>) => Promise<void> };
  if (!figures.rebuildFigures) return;
  if (!opts.connectionString || !opts.workMem) return figures.rebuildFigures(db);
  const pool = new pg.Pool({ connectionString: opts.connectionString, max: 1, options: `-c work_mem=${opts.workMem}` });
  const own = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    await figures.rebuildFigures(own);
  } finally {
    await own.destroy();
  }
}

/**
 * What a deployment's worker does every ten seconds (figures.jobs.ts): fold the deltas into the
 * rollups and move the overdue watermark up to now. The bench's servers only serve requests, so
 * without this a `--reuse` run would measure the figures over the last run's unfolded intake.
 * Answers the deltas folded.
 */
export async function foldAsTheWorker(db: Kysely<DB>): Promise<number> {
  if (!fs.existsSync(figuresQueries)) return 0;
  const figures = (await import(figuresQueries)) as { catchUpFigures?: (db: Kysely<DB>, now: Date, batches: number) => Promise<number> };
  return figures.catchUpFigures ? figures.catchUpFigures(db, new Date(), Number.MAX_SAFE_INTEGER) : 0;
}
