/** All SQL of the service-points module. */
import { sql, type Kysely } from 'kysely';
import type { DB, LocaleNames } from '../../schema.ts';
import { resolveUnit } from '../units/index.ts';
import { insertReturningId, namedPlaceId } from '../../platform/db.ts';

export interface UnitWithChecklist {
  id: number;
  code: string;
  name: string;
  path: string;
  level: string;
  /** township, village or group; null when the unit's level has no checklist. */
  checklistLevel: string | null;
}

interface ChecklistKind {
  key: string;
  names: LocaleNames;
  required: boolean;
}

export interface ServicePointRow {
  id: number;
  unitCode: string;
  unitName: string;
  kind: string;
  kindNames: LocaleNames;
  name: string;
  address: string | null;
}

/** The unit a code means at `now` (resolveUnit), with its level's checklist. */
export async function findUnitWithChecklist(db: Kysely<DB>, code: string, now: Date): Promise<UnitWithChecklist | undefined> {
  const unit = await resolveUnit(db, code, now);
  if (!unit) return undefined;
  const level = await db
    .selectFrom('service_point_checklist_levels')
    .select('checklist_level')
    .where('unit_level', '=', unit.level)
    .executeTakeFirst();
  return { id: unit.id, code: unit.code, name: unit.name, path: unit.path, level: unit.level, checklistLevel: level?.checklist_level ?? null };
}

export function checklistKinds(db: Kysely<DB>, checklistLevel: string): Promise<ChecklistKind[]> {
  return db
    .selectFrom('service_point_kinds')
    .select(['key', 'names', 'required'])
    .where('level', '=', checklistLevel)
    .orderBy('position')
    .orderBy('key')
    .execute();
}

function pointSelect(db: Kysely<DB>) {
  return db
    .selectFrom('service_points as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .innerJoin('service_point_kinds as k', 'k.key', 'p.kind')
    .select(['p.id', 'u.code as unitCode', 'u.name as unitName', 'p.kind', 'k.names as kindNames', 'p.name', 'p.address']);
}

export function unitServicePoints(db: Kysely<DB>, unitId: number): Promise<ServicePointRow[]> {
  return pointSelect(db).where('p.unit_id', '=', unitId).orderBy('k.position').orderBy('p.id').execute();
}

export function getServicePoint(db: Kysely<DB>, id: number): Promise<ServicePointRow | undefined> {
  return pointSelect(db).where('p.id', '=', id).executeTakeFirst();
}


export async function insertServicePoint(
  db: Kysely<DB>,
  values: { unitId: number; kind: string; name: string; address: string | null },
): Promise<number> {
  return insertReturningId(db, 'service_points', { unit_id: values.unitId, kind: values.kind, name: values.name, address: values.address });
}

export interface GapRow {
  id: number;
  code: string;
  name: string;
  level: string;
  required_count: number;
  missing: string[];
}

interface GapFilter {
  /** Path of the unit asked about: its whole subtree is searched. */
  rootPath: string;
  /** The caller's subtrees: only units inside one of them are answered. */
  scope: readonly string[];
  level?: string;
  afterId?: number;
  limit: number;
}

/** Units under the root and inside the caller's subtrees, joined to their required kinds, each with "is it there". */
function requiredPerUnit(filter: GapFilter) {
  const inScope = sql.join(
    filter.scope.map((prefix) => sql`u.path LIKE ${`${prefix}%`}`),
    sql` OR `,
  );
  return sql`
    SELECT u.id, u.code, u.name, u.level, k.key AS kind, k.position,
           EXISTS (SELECT 1 FROM service_points p WHERE p.unit_id = u.id AND p.kind = k.key) AS present
    FROM units u
    JOIN service_point_checklist_levels m ON m.unit_level = u.level
    JOIN service_point_kinds k ON k.level = m.checklist_level AND k.required
    WHERE u.path LIKE ${`${filter.rootPath}%`}
      AND (${inScope})
      AND u.valid_to IS NULL
      ${filter.level === undefined ? sql`` : sql`AND u.level = ${filter.level}`}`;
}

/** One page, in unit id order, of units lacking at least one required service point. */
export async function findGaps(db: Kysely<DB>, filter: GapFilter): Promise<GapRow[]> {
  if (filter.scope.length === 0) return [];
  const { rows } = await sql<GapRow>`
    WITH r AS (${requiredPerUnit(filter)})
    SELECT id, code, name, level, count(*)::int AS required_count,
           array_agg(kind ORDER BY position, kind) FILTER (WHERE NOT present) AS missing
    FROM r
    ${filter.afterId === undefined ? sql`` : sql`WHERE id > ${filter.afterId}`}
    GROUP BY id, code, name, level
    HAVING bool_or(NOT present)
    ORDER BY id
    LIMIT ${filter.limit + 1}`.execute(db);
  return rows;
}

/** Over all pages: how many units lack something, and how many lack each required kind. */
export async function gapTotals(
  db: Kysely<DB>,
  filter: Omit<GapFilter, 'afterId' | 'limit'>,
): Promise<{ units: number; missing: Array<{ kind: string; units: number }> }> {
  if (filter.scope.length === 0) return { units: 0, missing: [] };
  const base = requiredPerUnit({ ...filter, limit: 0 });
  const units = await sql<{ units: number }>`
    WITH r AS (${base}) SELECT count(DISTINCT id)::int AS units FROM r WHERE NOT present`.execute(db);
  const perKind = await sql<{ kind: string; units: number }>`
    WITH r AS (${base})
    SELECT kind, count(*)::int AS units FROM r WHERE NOT present
    GROUP BY kind, position ORDER BY position, kind`.execute(db);
  return { units: units.rows[0]?.units ?? 0, missing: perKind.rows };
}

/** The service point of this kind and name in this unit, if there is one. */
export const findServicePointId = (db: Kysely<DB>, unitId: number, kind: string, name: string) => namedPlaceId(db, 'service_points', unitId, kind, name);
