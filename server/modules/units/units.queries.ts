/** All SQL of the units module. */
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { DB, LocaleNames, UnitsTable } from '../../schema.ts';
import { executePrepared } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { searchKey, searchKeySeparator } from '../../platform/text.ts';

/** A stored unit as the server sees it (ids and paths never leave the server). */
export interface UnitRecord {
  id: number;
  code: string;
  name: string;
  names: LocaleNames;
  level: string;
  parentId: number | null;
  path: string;
  depth: number;
  country: string;
  timeZone: string;
  validFrom: string | null;
  validTo: string | null;
  replacedById: number | null;
  searchKey: string;
}

const recordColumns = sql`u.id, u.code, u.name, u.names, u.level, u.parent_id AS "parentId", u.path, u.depth,
  u.country, u.time_zone AS "timeZone", u.valid_from AS "validFrom", u.valid_to AS "validTo",
  u.replaced_by_id AS "replacedById", u.search_key AS "searchKey"`;

/**
 * A unit is current until its valid_to day has begun in its own time zone
 * (valid_to is the first day on which it no longer exists).
 */
function currentAt(now: Date, alias = 'u'): RawBuilder<boolean> {
  const u = sql.ref(alias);
  return sql<boolean>`(${u}.valid_to IS NULL OR ${u}.valid_to > (${now}::timestamptz AT TIME ZONE ${u}.time_zone)::date)`;
}

export async function getUnitByCode(db: Kysely<DB>, code: string): Promise<UnitRecord | undefined> {
  const { rows } = await sql<UnitRecord>`SELECT ${recordColumns} FROM units u WHERE u.code = ${code}`.execute(db);
  return rows[0];
}

/**
 * Which unit each code means at `now`: the unit itself while it is current, or, from the day its
 * valid_to begins in its own time zone, the unit that replaced it (to the end of the replaced_by
 * chain). A retired unit without a replacement still answers for its code. Every module that
 * takes a unit code from a caller resolves it here, so that all of them agree at any hour.
 * Unknown codes are absent from the map.
 */
export async function resolveUnits(db: Kysely<DB>, codes: readonly string[], now: Date): Promise<Map<string, UnitRecord>> {
  if (codes.length === 0) return new Map();
  // Nearly every unit-scoped request asks it: prepared, it is not planned each time.
  const query = sql`
    WITH RECURSIVE chain AS (
      SELECT c.code AS asked, u.id, 0 AS hops FROM units u JOIN unnest(${[...codes]}::text[]) AS c (code) ON c.code = u.code
      UNION ALL
      -- Imports refuse circular replacements; the hop limit only guards against a bad manual edit.
      SELECT c.asked, u.replaced_by_id, c.hops + 1 FROM chain c JOIN units u ON u.id = c.id
       WHERE u.replaced_by_id IS NOT NULL AND NOT ${currentAt(now)} AND c.hops < 64
    )
    SELECT DISTINCT ON (c.asked) c.asked, ${recordColumns}
      FROM chain c JOIN units u ON u.id = c.id ORDER BY c.asked, c.hops DESC`.compile(db);
  const rows = await executePrepared<UnitRecord & { asked: string }>(db, undefined, query, { genericPlan: true });
  return new Map(rows.map(({ asked, ...unit }) => [asked, unit]));
}

/** The unit a code means at `now` (resolveUnits); undefined for an unknown code. */
export async function resolveUnit(db: Kysely<DB>, code: string, now: Date): Promise<UnitRecord | undefined> {
  return (await resolveUnits(db, [code], now)).get(code);
}

export async function unitsByCodes(db: Kysely<DB>, codes: string[]): Promise<UnitRecord[]> {
  if (codes.length === 0) return [];
  const { rows } = await sql<UnitRecord>`SELECT ${recordColumns} FROM units u JOIN unnest(${codes}::text[]) AS c (code) ON c.code = u.code`.execute(db);
  return rows;
}

