import { Type, type Static } from 'typebox';
import { Nullable, UnitCode, UnitRef } from '../../platform/shapes.ts';

export const ApiKeyView = Type.Object({
  id: Type.Integer(),
  client: Type.String({ description: 'who the key was issued to' }),
  prefix: Type.String({ description: 'the first characters of the key, to recognise it' }),
  unit: Nullable(UnitRef, 'the unit whose subtree the key reaches; null: the whole deployment'),
  perMinute: Type.Integer({ description: 'requests allowed per minute' }),
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type ApiKeyView = Static<typeof ApiKeyView>;

export const IssuedApiKey = Type.Intersect([
  ApiKeyView,
  Type.Object({ key: Type.String({ description: 'the key itself: shown this once, never again' }) }),
]);
export type IssuedApiKey = Static<typeof IssuedApiKey>;

export const ApiKeyList = Type.Object({ items: Type.Array(ApiKeyView) });

export const IssueApiKeyBody = Type.Object(
  {
    client: Type.String({ minLength: 1, maxLength: 200 }),
    unit: Type.Optional(UnitCode()),
    perMinute: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  },
  { additionalProperties: false },
);
export type IssueApiKeyBody = Static<typeof IssueApiKeyBody>;

export const ApiKeyParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }, { additionalProperties: false });
