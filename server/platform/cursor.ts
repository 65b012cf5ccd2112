/**
 * Page cursors, one codec for every list: opaque to clients, the last item's sort key as
 * base64url JSON. A cursor this server did not give out is 400 invalid_cursor everywhere.
 */
import { badRequest } from './errors.ts';

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** `read` checks the decoded value and returns the key, or undefined when it is not one. */
export function decodeCursor<T>(text: string, read: (value: unknown) => T | undefined): T {
  let value: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('not base64url');
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('invalid_cursor');
  }
  const key = read(value);
  if (key === undefined) throw badRequest('invalid_cursor');
  return key;
}

/** The key of a list paged by id alone: a positive whole number. */
const readIdCursor = (value: unknown): number | undefined =>
  Number.isSafeInteger(value) && (value as number) > 0 ? (value as number) : undefined;

/** The id a page cursor of such a list stands for; undefined for the first page. */
export const idAfterCursor = (text: string | undefined): number | undefined =>
  text === undefined || text === '' ? undefined : decodeCursor(text, readIdCursor);
