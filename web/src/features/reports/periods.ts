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
