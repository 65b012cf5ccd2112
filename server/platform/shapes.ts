/** Shapes that many modules' responses share, so that each has one definition. */
import { Type, type TSchema } from 'typebox';

/** A value or null. */
export const Nullable = <T extends TSchema>(schema: T, description?: string) =>
  Type.Union([schema, Type.Null()], description ? { description } : {});

/** A unit named in a response: its official code and its name in its country's language. */
export const UnitRef = Type.Object({ code: Type.String(), name: Type.String() });

/** A page cursor in a query string: the `next` of the previous page (platform/cursor.ts). */
export const Cursor = Type.String({ minLength: 1, maxLength: 300, description: 'the `next` of the previous page' });

/** A file's bytes as a response (a download, a photo): its content type is the file's own. A Buffer is one. */
export const FileBytes = Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary' });

/** A unit's official code in a request (a path parameter or a filter), e.g. "26659" or "520327". */
export const UnitCode = (description = "the unit's official code") => Type.String({ minLength: 1, maxLength: 64, description });

/** A category's key, as the categories' table constrains it (figures_categories). */
export const CategoryKey = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9][a-z0-9_.-]*$' });

/** A name in each language the deployment speaks (platform/i18n.ts locales); any may be missing. */
export const LocaleNames = Type.Object(
  {
    vi: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    zh: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    en: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  },
  { additionalProperties: false, description: 'the name per locale' },
);
