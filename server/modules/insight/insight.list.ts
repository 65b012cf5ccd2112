/**
 * The flagged hotspots of some subtrees, as the hotspots endpoint answers them and a unit's
 * report prints them: one function for both, so the report shows what the endpoint lists.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import { maskPersonalData } from '../../platform/personalData.ts';
import { hotspotsIn, petitionsByIds } from './insight.queries.ts';
import type { HotspotView } from './insight.schema.ts';

const defaultHotspotLimit = 50;

export interface HotspotsOf {
  /** Unit paths: the subtrees looked in. */
  scope: string[];
  /** Flagged since then, or whose week ended on a day from `from` to `to` (the unit's local days). */
  when: { since: Date } | { from: string; to: string };
  limit?: number;
}

/** The hotspots, newest first, with the petitions behind each (their titles masked of personal data). */
export async function hotspotsOf(db: Kysely<DB>, q: HotspotsOf): Promise<HotspotView[]> {
  const rows = await hotspotsIn(db, q.scope, q.when, q.limit ?? defaultHotspotLimit);
  const petitions = new Map((await petitionsByIds(db, [...new Set(rows.flatMap((r) => r.petition_ids))])).map((p) => [p.id, p]));
  return rows.map((r) => ({
    id: r.id,
    unit: { code: r.unit_code, name: r.unit_name },
    category: r.category,
    weekEnd: r.week_end.toISOString(),
    count: r.count,
    baseline: r.baseline,
    score: r.score,
    flaggedAt: r.flagged_at.toISOString(),
    petitions: r.petition_ids.flatMap((id) => {
      const p = petitions.get(id);
      if (!p) return [];
      const text = (p.title ?? p.body).slice(0, 160);
      return [{ id: p.id, trackingCode: p.tracking_code, kind: p.kind, status: p.status, title: maskPersonalData(text), submittedAt: p.submitted_at.toISOString() }];
    }),
  }));
}
