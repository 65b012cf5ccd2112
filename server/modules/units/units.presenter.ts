/** What leaves the server about a unit: public, and never its internal id or path. */
import { presentNames } from '../../platform/i18n.ts';
import type { UnitCursor, UnitDetailRow, UnitListRow } from './units.queries.ts';
import type { UnitDetail, UnitSummary } from './units.schema.ts';

export function presentUnit(row: UnitListRow): UnitSummary {
  const view: UnitSummary = {
    code: row.code,
    name: row.name,
    names: presentNames(row.names),
    level: row.level,
    parentCode: row.parentCode,
    country: row.country,
    timeZone: row.timeZone,
    validFrom: row.validFrom,
    validTo: row.validTo,
    current: row.current,
  };
  if (row.replacedByCode !== null) view.replacedBy = { code: row.replacedByCode, name: row.replacedByName ?? '' };
  return view;
}

export function presentUnitDetail(row: UnitDetailRow): UnitDetail {
  return {
    ...presentUnit(row),
    ancestors: row.ancestors.map((a) => ({ code: a.code, name: a.name, names: presentNames(a.names), level: a.level })),
    childCount: Number(row.childCount),
  };
}

/** The sort key of a page's last unit, as the cursor holds it. */
export function unitCursorKey(cursor: UnitCursor): unknown[] {
  return cursor.by === 'code' ? ['c', cursor.code] : ['r', cursor.rank, cursor.length, cursor.code];
}

export function readUnitCursor(parts: unknown): UnitCursor | undefined {
  if (!Array.isArray(parts)) return undefined;
  const [by, a, b, c] = parts as unknown[];
  if (by === 'c' && typeof a === 'string' && parts.length === 2) return { by: 'code', code: a };
  if (by === 'r' && Number.isInteger(a) && Number.isInteger(b) && typeof c === 'string' && parts.length === 4) {
    return { by: 'rank', rank: a as number, length: b as number, code: c };
  }
  return undefined;
}
