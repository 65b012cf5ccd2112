import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCursor, encodeCursor, idAfterCursor } from './cursor.ts';
import { AppError } from './errors.ts';

const readId = (v: unknown) => (Number.isSafeInteger(v) ? (v as number) : undefined);
const refused = (f: () => unknown) =>
  assert.throws(f, (e: unknown) => e instanceof AppError && e.status === 400 && e.code === 'invalid_cursor');

test('a cursor comes back as the key it was made from', () => {
  assert.equal(decodeCursor(encodeCursor(42), readId), 42);
  assert.deepEqual(decodeCursor(encodeCursor({ id: 7, dueAt: '2026-03-02T00:00:00.000Z' }), (v) => v as object), { id: 7, dueAt: '2026-03-02T00:00:00.000Z' });
  assert.match(encodeCursor(['c', 'Xã Thanh Nho']), /^[A-Za-z0-9_-]+$/);
});

test('anything else is 400 invalid_cursor: not base64url, not JSON, or not a key of this list', () => {
  refused(() => decodeCursor('!!', readId));
  refused(() => decodeCursor(Buffer.from('{not json').toString('base64url'), readId));
  refused(() => decodeCursor(encodeCursor('forty-two'), readId));
});

test('a list paged by id takes only the cursors it gave out: a positive whole number, encoded', () => {
  assert.equal(idAfterCursor(undefined), undefined);
  assert.equal(idAfterCursor(encodeCursor(12)), 12);
  refused(() => idAfterCursor('12'));
  refused(() => idAfterCursor(encodeCursor(0)));
  refused(() => idAfterCursor(encodeCursor(1.5)));
  refused(() => idAfterCursor(encodeCursor(2 ** 60)));
  refused(() => idAfterCursor(encodeCursor({ id: 12 })));
});
