/**
 * The petitions as a file, a page at a time (keyset on id, newest first), so that a year of a
 * province never sits in memory. The staff export is filtered by the caller's scope in SQL
 * (the inbox's `visibleTo`); the public export holds only what the public list shows.
 */
import { type Kysely, sql } from 'kysely';
import type { Official } from '../../../platform/access.ts';
import type { DB } from '../../../schema.ts';
import { publicKinds } from '../petitions.policy.ts';
import { type PetitionsEb, visibleTo } from './list.queries.ts';

export interface ExportRange {
  unitPath?: string;
  /** Submitted at or after this instant (the first local day's midnight in the unit's time zone). */
  from?: Date;
  /** Submitted before this instant (the midnight after the last day). */
  to?: Date;
  /** Without a unit: the first and last day (YYYY-MM-DD, included), local days of each petition's own unit. */
  days?: { from?: string; to?: string };
}

/** Rows per query. */
export const exportPageSize = 1000;

export async function staffExportPage(db: Kysely<DB>, actor: Official, range: ExportRange, beforeId: number | null) {
  let q = db
    .selectFrom('petitions as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .leftJoin('accounts as h', 'h.id', 'p.handler_id')
    .leftJoin('accounts as l', 'l.id', 'p.leader_id')
    .select([
      'p.id',
      'p.tracking_code',
      'p.kind',
      'p.category',
      'p.channel',
      'p.status',
      'p.urgent',
      'p.title',
      'u.code as unit_code',
      'u.name as unit_name',
      'p.submitted_at',
      'p.due_at',
      'p.answered_at',
      'p.closed_at',
      'p.resolved_on_time',
      'p.escalation_count',
      'p.transfer_count',
      'p.rating',
      'h.name as handler_name',
      'l.name as leader_name',
    ])
    .where((eb) => visibleTo(eb as unknown as PetitionsEb, actor));
  if (range.unitPath) q = q.where('p.unit_path', 'like', `${range.unitPath}%`);
  if (range.from) q = q.where('p.submitted_at', '>=', range.from);
  if (range.to) q = q.where('p.submitted_at', '<', range.to);
  // Local midnight of the petition's unit: the day as a wall-clock time there.
  if (range.days?.from) q = q.where('p.submitted_at', '>=', sql<Date>`(${range.days.from}::date::timestamp AT TIME ZONE u.time_zone)`);
  if (range.days?.to) q = q.where('p.submitted_at', '<', sql<Date>`((${range.days.to}::date + 1)::timestamp AT TIME ZONE u.time_zone)`);
  if (beforeId !== null) q = q.where('p.id', '<', beforeId);
  return q.orderBy('p.id', 'desc').limit(exportPageSize).execute();
}

/** What the public list shows (publicKinds, with consent, not merged or rejected), without text, names or places. */
export async function publicExportPage(db: Kysely<DB>, unitPath: string, range: ExportRange, beforeId: number | null) {
  let q = db
    .selectFrom('petitions as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.tracking_code', 'p.kind', 'p.category', 'p.status', 'u.code as unit_code', 'p.submitted_at', 'p.answered_at', 'p.closed_at'])
    .where('p.origin_unit_path', 'like', `${unitPath}%`)
    .where('p.consent_to_publish', '=', true)
    .where('p.kind', 'in', [...publicKinds])
    .where('p.case_id', 'is', null)
    .where('p.status', 'not in', ['rejected', 'merged']);
  if (range.from) q = q.where('p.submitted_at', '>=', range.from);
  if (range.to) q = q.where('p.submitted_at', '<', range.to);
  if (beforeId !== null) q = q.where('p.id', '<', beforeId);
  return q.orderBy(sql`p.id`, 'desc').limit(exportPageSize).execute();
}
