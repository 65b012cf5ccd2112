/** Which unit a code a request sends means today, or the one refusal every module gives. */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import { fail, forbidden, notFound } from '../../platform/errors.ts';
import { resolveUnit, type UnitRecord } from './units.queries.ts';

/** The unit `code` (from a body or a query string) means at `now` (resolveUnit: a retired unit's replacement); 400 `unknown_unit` when none. */
export async function requireUnit(db: Kysely<DB>, code: string, now: Date): Promise<UnitRecord> {
  const unit = await resolveUnit(db, code, now);
  if (!unit) throw fail('unknown_unit', { code });
  return unit;
}

/** requireUnit() for an optional code: undefined when none was sent. */
export async function requireUnitIfSent(db: Kysely<DB>, code: string | undefined, now: Date): Promise<UnitRecord | undefined> {
  return code === undefined ? undefined : requireUnit(db, code, now);
}

/**
 * requireUnit(), then a refusal unless `may` allows the caller at the unit's path (the module's
 * policy, e.g. `(path) => canManageAt(actor, path)`): 403, or 404 where the caller is not to learn
 * that the unit has what was asked for (`'not_found'`).
 */
export async function requireUnitWhere(
  db: Kysely<DB>,
  code: string,
  now: Date,
  may: (path: string) => boolean,
  refusal: 'forbidden' | 'not_found' = 'forbidden',
): Promise<UnitRecord> {
  const unit = await requireUnit(db, code, now);
  if (!may(unit.path)) throw refusal === 'forbidden' ? forbidden() : notFound();
  return unit;
}

/** The unit a code in a URL's path means at `now`; 404 when none, as for any other missing resource. */
export async function unitAtPath(db: Kysely<DB>, code: string, now: Date): Promise<UnitRecord> {
  const unit = await resolveUnit(db, code, now);
  if (!unit) throw notFound();
  return unit;
}
