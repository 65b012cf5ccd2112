import { Type, type Static } from 'typebox';
import { CategoryKey, LocaleNames, Nullable, UnitCode, UnitRef } from '../../platform/shapes.ts';

/** The path of every Open311 resource ends in .json or .xml. */
export const FormatParams = Type.Object({ format: Type.String({ maxLength: 8 }) });
export const ServiceParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }), format: Type.String({ maxLength: 8 }) });
export const RequestParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), format: Type.String({ maxLength: 8 }) });
export const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 64 }), format: Type.String({ maxLength: 8 }) });

const Q = (max = 2000) => Type.Optional(Type.String({ maxLength: max }));
export const Open311Query = Type.Object({
  jurisdiction_id: Q(64),
  api_key: Q(200),
  service_request_id: Q(),
  service_code: Q(),
  start_date: Q(40),
  end_date: Q(40),
  status: Q(20),
});
export type Open311Query = Static<typeof Open311Query>;

/** A list of requests also takes the pagination extension's page_size and page. */
export const RequestsQuery = Type.Object({
  ...Open311Query.properties,
  // Whole numbers, read by requestPage so that a bad one is refused naming the parameter.
  page_size: Type.Optional(Type.String({ maxLength: 20, description: 'pagination extension: requests a page, 1–1000 (default 1000)' })),
  page: Type.Optional(Type.String({ maxLength: 20, description: 'pagination extension: the page, 1 = the first (default 1)' })),
});

const AttributeInput = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' }),
    datatype: Type.Union(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'].map((d) => Type.Literal(d))),
    required: Type.Boolean(),
    descriptions: LocaleNames,
    order: Type.Integer({ minimum: 0, maximum: 1000 }),
    values: Type.Optional(
      Type.Array(Type.Object({ key: Type.String({ minLength: 1, maxLength: 64 }), names: LocaleNames }, { additionalProperties: false }), { maxItems: 200 }),
    ),
  },
  { additionalProperties: false },
);

export const CreateServiceBody = Type.Object(
  {
    unit: Type.Optional(UnitCode()),
    code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' }),
    names: LocaleNames,
    descriptions: Type.Optional(LocaleNames),
    kind: Type.Union(['question', 'suggestion', 'help_request', 'complaint'].map((k) => Type.Literal(k))),
    category: Type.Optional(CategoryKey),
    group: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    keywords: Type.Optional(Type.String({ maxLength: 500 })),
    attributes: Type.Optional(Type.Array(AttributeInput, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type CreateServiceBody = Static<typeof CreateServiceBody>;

export const CreatedService = Type.Object({ id: Type.Integer(), code: Type.String(), unit: Nullable(UnitRef, 'null: a service of the whole deployment') });
