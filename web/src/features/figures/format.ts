/**
 * One rounding for every rate the figures show, in tiles, charts and tables: a tenth of a
 * percent, half away from zero. The chart shows the rounded value, so both read the same.
 */
export function roundRate(value: number | null | undefined): number | null {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  return Math.round(value * 1000) / 1000;
}

/** Hours to the answer as shown: under one hour reads as such, not as "0 hours". */
export function hoursToAnswer(hours: number): { underOne: true } | { underOne: false; hours: number } {
  return hours < 1 ? { underOne: true } : { underOne: false, hours: Math.round(hours * 10) / 10 };
}
