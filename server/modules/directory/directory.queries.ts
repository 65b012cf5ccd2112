import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import type { Role } from '../../contract/domain.ts';

export interface StaffRow {
  id: number;
  name: string;
  position: string | null;
  agency_id: number | null;
  agency_name: string | null;
  role: Role;
}

/** The officials who hold a role at the unit itself (not below it), still active: one row per role. */
export function unitStaffRows(db: Kysely<DB>, unitId: number): Promise<StaffRow[]> {
  return db
    .selectFrom('grants as g')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .leftJoin('agencies as ag', 'ag.id', 'a.agency_id')
    .select(['a.id', 'a.name', 'a.position', 'a.agency_id', 'ag.name as agency_name', 'g.role'])
    .where('g.unit_id', '=', unitId)
    .where('a.kind', '=', 'official')
    .where('a.disabled_at', 'is', null)
    .orderBy('a.id')
    .execute() as Promise<StaffRow[]>;
}

/** Is this id an entry of the unit's public staff directory? */
export async function inUnitStaff(db: Kysely<DB>, unitId: number, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('grants as g')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .select('a.id')
    .where('g.unit_id', '=', unitId)
    .where('g.account_id', '=', id)
    .where('a.kind', '=', 'official')
    .where('a.disabled_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
