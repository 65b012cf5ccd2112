import { Type, type Static, type TProperties } from 'typebox';
import { badRequest } from '../../platform/errors.ts';
import { TaggedUnion } from '../../platform/tagged.ts';
import { CategoryKey, Nullable, UnitRef } from '../../platform/shapes.ts';
import { actionTypes, channels, escalationCauses, eventVisibilities, petitionKinds, petitionStatuses, ratingScores, roles, type ActionType } from '../../contract/domain.ts';

const Text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });
const DateTime = Type.String({ format: 'date-time' });
const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });

export const Kind = Type.Enum([...petitionKinds]);
export const ChannelSchema = Type.Enum([...channels]);
export const Status = Type.Enum([...petitionStatuses]);
export const Score = Type.Enum([...ratingScores]);

/** What every view of a petition names it by: its tracking code, what it is, where it stands and when it came. */
const headline = {
  trackingCode: Type.String(),
  kind: Kind,
  category: Nullable(Type.String()),
  status: Status,
  submittedAt: DateTime,
};

export const ResidentInput = Type.Object(
  {
    name: Type.Optional(Text(200)),
    phone: Type.Optional(Text(40)),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    address: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);

export const LocationInput = Type.Object(
  {
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    address: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);

export const IntakeBody = Type.Object(
  {
    unit: Text(64, 'the code of the unit the petition is addressed to'),
    kind: Kind,
    body: Text(20000),
    title: Type.Optional(Text(300)),
    category: Type.Optional(CategoryKey),
    channel: Type.Optional(ChannelSchema),
    resident: Type.Optional(ResidentInput),
    anonymous: Type.Optional(Type.Boolean()),
    location: Type.Optional(LocationInput),
    urgent: Type.Optional(Type.Boolean()),
    consentToPublish: Type.Optional(Type.Boolean()),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', maxLength: 35 })),
    reportedOfficial: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'conduct_report: the official it is about, an entry of the staff directory of `unit` (GET /api/v1/units/{code}/staff)' })),
    norms: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), { maxItems: 30, uniqueItems: true, description: 'conduct_report: the norms of the codes of conduct in force at `unit` it says were breached (GET /api/v1/units/{code}/norm-sets)' })),
    answerNow: Type.Optional(
      Type.Object(
        { text: Text(20000), publish: Type.Optional(Type.Boolean()) },
        { additionalProperties: false, description: 'an official answers at once (received → answered)' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type IntakeBody = Static<typeof IntakeBody>;

export const IntakeResult = Type.Object({
  id: Type.Integer(),
  trackingCode: Type.String(),
  accessKey: Type.String({ description: 'shown once: with it the resident rates the answer or reopens the case' }),
  status: Status,
  dueAt: Type.String({ format: 'date-time', description: 'when the answer is due' }),
  ackDueAt: Type.String({ format: 'date-time', description: 'when acceptance is due' }),
});
export type IntakeResult = Static<typeof IntakeResult>;

export const TrackParams = Type.Object({ trackingCode: Type.String({ minLength: 1, maxLength: 40 }) });


export const PublicEvent = Type.Object({
  at: DateTime,
  type: Type.String(),
  status: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  text: Nullable(Type.String()),
  unit: Nullable(UnitRef),
});

/** What anyone with the tracking code sees: no personal data, no content. */
export const AttachmentView = Type.Object({
  id: Type.Integer(),
  filename: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  createdAt: DateTime,
});

export const OwnPetition = Type.Object(
  {
    id: Type.Integer({ description: 'for downloading the attachments with the access key' }),
    title: Nullable(Type.String()),
    body: Type.String(),
    address: Nullable(Type.String()),
    attachments: Type.Array(AttachmentView),
  },
  { description: 'what the resident sent: only with the X-Access-Key header' },
);
export type OwnPetition = Static<typeof OwnPetition>;

export const TrackView = Type.Object({
  ...headline,
  unit: UnitRef,
  ackDueAt: DateTime,
  dueAt: DateTime,
  overdue: Type.Boolean(),
  merged: Type.Boolean({ description: 'handled together with other petitions as one case' }),
  timeline: Type.Array(PublicEvent),
  answer: Nullable(Type.Object({ text: Type.String(), at: DateTime })),
  own: Type.Optional(OwnPetition),
});
export type TrackView = Static<typeof TrackView>;

export const RatingBody = Type.Object(
  {
    accessKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    score: Score,
    reasons: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 10 })),
    comment: Type.Optional(Text(2000)),
    reopen: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type RatingBody = Static<typeof RatingBody>;

export const ConsentBody = Type.Object({ accessKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }, { additionalProperties: false });

export const ListQuery = Type.Object(
  {
    unit: Type.Optional(Text(64, 'a unit code: that unit and every unit below it')),
    status: Type.Optional(Text(200, 'one or more statuses, separated by commas')),
    kind: Type.Optional(Text(200, 'one or more kinds, separated by commas')),
    category: Type.Optional(Text(64)),
    channel: Type.Optional(Text(200, 'one or more channels, separated by commas')),
    assignedTo: Type.Optional(Type.Enum(['me'])),
    leader: Type.Optional(Type.Enum(['me'], { description: 'the cases the caller answers for as their responsible leader' })),
    awaitingApproval: Type.Optional(Type.Boolean({ description: 'true: only cases whose answer waits for a leader\'s approval' })),
    overdue: Type.Optional(Type.Boolean()),
    dueBefore: Type.Optional(Text(40, 'YYYY-MM-DD (the start of that day, UTC) or an ISO 8601 time')),
    phone: Type.Optional(Text(40)),
    q: Type.Optional(Text(200, 'words of the title or the text, with or without diacritics')),
    sort: Type.Optional(Type.Enum(['newest', 'due'], { default: 'newest' })),
    cursor: Type.Optional(Text(200)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type ListQuery = Static<typeof ListQuery>;

const Person = Type.Object({ id: Type.Integer(), name: Type.String() });

export const ClearItems = Type.Object({
  content: Nullable(Type.String()),
  handler: Nullable(Person),
  leader: Nullable(Person),
  dueAt: DateTime,
  expectedResult: Nullable(Type.String()),
  complete: Type.Boolean({ description: 'all five are set' }),
});

export const PetitionerView = Type.Object({
  name: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  address: Nullable(Type.String()),
  trackingCode: Type.String({ description: 'the petition this person submitted (merged cases have several)' }),
  rating: Nullable(Score),
});

export const EventView = Type.Object({
  id: Type.Integer(),
  at: DateTime,
  type: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  text: Nullable(Type.String()),
  visibility: Type.Enum([...eventVisibilities]),
  actor: Nullable(Person),
  unit: Nullable(UnitRef),
  handler: Type.Optional(Person),
  leader: Type.Optional(Person),
  agency: Type.Optional(Type.Object({ id: Type.Integer(), name: Type.String() }, { description: 'the agency given the case or transferred to' })),
  data: Type.Record(Type.String(), Type.Unknown()),
});
export type EventView = Static<typeof EventView>;


const UnitFull = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() });

export const PetitionSummary = Type.Object({
  id: Type.Integer(),
  ...headline,
  version: Type.Integer(),
  channel: ChannelSchema,
  title: Nullable(Type.String()),
  excerpt: Type.String(),
  urgent: Type.Boolean(),
  unit: UnitFull,
  ackDueAt: DateTime,
  dueAt: DateTime,
  overdue: Type.Boolean(),
  handler: Nullable(Person),
  leader: Nullable(Person),
  caseId: Nullable(Type.Integer()),
  awaitingApproval: Type.Boolean({ description: 'an answer waits for a leader\'s approval' }),
  abilities: Type.Array(Type.Enum([...actionTypes])),
});
export type PetitionSummary = Static<typeof PetitionSummary>;

export const PetitionList = Type.Object({ items: Type.Array(PetitionSummary), next: Type.Optional(Type.String()) });

export const PetitionView = Type.Object({
  id: Type.Integer(),
  ...headline,
  version: Type.Integer({ description: 'send it back with an action to make sure nobody changed the petition meanwhile' }),
  channel: ChannelSchema,
  title: Nullable(Type.String()),
  body: Type.String(),
  language: Nullable(Type.String()),
  urgent: Type.Boolean(),
  anonymous: Type.Boolean(),
  consentToPublish: Type.Boolean(),
  location: Nullable(Type.Object({ lat: Nullable(Type.Number()), lng: Nullable(Type.Number()), address: Nullable(Type.String()) })),
  unit: UnitFull,
  originUnit: UnitFull,
  agency: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  ackDueAt: DateTime,
  dueAt: DateTime,
  originalDueAt: DateTime,
  overdue: Type.Boolean(),
  acceptedAt: Nullable(DateTime),
  rejectedAt: Nullable(DateTime),
  answeredAt: Nullable(DateTime),
  closedAt: Nullable(DateTime),
  resolved: Type.Boolean(),
  resolvedOnTime: Nullable(Type.Boolean()),
  clearItems: ClearItems,
  answer: Nullable(
    Type.Object({ text: Type.String(), publish: Type.Boolean(), at: DateTime, onTheSpot: Type.Boolean(), by: Nullable(Person) }),
  ),
  pendingAnswer: Nullable(
    Type.Object(
      { text: Type.String(), publish: Type.Boolean(), at: DateTime, by: Nullable(Person) },
      { description: 'the answer held for the leader\'s approval: the resident has not been told' },
    ),
  ),
  case: Nullable(Type.Object({ id: Type.Integer(), trackingCode: Type.String() })),
  mergedPetitions: Type.Array(Type.Object({ id: Type.Integer(), trackingCode: Type.String() })),
  counts: Type.Object({
    escalations: Type.Integer(),
    transfers: Type.Integer(),
    extensions: Type.Integer(),
    reopenings: Type.Integer(),
    answers: Type.Integer(),
  }),
  rating: Nullable(Score),
  reportedOfficial: Nullable(Person),
  recordedBy: Nullable(Person),
  identityHidden: Type.Boolean({ description: 'the petitioners are not shown to this caller' }),
  petitioners: Type.Array(PetitionerView),
  timeline: Type.Array(EventView),
  attachments: Type.Array(AttachmentView),
  abilities: Type.Array(Type.Enum([...actionTypes])),
});
export type PetitionView = Static<typeof PetitionView>;

/**
 * What an official who has just sent a case out of their sight (escalated it, transferred it out
 * of their units) receives from the action: that it was done, and nothing more of the case.
 */
export const HandedOver = Type.Object({
  id: Type.Integer(),
  status: Status,
  visible: Type.Literal(false, { description: 'the caller may no longer see this petition' }),
  message: Type.String(),
});
export type HandedOver = Static<typeof HandedOver>;

export const CandidatesQuery = Type.Object(
  { role: Type.Enum(['handler', 'leader'], { description: 'handler: who may do the work; leader: who may answer for it' }) },
  { additionalProperties: false },
);
export type CandidatesQuery = Static<typeof CandidatesQuery>;

/** An official the assign action takes as the case's handler or responsible leader. */
export const CandidateView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  role: Type.Enum([...roles]),
  unit: Nullable(UnitRef),
  openCases: Type.Integer({ description: 'open cases the official now handles (role=handler) or answers for (role=leader)' }),
});
export type CandidateView = Static<typeof CandidateView>;
export const CandidateList = Type.Object({ items: Type.Array(CandidateView) });

/** An open petition of the same unit that looks like this one: a candidate to merge it into. */
export const SimilarPetition = Type.Object({
  id: Type.Integer(),
  ...headline,
  title: Nullable(Type.String()),
  excerpt: Type.String({ description: 'the first 200 characters of the text, personal numbers masked' }),
  similarity: Type.Number({ description: 'how many of the words they share, ranked (0 when only the place is close)' }),
  metres: Nullable(Type.Number({ description: 'the distance between the two places, when both have one' })),
});
export const SimilarList = Type.Object({
  items: Type.Array(SimilarPetition),
  mayMerge: Type.Boolean({ description: 'the caller may merge this petition into one of them (the merge action)' }),
});

/** The answer to an action: the petition as the caller now sees it, or HandedOver. */
export const ActionOutcome = Type.Union([PetitionView, HandedOver]);

export const IdParams = Type.Object({ id: Id });

const Version = Type.Optional(
  Type.Integer({ minimum: 1, maximum: 2147483647, description: 'the version the caller saw; 409 when it changed (a note ignores it: it changes nothing)' }),
);

/** One action type's body: its `type`, the optional `version`, and the fields it takes. */
function action<T extends ActionType, P extends TProperties>(type: T, properties: P, description: string) {
  return Type.Object({ type: Type.Literal(type), version: Version, ...properties }, { additionalProperties: false, description });
}

/**
 * The body of each action type, one schema per type (a union told apart by `type`): a missing
 * field or one the type does not take is refused by validation, with the field named.
 * Assign's five clear items are checked by the command.
 */
export const ActionBody = TaggedUnion([
  action('accept', {}, 'received or transferred → accepted'),
  action('reject', { reason: Text(4000) }, 'received or transferred → rejected; the resident sees the reason'),
  action(
    'assign',
    {
      agency: Type.Optional(Id),
      handler: Type.Optional(Id),
      leader: Type.Optional(Id),
      content: Type.Optional(Text(4000)),
      expectedResult: Type.Optional(Text(4000)),
      dueAt: Type.Optional(DateTime),
    },
    'the five clear items: content, handler, responsible leader, due time, expected result',
  ),
  action('start', {}, 'the handler starts work'),
  action('answer', { text: Text(20000), publish: Type.Optional(Type.Boolean()) }, 'the answer to the resident'),
  action('escalate', { reason: Text(4000), cause: Type.Optional(Type.Enum([...escalationCauses])) }, 'to the unit above'),
  action('transfer', { reason: Text(4000), toUnit: Type.Optional(Text(64)), toAgency: Type.Optional(Id) }, 'to another unit or agency'),
  action('merge', { into: Id, reason: Type.Optional(Text(4000)) }, 'into another petition about the same matter'),
  action('extend', { dueAt: DateTime, reason: Text(4000) }, 'a later due time'),
  action('note', { text: Text(20000) }, 'an internal remark; changes nothing of the case'),
  action('close', { reason: Type.Optional(Text(4000)) }, 'the case is done'),
  action('reopen', { reason: Text(4000) }, 'the case opens again'),
  action('review', { reason: Text(4000) }, 'a review at the unit above'),
  action('re_review', { reason: Text(4000) }, 'a re-review at the unit above the review'),
  action('approve', {}, "the responsible leader sends the held answer"),
  action('return', { reason: Text(4000) }, 'the responsible leader returns the held answer to its writer'),
]);
export type ActionBody = Static<typeof ActionBody>;
/** The body of one action type. */
export type ActionOf<T extends ActionType> = Extract<ActionBody, { type: T }>;

/**
 * A validation error of an action's body that names a field the type needs or does not take,
 * as field_required or field_not_allowed; any other is left as it is.
 */
export function actionFieldError(body: unknown, errors: ReadonlyArray<{ keyword: string; instancePath: string; params: Record<string, unknown> }>) {
  const first = errors[0];
  const type = (body as { type?: unknown } | null)?.type;
  if (!first || first.instancePath !== '' || typeof type !== 'string') return undefined;
  if (first.keyword === 'required') return badRequest('field_required', { action: type, field: first.params.missingProperty });
  if (first.keyword === 'additionalProperties') return badRequest('field_not_allowed', { action: type, field: first.params.additionalProperty });
  return undefined;
}

export const AttachmentQuery = Type.Object(
  { filename: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
  { additionalProperties: false },
);
export const AttachmentParams = Type.Object({ id: Id, attachmentId: Id });

export const PolicyView = Type.Object({
  kind: Kind,
  unit: Nullable(UnitRef, "the unit whose policy this is; null for a country's or the deployment's default"),
  country: Nullable(Type.String({ description: "the country whose default this is (ISO 3166 code); null for a unit's own or the deployment's" })),
  channel: Nullable(Type.Enum([...channels], { description: 'a policy for this channel only (the 12345 hotline); null: every channel' })),
  legalSource: Nullable(Type.String({ description: 'the statute or local decision the policy follows; null when none was given' })),
  ackWorkingDays: Type.Integer({ description: 'the acceptance period, in days of ackDayType' }),
  ackDayType: Type.Enum(['working', 'calendar']),
  urgentAckWorkingHours: Nullable(Type.Integer()),
  resolutionDays: Type.Integer(),
  urgentResolutionDays: Nullable(Type.Integer()),
  dayType: Type.Enum(['working', 'calendar']),
  maxExtensions: Nullable(Type.Integer()),
  extensionDays: Nullable(Type.Integer()),
  anonymousAllowed: Type.Boolean(),
  reopenDays: Type.Integer(),
  reviewRequestDays: Nullable(Type.Integer({ description: 'how many days after the answer a review may be asked for; null: any time' })),
  reviewDays: Nullable(Type.Integer({ description: 'the time limit of a review (复查; a second complaint), in days of dayType; null: no review' })),
  reReviewDays: Nullable(Type.Integer({ description: 'the time limit of a re-review (复核); null: no re-review' })),
  autoEscalate: Type.Boolean(),
});
export type PolicyView = Static<typeof PolicyView>;

const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'an ISO 3166 country code: CN, VN' });
export const PolicyQuery = Type.Object(
  { unit: Type.Optional(Text(64)), country: Type.Optional({ ...Country, description: "without a unit: this country's defaults" }) },
  { additionalProperties: false },
);
export const PolicyList = Type.Object({ items: Type.Array(PolicyView) });
export const PolicyParams = Type.Object({ kind: Kind });

