/** What comes in and what goes out of the reports module. */
import { Type, type Static } from 'typebox';
import { Nullable, UnitCode, UnitRef } from '../../platform/shapes.ts';
import { steeringRoles } from '../../contract/domain.ts';

const Names = Type.Record(Type.String(), Type.String());
const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1 }));
// A day of this era: PostgreSQL has no year 0, and no committee met before 1900.
const Day = Type.String({ format: 'date', pattern: '^(19|20)[0-9]{2}-', description: 'YYYY-MM-DD' });
export const Audience = Type.Union([Type.Literal('public'), Type.Literal('staff')]);
export const ReportLocale = Type.Union([Type.Literal('vi'), Type.Literal('zh'), Type.Literal('en')]);

export const ReportQuery = Type.Object(
  {
    unit: UnitCode(),
    period: Type.Optional(Type.String({ maxLength: 32, description: 'a month (2026-03), a quarter (2026-Q1) or a year (2026); or give from and to' })),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    audience: Type.Optional(Audience),
    lang: Type.Optional(ReportLocale),
  },
  { additionalProperties: false },
);
export type ReportQuery = Static<typeof ReportQuery>;

/** The petition figures a report prints: the counts and rates of /api/v1/figures, as it answers them. */
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
  unit: UnitRef,
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
  targets: Nullable(
    Type.Object({
      setBy: UnitRef, // the unit whose targets apply
      year: Nullable(Type.Integer({ description: "the year they were set for (the year the period ends in); null: that unit's default" })),
      resolutionRate: Rate,
      onTimeRate: Rate,
      satisfactionRate: Rate,
    }),
  ),
  byKind: Type.Array(Type.Object({ kind: Type.String(), received: Type.Integer(), resolved: Type.Integer(), resolutionRate: Rate })),
  topCategories: Type.Array(Type.Object({ category: Type.String(), received: Type.Integer(), resolved: Type.Integer(), resolutionRate: Rate, onTimeRate: Rate })),
  uncategorized: Type.Integer(),
  hotspots: Type.Array(
    Type.Object({
      unit: UnitRef,
      category: Type.String(),
      weekEnd: Type.String({ format: 'date-time' }),
      count: Type.Integer({ description: 'petitions in the seven days to weekEnd' }),
      baseline: Type.Number({ description: 'a week on average over the eight weeks before' }),
      score: Type.Number(),
    }),
    { description: "the hotspots of the unit's subtree whose week ended in the period, newest first, as GET /api/v1/insight/hotspots lists them (no petitions)" },
  ),
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
        unit: UnitRef,
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
  scorecards: Nullable(
    Type.Object({
      period: Type.String(),
      grades: Type.Object({ excellent: Type.Integer(), good: Type.Integer(), completed: Type.Integer(), not_completed: Type.Integer() }),
      ungraded: Type.Integer(),
    }),
    "how many officials of the unit's subtree fall in each scorecard grade (counts only); null for a custom range",
  ),
});
export type ReportView = Static<typeof ReportView>;

const TargetYear = Type.Integer({ minimum: 1900, maximum: 2999 });
export const TargetsBody = Type.Object(
  {
    unit: UnitCode(),
    year: Nullable(TargetYear, "the year the targets are for; null: the unit's default for a year without its own"),
    resolutionRate: Rate,
    onTimeRate: Rate,
    satisfactionRate: Rate,
  },
  { additionalProperties: false },
);
export type TargetsBody = Static<typeof TargetsBody>;
export const TargetsQuery = Type.Object({ unit: UnitCode(), year: Type.Optional(Type.String({ pattern: '^(19|2[0-9])[0-9]{2}$', description: 'a year (YYYY); without it, the current year' })) }, { additionalProperties: false });
export type TargetsQuery = Static<typeof TargetsQuery>;
const TargetRates = { resolutionRate: Rate, onTimeRate: Rate, satisfactionRate: Rate };
export const TargetsView = Type.Object({
  unit: UnitRef,
  year: Type.Integer(),
  applying: Nullable(Type.Object({ setBy: UnitRef, year: Nullable(Type.Integer()), ...TargetRates }), "the targets a report of that year compares with (the unit's own or an ancestor's)"),
  own: Type.Array(Type.Object({ year: Nullable(Type.Integer()), ...TargetRates }), { description: 'the targets the unit itself set: per year, newest first, and its default (year null)' }),
});

export const ArchivedItem = Type.Object({
  id: Type.Integer(),
  period: Type.String(),
  from: Type.String(),
  to: Type.String(),
  audience: Audience,
  locale: Type.String(),
  sha256: Type.String(),
  producedAt: Type.String({ format: 'date-time' }),
  mailedTo: Nullable(Type.Integer({ description: 'addresses it was e-mailed to when produced; 0: nobody to send it to (archived all the same); null: not recorded' })),
});
export const ArchiveList = Type.Object({ items: Type.Array(ArchivedItem) });
export const ArchiveQuery = Type.Object({ unit: UnitCode() }, { additionalProperties: false });
export const IdParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,12}$' }) });

