/** Periods and the public figures of /api/v1/stats. */
import { api } from './api.ts';
import type { Stats } from './types.ts';

export const isoDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export function yearToDate(today = new Date()): { from: string; to: string } {
  return { from: `${today.getFullYear()}-01-01`, to: isoDate(today) };
}

export function fetchStats(unit: string, from: string, to: string): Promise<Stats> {
  return api.get<Stats>('/stats', { unit, from, to });
}

/** The months of a period, at most `max` of the latest ones: the points of the time charts. */
export function monthsOf(from: string, to: string, max = 12): Array<{ label: string; from: string; to: string }> {
  const start = new Date(`${from}T00:00:00`);
  const end = new Date(`${to}T00:00:00`);
  const months: Array<{ label: string; from: string; to: string }> = [];
  let cursor = new Date(start.getFullYear(), start.getMonth(), 1);
  while (cursor <= end) {
    const monthEnd = new Date(cursor.getFullYear(), cursor.getMonth() + 1, 0);
    months.push({
      label: `${cursor.getFullYear()}-${String(cursor.getMonth() + 1).padStart(2, '0')}`,
      from: isoDate(cursor < start ? start : cursor),
      to: isoDate(monthEnd > end ? end : monthEnd),
    });
    cursor = new Date(cursor.getFullYear(), cursor.getMonth() + 1, 1);
  }
  return months.slice(-max);
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
