/**
 * The reference figures: a plain GROUP BY over the petitions table, per the definitions of the
 * petitions issue (docs/FIGURES.md): petitions first submitted in the period to the
 * unit or a unit below it. The fast path of /api/v1/figures must give exactly these numbers.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../server/schema.ts';

export interface Figures {
  received: number;
  accepted: number;
  rejected: number;
  answered: number;
  resolved: number;
  resolvedOnTime: number;
  overdue: number;
  escalated: number;
  transferred: number;
  rated: number;
  satisfied: number;
  acceptable: number;
  unsatisfied: number;
  byChannel: Record<string, number>;
  byKind: Record<string, number>;
  byCategory: Record<string, number>;
}

const open = `('received', 'accepted', 'transferred', 'assigned', 'in_progress', 'reopened')`;

/**
 * One scan of the subtree's petitions first submitted on the local days from..to (both
 * included, in `timeZone`: every unit of the bench's tree has Viet Nam's), grouped by channel,
 * kind and category, summed in JS. `escalated` counts cases sent above the unit asked about
 * (escalated_to_path outside its subtree); `overdue` open ones past their due time at `now`.
 */
export async function naiveFigures(db: Kysely<DB>, unitPath: string, from: string, to: string, now: Date, timeZone = 'Asia/Ho_Chi_Minh'): Promise<Figures> {
  const { rows } = await sql<{
    channel: string;
    kind: string;
    category: string | null;
    received: number;
    accepted: number;
    resolved: number;
    resolved_on_time: number;
    overdue: number;
    escalated: number;
    transferred: number;
    rated: number;
    satisfied: number;
    acceptable: number;
    unsatisfied: number;
    rejected: number;
    answered: number;
  }>`
    SELECT channel, kind,
           -- the public figures name only the categories of figures_categories, the others are 'other'
           CASE WHEN category IS NULL OR category IN (SELECT c.category FROM figures_categories c) THEN category ELSE 'other' END AS category,
           count(*)::int AS received,
           count(accepted_at)::int AS accepted,
           count(rejected_at)::int AS rejected,
           count(answered_at)::int AS answered,
           count(*) FILTER (WHERE resolved)::int AS resolved,
           count(*) FILTER (WHERE resolved AND resolved_on_time)::int AS resolved_on_time,
           count(*) FILTER (WHERE status IN ${sql.raw(open)} AND due_at < ${now})::int AS overdue,
           count(*) FILTER (WHERE escalation_count > 0 AND escalated_to_path IS NOT NULL
                              AND NOT (escalated_to_path LIKE ${unitPath} || '%'))::int AS escalated,
           count(*) FILTER (WHERE transfer_count > 0)::int AS transferred,
           count(rating)::int AS rated,
           count(*) FILTER (WHERE rating = 'satisfied')::int AS satisfied,
           count(*) FILTER (WHERE rating = 'acceptable')::int AS acceptable,
           count(*) FILTER (WHERE rating = 'unsatisfied')::int AS unsatisfied
      FROM petitions
     WHERE origin_unit_path LIKE ${unitPath} || '%'
       AND submitted_at >= (${from}::date)::timestamp AT TIME ZONE ${timeZone}
       AND submitted_at < (${to}::date + 1)::timestamp AT TIME ZONE ${timeZone}
     GROUP BY 1, 2, 3`.execute(db);
  const f: Figures = {
    received: 0,
    accepted: 0,
    rejected: 0,
    answered: 0,
    resolved: 0,
    resolvedOnTime: 0,
    overdue: 0,
    escalated: 0,
    transferred: 0,
    rated: 0,
    satisfied: 0,
    acceptable: 0,
    unsatisfied: 0,
    byChannel: {},
    byKind: {},
    byCategory: {},
  };
  for (const r of rows) {
    f.received += r.received;
    f.accepted += r.accepted;
    f.resolved += r.resolved;
    f.resolvedOnTime += r.resolved_on_time;
    f.overdue += r.overdue;
    f.escalated += r.escalated;
    f.transferred += r.transferred;
    f.rated += r.rated;
    f.satisfied += r.satisfied;
    f.acceptable += r.acceptable;
    f.unsatisfied += r.unsatisfied;
    f.rejected += r.rejected;
    f.answered += r.answered;
    f.byChannel[r.channel] = (f.byChannel[r.channel] ?? 0) + r.received;
    f.byKind[r.kind] = (f.byKind[r.kind] ?? 0) + r.received;
    if (r.category !== null) f.byCategory[r.category] = (f.byCategory[r.category] ?? 0) + r.received;
  }
  return f;
}

/** Where the endpoint's figures and the reference disagree: field names, empty when they agree. */
export function compareFigures(reference: Figures, answer: Record<string, unknown>): string[] {
  const out: string[] = [];
  const scalar = [
    'received', 'accepted', 'rejected', 'answered', 'resolved', 'resolvedOnTime', 'overdue', 'escalated', 'transferred',
    'rated', 'satisfied', 'acceptable', 'unsatisfied',
  ] as const;
  for (const k of scalar) {
    if (answer[k] !== undefined && answer[k] !== reference[k]) out.push(`${k}: ${String(answer[k])} ≠ ${reference[k]}`);
    if (answer[k] === undefined) out.push(`${k}: missing`);
  }
  for (const group of ['byChannel', 'byKind', 'byCategory'] as const) {
    const got = answer[group];
    if (!got || typeof got !== 'object') {
      out.push(`${group}: missing`);
      continue;
    }
    const counts = countsOf(got);
    for (const [key, n] of Object.entries(reference[group])) {
      if ((counts[key] ?? 0) !== n) out.push(`${group}.${key}: ${counts[key] ?? 0} ≠ ${n}`);
    }
  }
  return out;
}

/** `{ web: 3 }`, `{ web: { received: 3 } }` or `[{ key: 'web', received: 3 }]`: the received count per key. */
function countsOf(value: object): Record<string, number> {
  const out: Record<string, number> = {};
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((v: Record<string, unknown>) => [String(v.key ?? v.channel ?? v.kind ?? v.category ?? v.name), v])
    : Object.entries(value);
  for (const [k, v] of entries) {
    out[k] = typeof v === 'number' ? v : Number((v as Record<string, unknown>)?.received ?? (v as Record<string, unknown>)?.count ?? NaN);
  }
  return out;
}