export async function unitsByIds(db: Kysely<DB>, ids: number[]): Promise<UnitRecord[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<UnitRecord>`SELECT ${recordColumns} FROM units u JOIN unnest(${ids}::bigint[]) AS i (id) ON i.id = u.id`.execute(db);
  return rows;
}

// ---------------------------------------------------------------------------- listing

/** What the public sees of a unit, with its parent's and replacement's codes joined in. */
export interface UnitListRow {
  code: string;
  name: string;
  names: LocaleNames;
  level: string;
  parentCode: string | null;
  country: string;
  timeZone: string;
  validFrom: string | null;
  validTo: string | null;
  current: boolean;
  replacedByCode: string | null;
  replacedByName: string | null;
}

export type UnitCursor = { by: 'code'; code: string } | { by: 'rank'; rank: number; length: number; code: string };

interface UnitFilter {
  q?: string;
  parentId?: number;
  level?: string;
  includeFormer: boolean;
  limit: number;
  after?: UnitCursor;
}

export interface UnitPage {
  rows: UnitListRow[];
  next?: UnitCursor;
}

const listColumns = sql`u.code, u.name, u.names, u.level, p.code AS "parentCode", u.country, u.time_zone AS "timeZone",
  u.valid_from AS "validFrom", u.valid_to AS "validTo", r.code AS "replacedByCode", r.name AS "replacedByName"`;

/**
 * Units by name (any locale, with or without diacritics), parent and level; filtered, ranked
 * and paginated in SQL. With a query, whole-name matches come first, then names that start with
 * it, then names that end with it as whole words ("thanh chuong" → "Huyện Thanh Chương"), then
 * word starts, then any match; shorter names before longer ones. Without a query, by code.
 */
export async function findUnits(db: Kysely<DB>, filter: UnitFilter, now: Date): Promise<UnitPage> {
  const key = filter.q ? searchKey(filter.q) : '';
  const conditions: RawBuilder<unknown>[] = [];
  if (!filter.includeFormer) conditions.push(currentAt(now));
  if (filter.parentId !== undefined) conditions.push(sql`u.parent_id = ${filter.parentId}`);
  if (filter.level !== undefined) conditions.push(sql`u.level = ${filter.level}`);
  const fetch = filter.limit + 1;
  // A cursor belongs to the ordering it came from: by rank with a query, by code without.
  if (filter.after && filter.after.by !== (key ? 'rank' : 'code')) throw new AppError(400, 'invalid_cursor');

  let rows: Array<UnitListRow & { rank?: number; nameLength?: number }>;
  if (key) {
    // The folded key holds only letters, digits and single spaces, so it is safe inside LIKE.
    const s = searchKeySeparator;
    const rawCode = filter.q!.trim();
    const match = sql`(u.search_key LIKE ${`%${key}%`} OR u.code = ${rawCode})`;
    const where = sql.join([match, ...conditions], sql` AND `);
    const after =
      filter.after?.by === 'rank'
        ? sql`WHERE (m.rank, m."nameLength", m.code) > (${filter.after.rank}, ${filter.after.length}, ${filter.after.code})`
        : sql``;
    ({ rows } = await sql<UnitListRow & { rank: number; nameLength: number }>`
      SELECT m.* FROM (
        SELECT ${listColumns}, ${currentAt(now)} AS current,
          CASE
            WHEN u.code = ${rawCode} OR ${s} || u.search_key || ${s} LIKE ${`%${s}${key}${s}%`} THEN 0
            WHEN ${s} || u.search_key LIKE ${`%${s}${key}%`} THEN 1
            WHEN u.search_key || ${s} LIKE ${`% ${key}${s}%`} THEN 2
            WHEN u.search_key LIKE ${`% ${key}%`} THEN 3
            ELSE 4
          END AS rank,
          length(u.name) AS "nameLength"
        FROM units u
        LEFT JOIN units p ON p.id = u.parent_id
        LEFT JOIN units r ON r.id = u.replaced_by_id
        WHERE ${where}
      ) m
      ${after}
      ORDER BY m.rank, m."nameLength", m.code
      LIMIT ${fetch}`.execute(db));
  } else {
    if (filter.after?.by === 'code') conditions.push(sql`u.code > ${filter.after.code}`);
    const where = conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
    ({ rows } = await sql<UnitListRow>`
      SELECT ${listColumns}, ${currentAt(now)} AS current
      FROM units u
      LEFT JOIN units p ON p.id = u.parent_id
      LEFT JOIN units r ON r.id = u.replaced_by_id
      ${where}
      ORDER BY u.code
      LIMIT ${fetch}`.execute(db));
  }

  const more = rows.length > filter.limit;
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  let next: UnitCursor | undefined;
  if (more && last) {
    next = key
      ? { by: 'rank', rank: last.rank!, length: last.nameLength!, code: last.code }
      : { by: 'code', code: last.code };
  }
  return {
    rows: page.map(({ rank: _rank, nameLength: _length, ...row }) => row),
    next,
  };
}

