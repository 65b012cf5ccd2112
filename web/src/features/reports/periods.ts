/** The periods a report may cover, as the server names them (2026-03, 2026-Q1, 2026). */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

const pad = (n: number) => String(n).padStart(2, '0');

/** The last closed month, quarter and year before a day. */
export function lastClosed(kind: Exclude<PeriodKind, 'custom'>, today = new Date()): string {
  const y = today.getFullYear();
  const m = today.getMonth() + 1;
  if (kind === 'month') return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
  if (kind === 'quarter') {
    const q = Math.floor((m - 1) / 3);
    return q === 0 ? `${y - 1}-Q4` : `${y}-Q${q}`;
  }
  return String(y - 1);
}

export function kindOf(period: string): PeriodKind {
  if (/^\d{4}-\d{2}$/.test(period)) return 'month';
  if (/^\d{4}-Q[1-4]$/.test(period)) return 'quarter';
  if (/^\d{4}$/.test(period)) return 'year';
  return 'custom';
}

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The first and last day of a period (2026-03, 2026-Q1, 2026 or 2026-01-05..2026-02-10), or null when it names none. */
export function periodRange(period: string): { from: string; to: string } | null {
  let m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return mo >= 1 && mo <= 12 ? { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${pad(lastDay(y, mo))}` } : null;
  }
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    const q = Number(m[2]);
    return { from: `${m[1]}-${pad(3 * q - 2)}-01`, to: `${m[1]}-${pad(3 * q)}-${pad(lastDay(Number(m[1]), 3 * q))}` };
  }
  if (/^\d{4}$/.test(period)) return { from: `${period}-01-01`, to: `${period}-12-31` };
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(period);
  return m && m[1] <= m[2] ? { from: m[1], to: m[2] } : null;
}

/** Whether a period names one (a range: both days, the first on or before the last). */
export const periodValid = (period: string) => periodRange(period) !== null;
