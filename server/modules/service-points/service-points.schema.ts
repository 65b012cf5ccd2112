import { Type, type Static } from 'typebox';
import { Cursor, LocaleNames, UnitCode, UnitRef } from '../../platform/shapes.ts';

const ServicePointKind = Type.String({
  minLength: 1,
  maxLength: 80,
  pattern: '^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$',
  description: 'a checklist key, e.g. township.mass_work_station, village.clinic, group.deliberation_council',
});

export const ServicePointView = Type.Object({
  id: Type.Integer(),
  unit: UnitRef,
  kind: ServicePointKind,
  kindNames: LocaleNames,
  name: Type.String(),
  address: Type.Optional(Type.String()),
});
export type ServicePointView = Static<typeof ServicePointView>;

export const ChecklistItem = Type.Object({
  kind: Type.String(),
  names: LocaleNames,
  required: Type.Boolean(),
  present: Type.Boolean(),
});

export const UnitServicePoints = Type.Object({
  items: Type.Array(ServicePointView),
  checklistLevel: Type.Union([Type.String(), Type.Null()], {
    description: 'township, village or group; null when the unit\'s level has no checklist',
  }),
  checklist: Type.Array(ChecklistItem),
  missingRequired: Type.Array(Type.String()),
});

export const UnitParams = Type.Object({ code: UnitCode() }, { additionalProperties: false });

export const CreateServicePointBody = Type.Object(
  {
    unit: UnitCode(),
    kind: ServicePointKind,
    name: Type.String({ minLength: 1, maxLength: 300 }),
    address: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type CreateServicePointBody = Static<typeof CreateServicePointBody>;

export const GapsQuery = Type.Object(
  {
    unit: UnitCode(),
    level: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'only units of this level (units.level)' })),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

export const GapView = Type.Object({
  unit: UnitRef,
  level: Type.String(),
  requiredCount: Type.Integer({ description: 'required service points on the unit\'s checklist' }),
  presentCount: Type.Integer({ description: 'of those, how many the unit has' }),
  missing: Type.Array(Type.String(), { description: 'the required kinds it lacks' }),
});

export type GapView = Static<typeof GapView>;

export const GapList = Type.Object({
  items: Type.Array(GapView),
  next: Type.Optional(Type.String()),
  totals: Type.Object({
    units: Type.Integer({ description: 'units (visible to the caller) lacking at least one required service point' }),
    missing: Type.Array(Type.Object({ kind: Type.String(), units: Type.Integer() }), {
      description: 'per required kind, how many of those units lack it',
    }),
  }),
});
