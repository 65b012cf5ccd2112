/** What leaves the server: figures only, never a petition or a person. */
import type { PeriodFigures } from './figures.numbers.ts';
import type { ChildFiguresView, ReviewFiguresView, FiguresView } from './figures.schema.ts';
import type { ChildFiguresRow, ReviewFigures, FiguresUnit } from './figures.queries.ts';
import type { PublishedCheckpoint } from '../../platform/audit-anchors.ts';

function header(unit: FiguresUnit | null, period: { from: string; to: string }, asOf: Date) {
  return {
    unit: unit ? { code: unit.code, name: unit.name } : null,
    from: period.from,
    to: period.to,
    timeZone: unit ? unit.time_zone : null,
    asOf: asOf.toISOString(),
  };
}

export function presentReviewFigures(unit: FiguresUnit | null, period: { from: string; to: string }, asOf: Date, figures: ReviewFigures): ReviewFiguresView {
  return { ...header(unit, period, asOf), ...figures };
}

export function presentFigures(
  unit: FiguresUnit | null,
  period: { from: string; to: string },
  asOf: Date,
  figures: PeriodFigures,
  checkpoint: PublishedCheckpoint | null,
): FiguresView {
  return {
    ...header(unit, period, asOf),
    ...figures,
    auditCheckpoint: checkpoint
      ? { id: checkpoint.id, at: checkpoint.createdAt, maxEventId: checkpoint.maxEventId, events: checkpoint.eventCount, hash: checkpoint.hash }
      : null,
  };
}

const ratio = (a: number, b: number) => (b ? a / b : null);

/** The units below a unit side by side: counts and the rates of /api/v1/figures, computed alike. */
export function presentChildFigures(unit: FiguresUnit, period: { from: string; to: string }, asOf: Date, rows: ChildFiguresRow[], more: boolean): ChildFiguresView {
  return {
    unit: { code: unit.code, name: unit.name },
    from: period.from,
    to: period.to,
    asOf: asOf.toISOString(),
    items: rows.map((r) => ({
      unit: { code: r.code, name: r.name, names: Object.fromEntries(Object.entries(r.names ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string')) },
      received: r.received,
      answered: r.answered,
      resolved: r.resolved,
      resolvedOnTime: r.resolved_on_time,
      responseRate: ratio(r.answered, r.received),
      resolutionRate: ratio(r.resolved, r.received),
      onTimeRate: ratio(r.resolved_on_time, r.resolved),
      satisfactionRate: ratio(r.satisfied + r.acceptable, r.rated),
    })),
    more,
  };
}
