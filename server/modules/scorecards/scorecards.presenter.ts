/** Which fields of scorecards, their cases, frameworks and reviews leave the server. */
import type { LocaleNames } from '../../schema.ts';
import type { CaseItem, Scorecard } from './scorecards.compute.ts';
import type { FrameworkRow, ReviewRow, UnitRow } from './scorecards.queries.ts';
import type { FrameworkView, ReviewView, ScorecardView } from './scorecards.schema.ts';
import type { ScorecardMeasure } from '../../contract/domain.ts';

export const names = (n: LocaleNames | null): Record<string, string> =>
  Object.fromEntries(Object.entries(n ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));

export const presentUnit = (u: UnitRow) => ({ code: u.code, name: u.name, names: names(u.names) });

export function presentScorecard(
  card: Scorecard,
  subject: { kind: 'official'; id: number; name: string; position: string | null; unit: UnitRow } | { kind: 'unit'; unit: UnitRow },
  can: ScorecardView['can'],
): ScorecardView {
  return {
    subject:
      subject.kind === 'official'
        ? { kind: 'official', id: subject.id, name: subject.name, position: subject.position, unit: presentUnit(subject.unit) }
        : { kind: 'unit', id: null, name: subject.unit.name, position: null, unit: presentUnit(subject.unit) },
    period: card.period,
    framework: card.framework,
    criteria: card.criteria,
    total: card.total,
    grade: card.grade,
    can,
  };
}

/**
 * The cases behind a measure. A conduct report stays out of the reported official's sight
 * (it goes to their supervisors, never to them): they see the finding's date only.
 */
export function presentCases(measure: ScorecardMeasure, cases: CaseItem[], viewerIsSubject: boolean) {
  if (measure === 'upheld_conduct' && viewerIsSubject) return cases.map((c) => ({ ...c, ref: c.at.slice(0, 10), petition: null, detail: null }));
  return cases;
}

export function presentFramework(f: FrameworkRow, unitId: number): FrameworkView {
  return {
    id: f.id,
    unit: { code: f.unit_code, name: f.unit_name },
    own: f.unit_id === unitId,
    position: f.position,
    thresholds: { excellent: Number(f.excellent_from), good: Number(f.good_from), completed: Number(f.completed_from) },
    criteria: f.criteria.map((c) => ({ measure: c.measure, weight: Number(c.weight), worst: Number(c.worst), best: Number(c.best) })),
    updatedAt: new Date(f.updated_at).toISOString(),
  };
}

/**
 * A scorecard as the leader graded it. One frozen before the framework's unit was named by code and
 * name carries the code alone: it gains the name the review's query found for that code.
 */
function frozenScorecard(review: ReviewRow): ScorecardView {
  const card = review.scorecard as ScorecardView;
  const unit: unknown = card.framework?.unit;
  if (card.framework && typeof unit === 'string') {
    return { ...card, framework: { ...card.framework, unit: { code: unit, name: review.frozen_framework_unit_name ?? unit } } };
  }
  return card;
}

export function presentReview(
  official: { id: number; name: string; position: string | null; home: UnitRow | null },
  year: number,
  scorecard: ScorecardView,
  review: ReviewRow | undefined,
  can: ReviewView['can'],
): ReviewView {
  const frozen = !!review?.graded_at && review.scorecard !== null;
  return {
    official: { id: official.id, name: official.name, position: official.position, unit: official.home ? { code: official.home.code, name: official.home.name } : null },
    year,
    scorecard: frozen ? frozenScorecard(review!) : scorecard,
    frozen,
    selfAssessment: review?.self_assessment ?? null,
    selfAt: review?.self_at ? new Date(review.self_at).toISOString() : null,
    leaderGrade: review?.leader_grade ?? null,
    leaderReasons: review?.leader_reasons ?? null,
    leaderName: review?.leader_name ?? null,
    gradedAt: review?.graded_at ? new Date(review.graded_at).toISOString() : null,
    can,
  };
}
