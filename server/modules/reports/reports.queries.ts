/** All SQL of the reports module. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ReportsTable } from './reports.tables.ts';
import type { DB } from '../../schema.ts';
import { openStatuses } from '../../contract/domain.ts';
import { protectedKinds } from '../petitions/index.ts';

type Db = Kysely<DB>;

interface TargetsRow {
  unit_code: string;
  unit_name: string;
  year: number | null;
  resolution_rate: string | null;
  on_time_rate: string | null;
  satisfaction_rate: string | null;
}

/**
 * The targets that apply to the unit in a year: the unit's own (those of the year, else its
 * default), else those of its nearest ancestor that has some, in the same order.
 */
export async function targetsFor(db: Db, unitPath: string, year: number): Promise<TargetsRow | undefined> {
  const r = await sql<TargetsRow>`
    SELECT u.code AS unit_code, u.name AS unit_name, t.year::int AS year, t.resolution_rate::text AS resolution_rate, t.on_time_rate::text AS on_time_rate,
           t.satisfaction_rate::text AS satisfaction_rate
      FROM report_targets t JOIN units u ON u.id = t.unit_id
     WHERE ${unitPath} LIKE u.path || '%' AND (t.year = ${year} OR t.year IS NULL)
     ORDER BY length(u.path) DESC, t.year IS NULL
     LIMIT 1`.execute(db);
  return r.rows[0];
}

/** The targets the unit itself set: its default (year null) and those of each year. */
export async function ownTargets(db: Db, unitId: number): Promise<Array<Omit<TargetsRow, 'unit_code' | 'unit_name'>>> {
  const r = await sql<Omit<TargetsRow, 'unit_code' | 'unit_name'>>`
    SELECT t.year::int AS year, t.resolution_rate::text AS resolution_rate, t.on_time_rate::text AS on_time_rate,
           t.satisfaction_rate::text AS satisfaction_rate
      FROM report_targets t
     WHERE t.unit_id = ${unitId}
     ORDER BY t.year IS NULL, t.year DESC`.execute(db);
  return r.rows;
}

export async function upsertTargets(
  db: Db,
  t: { unitId: number; year: number | null; resolutionRate: number | null; onTimeRate: number | null; satisfactionRate: number | null; by: number | null; at: Date },
): Promise<void> {
  const values = {
    resolution_rate: t.resolutionRate === null ? null : String(t.resolutionRate),
    on_time_rate: t.onTimeRate === null ? null : String(t.onTimeRate),
    satisfaction_rate: t.satisfactionRate === null ? null : String(t.satisfactionRate),
    updated_by: t.by,
    updated_at: t.at,
  };
  await db
    .insertInto('report_targets')
    .values({ unit_id: t.unitId, year: t.year, ...values })
    .onConflict((oc) => oc.constraint('report_targets_unit_year').doUpdateSet(values))
    .execute();
}

export interface CaseRow {
  tracking_code: string;
  kind: string;
  category: string | null;
  title: string | null;
  status: string;
  unit_code: string;
  unit_name: string;
  submitted_at: Date;
  due_at: Date;
  leader_name: string | null;
  handler_name: string | null;
}

/**
 * Open cases first submitted under the unit (before the period's end) that are past their due
 * time, or open since before `longSince` (long-standing): the most overdue first. Denunciations and conduct reports
 * are left out (only their handler and leader may see them).
 */
export async function casesToWatch(db: Db, unitPath: string, q: { now: Date; longSince: Date; submittedBefore: Date; limit: number }): Promise<CaseRow[]> {
  return db
    .selectFrom('petitions as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .leftJoin('accounts as l', 'l.id', 'p.leader_id')
    .leftJoin('accounts as h', 'h.id', 'p.handler_id')
    .select([
      'p.tracking_code',
      'p.kind',
      'p.category',
      'p.title',
      'p.status',
      'u.code as unit_code',
      'u.name as unit_name',
      'p.submitted_at',
      'p.due_at',
      'l.name as leader_name',
      'h.name as handler_name',
    ])
    .where('p.origin_unit_path', 'like', `${unitPath}%`)
    .where('p.status', 'in', [...openStatuses])
    .where('p.case_id', 'is', null)
    .where('p.kind', 'not in', [...protectedKinds])
    .where('p.submitted_at', '<', q.submittedBefore)
    .where((eb) => eb.or([eb('p.due_at', '<', q.now), eb('p.submitted_at', '<', q.longSince)]))
    .orderBy('p.due_at')
    .orderBy('p.id')
    .limit(q.limit)
    .execute() as Promise<CaseRow[]>;
}

/** The localized names of service-point kinds. */
export async function servicePointKindNames(db: Db, keys: string[]): Promise<Map<string, Record<string, string>>> {
  if (!keys.length) return new Map();
  const rows = await db.selectFrom('service_point_kinds').select(['key', 'names']).where('key', 'in', keys).execute();
  return new Map(rows.map((r) => [r.key, r.names as unknown as Record<string, string>]));
}

// The archive

/** A report in the archive, less its content and PDF. */
type ArchivedRow = Omit<Selectable<ReportsTable>, 'content' | 'pdf'>;

const archivedColumns = ['id', 'unit_id', 'period', sql<string>`from_day::text`.as('from_day'), sql<string>`to_day::text`.as('to_day'), 'audience', 'locale', 'sha256', 'produced_at', 'mailed_to'] as const;

export async function insertArchived(
  db: Db,
  r: { unitId: number; period: string; from: string; to: string; audience: 'staff' | 'public'; locale: string; content: unknown; pdf: Buffer; sha256: string; at: Date; mailedTo: number },
): Promise<number | undefined> {
  const row = await db
    .insertInto('reports')
    .values({
      unit_id: r.unitId,
      period: r.period,
      from_day: r.from,
      to_day: r.to,
      audience: r.audience,
      locale: r.locale,
      content: JSON.stringify(r.content),
      pdf: r.pdf,
      sha256: r.sha256,
      produced_at: r.at,
      mailed_to: r.mailedTo,
    })
    .onConflict((oc) => oc.columns(['unit_id', 'period', 'audience']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function listArchived(db: Db, unitId: number, audiences: Array<'staff' | 'public'>, limit: number): Promise<ArchivedRow[]> {
  return db
    .selectFrom('reports')
    .select([...archivedColumns])
    .where('unit_id', '=', unitId)
    .where('audience', 'in', audiences)
    .orderBy('from_day', 'desc')
    .orderBy('period')
    .limit(limit)
    .execute() as Promise<ArchivedRow[]>;
}

export async function getArchived(db: Db, id: number): Promise<(ArchivedRow & { content: unknown; pdf: Buffer }) | undefined> {
  return db.selectFrom('reports').select([...archivedColumns, 'content', 'pdf']).where('id', '=', id).executeTakeFirst() as Promise<
    (ArchivedRow & { content: unknown; pdf: Buffer }) | undefined
  >;
}

export async function findArchived(db: Db, unitId: number, period: string, audience: 'staff' | 'public'): Promise<ArchivedRow | undefined> {
  return db
    .selectFrom('reports')
    .select([...archivedColumns])
    .where('unit_id', '=', unitId)
    .where('period', '=', period)
    .where('audience', '=', audience)
    .executeTakeFirst() as Promise<ArchivedRow | undefined>;
}

export async function unitById(db: Db, id: number): Promise<{ id: number; code: string; name: string; path: string } | undefined> {
  return db.selectFrom('units').select(['id', 'code', 'name', 'path']).where('id', '=', id).executeTakeFirst();
}
