import { Type, type Static } from 'typebox';
import { CategoryKey, Nullable, UnitCode, UnitRef } from '../../platform/shapes.ts';
import { gatheringActions, gatheringKinds, gatheringStates, holidayRules, hostRoles, petitionKinds } from '../../contract/domain.ts';

const Text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });
const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const DateTime = Type.String({ format: 'date-time' });

export const Kind = Type.Enum([...gatheringKinds]);
export const State = Type.Enum([...gatheringStates]);
export const HostRole = Type.Enum([...hostRoles], { description: 'chairman, vice_chairman, reception_committee (its regular reception) or other' });
export const Day = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description: 'a local day, YYYY-MM-DD' });
export const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
const LocalTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, local' });
const LocalDateTime = Type.String({
  pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: "YYYY-MM-DDTHH:MM on the wall clock of the unit's time zone",
});
const Point = Type.Object(
  { lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) },
  { additionalProperties: false },
);
const Topics = Type.Array(Text(200), { maxItems: 20 });

const plan = {
  unit: UnitCode(),
  kind: Kind,
  title: Text(300),
  host: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'the official who hosts (receives)' })),
  hostRole: Type.Optional(HostRole),
  agencies: Type.Optional(Type.Array(Id, { maxItems: 30, description: 'agencies present (ids)' })),
  place: Type.Optional(Text(500)),
  point: Type.Optional(Point),
  capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, description: 'places residents may book' })),
  topics: Type.Optional(Topics),
};

export const CreateGatheringBody = Type.Object(
  { ...plan, start: LocalDateTime, end: LocalDateTime },
  { additionalProperties: false },
);
export type CreateGatheringBody = Static<typeof CreateGatheringBody>;

export const CreateSeriesBody = Type.Object(
  {
    ...plan,
    rrule: Type.String({ minLength: 5, maxLength: 300, description: 'RFC 5545 RRULE without DTSTART, UNTIL or COUNT, e.g. FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2' }),
    firstDay: Day,
    untilDay: Day,
    startTime: LocalTime,
    minutes: Type.Integer({ minimum: 15, maximum: 1440 }),
    holidayRule: Type.Enum([...holidayRules], { description: 'an occurrence on a holiday: skip it, or move it to the next or previous day that is not one, or keep it' }),
    exceptions: Type.Optional(Type.Array(Day, { maxItems: 100, description: 'single days left out' })),
  },
  { additionalProperties: false },
);
export type CreateSeriesBody = Static<typeof CreateSeriesBody>;

const MinutesFile = Type.Object({
  id: Type.Integer(),
  filename: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  public: Type.Boolean({ description: 'shown on the public page once the gathering is published' }),
  createdAt: DateTime,
});

export const SeriesResult = Type.Object({
  id: Type.Integer(),
  days: Type.Array(Type.String(), { description: 'the local days of its gatherings' }),
  gatherings: Type.Array(Type.Integer()),
});

/** A real local day of 1900–2099 (no 30 February, no year 0 PostgreSQL cannot hold). */
export const RealDay = Type.String({ format: 'date', pattern: '^(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}$', description: 'a local day, YYYY-MM-DD' });

export const SeriesExceptionBody = Type.Object(
  {
    day: RealDay,
    moveTo: Type.Optional(RealDay),
  },
  { additionalProperties: false, description: "day: the series' day left out (its gathering cancelled); moveTo: plan that gathering on this day instead" },
);
export const SeriesExceptionResult = Type.Object({
  cancelled: Type.Array(Type.Integer()),
  planned: Nullable(Type.Integer({ description: 'the gathering planned on moveTo' })),
});

export const SeriesQuery = Type.Object({ unit: UnitCode() }, { additionalProperties: false });
export const SeriesList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      unit: UnitRef,
      kind: Kind,
      title: Type.String(),
      rrule: Type.String(),
      firstDay: Type.String(),
      untilDay: Type.String(),
      startTime: Type.String(),
      holidayRule: Type.String(),
      exceptions: Type.Array(
        Type.Object({
          day: Type.String(),
          movedTo: Nullable(Type.Object({ gathering: Type.Integer(), day: Type.String(), state: State })),
        }),
      ),
    }),
  ),
});

