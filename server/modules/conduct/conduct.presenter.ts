/** Which fields of norm sets, devices and findings leave the server. */
import type { LocaleNames } from '../../schema.ts';
import type { NormRow, DeviceListRow } from './conduct.queries.ts';
import type { NormSetView } from './conduct.schema.ts';

const names = (n: LocaleNames | null): Record<string, string> =>
  Object.fromEntries(Object.entries(n ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));

/** Rows of one or more set versions (ordered) → one view per version. */
export function presentNormSets(rows: NormRow[]): NormSetView[] {
  const out = new Map<number, NormSetView>();
  for (const r of rows) {
    let view = out.get(r.version_id);
    if (!view) {
      view = {
        id: r.set_id,
        key: r.key,
        unit: { code: r.unit_code, name: r.unit_name },
        version: r.version,
        validFrom: new Date(r.valid_from).toISOString(),
        names: names(r.names),
        norms: [],
      };
      out.set(r.version_id, view);
    }
    if (r.norm_id !== null && r.code !== null) view.norms.push({ id: r.norm_id, code: r.code, texts: names(r.texts) });
  }
  return [...out.values()];
}

export function presentDevice(row: DeviceListRow, now: Date) {
  const state = row.revoked_at
    ? ('revoked' as const)
    : row.enrolled_at
      ? ('enrolled' as const)
      : row.enrolment_expires_at && new Date(row.enrolment_expires_at) < now
        ? ('expired' as const)
        : ('waiting' as const);
  return { id: row.id, name: row.name, servicePoint: { id: row.service_point_id, name: row.service_point_name }, state };
}

export function presentCitedNorms(rows: Array<{ id: number; code: string; texts: LocaleNames; key: string; version: number }>) {
  return rows.map((n) => ({ id: n.id, code: n.code, texts: names(n.texts), set: n.key, version: n.version }));
}