export const PolicyBody = Type.Object(
  {
    unit: Type.Optional(Text(64, "a unit code; leave out for a country's or the deployment default")),
    country: Type.Optional({ ...Country, description: "without a unit: the default of this country's units" }),
    channel: Type.Optional(Type.Enum([...channels], { description: 'only for petitions arriving by this channel (the 12345 hotline); leave out for every channel' })),
    legalSource: Type.Optional(Nullable(Text(500, 'the statute or local decision the policy follows'))),
    ackWorkingDays: Type.Integer({ minimum: 0, maximum: 60 }),
    ackDayType: Type.Optional(Type.Enum(['working', 'calendar'], { description: 'default: working' })),
    urgentAckWorkingHours: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 240 }))),
    resolutionDays: Type.Integer({ minimum: 1, maximum: 365 }),
    urgentResolutionDays: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 365 }))),
    dayType: Type.Enum(['working', 'calendar']),
    maxExtensions: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10 }))),
    extensionDays: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 365 }))),
    anonymousAllowed: Type.Boolean(),
    reopenDays: Type.Integer({ minimum: 0, maximum: 365 }),
    reviewRequestDays: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 365 }))),
    reviewDays: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 365 }))),
    reReviewDays: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 365 }))),
    autoEscalate: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type PolicyBody = Static<typeof PolicyBody>;

