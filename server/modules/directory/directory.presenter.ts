/** The public staff directory: who works at a unit and what they handle; never how to reach them. */
import type { StaffEntry } from './directory.schema.ts';
import type { StaffRow } from './directory.queries.ts';
import { photoPath } from './directory.photos.ts';

export function presentStaff(rows: StaffRow[], photos: Map<number, string> = new Map()): StaffEntry[] {
  const entries = new Map<number, StaffEntry>();
  for (const row of rows) {
    const entry = entries.get(row.id) ?? {
      id: row.id,
      name: row.name,
      position: row.position,
      agency: row.agency_id !== null && row.agency_name !== null ? { id: row.agency_id, name: row.agency_name } : null,
      roles: [],
      photo: photos.has(row.id) ? photoPath(row.id, photos.get(row.id)!) : null,
    };
    entry.roles.push(row.role);
    entries.set(row.id, entry);
  }
  const collator = new Intl.Collator('vi');
  return [...entries.values()].sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
}