export interface UnitDetailRow extends UnitListRow {
  ancestors: Array<{ code: string; name: string; names: LocaleNames; level: string }>;
  childCount: number;
}

/** One unit (current or former) with its ancestors, root first, and its current children's count. */
export async function unitDetail(db: Kysely<DB>, code: string, now: Date): Promise<UnitDetailRow | undefined> {
  const { rows } = await sql<UnitDetailRow>`
    SELECT ${listColumns}, ${currentAt(now)} AS current,
      coalesce((
        SELECT json_agg(json_build_object('code', a.code, 'name', a.name, 'names', a.names, 'level', a.level) ORDER BY a.depth)
        FROM units a WHERE a.id = ANY(string_to_array(btrim(u.path, '/'), '/')::bigint[]) AND a.id <> u.id
      ), '[]'::json) AS ancestors,
      (SELECT count(*) FROM units c WHERE c.parent_id = u.id AND ${currentAt(now, 'c')}) AS "childCount"
    FROM units u
    LEFT JOIN units p ON p.id = u.parent_id
    LEFT JOIN units r ON r.id = u.replaced_by_id
    WHERE u.code = ${code}`.execute(db);
  return rows[0];
}

// ---------------------------------------------------------------------------- import

/** Serialises imports: two at once would race on new codes and on paths. */
export async function lockUnitImports(trx: Kysely<DB>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(7261010)`.execute(trx);
}

/** Ids for new units, taken before inserting so that paths ('/<id>/…/') are written once. */
export async function allocateUnitIds(trx: Kysely<DB>, count: number): Promise<number[]> {
  if (count === 0) return [];
  const { rows } = await sql<{ id: number }>`
    WITH s AS MATERIALIZED (SELECT pg_get_serial_sequence('units', 'id')::regclass AS seq)
    SELECT nextval(s.seq) AS id FROM s, generate_series(1, ${count}::int)`.execute(trx);
  return rows.map((r) => r.id);
}

/** A unit row as written by an import. */
export type UnitWrite = Omit<Selectable<UnitsTable>, 'created_at' | 'updated_at'>;

const writeRecordset = sql`(id bigint, code text, name text, names jsonb, level text, parent_id bigint, path text,
  depth int, country text, time_zone text, valid_from date, valid_to date, replaced_by_id bigint, search_key text)`;

/** Many rows in one statement: one JSON parameter, expanded by the database. */
export async function insertUnits(trx: Kysely<DB>, rows: UnitWrite[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO units (id, code, name, names, level, parent_id, path, depth, country, time_zone,
                       valid_from, valid_to, replaced_by_id, search_key, created_at, updated_at)
    OVERRIDING SYSTEM VALUE
    SELECT r.id, r.code, r.name, r.names, r.level, r.parent_id, r.path, r.depth, r.country, r.time_zone,
           r.valid_from, r.valid_to, r.replaced_by_id, r.search_key, ${now}, ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r ${writeRecordset}`.execute(trx);
}

