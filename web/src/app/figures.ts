/** Periods and the public figures of /api/v1/figures. */
import { api } from './api.ts';
import type { Stats } from './apiTypes.ts';
import type { ChildStatsView } from '../../../server/modules/figures/figures.schema.ts';

export { defaultPeriod, isoDate, yearToDate } from './periods.ts';

export function fetchFigures(unit: string, from: string, to: string, interval?: 'month' | 'day'): Promise<Stats> {
  return api.get<Stats>('/figures', { unit, from, to, interval });
}

/** Ratios the server may leave out are computed from the counts it always sends. */
export function rates(stats: Stats) {
  const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? a / b : null);
  return {
    resolutionRate: stats.resolutionRate ?? ratio(stats.resolved, stats.received),
    onTimeRate: stats.onTimeRate ?? ratio(stats.resolvedOnTime, stats.resolved),
    satisfactionRate: stats.satisfactionRate ?? null,
    responseRate: stats.responseRate ?? null,
  };
}

/** The years a unit has figures for, newest first (GET /api/v1/figures/years). */
export function fetchYears(unit: string): Promise<number[]> {
  return api.get<{ years: number[] }>('/figures/years', { unit }).then((r) => r.years);
}

/** Every unit directly below a unit, side by side, in one request (GET /api/v1/figures/children). */
export function fetchChildFigures(unit: string, from: string, to: string): Promise<ChildStatsView> {
  return api.get<ChildStatsView>('/figures/children', { unit, from, to });
}
