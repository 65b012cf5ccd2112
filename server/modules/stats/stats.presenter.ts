/** What leaves the server: figures only, never a petition or a person. */
import type { StatsFigures } from './stats.figures.ts';
import type { ReviewStatsView, StatsView } from './stats.schema.ts';
import type { ReviewFigures, StatsUnit } from './stats.queries.ts';
import type { PublishedCheckpoint } from '../../platform/audit-anchors.ts';

function header(unit: StatsUnit | null, period: { from: string; to: string }, asOf: Date) {
  return {
    unit: unit ? { code: unit.code, name: unit.name } : null,
    from: period.from,
    to: period.to,
    timeZone: unit ? unit.time_zone : null,
    asOf: asOf.toISOString(),
  };
}

export function presentReviewStats(unit: StatsUnit | null, period: { from: string; to: string }, asOf: Date, figures: ReviewFigures): ReviewStatsView {
  return { ...header(unit, period, asOf), ...figures };
}

export function presentStats(
  unit: StatsUnit | null,
  period: { from: string; to: string },
  asOf: Date,
  figures: StatsFigures,
  checkpoint: PublishedCheckpoint | null,
): StatsView {
  return {
    ...header(unit, period, asOf),
    ...figures,
    auditCheckpoint: checkpoint
      ? { id: checkpoint.id, at: checkpoint.createdAt, maxEventId: checkpoint.maxEventId, events: checkpoint.eventCount, hash: checkpoint.hash }
      : null,
  };
}
