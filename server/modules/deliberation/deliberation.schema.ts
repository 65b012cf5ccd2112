import { Type, type Static } from 'typebox';
import { Cursor, LocaleNames, Nullable, UnitCode, UnitRef } from '../../platform/shapes.ts';
import {
  councilKinds,
  electorateKinds,
  inspectionVerdicts,
  majorityBases,
  matterActionTypes,
  matterContents,
  matterStages,
  memberRoles,
  consultationStatuses,
  proposerKinds,
  reviewOutcomes,
  taskStatuses,
} from '../../contract/domain.ts';

const Text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });
const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const Day = Type.String({ format: 'date' });
const DateTime = Type.String({ format: 'date-time' });
const Share = Type.Object(
  {
    num: Type.Integer({ minimum: 1, maximum: 100 }),
    den: Type.Integer({ minimum: 1, maximum: 100 }),
    strict: Type.Boolean({ description: 'true: more than num/den; false: at least num/den' }),
  },
  { additionalProperties: false },
);
const Url = Type.String({ minLength: 1, maxLength: 2000, pattern: '^(https?://|/)' });

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export const CouncilKind = Type.Enum([...councilKinds]);
export const Content = Type.Enum([...matterContents]);
export const Stage = Type.Enum([...matterStages]);

export const MemberInput = Type.Object(
  {
    name: Text(200),
    role: Type.Optional(Type.Enum([...memberRoles])),
    partyMember: Type.Optional(Type.Boolean()),
    electedOn: Day,
    termUntil: Day,
    account: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'the member\'s own account, if they have one' })),
  },
  { additionalProperties: false },
);
export type MemberInput = Static<typeof MemberInput>;

export const CreateCouncilBody = Type.Object(
  {
    unit: UnitCode(),
    kind: CouncilKind,
    name: Text(200),
    quorum: Type.Optional(Share),
    majority: Type.Optional(
      Type.Object(
        { num: Share.properties.num, den: Share.properties.den, strict: Share.properties.strict, base: Type.Enum([...majorityBases], { description: 'counted against members present, all members, or votes cast' }) },
        { additionalProperties: false },
      ),
    ),
    cosignersRequired: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    commentDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
    members: Type.Optional(Type.Array(MemberInput, { maxItems: 200 })),
  },
  { additionalProperties: false },
);
export type CreateCouncilBody = Static<typeof CreateCouncilBody>;

export const AddMembersBody = Type.Object({ members: Type.Array(MemberInput, { minItems: 1, maxItems: 200 }) }, { additionalProperties: false });

export const MemberView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  role: Type.String(),
  partyMember: Type.Boolean(),
  electedOn: Type.String(),
  termUntil: Type.String(),
  serving: Type.Boolean({ description: 'in office today' }),
});

export const CouncilView = Type.Object({
  id: Type.Integer(),
  unit: UnitRef,
  unitNames: LocaleNames,
  kind: Type.String(),
  name: Type.String(),
  quorum: Share,
  majority: Type.Object({ num: Type.Integer(), den: Type.Integer(), strict: Type.Boolean(), base: Type.String() }),
  cosignersRequired: Type.Integer(),
  commentDays: Type.Integer(),
  members: Type.Array(MemberView),
  abilities: Type.Object({ manage: Type.Boolean() }),
});
export type CouncilView = Static<typeof CouncilView>;

export const CouncilsQuery = Type.Object(
  { unit: UnitCode(), subtree: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) },
  { additionalProperties: false },
);
export const CouncilList = Type.Object({ items: Type.Array(CouncilView) });

const DocumentInput = Type.Object({ title: Text(300), url: Url }, { additionalProperties: false });
export const DocumentView = Type.Object({ id: Type.Integer(), title: Type.String(), url: Type.String() });