export const AttachmentQuery = Type.Object(
  {
    filename: Type.Optional(Type.String({ maxLength: 300 })),
    public: Type.Optional(Type.Boolean({ description: 'show it on the public page once published (default: no)' })),
  },
  { additionalProperties: false },
);
export const AttachmentParams = Type.Object(
  { id: Type.String({ pattern: '^[0-9]{1,15}$' }), attachmentId: Type.String({ pattern: '^[0-9]{1,15}$' }) },
  { additionalProperties: false },
);
export const MinutesFileView = MinutesFile;

export const IdParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,15}$' }) }, { additionalProperties: false });
export const UnitParams = Type.Object({ code: UnitCode() }, { additionalProperties: false });
export const ActionBody = Type.Object(
  {
    type: Type.Enum([...gatheringActions]),
    reason: Type.Optional(Text(2000, 'cancel: why (required)')),
    summary: Type.Optional(Text(20000, 'publish: the public summary (required)')),
    minutes: Type.Optional(Text(100000, 'close or publish: the minutes')),
    outcomes: Type.Optional(Text(20000, 'close or publish: what was decided')),
  },
  { additionalProperties: false },
);
export type ActionBody = Static<typeof ActionBody>;

const Key = Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$', description: 'idempotency key: the same key twice records once' });
const ResidentInput = Type.Object(
  { name: Type.Optional(Text(200)), phone: Type.Optional(Text(40)), address: Type.Optional(Text(500)) },
  { additionalProperties: false },
);

export const EntryBody = Type.Union([
  Type.Object(
    { key: Key, type: Type.Literal('attendance'), count: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })), names: Type.Optional(Type.Array(Text(200), { maxItems: 500 })) },
    { additionalProperties: false, description: 'adds to the attendance: a count, and/or the names of those received' },
  ),
  Type.Object(
    {
      key: Key,
      type: Type.Literal('opinion'),
      kind: Type.Enum([...petitionKinds]),
      body: Text(20000),
      title: Type.Optional(Text(300)),
      category: Type.Optional(CategoryKey),
      resident: Type.Optional(ResidentInput),
      answerNow: Type.Optional(Text(20000, 'answered on the spot')),
      consentToPublish: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false, description: 'an opinion raised: recorded as a petition linked to the gathering' },
  ),
  Type.Object(
    { key: Key, type: Type.Literal('service'), serviceType: Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$' }), count: Type.Integer({ minimum: 1, maximum: 100000 }) },
    { additionalProperties: false, description: 'services delivered: certificates_handed_over, people_measured, people_guided …' },
  ),
  Type.Object(
    {
      key: Key,
      type: Type.Literal('record'),
      residentAccount: Text(20000),
      agencyAccount: Text(20000),
      conclusion: Text(20000),
      responsible: Text(300),
      dueOn: Day,
      petition: Type.Optional(Id),
    },
    { additionalProperties: false, description: '"three sides, one word": reception and working sessions' },
  ),
]);
export type EntryBody = Static<typeof EntryBody>;

export const EntryResult = Type.Object({
  key: Type.String(),
  type: Type.String(),
  replayed: Type.Boolean({ description: 'true when this key had been recorded before: nothing changed' }),
  petition: Type.Optional(Type.Object({ id: Type.Integer(), trackingCode: Type.String(), status: Type.String() })),
  record: Type.Optional(Type.Integer()),
  attendance: Type.Optional(Type.Integer()),
});

export const RecordActionBody = Type.Object(
  { type: Type.Literal('done'), note: Type.Optional(Text(5000)) },
  { additionalProperties: false },
);

const PetitionLink = Type.Object({
  trackingCode: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  via: Type.String(),
  resolved: Type.Boolean(),
  escalated: Type.Boolean(),
  title: Nullable(Type.String()),
});

