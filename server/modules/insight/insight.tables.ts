import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../schema.ts';

export type RoutingTarget = 'category' | 'agency';

export interface RoutingModelsTable {
  target: RoutingTarget;
  trained_at: Timestamp;
  examples: number;
  held_out: number;
  labels: number;
  accuracy: number | null;
  top3_accuracy: number | null;
  baseline: number | null;
  model: Json;
}

export interface HotspotsTable {
  id: Generated<number>;
  unit_id: number;
  unit_path: string;
  category: string;
  week_end: Timestamp;
  count: number;
  baseline: number;
  score: number;
  petition_ids: number[];
  flagged_at: Timestamp;
}

export interface InsightTables {
  routing_models: RoutingModelsTable;
  hotspots: HotspotsTable;
}
