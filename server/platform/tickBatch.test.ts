import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TickBatch } from './tickBatch.ts';

test('calls of the same turn of the event loop run as one batch, each caller gets its own result', async () => {
  const runs: number[][] = [];
  const batch = new TickBatch<number, number>(async (items) => {
    runs.push(items);
    return items.map((n) => n * 10);
  });
  const first = await Promise.all([batch.add(1), batch.add(2), batch.add(3)]);
  assert.deepEqual(first, [10, 20, 30]);
  assert.equal(await batch.add(4), 40);
  assert.deepEqual(runs, [[1, 2, 3], [4]]);
});

test('a batch holds at most `max` items; the rest go in the next', async () => {
  const runs: number[][] = [];
  const batch = new TickBatch<number, number>(async (items) => (runs.push(items), items), 2);
  assert.deepEqual(await Promise.all([1, 2, 3, 4, 5].map((n) => batch.add(n))), [1, 2, 3, 4, 5]);
  assert.deepEqual(runs, [[1, 2], [3, 4], [5]]);
});

test('when a batch fails, each of its callers gets the error, and the next batch runs', async () => {
  let fail = true;
  const batch = new TickBatch<string, string>(async (items) => {
    if (fail) throw new Error('database gone');
    return items;
  });
  const results = await Promise.allSettled([batch.add('a'), batch.add('b')]);
  assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
  fail = false;
  assert.equal(await batch.add('c'), 'c');
});
