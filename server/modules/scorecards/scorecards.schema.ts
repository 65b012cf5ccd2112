import { Type, type Static, type TSchema } from 'typebox';
import { scorecardGrades, scorecardMeasures } from '../../contract/domain.ts';
import { UnitRef } from '../../platform/shapes.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const UnitCode = Type.String({ minLength: 1, maxLength: 64 });
const Names = Type.Record(Type.String(), Type.String());

export const Measure = Type.Enum([...scorecardMeasures]);
export const Grade = Type.Enum([...scorecardGrades]);
export const PeriodKey = Type.String({ pattern: '^\\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$', description: "'2026-03' (a month), '2026-Q1' (a quarter) or '2026' (a year)" });

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export const CodeParams = Type.Object({ code: UnitCode }, { additionalProperties: false });
export const ReviewParams = Type.Object({ id: Id, year: Type.Integer({ minimum: 2000, maximum: 2200 }) }, { additionalProperties: false });
export const PeriodQuery = Type.Object({ period: PeriodKey }, { additionalProperties: false });
export const CasesQuery = Type.Object({ period: PeriodKey, measure: Measure }, { additionalProperties: false });

// ---- frameworks ----
export const Thresholds = Type.Object(
  {
    excellent: Type.Number({ minimum: 0, maximum: 100 }),
    good: Type.Number({ minimum: 0, maximum: 100 }),
    completed: Type.Number({ minimum: 0, maximum: 100 }),
  },
  { additionalProperties: false, description: 'the lowest total of each grade; below `completed` is not completed' },
);
export const CriterionInput = Type.Object(
  {
    measure: Measure,
    weight: Type.Number({ exclusiveMinimum: 0, maximum: 1000 }),
    worst: Type.Number({ minimum: -100000, maximum: 100000, description: 'the value that scores 0' }),
    best: Type.Number({ minimum: -100000, maximum: 100000, description: 'the value that scores 100' }),
  },
  { additionalProperties: false },
);
export const FrameworkBody = Type.Object(
  {
    unit: UnitCode,
    position: Nullable(Type.String({ minLength: 1, maxLength: 200, description: "a job position (an official's position), or null for every position" })),
    thresholds: Thresholds,
    criteria: Type.Array(CriterionInput, { minItems: 1, maxItems: scorecardMeasures.length }),
  },
  { additionalProperties: false },
);
export type FrameworkBody = Static<typeof FrameworkBody>;
export const FrameworksQuery = Type.Object({ unit: UnitCode }, { additionalProperties: false });
export const FrameworkView = Type.Object({
  id: Type.Integer(),
  unit: UnitRef,
  own: Type.Boolean({ description: 'set at this unit (not inherited from a unit above)' }),
  position: Nullable(Type.String()),
  thresholds: Thresholds,
  criteria: Type.Array(Type.Object({ measure: Measure, weight: Type.Number(), worst: Type.Number(), best: Type.Number() })),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type FrameworkView = Static<typeof FrameworkView>;
export const FrameworkList = Type.Object({
  items: Type.Array(FrameworkView),
  canEdit: Type.Boolean(),
  minVolume: Type.Integer({ description: 'the public ranking of the units below leaves out units with fewer rated cases' }),
});

export const MinVolumeBody = Type.Object({ minVolume: Type.Integer({ minimum: 1, maximum: 100000 }) }, { additionalProperties: false });

// ---- inspection findings ----
export const InspectionBody = Type.Object(
  { official: Id, foundOn: Type.String({ format: 'date' }), text: Text(4000) },
  { additionalProperties: false },
);
export const Created = Type.Object({ id: Type.Integer() });

// ---- scorecards ----
const Num = Nullable(Type.Number());
export const CriterionView = Type.Object({
  measure: Measure,
  weight: Num,
  worst: Num,
  best: Num,
  value: Num,
  score: Nullable(Type.Number({ description: 'the value on the criterion’s scale, 0–100' })),
  numerator: Num,
  denominator: Num,
});
export const ScorecardView = Type.Object({
  subject: Type.Object({
    kind: Type.Union([Type.Literal('official'), Type.Literal('unit')]),
    id: Nullable(Type.Integer()),
    name: Type.String(),
    position: Nullable(Type.String()),
    unit: Type.Object({ code: Type.String(), name: Type.String(), names: Names }),
  }),
  period: Type.Object({ key: Type.String(), from: Type.String(), to: Type.String() }),
  framework: Nullable(Type.Object({ id: Type.Integer(), unit: UnitRef, position: Nullable(Type.String()), thresholds: Thresholds })),
  criteria: Type.Array(CriterionView),
  total: Num,
  grade: Nullable(Grade),
  can: Type.Object({ enterFinding: Type.Boolean() }),
});
export type ScorecardView = Static<typeof ScorecardView>;

export const CaseView = Type.Object({
  ref: Type.String({ description: 'a tracking code, or the rating, gathering or inspection it is' }),
  at: Type.String(),
  counts: Nullable(Type.Boolean({ description: 'counts towards the rate’s numerator' })),
  petition: Nullable(Type.Integer({ description: 'the case to open, when the caller may' })),
  detail: Nullable(Type.String()),
});
export const CaseList = Type.Object({ measure: Measure, value: Num, items: Type.Array(CaseView) });

export const UnitsQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'part of a name (any language, diacritics optional) or a code' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
  },
  { additionalProperties: false },
);
export const UnitChoices = Type.Object({
  items: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), names: Names, level: Type.String(), depth: Type.Integer() })),
  more: Type.Boolean({ description: 'more units match than were listed: narrow with q' }),
});
export type UnitChoices = Static<typeof UnitChoices>;

