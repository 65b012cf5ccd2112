import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../schema.ts';

export interface ScorecardFrameworksTable {
  id: Generated<number>;
  unit_id: number;
  position: string | null;
  excellent_from: string;
  good_from: string;
  completed_from: string;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface ScorecardCriteriaTable {
  framework_id: number;
  measure: string;
  weight: string;
  worst: string;
  best: string;
  position: number;
}

export interface InspectionFindingsTable {
  id: Generated<number>;
  official_id: number;
  unit_id: number;
  unit_path: string;
  found_on: string;
  text: string;
  entered_by: number;
  entered_at: Timestamp;
}

export interface RankingSettingsTable {
  unit_id: number;
  min_volume: number;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface YearlyReviewsTable {
  official_id: number;
  year: number;
  self_assessment: string | null;
  self_at: Timestamp | null;
  computed_grade: string | null;
  computed_total: string | null;
  scorecard: Json<unknown> | null;
  leader_grade: string | null;
  leader_reasons: string | null;
  leader_id: number | null;
  graded_at: Timestamp | null;
}

export interface ScorecardTables {
  scorecard_frameworks: ScorecardFrameworksTable;
  scorecard_criteria: ScorecardCriteriaTable;
  inspection_findings: InspectionFindingsTable;
  ranking_settings: RankingSettingsTable;
  yearly_reviews: YearlyReviewsTable;
}
