/** Row counts of every table, to see that a refused request stored nothing. */
import type { Database } from '../platform/db.ts';

export type RowCounts = Record<string, number>;

/** The base tables of the current schema, from information_schema (so new tables are included). */
export async function tableNames(database: Database): Promise<string[]> {
  const { rows } = await database.pool.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
     ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Counts every table in one statement. It is prepared once per connection: planning a count of
 * thirty tables costs more than running it, and the walk counts after every refusal.
 */
export async function rowCounts(database: Database, tables: string[]): Promise<RowCounts> {
  const text = `SELECT ${tables.map((t, i) => `(SELECT count(*) FROM ${quote(t)})::int AS c${i}`).join(', ')}`;
  const { rows } = await database.pool.query<Record<string, number>>({ name: `robustness_counts_${tables.length}`, text });
  return Object.fromEntries(tables.map((t, i) => [t, Number(rows[0][`c${i}`])]));
}

/** "table: before → after" for each table whose count changed, leaving out the allowed ones. */
export function countChanges(before: RowCounts, after: RowCounts, allowed: readonly string[] = []): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((t) => before[t] !== after[t] && !allowed.includes(t))
    .map((t) => `${t}: ${before[t]} → ${after[t]}`);
}