const RecordView = Type.Object({
  id: Type.Integer(),
  residentAccount: Type.String(),
  agencyAccount: Type.String(),
  conclusion: Type.String(),
  responsible: Type.String(),
  dueOn: Type.String(),
  done: Type.Boolean(),
  overdue: Type.Boolean(),
  petition: Nullable(Type.String({ description: 'tracking code' })),
});

const common = {
  id: Type.Integer(),
  unit: UnitRef,
  kind: Kind,
  title: Type.String(),
  host: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  hostRole: Nullable(Type.String()),
  agencies: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  place: Nullable(Type.String()),
  point: Nullable(Type.Object({ lat: Type.Number(), lng: Type.Number() })),
  startsAt: DateTime,
  endsAt: DateTime,
  localStart: Type.String({ description: "YYYY-MM-DD HH:MM in the unit's time zone" }),
  localEnd: Type.String(),
  timeZone: Type.String(),
  capacity: Nullable(Type.Integer()),
  booked: Type.Integer(),
  topics: Type.Array(Type.String()),
  state: State,
  cancelReason: Nullable(Type.String()),
  series: Nullable(Type.Integer()),
  movedFrom: Nullable(Type.String({ description: 'the day of its series this gathering replaces, when that day was moved' })),
};

export const PublicGathering = Type.Object({
  ...common,
  summary: Nullable(Type.String({ description: 'once published' })),
  outcomes: Nullable(Type.String()),
  attendance: Nullable(Type.Integer({ description: 'once published' })),
  petitions: Type.Array(PetitionLink, { description: 'questions and suggestions raised at it that may be published, with their progress' }),
  attachments: Type.Array(MinutesFile, { description: 'the public files of the minutes, once published' }),
});
export type PublicGathering = Static<typeof PublicGathering>;

export const StaffGathering = Type.Object({
  ...common,
  attendance: Type.Integer(),
  attendees: Type.Array(Type.String()),
  minutes: Nullable(Type.String()),
  outcomes: Nullable(Type.String()),
  summary: Nullable(Type.String()),
  services: Type.Array(Type.Object({ type: Type.String(), count: Type.Integer() })),
  records: Type.Array(RecordView),
  petitions: Type.Array(PetitionLink),
  bookings: Type.Array(Type.Object({ code: Type.String(), name: Nullable(Type.String()), phone: Type.String() })),
  attachments: Type.Array(MinutesFile, { description: 'the files of the minutes' }),
});
export type StaffGathering = Static<typeof StaffGathering>;

const ListItem = Type.Object(common);
export const GatheringList = Type.Object({ items: Type.Array(ListItem) });
export type GatheringListItem = Static<typeof ListItem>;

export const ListQuery = Type.Object(
  {
    unit: UnitCode(),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    kind: Type.Optional(Kind),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
  },
  { additionalProperties: false },
);

export const BookingBody = Type.Object(
  { phone: Text(40), name: Type.Optional(Text(200)) },
  { additionalProperties: false },
);
export const BookingResult = Type.Object({
  code: Type.String({ description: 'the confirmation code' }),
  gathering: Type.Integer(),
  localStart: Type.String(),
});
export const BookingParams = Type.Object(
  { id: Type.String({ pattern: '^[0-9]{1,15}$' }), code: Type.String({ minLength: 4, maxLength: 20 }) },
  { additionalProperties: false },
);
export const CancelBookingBody = Type.Object({ phone: Text(40) }, { additionalProperties: false });

