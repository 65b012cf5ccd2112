import { Type, type Static } from 'typebox';
import { Cursor, LocaleNames, UnitCode, UnitRef } from '../../platform/shapes.ts';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const AgencyKind = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[a-z][a-z0-9_]*$',
  description: 'a key of GET /api/v1/agency-kinds, e.g. people_committee, one_stop_shop, police',
});

export const AgencyView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  names: LocaleNames,
  kind: Type.String(),
  unit: UnitRef,
  phone: Type.Optional(Type.String()),
  email: Type.Optional(Type.String()),
});
export type AgencyView = Static<typeof AgencyView>;

export const AgencyList = Type.Object({
  items: Type.Array(AgencyView),
  next: Type.Optional(Type.String()),
});

export const AgenciesQuery = Type.Object(
  {
    unit: Type.Optional(UnitCode()),
    subtree: Type.Optional(
      Type.Boolean({ default: false, description: 'also the agencies of every unit below `unit`' }),
    ),
    kind: Type.Optional(AgencyKind),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type AgenciesQuery = Static<typeof AgenciesQuery>;

export const CreateAgencyBody = Type.Object(
  {
    unit: UnitCode(),
    kind: AgencyKind,
    name: Text(300),
    names: Type.Optional(LocaleNames),
    phone: Type.Optional(Type.String({ minLength: 3, maxLength: 40, pattern: '^[0-9+() .-]+$' })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  },
  { additionalProperties: false },
);
export type CreateAgencyBody = Static<typeof CreateAgencyBody>;

// Ids are bigint in the database; a larger number would fail in SQL rather than be "not found".
export const AgencyParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }, { additionalProperties: false });

export const AgencyKindView = Type.Object({ key: Type.String(), names: LocaleNames });
export const AgencyKindList = Type.Object({ items: Type.Array(AgencyKindView) });
