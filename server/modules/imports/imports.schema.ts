import { Type, type Static } from 'typebox';

export const importKinds = ['officials', 'agencies', 'service-points'] as const;
export type ImportKind = (typeof importKinds)[number];

export const ImportParams = Type.Object({ kind: Type.Union(importKinds.map((k) => Type.Literal(k))) }, { additionalProperties: false });

export const ImportBody = Type.Object(
  {
    csv: Type.String({ minLength: 1, maxLength: 5_000_000, description: 'the CSV text, a header line first (columns in docs/INTEROP.md)' }),
    dryRun: Type.Optional(Type.Boolean({ description: 'true (default): check every row and write nothing' })),
  },
  { additionalProperties: false },
);
export type ImportBody = Static<typeof ImportBody>;

export const ImportResult = Type.Object({
  kind: Type.String(),
  dryRun: Type.Boolean(),
  rows: Type.Integer({ description: 'data rows read' }),
  written: Type.Integer({ description: 'rows written: 0 on a dry run or when any row has an error' }),
  errors: Type.Array(
    Type.Object({
      line: Type.Integer({ description: 'the line of the CSV text (the header is line 1)' }),
      code: Type.String(),
      message: Type.String({ description: "in the caller's language" }),
    }),
    { description: 'every row that cannot be written, with why; nothing is written unless this is empty' },
  ),
});
export type ImportResult = Static<typeof ImportResult>;