export const MineQuery = Type.Object(
  {
    cursor: Type.Optional(Text(200)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type MineQuery = Static<typeof MineQuery>;

/** One of a resident's own petitions, as they see it in their list: no content, nobody else's data. */
export const MyPetition = Type.Object(
  {
    ...headline,
    unit: UnitRef,
    dueAt: DateTime,
    answeredAt: Type.Optional(DateTime),
    rated: Type.Optional(Type.Boolean({ description: 'answered: whether the resident rated the latest answer' })),
  },
  { additionalProperties: false },
);
export type MyPetition = Static<typeof MyPetition>;

export const MyPetitionList = Type.Object({ items: Type.Array(MyPetition), next: Type.Optional(Type.String()) });

export const PublicListQuery = Type.Object(
  {
    unit: Text(64, 'a unit code: that unit and every unit below it'),
    q: Type.Optional(Text(500, 'words: the petitions sharing most of them first ("is this already reported?")')),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90, description: 'with lng: only petitions within `radius` metres of this place, nearest first' })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    radius: Type.Optional(Type.Integer({ minimum: 50, maximum: 5000, default: 500, description: 'metres around lat/lng' })),
    category: Type.Optional(Text(64, 'only petitions of this category')),
    open: Type.Optional(Type.Boolean({ description: 'true: only petitions still being handled' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  },
  { additionalProperties: false },
);

/** A petition its resident let the public see: no name, no contact, numbers masked, the place rounded. */
export const PublicPetitionItem = Type.Object({
  ...headline,
  title: Nullable(Type.String()),
  excerpt: Type.String({ description: 'the first 200 characters of the text' }),
  place: Nullable(Type.Object({ lat: Type.Number(), lng: Type.Number() }, { description: 'rounded to 0.001° (about 100 m)' })),
  answer: Nullable(Type.String({ description: 'when the unit published its answer' })),
});
export type PublicPetitionItem = Static<typeof PublicPetitionItem>;
export const PublicPetitionList = Type.Object({ items: Type.Array(PublicPetitionItem) });

export const ApprovalQuery = Type.Object({ unit: Text(64, 'a unit code') }, { additionalProperties: false });
export const ApprovalParams = Type.Object({ unit: Text(64, 'a unit code') });
export const ApprovalBody = Type.Object(
  { required: Type.Boolean({ description: 'true: answers at this unit and below wait for the responsible leader\'s approval' }) },
  { additionalProperties: false },
);
export const ApprovalView = Type.Object({
  unit: UnitRef,
  required: Type.Boolean({ description: 'answers here wait for approval' }),
  setAt: Nullable(UnitRef, 'the unit whose rule holds here: this one or one above it'),
});

/** The header a resident shows their access key in. */
export const AccessKeyHeaders = Type.Object({
  'x-access-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "the resident's access key" })),
});
