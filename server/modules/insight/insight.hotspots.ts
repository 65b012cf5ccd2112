/**
 * Hotspots: is last week's count of a unit's category an unusual rise over the eight weeks
 * before it? Pure: no I/O.
 *
 * The eight weeks give a mean per week (the baseline). Petitions arrive roughly as a Poisson
 * process, so an ordinary week varies by about the square root of the mean; a week is flagged
 * when it has at least `minCount` petitions, at least `minRatio` times the baseline, and lies
 * at least `minScore` such deviations above it (the deviation never counted below one, so
 * that a category with almost no history needs a real number of petitions, not two).
 */

export interface WeekCounts {
  unitId: number;
  unitPath: string;
  category: string;
  /** weeks[0]: the last seven days; weeks[1…8]: the eight weeks before. */
  weeks: number[];
  /** The petitions of the last week (ids). */
  petitionIds: number[];
}

export interface HotspotRule {
  minCount: number;
  minScore: number;
  minRatio: number;
}

export const defaultRule: HotspotRule = { minCount: 5, minScore: 4, minRatio: 2 };

interface Flag {
  count: number;
  baseline: number;
  score: number;
}

/** The flag for one unit and category, or null when last week was ordinary. */
export function judgeWeek(weeks: readonly number[], rule: HotspotRule = defaultRule): Flag | null {
  const count = weeks[0] ?? 0;
  const before = weeks.slice(1, 9);
  const baseline = before.reduce((a, b) => a + b, 0) / 8;
  const score = (count - baseline) / Math.sqrt(Math.max(baseline, 1));
  const round = (x: number) => Math.round(x * 100) / 100;
  if (count < rule.minCount || score < rule.minScore || count < rule.minRatio * baseline) return null;
  return { count, baseline: round(baseline), score: round(score) };
}
