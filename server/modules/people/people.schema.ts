import { Type, type Static } from 'typebox';
import { minPasswordLength } from './passwords.ts';
import { roles } from '../../contract/domain.ts';
import { Nullable, UnitRef } from '../../platform/shapes.ts';

export const RoleSchema = Type.Enum([...roles]);
const LocaleSchema = Type.Union([Type.Literal('vi'), Type.Literal('zh'), Type.Literal('en')]);

// The rules are checked by the command, with a message that says which one failed.
const Password = Type.String({
  maxLength: 200,
  description: `at least ${minPasswordLength} visible characters, not a common password or pattern, not built from the username or name`,
});
const Contact = Type.String({
  minLength: 3,
  maxLength: 254,
  description: 'the official’s own phone number or e-mail address: the setup code goes there',
});
const Username = Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });

export const SessionAnswer = Type.Object({
  token: Type.String(),
  csrfToken: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
});

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const CodeBody = Type.Object(
  {
    destination: Type.String({ minLength: 3, maxLength: 254, description: 'a phone number or an e-mail address' }),
    locale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false },
);

export const CodeSent = Type.Object({
  destination: Type.String({ description: 'normalised: E.164 phone number or lower-case e-mail' }),
  channel: Type.Union([Type.Literal('sms'), Type.Literal('email')]),
  expiresAt: Type.String({ format: 'date-time' }),
});

export const SetupBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    code: Type.String({ pattern: '^[0-9]{8}$', description: 'the 8-digit setup code' }),
    password: Type.String({ ...Password, minLength: 1 }),
  },
  { additionalProperties: false },
);

export const VerifyBody = Type.Object(
  { destination: Type.String({ minLength: 3, maxLength: 254 }), code: Type.String({ pattern: '^[0-9]{6}$' }) },
  { additionalProperties: false },
);

export const GrantView = Type.Object({
  unit: Nullable(UnitRef, "null: the whole deployment; the name in the reader's language where the unit has one"),
  role: RoleSchema,
});

export const Me = Type.Object({
  kind: Type.Union([Type.Literal('official'), Type.Literal('resident')]),
  id: Type.Integer(),
  name: Type.String(),
  username: Type.Optional(Type.String()),
  agency: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  agencyName: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  phone: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  email: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  grants: Type.Array(GrantView),
  csrfToken: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
});

export const GrantInput = Type.Object(
  {
    unit: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()], {
      description: 'unit code; null (administrators of the whole deployment only) for the whole deployment',
    }),
    role: RoleSchema,
  },
  { additionalProperties: false },
);
export type GrantInput = Static<typeof GrantInput>;

export const CreateOfficialBody = Type.Object(
  {
    username: Username,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    contact: Contact,
    locale: Type.Optional(LocaleSchema),
    agency: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), Type.Null()])),
    grants: Type.Array(GrantInput, { minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false },
);

export const OfficialView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  name: Type.String(),
  agency: Type.Union([Type.Integer(), Type.Null()]),
  agencyName: Type.Union([Type.String(), Type.Null()]),
  grants: Type.Array(GrantView),
  disabled: Type.Boolean(),
  /** No password yet: the official has a setup code to enter (after creation or a reset). */
  awaitingSetup: Type.Boolean(),
  contact: Type.Union([Type.String(), Type.Null()], { description: 'where setup codes go, partly hidden: +84•••••5678' }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type OfficialView = Static<typeof OfficialView>;

export const OfficialList = Type.Object({
  items: Type.Array(OfficialView),
  next: Type.Optional(Type.String()),
});

export const OfficialsQuery = Type.Object(
  {
    unit: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'officials with a grant in this unit or below' })),
    role: Type.Optional(RoleSchema),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'part of the name or username' })),
    cursor: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

// Ids are bigint in the database; a larger number would fail in SQL rather than be "not found".
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });

export const OfficialAction = Type.Union([
  Type.Object({ type: Type.Literal('grant'), unit: GrantInput.properties.unit, role: RoleSchema }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('revoke'), unit: GrantInput.properties.unit, role: RoleSchema }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('reset_password') }, {
    additionalProperties: false,
    description: 'the password stops working; a setup code goes to the official’s own phone or e-mail',
  }),
  Type.Object({ type: Type.Literal('disable') }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('enable') }, { additionalProperties: false }),
]);
export type OfficialAction = Static<typeof OfficialAction>;

/** Leaving for the single sign-on provider: the page of this app to open afterwards. */
export const OidcStartQuery = Type.Object(
  { next: Type.Optional(Type.String({ maxLength: 500, description: 'a path of this app, e.g. /staff' })) },
  { additionalProperties: false },
);

/** The provider's answer: a code and the state, or an error (providers may add parameters of their own). */
export const OidcCallbackQuery = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 2000 })),
    state: Type.Optional(Type.String({ maxLength: 500 })),
    error: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: Type.String({ maxLength: 2000 }) },
);
