/**
 * The periods a report covers: a month (2026-03), a quarter (2026-Q1), a year (2026) or any
 * range of days. Pure functions of local days (YYYY-MM-DD).
 */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface Period {
  kind: PeriodKind;
  /** 2026-03, 2026-Q1, 2026, or 2026-01-05..2026-02-10 for a custom range. */
  key: string;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function monthRange(y: number, firstMonth: number, lastMonth: number) {
  return { from: `${y}-${pad(firstMonth)}-01`, to: `${y}-${pad(lastMonth)}-${pad(lastDay(y, lastMonth))}` };
}

const isDay = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

/** The period a key names, or undefined for a malformed key. */
export function parsePeriod(key: string): Period | undefined {
  let m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return undefined;
    return { kind: 'month', key, ...monthRange(y, mo, mo) };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    return { kind: 'quarter', key, ...monthRange(y, 3 * q - 2, 3 * q) };
  }
  m = /^(\d{4})$/.exec(key);
  if (m) return { kind: 'year', key, ...monthRange(Number(m[1]), 1, 12) };
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (m && isDay(m[1]) && isDay(m[2]) && m[1] <= m[2]) return { kind: 'custom', key, from: m[1], to: m[2] };
  return undefined;
}

/** A custom range as a period. */
export function customPeriod(from: string, to: string): Period | undefined {
  return parsePeriod(`${from}..${to}`);
}

/** The same days one year earlier (29 February becomes 28 February). */
export function sameDaysLastYear(p: { from: string; to: string }): { from: string; to: string } {
  const back = (d: string) => {
    const y = Number(d.slice(0, 4)) - 1;
    const m = Number(d.slice(5, 7));
    const day = Math.min(Number(d.slice(8, 10)), lastDay(y, m));
    return `${y}-${pad(m)}-${pad(day)}`;
  };
  return { from: back(p.from), to: back(p.to) };
}

/** The month, quarter and year that ended the day before `day` (only those that ended). */
export function periodsClosedBy(day: string): Period[] {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  if (day.slice(8, 10) !== '01') return [];
  const prevY = m === 1 ? y - 1 : y;
  const prevM = m === 1 ? 12 : m - 1;
  const closed = [parsePeriod(`${prevY}-${pad(prevM)}`)!];
  if (prevM % 3 === 0) closed.push(parsePeriod(`${prevY}-Q${prevM / 3}`)!);
  if (prevM === 12) closed.push(parsePeriod(`${prevY}`)!);
  return closed;
}

/** The month before the one `day` is in, with the quarter and year it closes. */
export function periodsClosedBefore(day: string): Period[] {
  return periodsClosedBy(`${day.slice(0, 7)}-01`);
}
