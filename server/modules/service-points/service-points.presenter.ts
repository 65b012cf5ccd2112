import { presentNames } from '../agencies/index.ts';
import type { ServicePointView } from './service-points.schema.ts';
import type { ServicePointRow } from './service-points.queries.ts';

export function presentServicePoint(row: ServicePointRow): ServicePointView {
  const view: ServicePointView = {
    id: row.id,
    unit: row.unitCode,
    kind: row.kind,
    kindNames: presentNames(row.kindNames),
    name: row.name,
  };
  if (row.address) view.address = row.address;
  return view;
}
