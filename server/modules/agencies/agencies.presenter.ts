/** What leaves the server about an agency: the same for everyone, since it is public. */
import { presentNames } from '../../platform/i18n.ts';
import type { AgencyView } from './agencies.schema.ts';
import type { AgencyRow } from './agencies.queries.ts';

export function presentAgency(row: AgencyRow): AgencyView {
  const view: AgencyView = {
    id: row.id,
    name: row.name,
    names: presentNames(row.names),
    kind: row.kind,
    unit: { code: row.unitCode, name: row.unitName },
  };
  if (row.phone) view.phone = row.phone;
  if (row.email) view.email = row.email;
  return view;
}
