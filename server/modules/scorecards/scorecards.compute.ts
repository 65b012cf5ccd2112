/**
 * A scorecard computed from the record: each measure from the cases behind it, each criterion
 * of the framework in force scaled to 0–100, the weighted total and its grade. Nothing typed in
 * except inspection findings.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import { scorecardMeasures, type ScorecardGrade, type ScorecardMeasure } from '../../contract/domain.ts';
import { startOfLocalDay } from '../../platform/calendar.ts';
import { compliance } from '../gatherings/index.ts';
import {
  answerRatingScore,
  faceScore,
  gradeOf,
  onlineChannels,
  round2,
  scaleScore,
  weightedTotal,
  type Period,
} from './scorecards.policy.ts';
import { frameworksAbove, receptionDaysHeld, recordOf, type FrameworkRow, type Record_, type Subject, type UnitRow } from './scorecards.queries.ts';

/** One case behind a number: `counts` says whether it counts towards the numerator of a rate. */
export interface CaseItem {
  ref: string;
  at: string;
  counts: boolean | null;
  petition: number | null;
  detail: string | null;
}

export interface MeasureValue {
  measure: ScorecardMeasure;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  cases: CaseItem[];
}

export interface ComputedCriterion {
  measure: ScorecardMeasure;
  weight: number | null;
  worst: number | null;
  best: number | null;
  value: number | null;
  score: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface Scorecard {
  period: { key: string; from: string; to: string };
  framework: null | { id: number; unit: string; position: string | null; thresholds: { excellent: number; good: number; completed: number } };
  criteria: ComputedCriterion[];
  total: number | null;
  grade: ScorecardGrade | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const rate = (num: number, den: number) => (den === 0 ? null : round2((num / den) * 100));

/** The framework that applies: for an official the nearest one for their position, else the nearest one for every position. */
export function pickFramework(frameworks: FrameworkRow[], position: string | null): FrameworkRow | undefined {
  return (position !== null ? frameworks.find((f) => f.position === position) : undefined) ?? frameworks.find((f) => f.position === null);
}

/** Every measure from the record (and, for reception days, from the gatherings module's compliance). */
export function measuresFrom(r: Record_, gatherings: { required: number; held: number; days: CaseItem[] } | null): Map<ScorecardMeasure, MeasureValue> {
  const out = new Map<ScorecardMeasure, MeasureValue>();
  const answeredCase = (p: Record_['answered'][number], counts: boolean, detail: string | null): CaseItem => ({
    ref: p.tracking_code,
    at: iso(p.answered_at),
    counts,
    petition: p.id,
    detail,
  });

  const onTime = r.answered.map((p) => answeredCase(p, new Date(p.answered_at) <= new Date(p.due_at), `due ${iso(p.due_at)}`));
  const n = r.answered.length;
  out.set('on_time_rate', { measure: 'on_time_rate', value: rate(onTime.filter((c) => c.counts).length, n), numerator: onTime.filter((c) => c.counts).length, denominator: n, cases: onTime });

  const reopened = r.answered.map((p) => answeredCase(p, p.reopen_count > 0, `reopened ${p.reopen_count}`));
  const reopenedN = reopened.filter((c) => c.counts).length;
  out.set('reopen_rate', { measure: 'reopen_rate', value: rate(reopenedN, n), numerator: reopenedN, denominator: n, cases: reopened });

  const online = r.answered.map((p) => answeredCase(p, (onlineChannels as readonly string[]).includes(p.channel), p.channel));
  const onlineN = online.filter((c) => c.counts).length;
  out.set('online_share', { measure: 'online_share', value: rate(onlineN, n), numerator: onlineN, denominator: n, cases: online });

  const overdue = r.overdue.map((p) => ({ ref: p.tracking_code, at: iso(p.due_at), counts: true, petition: p.id, detail: p.answered_at ? `answered ${iso(p.answered_at)}` : null }));
  out.set('overdue_count', { measure: 'overdue_count', value: overdue.length, numerator: overdue.length, denominator: null, cases: overdue });

  const scores: number[] = [];
  const rated: CaseItem[] = [];
  for (const a of r.answerRatings) {
    const s = answerRatingScore[a.score as keyof typeof answerRatingScore] ?? 0;
    scores.push(s);
    rated.push({ ref: a.tracking_code, at: iso(a.created_at), counts: null, petition: a.petition_id, detail: `answer ${a.score} (${s})` });
  }
  for (const s of r.serviceRatings) {
    scores.push(faceScore(s.score));
    rated.push({ ref: `${s.source}-${s.id}`, at: iso(s.created_at), counts: null, petition: null, detail: `${s.source} ${s.score}/5${s.procedure ? ` · ${s.procedure}` : ''}` });
  }
  rated.sort((a, b) => a.at.localeCompare(b.at));
  out.set('satisfaction', {
    measure: 'satisfaction',
    value: scores.length ? round2(scores.reduce((x, y) => x + y, 0) / scores.length) : null,
    numerator: null,
    denominator: scores.length,
    cases: rated,
  });

  const upheld = r.upheld.map((f) => ({ ref: f.tracking_code, at: iso(f.recorded_at), counts: true, petition: f.petition_id, detail: null }));
  out.set('upheld_conduct', { measure: 'upheld_conduct', value: upheld.length, numerator: upheld.length, denominator: null, cases: upheld });

  const inspections = r.inspections.map((i) => ({ ref: `inspection-${i.id}`, at: i.found_on, counts: true, petition: null, detail: `${i.text} — ${i.entered_by_name}` }));
  out.set('inspection_findings', { measure: 'inspection_findings', value: inspections.length, numerator: inspections.length, denominator: null, cases: inspections });

  out.set('gatherings_held', {
    measure: 'gatherings_held',
    value: gatherings && gatherings.required > 0 ? round2((Math.min(gatherings.held, gatherings.required) / gatherings.required) * 100) : null,
    numerator: gatherings?.held ?? null,
    denominator: gatherings?.required ?? null,
    cases: gatherings?.days ?? [],
  });
  return out;
}

/**
 * A unit's reception days against the law's minimum, over the months of the period that have
 * ended: days required, days held (up to the required number each month), and the days held.
 */
async function receptionAgainstMinimum(db: Kysely<DB>, unit: UnitRow, period: Period, now: Date, from: Date, to: Date) {
  const ended = period.months.filter((m) => {
    const [y, mo] = m.split('-').map(Number);
    const next = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
    return startOfLocalDay(next, unit.time_zone) <= now;
  });
  if (!ended.length) return null;
  const items = (await compliance(db, unit.path, [unit.path], ended[0], ended[ended.length - 1], now)).filter((i) => i.unit === unit.code);
  if (!items.length) return null;
  let required = 0;
  let held = 0;
  for (const item of items) {
    for (const m of item.months) {
      required += m.required;
      held += Math.min(m.held.days, m.required);
    }
  }
  const days = (await receptionDaysHeld(db, unit.id, from, to)).map((g) => ({
    ref: `gathering-${g.id}`,
    at: iso(g.starts_at),
    counts: true,
    petition: null,
    detail: `${g.title}${g.host_role ? ` (${g.host_role})` : ''}`,
  }));
  return { required, held, days };
}

export interface ComputeInput {
  subject: Subject;
  /** The official's home unit, or the unit itself: its time zone, frameworks and reception days. */
  unit: UnitRow;
  position: string | null;
  period: Period;
  now: Date;
}

export async function computeScorecard(db: Kysely<DB>, input: ComputeInput): Promise<{ card: Scorecard; measures: Map<ScorecardMeasure, MeasureValue> }> {
  const { unit, period, now } = input;
  const from = startOfLocalDay(period.from, unit.time_zone);
  const to = startOfLocalDay(period.to, unit.time_zone);
  const [record, frameworks, gatherings] = await Promise.all([
    recordOf(db, input.subject, from, to, now, period.from, period.to),
    frameworksAbove(db, unit.path),
    receptionAgainstMinimum(db, unit, period, now, from, to),
  ]);
  const measures = measuresFrom(record, gatherings);
  const fw = pickFramework(frameworks, input.position);
  const criteria: ComputedCriterion[] = [];
  const used = new Set<ScorecardMeasure>();
  for (const c of fw?.criteria ?? []) {
    const m = measures.get(c.measure)!;
    const weight = Number(c.weight);
    const worst = Number(c.worst);
    const best = Number(c.best);
    used.add(c.measure);
    criteria.push({
      measure: c.measure,
      weight,
      worst,
      best,
      value: m.value,
      score: m.value === null ? null : round2(scaleScore(m.value, worst, best)),
      numerator: m.numerator,
      denominator: m.denominator,
    });
  }
  // The measures the framework does not weigh are shown too, without a score.
  for (const measure of scorecardMeasures) {
    if (used.has(measure)) continue;
    const m = measures.get(measure)!;
    criteria.push({ measure, weight: null, worst: null, best: null, value: m.value, score: null, numerator: m.numerator, denominator: m.denominator });
  }
  const thresholds = fw ? { excellent: Number(fw.excellent_from), good: Number(fw.good_from), completed: Number(fw.completed_from) } : null;
  const rawTotal = fw ? weightedTotal(criteria.filter((c) => c.weight !== null).map((c) => ({ weight: c.weight!, score: c.score }))) : null;
  const total = rawTotal === null ? null : round2(rawTotal);
  return {
    card: {
      period: { key: period.key, from: period.from, to: period.to },
      framework: fw && thresholds ? { id: fw.id, unit: fw.unit_code, position: fw.position, thresholds } : null,
      criteria,
      total,
      grade: thresholds ? gradeOf(total, thresholds) : null,
    },
    measures,
  };
}
