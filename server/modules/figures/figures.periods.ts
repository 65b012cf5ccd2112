/**
 * Periods of submitted days: how a period is read from the rollups (whole months, plus the days
 * at its ends), and the buckets of a time series. Pure; days are 'YYYY-MM-DD'.
 */
import { addDays, type Day } from '../../platform/calendar.ts';

export type Interval = 'day' | 'month';

/** Local days from `from` to `to`, both included. */
export interface DayRange {
  from: Day;
  to: Day;
}

/** How a period is read: months `[from, to]` (first days of months) from 'm' rows, ranges of 'd' rows. */
export interface PeriodParts {
  months: DayRange | null;
  days: DayRange[];
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The days figures can be asked for: petitions are dated by a server clock, never before 1900. */
export const firstFiguresDay: Day = '1900-01-01';
export const lastFiguresDay: Day = '2999-12-31';

/** Is this a real calendar day written YYYY-MM-DD? */
export function isDay(value: string): boolean {
  const m = dayPattern.exec(value);
  if (!m) return false;
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(+m[1], +m[2] - 1, +m[3]);
  return d.toISOString().slice(0, 10) === value;
}

function firstOfMonth(day: Day): Day {
  return `${day.slice(0, 7)}-01`;
}

export function lastOfMonth(day: Day): Day {
  const y = +day.slice(0, 4);
  const m = +day.slice(5, 7);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function nextMonth(day: Day): Day {
  return addDays(lastOfMonth(day), 1);
}

/** Days from `from` to `to`, both included. */
export function daysIn(from: Day, to: Day): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * The whole months inside the period, and the days before and after them. A period without a
 * whole month is read day by day.
 */
export function splitPeriod(from: Day, to: Day): PeriodParts {
  const firstMonth = from === firstOfMonth(from) ? from : nextMonth(from);
  const lastMonth = to === lastOfMonth(to) ? firstOfMonth(to) : firstOfMonth(addDays(firstOfMonth(to), -1));
  if (firstMonth > lastMonth) return { months: null, days: [{ from, to }] };
  const days: Array<{ from: Day; to: Day }> = [];
  if (from < firstMonth) days.push({ from, to: addDays(firstMonth, -1) });
  const afterMonths = nextMonth(lastMonth);
  if (afterMonths <= to) days.push({ from: afterMonths, to });
  return { months: { from: firstMonth, to: lastMonth }, days };
}

/** The days of these ranges up to `today`: no petition is submitted on a later day. */
function pastDays(ranges: readonly DayRange[], today: Day): number {
  return ranges.reduce((n, r) => n + (r.from > today ? 0 : daysIn(r.from, r.to < today ? r.to : today)), 0);
}

/**
 * How a level with month rows only reads a period: the whole months from their rows, and each
 * end of the period that is part of a month either from the petitions of its days (`add`), or
 * — when the rest of its month holds fewer days up to `today` — as the whole month's row less
 * the petitions of the rest (`subtract`). The rest of the current month lies ahead and holds
 * no petition, so a period ending today reads its last month from the rollups alone.
 * `today` only weighs the two ways; either gives the same figures.
 */
export function monthsAndEnds(from: Day, to: Day, today: Day): { months: DayRange | null; add: DayRange[]; subtract: DayRange[] } {
  const split = splitPeriod(from, to);
  let months = split.months;
  const add: DayRange[] = [];
  const subtract: DayRange[] = [];
  for (const range of split.days) {
    // A period without a whole month may still cross into a second one.
    for (let start = range.from; start <= range.to; start = nextMonth(start)) {
      const month = firstOfMonth(start);
      const piece = { from: start, to: lastOfMonth(month) < range.to ? lastOfMonth(month) : range.to };
      const rest = [
        { from: month, to: addDays(piece.from, -1) },
        { from: addDays(piece.to, 1), to: lastOfMonth(month) },
      ].filter((r) => r.from <= r.to);
      if (pastDays(rest, today) < pastDays([piece], today)) {
        subtract.push(...rest);
        months = { from: months && months.from < month ? months.from : month, to: months && months.to > month ? months.to : month };
      } else add.push(piece);
    }
  }
  return { months, add, subtract };
}

/** Day by day (a daily series needs every day on its own). */
export function dayParts(from: Day, to: Day): PeriodParts {
  return { months: null, days: [{ from, to }] };
}

interface SeriesBucket {
  /** 'YYYY-MM' or 'YYYY-MM-DD'. */
  period: string;
  from: Day;
  to: Day;
}

/** Every bucket of the period in order, the first and last cut to the period. */
export function seriesBuckets(from: Day, to: Day, interval: Interval): SeriesBucket[] {
  const out: SeriesBucket[] = [];
  if (interval === 'day') {
    for (let d = from; d <= to; d = addDays(d, 1)) out.push({ period: d, from: d, to: d });
    return out;
  }
  for (let m = firstOfMonth(from); m <= to; m = nextMonth(m)) {
    const end = lastOfMonth(m);
    out.push({ period: m.slice(0, 7), from: m < from ? from : m, to: end > to ? to : end });
  }
  return out;
}
