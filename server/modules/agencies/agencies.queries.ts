/** All SQL of the agencies module. */
import type { Kysely } from 'kysely';
import type { DB, LocaleNames } from '../../schema.ts';
import { insertReturningId, namedPlaceId } from '../../platform/db.ts';

/** The unit an agency is kept under, as the queries and commands key it: id, code, and path (for its subtree). */
export interface UnitKey {
  id: number;
  code: string;
  path: string;
}

export interface AgencyRow {
  id: number;
  name: string;
  names: LocaleNames;
  kind: string;
  phone: string | null;
  email: string | null;
  unitId: number;
  unitCode: string;
  unitName: string;
}

export async function agencyKindExists(db: Kysely<DB>, kind: string): Promise<boolean> {
  return !!(await db.selectFrom('agency_kinds').select('key').where('key', '=', kind).executeTakeFirst());
}

export function listAgencyKinds(db: Kysely<DB>): Promise<Array<{ key: string; names: LocaleNames }>> {
  return db.selectFrom('agency_kinds').select(['key', 'names']).orderBy('position').orderBy('key').execute();
}

function agencySelect(db: Kysely<DB>) {
  return db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select([
      'a.id',
      'a.name',
      'a.names',
      'a.kind',
      'a.phone',
      'a.email',
      'u.id as unitId',
      'u.code as unitCode',
      'u.name as unitName',
    ]);
}

/**
 * One page of agencies in id order, of one unit (or its whole subtree), optionally of one kind.
 * Asks for limit + 1 rows so the caller knows whether there is a next page.
 */
export function listAgencies(
  db: Kysely<DB>,
  filter: { unit?: UnitKey; subtree?: boolean; kind?: string; afterId?: number; limit: number },
): Promise<AgencyRow[]> {
  let query = agencySelect(db);
  if (filter.unit) {
    query = filter.subtree
      ? query.where('u.path', 'like', `${filter.unit.path}%`)
      : query.where('a.unit_id', '=', filter.unit.id);
  }
  if (filter.kind) query = query.where('a.kind', '=', filter.kind);
  if (filter.afterId !== undefined) query = query.where('a.id', '>', filter.afterId);
  return query.orderBy('a.id').limit(filter.limit + 1).execute();
}

export function getAgency(db: Kysely<DB>, id: number): Promise<AgencyRow | undefined> {
  return agencySelect(db).where('a.id', '=', id).executeTakeFirst();
}


/** A name as people write it: composed Unicode, spaces collapsed, lower case. */
const foldName = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/**
 * The agencies of a unit (that unit only) called this name, in its main name or in any
 * language's, case and spacing aside. A unit has a handful of agencies, so they are compared
 * here rather than in SQL, alike on both databases.
 */
export async function findAgenciesNamed(db: Kysely<DB>, unitId: number, name: string): Promise<number[]> {
  const wanted = foldName(name);
  const rows = await db.selectFrom('agencies').select(['id', 'name', 'names']).where('unit_id', '=', unitId).orderBy('id').execute();
  return rows.filter((a) => [a.name, ...Object.values(a.names ?? {})].some((n) => typeof n === 'string' && foldName(n) === wanted)).map((a) => Number(a.id));
}

export async function insertAgency(
  db: Kysely<DB>,
  values: { unitId: number; kind: string; name: string; names: LocaleNames; phone: string | null; email: string | null },
): Promise<number> {
  return insertReturningId(db, 'agencies', {
    unit_id: values.unitId,
    kind: values.kind,
    name: values.name,
    names: JSON.stringify(values.names),
    phone: values.phone,
    email: values.email,
  });
}

/** The agency of this kind and name in this unit, if there is one. */
export const findAgencyId = (db: Kysely<DB>, unitId: number, kind: string, name: string) => namedPlaceId(db, 'agencies', unitId, kind, name);
