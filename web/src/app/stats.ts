/** Periods and the public figures of /api/v1/stats. */
import { api } from './api.ts';
import type { Stats } from './types.ts';

export const isoDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export function yearToDate(today = new Date()): { from: string; to: string } {
  return { from: `${today.getFullYear()}-01-01`, to: isoDate(today) };
}

export function fetchStats(unit: string, from: string, to: string, interval?: 'month' | 'day'): Promise<Stats> {
  return api.get<Stats>('/stats', { unit, from, to, interval });
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
