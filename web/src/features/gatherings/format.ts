/** How a gathering's time reads: on the wall clock of its unit, in the interface's language. */
export function gatheringTime(g: { startsAt: string; endsAt: string; timeZone: string }, locale: string): string {
  const start = new Date(g.startsAt);
  const end = new Date(g.endsAt);
  const day = new Intl.DateTimeFormat(locale, { timeZone: g.timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = new Intl.DateTimeFormat(locale, { timeZone: g.timeZone, hour: '2-digit', minute: '2-digit' });
  return `${day.format(start)}, ${time.format(start)}–${time.format(end)}`;
}

/** The month a local 'YYYY-MM-DD HH:MM' falls in, as a heading. */
export function monthHeading(localStart: string, locale: string): string {
  const [y, m] = localStart.slice(0, 7).split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** 'YYYY-MM' of the browser's today, and months added to one. */
export function thisMonth(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The last day of a month, 'YYYY-MM-DD'. */
export function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** A new idempotency key for a console entry. */
export function newKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