export const QuestionBody = Type.Object(
  {
    body: Text(20000),
    kind: Type.Optional(Type.Union([Type.Literal('question'), Type.Literal('suggestion')])),
    name: Type.Optional(Text(200)),
    phone: Type.Optional(Text(40)),
    consentToPublish: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const QuestionResult = Type.Object({ trackingCode: Type.String(), accessKey: Type.String() });

export const FiguresQuery = Type.Object({ unit: UnitCode(), from: Day, to: Day }, { additionalProperties: false });
export const Figures = Type.Object({
  unit: UnitRef,
  from: Type.String(),
  to: Type.String(),
  sessions: Type.Array(Type.Object({ kind: Type.String(), hostRole: Nullable(Type.String()), sessions: Type.Integer(), residents: Type.Integer() }), {
    description: 'held gatherings (closed or published) by kind and host role, with the residents received',
  }),
  totals: Type.Object({ sessions: Type.Integer(), residents: Type.Integer(), cancelled: Type.Integer() }),
  opinions: Type.Object({
    raised: Type.Integer(),
    resolved: Type.Integer(),
    withHigherLevels: Type.Integer({ description: 'escalated and not yet resolved' }),
    questionsAhead: Type.Integer(),
  }),
  services: Type.Array(Type.Object({ type: Type.String(), count: Type.Integer() })),
  records: Type.Object({ total: Type.Integer(), done: Type.Integer(), overdue: Type.Integer() }),
});
export type Figures = Static<typeof Figures>;

export const ComplianceQuery = Type.Object(
  { unit: UnitCode(), from: Month, to: Month, short: Type.Optional(Type.Boolean({ description: 'only units that fall short' })) },
  { additionalProperties: false },
);
const MonthRow = Type.Object({
  month: Type.String(),
  required: Type.Integer(),
  scheduled: Type.Object({ days: Type.Integer(), met: Type.Boolean() }),
  held: Type.Object({ days: Type.Integer(), met: Type.Boolean() }),
  judgedOn: Type.Union([Type.Literal('held'), Type.Literal('held_and_planned'), Type.Literal('schedule')], {
    description: 'a month that has ended: the days held; the current month: held and still planned; a month to come: the schedule',
  }),
  met: Type.Boolean({ description: 'the month meets the minimum, judged as judgedOn says' }),
  shortWeeks: Type.Array(Type.String({ description: 'weeks (their Mondays) short of a weekly minimum, judged as judgedOn says' })),
});
export const Compliance = Type.Object({
  items: Type.Array(
    Type.Object({
      unit: UnitRef,
      level: Type.String(),
      role: Type.String(),
      minimum: Type.Object({ days: Type.Integer(), per: Type.String(), source: Type.String() }),
      months: Type.Array(MonthRow),
      short: Type.Boolean({ description: 'some month falls short of the minimum, each judged as its judgedOn says' }),
    }),
  ),
});
export type Compliance = Static<typeof Compliance>;

export const MinimumView = Type.Object({
  id: Type.Integer(),
  country: Type.String(),
  level: Type.String(),
  role: Type.String(),
  days: Type.Integer(),
  per: Type.String(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  source: Type.String(),
});
export const MinimumList = Type.Object({ items: Type.Array(MinimumView) });
export type MinimumView = Static<typeof MinimumView>;
export const MinimumBody = Type.Object(
  {
    country: Type.String({ pattern: '^[A-Z]{2}$' }),
    level: Type.String({ minLength: 1, maxLength: 40 }),
    role: HostRole,
    days: Type.Integer({ minimum: 1, maximum: 31 }),
    per: Type.Union([Type.Literal('week'), Type.Literal('month')]),
    validFrom: Day,
    validTo: Type.Optional(Nullable(Day)),
    source: Text(500),
  },
  { additionalProperties: false },
);
export type MinimumBody = Static<typeof MinimumBody>;

export const RecordsQuery = Type.Object(
  {
    unit: UnitCode(),
    overdue: Type.Optional(Type.Boolean({ description: 'only follow-ups still open past their day' })),
    dueBy: Type.Optional(RealDay),
  },
  { additionalProperties: false },
);
export const RecordList = Type.Object({
  items: Type.Array(
    Type.Object({
      ...RecordView.properties,
      gathering: Type.Integer(),
      gatheringTitle: Type.String(),
      gatheringStartsAt: Type.String({ format: 'date-time' }),
      unit: UnitRef,
    }),
  ),
});
