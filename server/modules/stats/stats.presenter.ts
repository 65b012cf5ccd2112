/** What leaves the server: figures only, never a petition or a person. */
import type { StatsFigures } from './stats.figures.ts';
import type { StatsView } from './stats.schema.ts';
import type { StatsUnit } from './stats.queries.ts';
import type { PublishedCheckpoint } from '../../platform/audit-anchors.ts';

export function presentStats(
  unit: StatsUnit | null,
  period: { from: string; to: string },
  asOf: Date,
  figures: StatsFigures,
  checkpoint: PublishedCheckpoint | null,
): StatsView {
  return {
    unit: unit ? { code: unit.code, name: unit.name } : null,
    from: period.from,
    to: period.to,
    timeZone: unit ? unit.time_zone : null,
    asOf: asOf.toISOString(),
    ...figures,
    auditCheckpoint: checkpoint
      ? { id: checkpoint.id, at: checkpoint.createdAt, maxEventId: checkpoint.maxEventId, events: checkpoint.eventCount, hash: checkpoint.hash }
      : null,
  };
}
