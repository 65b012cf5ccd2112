import { presentNames } from '../../platform/i18n.ts';
import type { GapView, ServicePointView } from './service-points.schema.ts';
import type { GapRow, ServicePointRow } from './service-points.queries.ts';

export function presentServicePoint(row: ServicePointRow): ServicePointView {
  const view: ServicePointView = {
    id: row.id,
    unit: { code: row.unitCode, name: row.unitName },
    kind: row.kind,
    kindNames: presentNames(row.kindNames),
    name: row.name,
  };
  if (row.address) view.address = row.address;
  return view;
}

/** A unit lacking required service points, for those who plan them. */
export function presentGap(row: GapRow): GapView {
  return {
    unit: { code: row.code, name: row.name },
    level: row.level,
    requiredCount: row.required_count,
    presentCount: row.required_count - row.missing.length,
    missing: row.missing,
  };
}
