import { Type, type Static, type TObject, type TUnsafe } from 'typebox';

/**
 * A union of object schemas told apart by their `type` (a literal in each): JSON Schema's
 * `oneOf` with an OpenAPI `discriminator`, which Ajv (platform/validation.ts) follows to check
 * a body against its own variant only, so that its errors name that variant's fields.
 */
export function TaggedUnion<T extends TObject[]>(variants: [...T], description?: string): TUnsafe<Static<T[number]>> {
  return Type.Unsafe<Static<T[number]>>({
    type: 'object',
    required: ['type'],
    discriminator: { propertyName: 'type' },
    oneOf: variants,
    ...(description ? { description } : {}),
  } as never);
}
