/**
 * The officials of a unit's subtree with their scorecard grade for a period: what
 * GET /api/v1/scorecards/units/{code}/officials lists, and, counted by grade, what a unit's
 * report prints (counts only, no names).
 */
import type { AppContext } from '../../platform/context.ts';
import { scorecardGrades, type ScorecardGrade } from '../../contract/domain.ts';
import { computeScorecard, computeScorecards } from './scorecards.compute.ts';
import { parsePeriod, type Period } from './scorecards.policy.ts';
import { officialsUnder, type OfficialRow, type UnitRow } from './scorecards.queries.ts';

interface OfficialGrade {
  id: number;
  name: string;
  position: string | null;
  homePath: string;
  total: number | null;
  grade: ScorecardGrade | null;
}

export function officialCard(ctx: AppContext, o: OfficialRow & { home: UnitRow }, p: Period) {
  return computeScorecard(ctx.db, { subject: { official: o.id }, unit: o.home, position: o.position, period: p, now: ctx.clock.now() });
}

/** A unit's scorecard: its whole subtree, every job position. */
export function unitCard(ctx: AppContext, u: UnitRow, p: Period) {
  return computeScorecard(ctx.db, { subject: { unitPath: u.path }, unit: u, position: null, period: p, now: ctx.clock.now() });
}

/** Every official whose home unit lies under the path, with the grade their scorecard computes. */
export async function officialGradesUnder(ctx: AppContext, unitPath: string, p: Period): Promise<OfficialGrade[]> {
  const officials = await officialsUnder(ctx.db, unitPath);
  const now = ctx.clock.now();
  const cards = await computeScorecards(
    ctx.db,
    officials.map((o) => ({ subject: { official: o.id }, unit: o.home, position: o.position, period: p, now })),
    { cases: false },
  );
  return officials.map((o, i) => ({ id: o.id, name: o.name, position: o.position, homePath: o.home.path, total: cards[i].card.total, grade: cards[i].card.grade }));
}

export interface GradeCounts {
  period: string;
  grades: Record<ScorecardGrade, number>;
  /** officials whose scorecard has no grade (nothing to measure in the period) */
  ungraded: number;
}

/** How many officials of the unit's subtree fall in each grade for a month, quarter or year; null for another key. */
export async function gradeCountsOf(ctx: AppContext, unitPath: string, periodKey: string): Promise<GradeCounts | null> {
  const p = parsePeriod(periodKey);
  if (!p) return null;
  const grades = Object.fromEntries(scorecardGrades.map((g) => [g, 0])) as Record<ScorecardGrade, number>;
  let ungraded = 0;
  for (const o of await officialGradesUnder(ctx, unitPath, p)) {
    if (o.grade) grades[o.grade] += 1;
    else ungraded += 1;
  }
  return { period: p.key, grades, ungraded };
}
