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
import { answerRatingScore, faceScore, gradeOf, onlineChannels, round2, scaleScore, weightedTotal, type Period } from './scorecards.policy.ts';
import {
  frameworksOn,
  frameworksOnPaths,
  receptionDaysHeld,
  recordsOf,
  talliesOf,
  tallyOfRecord,
  unitRecord,
  type FrameworkRow,
  type Record_,
  type RecordWindow,
  type Subjects,
  type Tally,
  type UnitRow,
} from './scorecards.queries.ts';

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

interface ComputedCriterion {
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
  framework: null | { id: number; unit: { code: string; name: string }; position: string | null; thresholds: { excellent: number; good: number; completed: number } };
  criteria: ComputedCriterion[];
  total: number | null;
  grade: ScorecardGrade | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const rate = (num: number, den: number) => (den === 0 ? null : round2((num / den) * 100));
/** The score (0–100) of a resident's rating of an answer, by its word. */
const answerScore = (word: string) => answerRatingScore[word as keyof typeof answerRatingScore] ?? 0;

/** The framework that applies: for an official the nearest one for their position, else the nearest one for every position. */
function pickFramework(frameworks: FrameworkRow[], position: string | null): FrameworkRow | undefined {
  return (position !== null ? frameworks.find((f) => f.position === position) : undefined) ?? frameworks.find((f) => f.position === null);
}

/**
 * Every measure's value from the record's counts (and, for reception days, from the gatherings
 * module's compliance); with the record's rows, the cases behind each number.
 */
function measuresFrom(t: Tally, r: Record_ | null, gatherings: Reception | null): Map<ScorecardMeasure, MeasureValue> {
  const out = new Map<ScorecardMeasure, MeasureValue>();
  const answeredCases = (counts: (p: Record_['answered'][number]) => boolean, detail: (p: Record_['answered'][number]) => string | null): CaseItem[] =>
    (r?.answered ?? []).map((p) => ({ ref: p.tracking_code, at: iso(p.answered_at), counts: counts(p), petition: p.id, detail: detail(p) }));
  const n = t.answered;
  const ofAnswered = (measure: ScorecardMeasure, numerator: number, cases: CaseItem[]): MeasureValue => ({ measure, value: rate(numerator, n), numerator, denominator: n, cases });
  out.set('on_time_rate', ofAnswered('on_time_rate', t.onTime, answeredCases((p) => p.on_time, (p) => `due ${iso(p.due_at)}`)));
  out.set('reopen_rate', ofAnswered('reopen_rate', t.reopened, answeredCases((p) => p.reopened, (p) => `reopened ${p.reopen_count}`)));
  out.set('online_share', ofAnswered('online_share', t.online, answeredCases((p) => p.online, (p) => p.channel)));

  const overdue = (r?.overdue ?? []).map((p) => ({ ref: p.tracking_code, at: iso(p.due_at), counts: true, petition: p.id, detail: p.answered_at ? `answered ${iso(p.answered_at)}` : null }));
  out.set('overdue_count', { measure: 'overdue_count', value: t.overdue, numerator: t.overdue, denominator: null, cases: overdue });

  let ratings = 0;
  let scoreSum = 0;
  for (const [word, count] of t.answerRatings) {
    ratings += count;
    scoreSum += answerScore(word) * count;
  }
  for (const [face, count] of t.serviceRatings) {
    ratings += count;
    scoreSum += faceScore(face) * count;
  }
  const rated: CaseItem[] = [
    ...(r?.answerRatings ?? []).map((a) => ({
      ref: a.tracking_code,
      at: iso(a.created_at),
      counts: null,
      petition: a.petition_id,
      detail: `answer ${a.score} (${answerScore(a.score)})`,
    })),
    ...(r?.serviceRatings ?? []).map((s) => ({ ref: `${s.source}-${s.id}`, at: iso(s.created_at), counts: null, petition: null, detail: `${s.source} ${s.score}/5${s.procedure ? ` · ${s.procedure}` : ''}` })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  out.set('satisfaction', { measure: 'satisfaction', value: ratings ? round2(scoreSum / ratings) : null, numerator: null, denominator: ratings, cases: rated });

  const upheld = (r?.upheld ?? []).map((f) => ({ ref: f.tracking_code, at: iso(f.recorded_at), counts: true, petition: f.petition_id, detail: null }));
  out.set('upheld_conduct', { measure: 'upheld_conduct', value: t.upheld, numerator: t.upheld, denominator: null, cases: upheld });

  const inspections = (r?.inspections ?? []).map((i) => ({ ref: `inspection-${i.id}`, at: i.found_on, counts: true, petition: null, detail: `${i.text} — ${i.entered_by_name}` }));
  out.set('inspection_findings', { measure: 'inspection_findings', value: t.inspections, numerator: t.inspections, denominator: null, cases: inspections });

  out.set('gatherings_held', {
    measure: 'gatherings_held',
    value: gatherings && gatherings.required > 0 ? round2((Math.min(gatherings.held, gatherings.required) / gatherings.required) * 100) : null,
    numerator: gatherings?.held ?? null,
    denominator: gatherings?.required ?? null,
    cases: gatherings?.days ?? [],
  });
  return out;
}

type Reception = { required: number; held: number; days: CaseItem[] };

/**
 * Units' reception days against the law's minimum, over the months of the period that have
 * ended: days required, days held (up to the required number each month), and, with `days`,
 * the days held. The units share a time zone; three statements for any number of them.
 */
async function receptionAgainstMinimum(
  db: Kysely<DB>,
  units: UnitRow[],
  period: Period,
  w: RecordWindow,
  days: boolean,
): Promise<Map<number, Reception | null>> {
  const { now } = w;
  const out = new Map<number, Reception | null>(units.map((u) => [u.id, null]));
  if (!units.length) return out;
  const zone = units[0].time_zone;
  const ended = period.months.filter((m) => {
    const [y, mo] = m.split('-').map(Number);
    const next = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
    return startOfLocalDay(next, zone) <= now;
  });
  if (!ended.length) return out;
  const paths = [...new Set(units.map((u) => u.path))];
  const [items, held] = await Promise.all([
    compliance(db, '', paths, ended[0], ended[ended.length - 1], now),
    days ? receptionDaysHeld(db, [...new Set(units.map((u) => u.id))], w.from, w.to) : [],
  ]);
  for (const unit of units) {
    const mine = items.filter((i) => i.unit.code === unit.code);
    if (!mine.length) continue;
    let required = 0;
    let heldDays = 0;
    for (const item of mine) {
      for (const m of item.months) {
        required += m.required;
        heldDays += Math.min(m.held.days, m.required);
      }
    }
    const days = held
      .filter((g) => g.unit_id === unit.id)
      .map((g) => ({ ref: `gathering-${g.id}`, at: iso(g.starts_at), counts: true, petition: null, detail: `${g.title}${g.host_role ? ` (${g.host_role})` : ''}` }));
    out.set(unit.id, { required, held: heldDays, days });
  }
  return out;
}

interface ComputeInput {
  subject: Subject;
  /** The official's home unit, or the unit itself: its time zone, frameworks and reception days. */
  unit: UnitRow;
  position: string | null;
  period: Period;
  now: Date;
}

type Subject = { official: number } | { unitPath: string };

export type Computed = { card: Scorecard; measures: Map<ScorecardMeasure, MeasureValue> };

export async function computeScorecard(db: Kysely<DB>, input: ComputeInput): Promise<Computed> {
  return (await computeScorecards(db, [input], { cases: true }))[0];
}

/**
 * Scorecards of many officials (or units) at once, in the order given: the record, frameworks
 * and reception days are read for all of them together, a dozen statements per time zone and
 * period instead of a dozen per scorecard. Without `cases`, PostgreSQL counts the record and no
 * measure lists its cases (a province's grades need the numbers, not every case of its year).
 */
export async function computeScorecards(db: Kysely<DB>, inputs: ComputeInput[], opts: { cases: boolean }): Promise<Computed[]> {
  const frameworks = await frameworksOnPaths(db, inputs.map((i) => i.unit.path));
  const out = new Array<Computed>(inputs.length);
  const groups = new Map<string, number[]>();
  inputs.forEach((input, i) => {
    const key = `${input.unit.time_zone} ${input.period.key} ${input.now.getTime()}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const read = async (subjects: Subjects, w: RecordWindow): Promise<Map<number, { tally: Tally; record: Record_ | null }>> => {
    if (!opts.cases) return new Map([...(await talliesOf(db, subjects, w, onlineChannels))].map(([id, tally]) => [id, { tally, record: null }]));
    return new Map([...(await recordsOf(db, subjects, w, onlineChannels))].map(([id, record]) => [id, { tally: tallyOfRecord(record), record }]));
  };
  for (const members of groups.values()) {
    const { unit, period, now } = inputs[members[0]];
    const w: RecordWindow = { from: startOfLocalDay(period.from, unit.time_zone), to: startOfLocalDay(period.to, unit.time_zone), now, fromDay: period.from, toDay: period.to };
    const officials = members.filter((i) => 'official' in inputs[i].subject);
    const subtrees = members.filter((i) => !('official' in inputs[i].subject));
    const [byOfficial, bySubtree, reception] = await Promise.all([
      officials.length ? read({ officials: officials.map((i) => (inputs[i].subject as { official: number }).official) }, w) : new Map<number, never>(),
      Promise.all(subtrees.map((i) => read(inputs[i].subject as { unitPath: string }, w))),
      receptionAgainstMinimum(db, members.map((i) => inputs[i].unit), period, w, opts.cases),
    ]);
    const card = (i: number, r: { tally: Tally; record: Record_ | null }) => scorecardOf(inputs[i], r, frameworks, reception.get(inputs[i].unit.id) ?? null);
    for (const i of officials) out[i] = card(i, byOfficial.get((inputs[i].subject as { official: number }).official)!);
    subtrees.forEach((i, k) => (out[i] = card(i, bySubtree[k].get(unitRecord)!)));
  }
  return out;
}

/** One scorecard from its record: each framework criterion scaled, the weighted total, the grade. */
function scorecardOf(input: ComputeInput, r: { tally: Tally; record: Record_ | null }, frameworks: FrameworkRow[], gatherings: Reception | null): Computed {
  const { period } = input;
  const measures = measuresFrom(r.tally, r.record, gatherings);
  const fw = pickFramework(frameworksOn(frameworks, input.unit.path), input.position);
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
      framework: fw && thresholds ? { id: fw.id, unit: { code: fw.unit_code, name: fw.unit_name }, position: fw.position, thresholds } : null,
      criteria,
      total,
      grade: thresholds ? gradeOf(total, thresholds) : null,
    },
    measures,
  };
}
