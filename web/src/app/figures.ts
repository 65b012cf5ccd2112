/** Periods and the public figures of /api/v1/figures. */
import { api } from './api.ts';
import type { UnitFigures } from './apiTypes.ts';
import type { ChildFiguresView } from '../../../server/modules/figures/figures.schema.ts';

export { defaultPeriod, isoDate, yearToDate } from './periods.ts';

export function fetchFigures(unit: string, from: string, to: string, interval?: 'month' | 'day'): Promise<UnitFigures> {
  return api.get<UnitFigures>('/figures', { unit, from, to, interval });
}

/** Ratios the server may leave out are computed from the counts it always sends. */
export function rates(figures: UnitFigures) {
  const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? a / b : null);
  return {
    resolutionRate: figures.resolutionRate ?? ratio(figures.resolved, figures.received),
    onTimeRate: figures.onTimeRate ?? ratio(figures.resolvedOnTime, figures.resolved),
    satisfactionRate: figures.satisfactionRate ?? null,
    responseRate: figures.responseRate ?? null,
  };
}

/** The years a unit has figures for, newest first (GET /api/v1/figures/years). */
export function fetchYears(unit: string): Promise<number[]> {
  return api.get<{ years: number[] }>('/figures/years', { unit }).then((r) => r.years);
}

/** Every unit directly below a unit, side by side, in one request (GET /api/v1/figures/children). */
export function fetchChildFigures(unit: string, from: string, to: string): Promise<ChildFiguresView> {
  return api.get<ChildFiguresView>('/figures/children', { unit, from, to });
}
