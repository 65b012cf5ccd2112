/** What the server and other modules may use of the scorecards module. */
export { scorecardsModule } from './scorecards.routes.ts';
export { saveFramework } from './commands/saveFramework.ts';
export { setRankingMinimum } from './commands/setRankingMinimum.ts';
export { frameworkCount as scorecardFrameworkCount } from './scorecards.queries.ts';
export { gradeCountsOf } from './scorecards.grades.ts';
export { gradeNames as scorecardGradeNames } from './scorecards.texts.ts';
export { CriterionInput as ScorecardCriterion, Thresholds as ScorecardThresholds } from './scorecards.schema.ts';
