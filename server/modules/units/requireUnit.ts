/** Which unit a code sent in a body or a query string means today, or the one refusal every module gives. */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import { fail } from '../../platform/errors.ts';
import { resolveUnit, type UnitRecord } from './units.queries.ts';

/** The unit `code` means at `now` (resolveUnit: a retired unit's replacement); 400 `unknown_unit` when none. */
export async function requireUnit(db: Kysely<DB>, code: string, now: Date): Promise<UnitRecord> {
  const unit = await resolveUnit(db, code, now);
  if (!unit) throw fail('unknown_unit', { code });
  return unit;
}
