/** What comes in and what goes out of the reports module. */
import { Type, type Static } from 'typebox';
import { Nullable } from '../../platform/shapes.ts';

const Names = Type.Record(Type.String(), Type.String());
const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1 }));
const UnitCode = Type.String({ minLength: 1, maxLength: 64 });
const Day = Type.String({ format: 'date' });
export const Audience = Type.Union([Type.Literal('public'), Type.Literal('staff')]);
export const ReportLocale = Type.Union([Type.Literal('vi'), Type.Literal('zh'), Type.Literal('en')]);

export const ReportQuery = Type.Object(
  {
    unit: UnitCode,
    period: Type.Optional(Type.String({ maxLength: 32, description: 'a month (2026-03), a quarter (2026-Q1) or a year (2026); or give from and to' })),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    audience: Type.Optional(Audience),
    lang: Type.Optional(ReportLocale),
  },
  { additionalProperties: false },
);
export type ReportQuery = Static<typeof ReportQuery>;

/** The petition figures a report prints: the counts and rates of /api/v1/stats, as it answers them. */
export const PetitionFigures = Type.Object({
  received: Type.Integer(),
  accepted: Type.Integer(),
  answered: Type.Integer(),
  resolved: Type.Integer(),
  resolvedOnTime: Type.Integer(),
  resolvedLate: Type.Integer(),
  overdue: Type.Integer(),
  escalated: Type.Integer(),
  transferred: Type.Integer(),
  rated: Type.Integer(),
  satisfied: Type.Integer(),
  acceptable: Type.Integer(),
  unsatisfied: Type.Integer(),
  responseRate: Rate,
  resolutionRate: Rate,
  onTimeRate: Rate,
  satisfactionRate: Rate,
  medianHoursToAnswer: Nullable(Type.Number()),
});
export type PetitionFigures = Static<typeof PetitionFigures>;

const Case = Type.Object({
  trackingCode: Type.String(),
  kind: Type.String(),
  category: Nullable(Type.String()),
  title: Nullable(Type.String()),
  unit: Type.Object({ code: Type.String(), name: Type.String() }),
  submittedOn: Type.String(),
  dueOn: Type.String(),
  daysOverdue: Type.Integer({ description: 'whole days past the due time; 0 when not yet due' }),
  daysOpen: Type.Integer(),
  leader: Nullable(Type.String()),
  handler: Nullable(Type.String()),
});

export const ReportView = Type.Object({
  unit: Type.Object({ code: Type.String(), name: Type.String(), names: Names, level: Type.String(), country: Type.String(), timeZone: Type.String() }),
  period: Type.Object({ kind: Type.String(), key: Type.String(), from: Type.String(), to: Type.String() }),
  audience: Audience,
  asOf: Type.String({ format: 'date-time' }),
  petitions: PetitionFigures,
  lastYear: Type.Object({ from: Type.String(), to: Type.String(), figures: PetitionFigures }),
  targets: Nullable(Type.Object({ setBy: Type.String({ description: 'the unit whose targets apply' }), resolutionRate: Rate, onTimeRate: Rate, satisfactionRate: Rate })),
  byKind: Type.Array(Type.Object({ kind: Type.String(), received: Type.Integer(), resolved: Type.Integer(), resolutionRate: Rate })),
  topCategories: Type.Array(Type.Object({ category: Type.String(), received: Type.Integer(), resolved: Type.Integer(), resolutionRate: Rate, onTimeRate: Rate })),
  uncategorized: Type.Integer(),
  children: Type.Array(
    Type.Object({
      unit: Type.Object({ code: Type.String(), name: Type.String(), names: Names }),
      received: Type.Integer(),
      resolved: Type.Integer(),
      resolvedOnTime: Type.Integer(),
      resolutionRate: Rate,
      onTimeRate: Rate,
      satisfactionRate: Rate,
    }),
  ),
  cases: Nullable(
    Type.Object({
      overdue: Type.Array(Case),
      longStanding: Type.Array(Case),
      longStandingDays: Type.Integer(),
      more: Type.Boolean(),
    }, { description: 'staff version only: open cases past due or open for long, with their responsible leaders' }),
  ),
  gatherings: Type.Object({
    sessions: Type.Integer(),
    residents: Type.Integer(),
    cancelled: Type.Integer(),
    byKind: Type.Array(Type.Object({ kind: Type.String(), sessions: Type.Integer(), residents: Type.Integer() })),
    opinions: Type.Object({ raised: Type.Integer(), resolved: Type.Integer(), withHigherLevels: Type.Integer() }),
    minimum: Type.Array(
      Type.Object({
        unit: Type.String(),
        unitName: Type.String(),
        role: Type.String(),
        months: Type.Integer(),
        monthsMet: Type.Integer(),
        requiredDays: Type.Integer(),
        heldDays: Type.Integer(),
      }),
      { description: 'reception days held against the legal minimum, per unit and host role (units falling short first)' },
    ),
  }),
  deliberation: Type.Object({
    councils: Type.Integer(),
    members: Type.Integer(),
    matters: Type.Integer(),
    byContent: Type.Record(Type.String(), Type.Integer()),
    byStage: Type.Record(Type.String(), Type.Integer()),
    resolutionsPassed: Type.Integer(),
    tasksDone: Type.Integer(),
  }),
  servicePoints: Type.Object({
    unitsLacking: Type.Integer(),
    missing: Type.Array(Type.Object({ kind: Type.String(), names: Names, units: Type.Integer() })),
  }),
});
export type ReportView = Static<typeof ReportView>;

export const TargetsBody = Type.Object(
  { unit: UnitCode, resolutionRate: Rate, onTimeRate: Rate, satisfactionRate: Rate },
  { additionalProperties: false },
);
export type TargetsBody = Static<typeof TargetsBody>;

export const ArchivedItem = Type.Object({
  id: Type.Integer(),
  period: Type.String(),
  from: Type.String(),
  to: Type.String(),
  audience: Audience,
  locale: Type.String(),
  sha256: Type.String(),
  producedAt: Type.String({ format: 'date-time' }),
});
export const ArchiveList = Type.Object({ items: Type.Array(ArchivedItem) });
export const ArchiveQuery = Type.Object({ unit: UnitCode }, { additionalProperties: false });
export const IdParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,12}$' }) });