// Steering committees

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
export const SteeringRole = Type.Union(steeringRoles.map((r) => Type.Literal(r)));
export const MemberInput = Type.Object(
  {
    name: Text(200),
    role: SteeringRole,
    position: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    account: Type.Optional(Nullable(Type.Integer({ minimum: 1, description: 'the official who is the member, if any' }))),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
  },
  { additionalProperties: false },
);
export const CreateCommitteeBody = Type.Object(
  { unit: UnitCode(), name: Text(300), members: Type.Array(MemberInput, { maxItems: 100 }) },
  { additionalProperties: false },
);
export const MembersBody = Type.Object({ members: Type.Array(MemberInput, { minItems: 1, maxItems: 100 }) }, { additionalProperties: false });
export const MemberParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,12}$' }), member: Type.String({ pattern: '^[0-9]{1,12}$' }) });
export const MemberChangeBody = Type.Object(
  { role: Type.Optional(SteeringRole), leftOn: Type.Optional(Day) },
  { additionalProperties: false, minProperties: 1 },
);
export const RegulationBody = Type.Object(
  { title: Text(300), adoptedOn: Day, articles: Type.Array(Type.Object({ title: Text(300), text: Text(10_000) }, { additionalProperties: false }), { minItems: 1, maxItems: 100 }) },
  { additionalProperties: false },
);
export const MeetingBody = Type.Object(
  {
    heldOn: Day,
    title: Text(300),
    agenda: Type.Array(Text(1000), { maxItems: 50 }),
    minutes: Type.Optional(Nullable(Type.String({ maxLength: 50_000 }))),
    attendance: Type.Array(Type.Object({ member: Type.Integer({ minimum: 1 }), present: Type.Boolean(), note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) }, { additionalProperties: false }), { maxItems: 200 }),
    decisions: Type.Array(Type.Object({ text: Text(2000), owner: Type.Integer({ minimum: 1, description: 'a member of the committee' }), dueOn: Day }, { additionalProperties: false }), { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export const DecisionActionBody = Type.Object({ type: Type.Literal('complete'), note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) }, { additionalProperties: false });

const DecisionView = Type.Object({
  id: Type.Integer(),
  meeting: Type.Integer(),
  text: Type.String(),
  owner: Type.Object({ id: Type.Integer(), name: Type.String() }),
  dueAt: Type.String({ format: 'date-time' }),
  status: Type.Union([Type.Literal('open'), Type.Literal('done')]),
  overdue: Type.Boolean(),
  doneAt: Nullable(Type.String({ format: 'date-time' })),
  doneNote: Nullable(Type.String()),
  escalatedAt: Nullable(Type.String({ format: 'date-time' })),
  escalatedTo: Nullable(UnitRef, 'the unit above the decision was escalated to'),
});
export const CommitteeView = Type.Object({
  id: Type.Integer(),
  unit: UnitRef,
  name: Type.String(),
  members: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), role: Type.String(), position: Nullable(Type.String()), account: Nullable(Type.Integer()), email: Nullable(Type.String()), leftOn: Nullable(Type.String()) })),
  regulations: Type.Array(Type.Object({ version: Type.Integer(), title: Type.String(), adoptedOn: Type.String(), articles: Type.Array(Type.Object({ title: Type.String(), text: Type.String() })) }), { description: 'newest first; the first is in force' }),
  meetings: Type.Array(
    Type.Object({
      id: Type.Integer(),
      heldOn: Type.String(),
      title: Type.String(),
      agenda: Type.Array(Type.String()),
      minutes: Nullable(Type.String()),
      attendance: Type.Array(Type.Object({ member: Type.Integer(), present: Type.Boolean(), note: Nullable(Type.String()) })),
    }),
  ),
  decisions: Type.Array(DecisionView),
});
export type CommitteeView = Static<typeof CommitteeView>;
export const CommitteeQuery = Type.Object({ unit: UnitCode() }, { additionalProperties: false });
export const CreatedId = Type.Object({ id: Type.Integer() });

// Reports upward

export const UpwardQuery = Type.Object(
  {
    unit: UnitCode(),
    period: Type.Optional(Type.String({ maxLength: 32 })),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    sort: Type.Optional(Type.Union(['unit', 'received', 'answered', 'resolved', 'resolvedOnTime', 'responseRate', 'resolutionRate', 'onTimeRate', 'satisfactionRate'].map((k) => Type.Literal(k)))),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    lang: Type.Optional(ReportLocale),
  },
  { additionalProperties: false },
);
export type UpwardQuery = Static<typeof UpwardQuery>;
export const UpwardView = Type.Object({
  unit: Type.Object({ code: Type.String(), name: Type.String(), names: Names }),
  period: Type.Object({ key: Type.String(), from: Type.String(), to: Type.String() }),
  asOf: Type.String({ format: 'date-time' }),
  items: Type.Array(
    Type.Object({
      unit: Type.Object({ code: Type.String(), name: Type.String(), names: Names }),
      received: Type.Integer(),
      answered: Type.Integer(),
      resolved: Type.Integer(),
      resolvedOnTime: Type.Integer(),
      responseRate: Rate,
      resolutionRate: Rate,
      onTimeRate: Rate,
      satisfactionRate: Rate,
    }),
  ),
  more: Type.Boolean(),
});