export const ProposeBody = Type.Object(
  {
    content: Content,
    title: Text(300),
    body: Type.Optional(Type.String({ maxLength: 20000 })),
    proposer: Type.Enum([...proposerKinds]),
    member: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'the proposing member, when proposer is member' })),
    proposerName: Type.Optional(Text(200, 'the resident who proposes, when proposer is residents')),
    cosigners: Type.Optional(Type.Array(Text(200), { maxItems: 1000, description: 'the residents who co-sign' })),
    proposedAt: Type.Optional(Type.String({ format: 'date-time', description: 'when it was proposed, if before it is recorded (defaults to now)' })),
    documents: Type.Optional(Type.Array(DocumentInput, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type ProposeBody = Static<typeof ProposeBody>;
export const ResidentProposalBody = Type.Object(
  {
    content: Content,
    title: Text(300),
    body: Type.Optional(Type.String({ maxLength: 20000 })),
    cosigners: Type.Array(Text(200), { maxItems: 1000, description: 'the residents who co-sign, as on the paper they signed' }),
  },
  { additionalProperties: false },
);
export type ResidentProposalBody = Static<typeof ResidentProposalBody>;
export const ProposeBatchBody = Type.Object({ matters: Type.Array(ProposeBody, { minItems: 1, maxItems: 1000 }) }, { additionalProperties: false });
export const ProposeBatchResult = Type.Object({ created: Type.Integer(), ids: Type.Array(Type.Integer()) });

export const MatterSummary = Type.Object({
  id: Type.Integer(),
  council: Type.Integer(),
  councilName: Type.String(),
  unit: UnitRef,
  content: Type.String(),
  title: Type.String(),
  stage: Type.String(),
  proposedAt: DateTime,
  stageChangedAt: DateTime,
});
export const MattersQuery = Type.Object(
  {
    unit: UnitCode(),
    stage: Type.Optional(Stage),
    content: Type.Optional(Content),
    council: Type.Optional(Id),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export const MatterList = Type.Object({ items: Type.Array(MatterSummary), next: Type.Optional(Type.String()) });

const CommentView = Type.Object({ id: Type.Integer(), kind: Type.String({ description: 'comment (a resident) or evaluation (a member)' }), author: Type.String(), body: Type.String(), at: DateTime });
const TaskView = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  owner: Type.String(),
  dueOn: Type.String(),
  status: Type.Enum([...taskStatuses]),
  progress: Type.Integer(),
  spent: Type.String({ description: 'money spent, decimal' }),
  doneOn: Nullable(Type.String()),
  reports: Type.Array(
    Type.Object({ id: Type.Integer(), note: Type.String(), progress: Type.Integer(), spent: Type.String(), photos: Type.Array(Type.String()), reportedOn: Type.String() }),
  ),
  inspections: Type.Array(Type.Object({ verdict: Type.String(), note: Type.String(), at: DateTime })),
});
const MeetingView = Type.Object({
  heldOn: Type.String(),
  membersTotal: Type.Integer(),
  present: Type.Array(Type.String()),
  for: Type.Integer(),
  against: Type.Integer(),
  abstain: Type.Integer(),
  passed: Type.Boolean(),
  minutes: Type.String(),
});

export const MatterView = Type.Object({
  ...MatterSummary.properties,
  body: Type.String(),
  proposer: Type.String(),
  proposerName: Type.String(),
  cosigners: Type.Integer({ description: 'how many residents co-signed (their names stay with the council)' }),
  revision: Type.Integer(),
  commentsCloseAt: Nullable(DateTime),
  review: Nullable(Type.Object({ outcome: Type.String(), reason: Nullable(Type.String()) })),
  documents: Type.Array(DocumentView),
  comments: Type.Array(CommentView),
  meeting: Nullable(MeetingView),
  tasks: Type.Array(TaskView),
  following: Type.Boolean(),
  abilities: Type.Object({ manage: Type.Boolean(), review: Type.Boolean(), comment: Type.Boolean(), inspect: Type.Boolean(), actions: Type.Array(Type.String()) }),
});
export type MatterView = Static<typeof MatterView>;

export const MatterActionBody = Type.Object(
  {
    type: Type.Enum([...matterActionTypes]),
    body: Type.Optional(Type.String({ minLength: 1, maxLength: 10000, description: 'comment, evaluation' })),
    member: Type.Optional(Id),
    outcome: Type.Optional(Type.Enum([...reviewOutcomes])),
    reason: Type.Optional(Text(5000)),
    heldOn: Type.Optional(Day),
    present: Type.Optional(Type.Array(Id, { maxItems: 500, uniqueItems: true })),
    for: Type.Optional(Type.Integer({ minimum: 0, maximum: 500 })),
    against: Type.Optional(Type.Integer({ minimum: 0, maximum: 500 })),
    abstain: Type.Optional(Type.Integer({ minimum: 0, maximum: 500 })),
    minutes: Type.Optional(Type.String({ maxLength: 20000 })),
    title: Type.Optional(Text(300)),
    owner: Type.Optional(Text(200)),
    dueOn: Type.Optional(Day),
    task: Type.Optional(Id),
    progress: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    spent: Type.Optional(Type.Number({ minimum: 0, maximum: 1e13 })),
    photos: Type.Optional(Type.Array(Url, { maxItems: 10 })),
    note: Type.Optional(Type.String({ maxLength: 5000 })),
    verdicts: Type.Optional(
      Type.Array(Type.Object({ task: Id, verdict: Type.Enum([...inspectionVerdicts]), note: Type.Optional(Type.String({ maxLength: 5000 })) }, { additionalProperties: false }), {
        minItems: 1,
        maxItems: 100,
      }),
    ),
  },
  { additionalProperties: false },
);
export type MatterActionBody = Static<typeof MatterActionBody>;

export const AddDocumentBody = Type.Object({ title: Text(300), url: Url }, { additionalProperties: false });

export const FiguresQuery = Type.Object(
  { unit: UnitCode(), from: Type.Optional(Day), to: Type.Optional(Day) },
  { additionalProperties: false },
);
export const Figures = Type.Object({
  unit: UnitRef,
  from: Nullable(Type.String()),
  to: Nullable(Type.String()),
  councils: Type.Integer(),
  councilsByKind: Type.Record(Type.String(), Type.Integer()),
  members: Type.Integer(),
  matters: Type.Integer(),
  mattersByContent: Type.Record(Type.String(), Type.Integer()),
  mattersByStage: Type.Record(Type.String(), Type.Integer()),
  resolutionsPassed: Type.Integer(),
  resolutionsFailed: Type.Integer(),
  tasksDone: Type.Integer(),
  tasksDoneOnTime: Type.Integer(),
  inspectionsAccepted: Type.Integer(),
  inspectionsContested: Type.Integer(),
  consultations: Type.Integer(),
  electorate: Type.Integer(),
  voted: Type.Integer(),
});
export type Figures = Static<typeof Figures>;

// Consultations
const OptionInput = Type.Object(
  {
    title: Text(300),
    body: Type.Optional(Type.String({ maxLength: 20000 })),
    placeName: Type.Optional(Text(300)),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    documents: Type.Optional(Type.Array(DocumentInput, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export const CreateConsultationBody = Type.Object(
  {
    unit: UnitCode(),
    title: Text(300),
    body: Type.Optional(Type.String({ maxLength: 20000 })),
    electorate: Type.Enum([...electorateKinds]),
    changeable: Type.Optional(Type.Boolean()),
    closesAt: DateTime,
    options: Type.Array(OptionInput, { minItems: 2, maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type CreateConsultationBody = Static<typeof CreateConsultationBody>;

export const ElectorateBody = Type.Object(
  { csv: Type.String({ minLength: 1, maxLength: 5 * 1024 * 1024, description: 'ref,name,phone — one household or resident a line, with a header line' }) },
  { additionalProperties: false },
);
export const ElectorateResult = Type.Object({ added: Type.Integer(), updated: Type.Integer(), total: Type.Integer() });

export const ConsultationActionBody = Type.Object({ type: Type.Enum(['open', 'close']) }, { additionalProperties: false });

export const OptionView = Type.Object({
  id: Type.Integer(),
  position: Type.Integer(),
  title: Type.String(),
  body: Type.String(),
  placeName: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  documents: Type.Array(DocumentView),
});
export const ConsultationView = Type.Object({
  id: Type.Integer(),
  unit: UnitRef,
  title: Type.String(),
  body: Type.String(),
  electorate: Type.String(),
  changeable: Type.Boolean(),
  status: Type.Enum([...consultationStatuses]),
  closesAt: DateTime,
  closed: Type.Boolean({ description: 'voting has ended (closed, or its closing time has passed)' }),
  options: Type.Array(OptionView),
  results: Nullable(Type.Array(Type.Object({ option: Type.Integer(), votes: Type.Integer() }), { description: 'after close only' })),
  following: Type.Boolean(),
  abilities: Type.Object({ manage: Type.Boolean() }),
});
export type ConsultationView = Static<typeof ConsultationView>;
export const ConsultationsQuery = Type.Object({ unit: UnitCode() }, { additionalProperties: false });
export const ConsultationList = Type.Object({ items: Type.Array(ConsultationView) });

export const Turnout = Type.Object({
  electorate: Type.Integer(),
  voted: Type.Integer(),
  byChannel: Type.Object({ code: Type.Integer(), paper: Type.Integer() }),
  ballots: Type.Integer(),
});
export const ResultsView = Type.Object({
  consultation: Type.Integer(),
  electorate: Type.Integer(),
  voted: Type.Integer(),
  ballots: Type.Integer(),
  tally: Type.Array(Type.Object({ option: Type.Integer(), title: Type.String(), votes: Type.Integer() })),
  fromAudit: Type.Array(Type.Object({ option: Type.Integer(), votes: Type.Integer() }), { description: 'the same tally replayed from the audit trail' }),
});

export const RequestCodeBody = Type.Object({ phone: Text(40) }, { additionalProperties: false });
export const RequestCodeResult = Type.Object({ sent: Type.Boolean(), expiresAt: DateTime });
export const VoteBody = Type.Object(
  {
    phone: Text(40),
    code: Type.String({ pattern: '^[0-9]{6}$' }),
    option: Id,
    receipt: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$', description: 'the receipt of an earlier vote, to change it' })),
  },
  { additionalProperties: false },
);
export const VoteResult = Type.Object({ receipt: Nullable(Type.String({ description: 'keep it to change your vote while the consultation allows' })), changed: Type.Boolean() });
export const PaperBallotBody = Type.Object({ voter: Text(100, 'the voter\'s ref in the electorate'), option: Id }, { additionalProperties: false });
export const PaperBallotResult = Type.Object({ recorded: Type.Boolean() });
