import type { Generated } from 'kysely';

/** 'k' kind, 'c' channel, 'g' category. */
export type FigureDim = 'k' | 'c' | 'g';
/** 'd' one submitted day, 'm' a calendar month. */
export type FiguresGrain = 'd' | 'm';

export interface FiguresDeltasTable {
  id: Generated<number>;
  sign: number;
  origin_unit_path: string;
  day: string;
  kind: string;
  channel: string;
  category: string | null;
  accepted: boolean;
  rejected: boolean;
  answer_minutes: number | null;
  resolved: boolean;
  resolved_on_time: boolean;
  escalated_to_path: string | null;
  transferred: boolean;
  rating: string | null;
  /** open and due before the watermark it was written at */
  overdue: boolean;
}

export interface FiguresCountsTable {
  unit_id: number;
  grain: FiguresGrain;
  day: string;
  dim: FigureDim;
  value: string;
  received: number;
  accepted: number;
  rejected: number;
  answered: number;
  resolved: number;
  resolved_on_time: number;
  escalated: number;
  transferred: number;
  rated: number;
  satisfied: number;
  acceptable: number;
  unsatisfied: number;
  overdue: number;
}

export interface FiguresAnswerHistTable {
  unit_id: number;
  level: number;
  parent: number;
  grain: FiguresGrain;
  day: string;
  bucket: number;
  n: number;
}

export interface FiguresLevelsTable {
  level: string;
  grains: 'dm' | 'm';
  /** Whether the level's answer-time histogram is whole (migration 0992): its medians are then read from it. */
  histogram: Generated<boolean>;
}

/** The categories the figures name; any other is counted as 'other'. */
export interface FiguresCategoriesTable {
  category: string;
}

export interface FiguresWatermarkTable {
  one: boolean;
  overdue_before: Date;
}

export interface FiguresTables {
  figures_deltas: FiguresDeltasTable;
  figures_counts: FiguresCountsTable;
  figures_answer_hist: FiguresAnswerHistTable;
  figures_levels: FiguresLevelsTable;
  figures_categories: FiguresCategoriesTable;
  figures_watermark: FiguresWatermarkTable;
}
