/**
 * Scorecards: who may read and write what, and the arithmetic (periods, scales, totals, grades,
 * Wilson intervals, the public ranking's order). Pure: no I/O.
 */
import { hasRoleAt, type Actor } from '../../platform/access.ts';
import type { Channel, ScorecardGrade } from '../../contract/domain.ts';
import { scorecardAdministrators, scorecardGraders, scorecardReaders } from '../../contract/roleSets.ts';


/** Channels through which a case is handled fully online. */
export const onlineChannels: readonly Channel[] = ['web', 'mobile'];

/** An official reads their own scorecard; a leader or an auditor at the official's unit reads it too. */
export function canReadOfficial(actor: Actor, officialId: number, homePath: string | null): boolean {
  if (actor.kind !== 'official') return false;
  if (actor.id === officialId) return true;
  return homePath !== null && hasRoleAt(actor, homePath, scorecardReaders);
}

export function canReadUnit(actor: Actor, unitPath: string): boolean {
  return hasRoleAt(actor, unitPath, scorecardReaders);
}

export function canEditFramework(actor: Actor, unitPath: string): boolean {
  return hasRoleAt(actor, unitPath, scorecardAdministrators);
}

/** Inspection findings and grades come from a superior: a leader at the official's unit, never the official. */
export function canActAsSuperior(actor: Actor, officialId: number, homePath: string | null): boolean {
  return actor.kind === 'official' && actor.id !== officialId && homePath !== null && hasRoleAt(actor, homePath, scorecardGraders);
}

export function canSelfAssess(actor: Actor, officialId: number): boolean {
  return actor.kind === 'official' && actor.id === officialId;
}

// ---- periods ----

export interface Period {
  key: string;
  kind: 'month' | 'quarter' | 'year';
  /** First local day, included. */
  from: string;
  /** First local day after the period. */
  to: string;
  /** The months 'YYYY-MM' it covers. */
  months: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** '2026-03' (a month), '2026-Q1' (a quarter) or '2026' (a year); undefined when it is none of them. */
export function parsePeriod(key: string): Period | undefined {
  let m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return undefined;
    return { key, kind: 'month', from: `${y}-${pad(mo)}-01`, to: mo === 12 ? `${y + 1}-01-01` : `${y}-${pad(mo + 1)}-01`, months: [`${y}-${pad(mo)}`] };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const first = (q - 1) * 3 + 1;
    return {
      key,
      kind: 'quarter',
      from: `${y}-${pad(first)}-01`,
      to: q === 4 ? `${y + 1}-01-01` : `${y}-${pad(first + 3)}-01`,
      months: [0, 1, 2].map((i) => `${y}-${pad(first + i)}`),
    };
  }
  m = /^(\d{4})$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    return { key, kind: 'year', from: `${y}-01-01`, to: `${y + 1}-01-01`, months: Array.from({ length: 12 }, (_, i) => `${y}-${pad(i + 1)}`) };
  }
  return undefined;
}

// ---- scores ----

export interface Thresholds {
  excellent: number;
  good: number;
  completed: number;
}

/** A measured value on the criterion's scale: worst → 0, best → 100, linear between, clamped. */
export function scaleScore(value: number, worst: number, best: number): number {
  const s = ((value - worst) / (best - worst)) * 100;
  return Math.max(0, Math.min(100, s));
}

/** The weighted mean of the scores of criteria that have a value; null when none has. */
export function weightedTotal(items: { weight: number; score: number | null }[]): number | null {
  let w = 0;
  let sum = 0;
  for (const i of items) {
    if (i.score === null) continue;
    w += i.weight;
    sum += i.weight * i.score;
  }
  return w === 0 ? null : sum / w;
}

export function gradeOf(total: number | null, t: Thresholds): ScorecardGrade | null {
  if (total === null) return null;
  if (total >= t.excellent) return 'excellent';
  if (total >= t.good) return 'good';
  if (total >= t.completed) return 'completed';
  return 'not_completed';
}

/** Two decimals, as the numbers are shown and stored. */
export const round2 = (n: number) => Math.round(n * 100) / 100;

// ---- the public ranking ----

/** The Wilson score interval of a proportion (95 % by default). */
export function wilson(successes: number, n: number, z = 1.959964): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denom = 1 + z2 / n;
  return { low: Math.max(0, (centre - spread) / denom), high: Math.min(1, (centre + spread) / denom) };
}

interface RankInput {
  code: string;
  name: string;
  successes: number;
  n: number;
}

/**
 * Units with at least `minVolume` rated cases, ordered by the interval's lower bound (best
 * first; then more cases, then the code); the others are left out and only counted.
 */
export function rank(units: RankInput[], minVolume: number) {
  const ranked = units
    .filter((u) => u.n >= minVolume)
    .map((u) => ({ ...u, share: u.successes / u.n, interval: wilson(u.successes, u.n) }))
    .sort((a, b) => b.interval.low - a.interval.low || b.n - a.n || a.code.localeCompare(b.code));
  return { ranked, leftOut: units.length - ranked.length };
}

/** The score a resident's rating of an answer gives (0–100). */
export const answerRatingScore = { satisfied: 100, acceptable: 50, unsatisfied: 0 } as const;
/** The score of a face-scale rating 1–5 (0–100). */
export const faceScore = (score: number) => (score - 1) * 25;
