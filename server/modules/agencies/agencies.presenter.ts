/** What leaves the server about an agency: the same for everyone, since it is public. */
import type { LocaleNames } from '../../schema.ts';
import type { AgencyView } from './agencies.schema.ts';
import type { AgencyRow } from './agencies.queries.ts';

/** Only the locales we speak, and only non-empty names. */
export function presentNames(names: LocaleNames | null | undefined): AgencyView['names'] {
  const out: AgencyView['names'] = {};
  for (const locale of ['vi', 'zh', 'en'] as const) {
    const value = names?.[locale];
    if (typeof value === 'string' && value) out[locale] = value;
  }
  return out;
}

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