export async function updateUnits(trx: Kysely<DB>, rows: UnitWrite[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    UPDATE units u SET name = r.name, names = r.names, level = r.level, parent_id = r.parent_id, path = r.path,
      depth = r.depth, country = r.country, time_zone = r.time_zone, valid_from = r.valid_from,
      valid_to = r.valid_to, replaced_by_id = r.replaced_by_id, search_key = r.search_key, updated_at = ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r ${writeRecordset}
    WHERE u.id = r.id`.execute(trx);
}

/** Replacements that point at units inserted later in the same import. */
export async function setReplacements(trx: Kysely<DB>, pairs: Array<{ id: number; replaced_by_id: number }>): Promise<void> {
  if (pairs.length === 0) return;
  await sql`
    UPDATE units u SET replaced_by_id = r.replaced_by_id
    FROM jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) AS r (id bigint, replaced_by_id bigint)
    WHERE u.id = r.id`.execute(trx);
}

/** Ids among these whose replaced_by chain leads back to themselves. */
export async function replacementCycles(trx: Kysely<DB>, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ start: number }>`
    WITH RECURSIVE chain (start, id, hops) AS (
      SELECT u.id, u.replaced_by_id, 1 FROM units u WHERE u.id = ANY(${ids}::bigint[]) AND u.replaced_by_id IS NOT NULL
      UNION ALL
      SELECT c.start, u.replaced_by_id, c.hops + 1 FROM chain c JOIN units u ON u.id = c.id
      WHERE u.replaced_by_id IS NOT NULL AND c.id <> c.start AND c.hops < 64
    )
    SELECT DISTINCT start FROM chain WHERE id = start`.execute(trx);
  return rows.map((r) => r.start);
}

/**
 * Rewrites path and depth of every unit below the given units from their parents, after
 * units moved to another parent. Answers how many rows changed.
 */
export async function recomputeSubtreePaths(trx: Kysely<DB>, rootIds: number[]): Promise<number> {
  if (rootIds.length === 0) return 0;
  const result = await sql`
    WITH RECURSIVE up AS (
      -- The moved units' true paths, read up their parent chains.
      SELECT u.id AS start, u.parent_id AS next, '/' || u.id || '/' AS path, 0 AS hops
      FROM units u WHERE u.id = ANY(${rootIds}::bigint[])
      UNION ALL
      SELECT up.start, p.parent_id, '/' || p.id || up.path, up.hops + 1
      FROM up JOIN units p ON p.id = up.next WHERE up.hops < 64
    ),
    roots AS (
      SELECT start AS id, path, hops AS depth FROM up WHERE next IS NULL
    ),
    down AS (
      SELECT id, path, depth FROM roots
      UNION ALL
      SELECT c.id, down.path || c.id || '/', down.depth + 1
      FROM units c JOIN down ON c.parent_id = down.id WHERE down.depth < 64
    )
    UPDATE units u SET path = d.path, depth = d.depth
    FROM (SELECT DISTINCT ON (id) id, path, depth FROM down) d
    WHERE u.id = d.id AND (u.path <> d.path OR u.depth <> d.depth)`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** The parent's row, locked, so that two additions under it number their codes in turn. */
export async function lockUnit(trx: Kysely<DB>, id: number): Promise<void> {
  await sql`SELECT id FROM units WHERE id = ${id} FOR UPDATE`.execute(trx);
}

/** How many children a unit has, and whether a code is taken. */
export async function childCodeState(trx: Kysely<DB>, parentId: number, code: string | null): Promise<{ children: number; taken: boolean }> {
  const { rows } = await sql<{ children: number; taken: boolean }>`
    SELECT (SELECT count(*)::int FROM units WHERE parent_id = ${parentId}) AS children,
           EXISTS (SELECT 1 FROM units WHERE code = ${code}) AS taken`.execute(trx);
  return rows[0];
}
