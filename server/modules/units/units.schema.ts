import { Type, type Static } from 'typebox';
import { LocaleNames, UnitCode, UnitRef } from '../../platform/shapes.ts';
import { subunitLevels } from '../../contract/domain.ts';

const Code = UnitCode('the official code, e.g. "428" or "520327"');
const Day = Type.Union([Type.String({ format: 'date' }), Type.Null()]);

export { UnitRef };

export const UnitSummary = Type.Object({
  code: Type.String(),
  name: Type.String({ description: 'the official name, in the language of its country' }),
  names: LocaleNames,
  level: Type.String({ description: 'per deployment: province, district, commune, city, county, township, village …' }),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  country: Type.String({ description: 'ISO 3166 alpha-2, picks the holiday calendar' }),
  timeZone: Type.String(),
  validFrom: Day,
  validTo: Type.Union([Type.String({ format: 'date' }), Type.Null()], {
    description: 'the first day on which the unit no longer exists',
  }),
  current: Type.Boolean({ description: 'false once the unit was merged or dissolved' }),
  replacedBy: Type.Optional(UnitRef),
});
export type UnitSummary = Static<typeof UnitSummary>;

export const UnitAncestor = Type.Object({ code: Type.String(), name: Type.String(), names: LocaleNames, level: Type.String() });

export const UnitDetail = Type.Intersect([
  UnitSummary,
  Type.Object({
    ancestors: Type.Array(UnitAncestor, { description: 'from the root down to the parent' }),
    childCount: Type.Integer({ description: 'current units directly below' }),
  }),
]);
export type UnitDetail = Static<typeof UnitDetail>;

export const UnitList = Type.Object({ items: Type.Array(UnitSummary), next: Type.Optional(Type.String()) });

export const UnitsQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'a name in any locale, with or without diacritics, or a code' })),
    parent: Type.Optional(Code),
    level: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    includeFormer: Type.Optional(Type.Boolean({ default: false, description: 'also units merged or dissolved' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);

export const UnitParams = Type.Object({ code: Code }, { additionalProperties: false });

export const ImportBody = Type.Object(
  {
    csv: Type.String({
      minLength: 1,
      maxLength: 20 * 1024 * 1024,
      description: 'code,name,level,parent_code [,name_vi,name_zh,name_en,country,time_zone,valid_from,valid_to,replaced_by]',
    }),
    country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$' })),
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const ImportSummary = Type.Object({
  importId: Type.Union([Type.String(), Type.Null()], { description: 'the audit subject of the run; null if nothing changed' }),
  total: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
});

export const AddSubunitBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, description: 'e.g. "Xóm 3", "Tổ dân phố 5", "新村组"' }),
    level: Type.Union(subunitLevels.map((l) => Type.Literal(l)), {
      description: 'hamlet (thôn, xóm) or group (tổ dân phố, 村民组)',
    }),
    names: Type.Optional(LocaleNames),
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$', description: 'by default the parent\'s code and a number' })),
  },
  { additionalProperties: false },
);
export type AddSubunitBody = Static<typeof AddSubunitBody>;
