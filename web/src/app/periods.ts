/** Periods of the figures: pure, so that they are tested outside the browser. */
export const isoDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export function yearToDate(today = new Date()): { from: string; to: string } {
  return { from: `${today.getFullYear()}-01-01`, to: isoDate(today) };
}

/**
 * The period a figures page shows when the link names none: this year so far, unless the unit
 * has no petition this year; then the latest year that has some (a fresh demo's 2023).
 */
export function defaultPeriod(years: readonly number[], today = new Date()): { from: string; to: string } {
  const latest = years[0];
  if (latest === undefined || latest >= today.getFullYear()) return yearToDate(today);
  return { from: `${latest}-01-01`, to: `${latest}-12-31` };
}
