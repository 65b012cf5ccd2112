import { Type, type Static } from 'typebox';
import { roles } from '../../contract/domain.ts';
import { UnitCode, UnitRef } from '../../platform/shapes.ts';

export const StaffParams = Type.Object({ code: UnitCode() }, { additionalProperties: false });

export const StaffEntry = Type.Object({
  id: Type.Integer({ description: 'what a conduct report names in `reportedOfficial`' }),
  name: Type.String(),
  position: Type.Union([Type.String(), Type.Null()]),
  agency: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
  roles: Type.Array(Type.Enum([...roles]), { description: 'what they handle at this unit' }),
  photo: Type.Union([Type.String(), Type.Null()], { description: 'the address of their photo, when they gave one' }),
});
export type StaffEntry = Static<typeof StaffEntry>;

export const StaffDirectory = Type.Object({
  unit: UnitRef,
  items: Type.Array(StaffEntry),
});
export type StaffDirectory = Static<typeof StaffDirectory>;
