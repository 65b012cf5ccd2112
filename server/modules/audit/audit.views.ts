/**
 * The events a reader may see, a page at a time. The SQL filter is the reader's units; what a
 * subject's own view hides is decided by the module that owns the subject, with the same rules
 * as that view (a petition's: petitions.audit.ts). Hidden events are skipped, so a page is
 * read in batches until it is full.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import type { Actor } from '../../platform/access.ts';
import { visiblePetitionEvents } from '../petitions/index.ts';
import { listAuditEvents, type AuditEventRow, type AuditFilter } from './audit.queries.ts';

type SubjectView = (db: Kysely<DB>, actor: Actor, events: AuditEventRow[]) => Promise<AuditEventRow[]>;

/** Subjects whose events show only what their own view shows; others show within the reader's units. */
const subjectViews: Record<string, SubjectView> = {
  petition: visiblePetitionEvents,
};

async function visible(db: Kysely<DB>, actor: Actor, rows: AuditEventRow[]): Promise<AuditEventRow[]> {
  const byType = new Map<string, AuditEventRow[]>();
  for (const row of rows) if (subjectViews[row.subject_type]) byType.set(row.subject_type, [...(byType.get(row.subject_type) ?? []), row]);
  const kept = new Map<AuditEventRow, AuditEventRow>();
  for (const [type, events] of byType) {
    const original = new Map(events.map((e) => [e.id, e]));
    for (const shown of await subjectViews[type](db, actor, events)) kept.set(original.get(shown.id)!, shown);
  }
  return rows.flatMap((row) => (subjectViews[row.subject_type] ? (kept.has(row) ? [kept.get(row)!] : []) : [row]));
}

/** Up to `limit` events the actor may see, newest first, and whether more follow. */
export async function readableEvents(
  db: Kysely<DB>,
  actor: Actor,
  filter: Omit<AuditFilter, 'limit'>,
  limit: number,
): Promise<{ items: AuditEventRow[]; more: boolean }> {
  const items: AuditEventRow[] = [];
  let beforeId = filter.beforeId;
  // Batches larger than the page, so that a stretch of hidden events costs few round trips.
  const batch = Math.min(limit * 4, 1000);
  for (;;) {
    const rows = await listAuditEvents(db, { ...filter, beforeId, limit: batch });
    const page = rows.slice(0, batch);
    for (const row of await visible(db, actor, page)) {
      if (items.length === limit) return { items, more: true };
      items.push(row);
    }
    if (rows.length <= batch) return { items, more: false };
    beforeId = page[page.length - 1].id;
  }
}
