import { Type, type Static } from 'typebox';
import { UnitCode, UnitRef } from '../../platform/shapes.ts';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
export const LocaleTexts = Type.Object(
  { vi: Text(1000), zh: Text(1000), en: Text(1000) },
  { additionalProperties: false, description: 'the text in Vietnamese, Chinese and English' },
);
const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
export const NormIds = Type.Array(Id, { maxItems: 30, uniqueItems: true, description: 'ids of norms in force (GET /api/v1/units/{code}/norm-sets)' });

export const UnitCodeParams = Type.Object({ code: UnitCode() }, { additionalProperties: false });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export const VersionParams = Type.Object({ id: Id, version: Type.Integer({ minimum: 1, maximum: 1_000_000 }) }, { additionalProperties: false });

export const NormInput = Type.Object(
  { code: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$' }), texts: LocaleTexts },
  { additionalProperties: false },
);
export const NormSetBody = Type.Object(
  {
    unit: UnitCode(),
    key: Type.String({ pattern: '^[a-z0-9][a-z0-9_.-]{0,63}$' }),
    names: LocaleTexts,
    norms: Type.Array(NormInput, { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);
export type NormSetBody = Static<typeof NormSetBody>;
export const NormSetEditBody = Type.Object(
  { names: LocaleTexts, norms: Type.Array(NormInput, { minItems: 1, maxItems: 100 }) },
  { additionalProperties: false },
);

const Names = Type.Record(Type.String(), Type.String());
export const NormView = Type.Object({ id: Type.Integer(), code: Type.String(), texts: Names });
export const NormSetView = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  /** The unit whose set it is: the set holds there and below. */
  unit: UnitRef,
  version: Type.Integer(),
  validFrom: Type.String({ format: 'date-time' }),
  names: Names,
  norms: Type.Array(NormView),
});
export type NormSetView = Static<typeof NormSetView>;
export const NormSetList = Type.Object({ items: Type.Array(NormSetView) });

// ---- devices, kiosk, links ----
export const DeviceBody = Type.Object(
  { servicePoint: Id, name: Text(200) },
  { additionalProperties: false },
);
export const DeviceCreated = Type.Object({
  id: Type.Integer(),
  enrolmentCode: Type.String({ description: 'shown once; typed on the tablet at /kiosk' }),
  expiresAt: Type.String({ format: 'date-time' }),
});
export const DevicesQuery = Type.Object({ unit: UnitCode() }, { additionalProperties: false });
export const DeviceView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  servicePoint: Type.Object({ id: Type.Integer(), name: Type.String() }),
  state: Type.Union([Type.Literal('waiting'), Type.Literal('enrolled'), Type.Literal('expired'), Type.Literal('revoked')]),
});
export const DeviceList = Type.Object({ items: Type.Array(DeviceView) });
export const EnrolBody = Type.Object({ code: Type.String({ minLength: 4, maxLength: 40 }) }, { additionalProperties: false });

export const PlaceView = Type.Object({
  servicePoint: Type.Object({ id: Type.Integer(), name: Type.String() }),
  unit: Type.Object({ code: Type.String(), name: Type.String(), names: Names }),
  official: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String(), photo: Type.Optional(Type.Union([Type.String(), Type.Null()])) }), Type.Null()]),
  normSets: Type.Array(NormSetView),
});
export type PlaceView = Static<typeof PlaceView>;

export const RatingBody = Type.Object(
  {
    score: Type.Integer({ minimum: 1, maximum: 5, description: 'the face scale: 1 very unhappy … 5 very happy' }),
    official: Type.Optional(Type.Union([Id, Type.Null()])),
    procedure: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    norms: Type.Optional(NormIds),
    comment: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type RatingBody = Static<typeof RatingBody>;
export const RatingCreated = Type.Object({ id: Type.Integer() });

export const GatheringRatingBody = Type.Object(
  {
    code: Type.String({ minLength: 4, maxLength: 32, pattern: '^[A-Za-z0-9]+$', description: 'the booking code given to the resident' }),
    score: Type.Integer({ minimum: 1, maximum: 5, description: 'the face scale: 1 very unhappy … 5 very happy' }),
    norms: Type.Optional(NormIds),
    comment: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type GatheringRatingBody = Static<typeof GatheringRatingBody>;
export const BookingCodeParams = Type.Object({ code: Type.String({ minLength: 4, maxLength: 32, pattern: '^[A-Za-z0-9]+$' }) }, { additionalProperties: false });
export const GatheringToRate = Type.Object({
  gathering: Type.Object({ id: Type.Integer(), kind: Type.String(), title: Type.String(), startsAt: Type.String({ format: 'date-time' }), localStart: Type.String() }),
  unit: Type.Object({ code: Type.String(), name: Type.String(), names: Names }),
  host: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
  status: Type.Union([Type.Literal('open'), Type.Literal('rated'), Type.Literal('not_held'), Type.Literal('not_rated')], {
    description: 'open: may be rated now; rated: this booking has rated it; not_held: not yet held; not_rated: a kind residents do not rate',
  }),
  normSets: Type.Array(NormSetView),
});
export type GatheringToRate = Static<typeof GatheringToRate>;

export const LinkQuery = Type.Object(
  { servicePoint: Id, official: Type.Optional(Id) },
  { additionalProperties: false },
);
export const LinkView = Type.Object({ token: Type.String(), path: Type.String({ description: 'the page the QR code opens: /rate/{token}' }) });
export const TokenParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200, pattern: '^[A-Za-z0-9_.-]+$' }) }, { additionalProperties: false });

// ---- who is on duty at a counter ----
export const DutyBody = Type.Object(
  { official: Type.Union([Id, Type.Null()], { description: 'the official on duty from now on (an entry of the unit staff directory), or null for nobody' }) },
  { additionalProperties: false },
);
export const DutyView = Type.Object({
  servicePoint: Type.Object({ id: Type.Integer(), name: Type.String() }),
  official: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
  since: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  canSetAnyone: Type.Boolean({ description: 'the caller may put anyone of the unit on duty (else only themselves)' }),
});

// ---- findings ----
export const FindingBody = Type.Object(
  {
    petition: Id,
    outcome: Type.Union([Type.Literal('upheld'), Type.Literal('not_upheld')]),
    norms: Type.Optional(NormIds),
    reasons: Text(4000),
  },
  { additionalProperties: false },
);
export const FindingView = Type.Object({
  petition: Type.Integer(),
  official: Type.Integer(),
  outcome: Type.String(),
  norms: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), texts: Names, set: Type.String(), version: Type.Integer() })),
  reasons: Type.String(),
  recordedAt: Type.String({ format: 'date-time' }),
});
export const ReportedNormsView = Type.Object({
  official: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()], { description: 'the official the report names' }),
  reported: FindingView.properties.norms,
  finding: Type.Union([FindingView, Type.Null()]),
  canRecord: Type.Boolean({ description: 'the caller may record the finding now' }),
  normSets: Type.Array(NormSetView, { description: "the codes of conduct in force where the official works: what a finding may cite" }),
});
