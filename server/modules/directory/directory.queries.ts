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

/** The units where an active official is placed (their grants' units): where they are listed. */
export async function officialUnitPaths(db: Kysely<DB>, id: number): Promise<Array<{ unit_id: number; path: string }>> {
  const rows = await db
    .selectFrom('grants as g')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .innerJoin('units as u', 'u.id', 'g.unit_id')
    .select(['u.id as unit_id', 'u.path'])
    .where('g.account_id', '=', id)
    .where('a.kind', '=', 'official')
    .where('a.disabled_at', 'is', null)
    .orderBy('u.depth')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({ unit_id: Number(r.unit_id), path: r.path }));
}

export async function findPhoto(db: Kysely<DB>, accountId: number) {
  return db.selectFrom('official_photos').select(['sha256', 'content_type', 'size']).where('account_id', '=', accountId).executeTakeFirst();
}

/** The photos of these officials (their content hash), for the directory's entries. */
export async function photoHashes(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('official_photos').select(['account_id', 'sha256']).where('account_id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [Number(r.account_id), r.sha256]));
}

export async function upsertPhoto(
  db: Kysely<DB>,
  p: { accountId: number; sha256: string; contentType: 'image/jpeg' | 'image/png' | 'image/webp'; size: number; by: number; at: Date },
): Promise<void> {
  const values = { sha256: p.sha256, content_type: p.contentType, size: p.size, updated_by: p.by, updated_at: p.at };
  await db
    .insertInto('official_photos')
    .values({ account_id: p.accountId, ...values })
    .onConflict((oc) => oc.column('account_id').doUpdateSet(values))
    .execute();
}

export async function deletePhoto(db: Kysely<DB>, accountId: number): Promise<boolean> {
  const res = await db.deleteFrom('official_photos').where('account_id', '=', accountId).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}
