import { Type, type Static } from 'typebox';
import { Nullable, UnitCode, UnitRef } from '../../platform/shapes.ts';

const Count = (description: string) => Type.Integer({ minimum: 0, description });
const Rate = (description: string) => Nullable(Type.Number({ minimum: 0, maximum: 1, description: `${description}; null when the denominator is 0` }));

export const FiguresQuery = Type.Object(
  {
    unit: Type.Optional(UnitCode('a unit code: its figures cover the unit and every unit below it; omitted: the whole deployment')),
    from: Type.String({ format: 'date', description: 'the first submitted day counted (YYYY-MM-DD, local day)' }),
    to: Type.String({ format: 'date', description: 'the last submitted day counted, included' }),
    interval: Type.Optional(Type.Union([Type.Literal('month'), Type.Literal('day')], { description: 'also answer a time series' })),
  },
  { additionalProperties: false },
);
export type FiguresQuery = Static<typeof FiguresQuery>;

const countFields = {
  received: Count('petitions first submitted in the period to the unit or a unit below it'),
  accepted: Count('of those, accepted at least once (an answer on the spot counts)'),
  rejected: Count('rejected (not accepted, with a reason)'),
  answered: Count('answered at least once (a merged petition: when its case was answered)'),
  resolved: Count('answered or closed, and not reopened or escalated since'),
  resolvedOnTime: Count('resolved no later than the due time in force then'),
  resolvedLate: Count('resolved − resolvedOnTime'),
  overdue: Count('open now (not answered, closed, rejected or merged) and past the due time'),
  escalated: Count('escalated to a unit outside this unit\'s subtree: handled by a higher level'),
  transferred: Count('transferred at least once'),
  rated: Count('rated by the resident (the latest rating counts)'),
  satisfied: Count('rated satisfied'),
  acceptable: Count('rated acceptable'),
  unsatisfied: Count('rated unsatisfied'),
};
const rateFields = {
  responseRate: Rate('answered / received'),
  resolutionRate: Rate('resolved / received'),
  onTimeRate: Rate('resolvedOnTime / resolved'),
  satisfactionRate: Rate('(satisfied + acceptable) / rated'),
};

export const FiguresBucket = Type.Object({ ...countFields, ...rateFields });

export const FiguresSeriesItem = Type.Object({
  period: Type.String({ description: "'YYYY-MM' (interval month) or 'YYYY-MM-DD' (interval day)" }),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  ...countFields,
  ...rateFields,
});

export const FiguresView = Type.Object({
  unit: Nullable(UnitRef, 'null: the whole deployment'),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  timeZone: Nullable(Type.String({ description: 'the unit\'s time zone, in which the days are counted' })),
  asOf: Type.String({ format: 'date-time', description: 'the moment "overdue" was counted at' }),
  ...countFields,
  ...rateFields,
  medianHoursToAnswer: Nullable(Type.Number({ minimum: 0, description: 'median time from submission to the first answer, hours with one decimal' })),
  uncategorized: Count('petitions without a category (not in byCategory)'),
  byChannel: Type.Record(Type.String(), FiguresBucket),
  byKind: Type.Record(Type.String(), FiguresBucket),
  byCategory: Type.Record(Type.String(), FiguresBucket),
  auditCheckpoint: Nullable(
    Type.Object(
      {
        id: Type.Integer(),
        at: Type.String({ format: 'date-time' }),
        maxEventId: Type.Integer({ description: 'every audit event up to this id is sealed' }),
        events: Type.Integer(),
        hash: Type.String({ description: 'SHA-256 of the checkpoint; keep a copy: `zerodistance audit verify --published <id>:<hash>` checks the trail still holds it' }),
      },
      { description: 'the newest audit checkpoint of the deployment, published so that cutting back the audit trail shows' },
    ),
  ),
  series: Type.Optional(
    Type.Object({
      interval: Type.Union([Type.Literal('month'), Type.Literal('day')]),
      items: Type.Array(FiguresSeriesItem, { description: 'every month (day) of the period in order, the first and last cut to it' }),
    }),
  ),
});
export type FiguresView = Static<typeof FiguresView>;

export const ReviewFiguresQuery = Type.Omit(FiguresQuery, ['interval'], { additionalProperties: false });

export const ReviewFiguresView = Type.Object({
  unit: Nullable(UnitRef, 'null: the whole deployment'),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  timeZone: Nullable(Type.String()),
  asOf: Type.String({ format: 'date-time', description: 'the moment the open and overdue ones were counted at' }),
  reviewed: Count('a review (复查; in Viet Nam a second complaint) was asked for'),
  reReviewed: Count('a re-review (复核) was asked for'),
  inReview: Count('in review now, not yet answered'),
  inReReview: Count('in re-review now, not yet answered'),
  reviewResolved: Count('the review answered (or closed), the last step so far'),
  reviewResolvedOnTime: Count('of those, within the review\'s time limit'),
  reReviewResolved: Count('the re-review answered (or closed)'),
  reReviewResolvedOnTime: Count('of those, within the re-review\'s time limit'),
  reviewOverdue: Count('in review now and past its time limit'),
  reReviewOverdue: Count('in re-review now and past its time limit'),
});
export type ReviewFiguresView = Static<typeof ReviewFiguresView>;

export const ChildFiguresQuery = Type.Object(
  {
    unit: UnitCode('a unit code: the units directly below it are compared'),
    from: Type.String({ format: 'date', description: 'the first submitted day counted (YYYY-MM-DD, local day)' }),
    to: Type.String({ format: 'date', description: 'the last submitted day counted, included' }),
  },
  { additionalProperties: false },
);
export type ChildFiguresQuery = Static<typeof ChildFiguresQuery>;

export const ChildFiguresView = Type.Object({
  unit: UnitRef,
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  asOf: Type.String({ format: 'date-time' }),
  items: Type.Array(
    Type.Object({
      unit: Type.Object({ code: Type.String(), name: Type.String(), names: Type.Record(Type.String(), Type.String()) }),
      received: countFields.received,
      answered: countFields.answered,
      resolved: countFields.resolved,
      resolvedOnTime: countFields.resolvedOnTime,
      ...rateFields,
    }),
    { description: 'each unit directly below, over its own subtree, by code' },
  ),
  more: Type.Boolean({ description: 'true: the unit has more units below it than are compared (200)' }),
});
export type ChildFiguresView = Static<typeof ChildFiguresView>;

export const YearsQuery = Type.Object(
  { unit: Type.Optional(UnitCode('a unit code; omitted: the whole deployment')) },
  { additionalProperties: false },
);
export const YearsView = Type.Object({
  years: Type.Array(Type.Integer(), { description: 'the local years in which petitions were first submitted to the unit or below it, newest first' }),
});

export const FiguresExportQuery = Type.Object(
  {
    unit: Type.Optional(UnitCode('a unit code; omitted: the whole deployment')),
    from: Type.String({ format: 'date', description: 'the first submitted day counted (YYYY-MM-DD, local day)' }),
    to: Type.String({ format: 'date', description: 'the last submitted day counted, included' }),
    format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('json')], { description: 'csv (default) or json' })),
  },
  { additionalProperties: false },
);
export type FiguresExportQuery = Static<typeof FiguresExportQuery>;

/** The figures as a file: one row per month of the period for the unit, one per unit below it for the whole period. */
export const figuresExportColumns = [
  'unit',
  'unitName',
  'scope',
  'period',
  'from',
  'to',
  ...Object.keys(countFields),
  ...Object.keys(rateFields),
] as const;
