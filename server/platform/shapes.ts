/** Shapes that many modules' responses share, so that each has one definition. */
import { Type, type TSchema } from 'typebox';

/** A value or null. */
export const Nullable = <T extends TSchema>(schema: T, description?: string) =>
  Type.Union([schema, Type.Null()], description ? { description } : {});

/** A unit named in a response: its official code and its name in its country's language. */
export const UnitRef = Type.Object({ code: Type.String(), name: Type.String() });

/** A page cursor in a query string: the `next` of the previous page (platform/cursor.ts). */
export const Cursor = Type.String({ minLength: 1, maxLength: 300, description: 'the `next` of the previous page' });

/** A file's bytes as a response (a download, a photo): its content type is the file's own. */
export const FileBytes = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