export const OfficialRow = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  position: Nullable(Type.String()),
  total: Num,
  grade: Nullable(Grade),
});
export const UnitOfficials = Type.Object({ period: Type.String(), items: Type.Array(OfficialRow) });

// ---- the public ranking ----
export const RankingView = Type.Object({
  unit: Type.Object({ code: Type.String(), name: Type.String(), names: Names }),
  period: Type.String(),
  measure: Type.Literal('satisfied_share', { description: 'answers rated satisfied and service rated 4 or 5, among all ratings' }),
  minVolume: Type.Integer(),
  items: Type.Array(
    Type.Object({
      rank: Type.Integer(),
      unit: Type.Object({ code: Type.String(), name: Type.String(), names: Names }),
      n: Type.Integer(),
      share: Type.Number(),
      low: Type.Number(),
      high: Type.Number(),
    }),
  ),
  leftOut: Type.Integer({ description: 'units below with fewer rated cases than the minimum, not ranked' }),
});
export type RankingView = Static<typeof RankingView>;

// ---- yearly review ----
export const ReviewView = Type.Object({
  official: Type.Object({ id: Type.Integer(), name: Type.String(), position: Nullable(Type.String()), unit: Nullable(UnitRef) }),
  year: Type.Integer(),
  scorecard: ScorecardView,
  frozen: Type.Boolean({ description: 'the scorecard as it stood when the leader graded' }),
  selfAssessment: Nullable(Type.String()),
  selfAt: Nullable(Type.String()),
  leaderGrade: Nullable(Grade),
  leaderReasons: Nullable(Type.String()),
  leaderName: Nullable(Type.String()),
  gradedAt: Nullable(Type.String()),
  can: Type.Object({ selfAssess: Type.Boolean(), grade: Type.Boolean() }),
});
export type ReviewView = Static<typeof ReviewView>;
export const ReviewPdfQuery = Type.Object(
  { lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('zh'), Type.Literal('en')], { description: 'the language of the document; else the Accept-Language' })) },
  { additionalProperties: false },
);
export const ReviewAction = Type.Union([
  Type.Object({ type: Type.Literal('self_assess'), text: Text(8000) }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('grade'), grade: Grade, reasons: Type.Optional(Text(4000)) }, { additionalProperties: false }),
]);
export type ReviewAction = Static<typeof ReviewAction>;
