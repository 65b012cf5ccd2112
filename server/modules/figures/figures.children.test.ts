/** The units below a unit side by side in one answer, and the years a unit has figures for. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { runDueJobs } from '../../platform/jobs.ts';
import { actOk, createWorld, petitionInProgress, submitOk, testOptions, type World } from '../petitions/petitions.testing.ts';
import { figuresOk } from './figures.testing.ts';
import type { ChildFiguresView } from './figures.schema.ts';

describeEachBackend(
  'GET /api/v1/figures/children and /figures/years',
  (t) => {
    let w: World;
    const children = async (query: Record<string, string>) => {
      const res = await t().app.inject({ method: 'GET', url: '/api/v1/figures/children', query });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as ChildFiguresView;
    };
    const years = async (unit?: string) => {
      const res = await t().app.inject({ method: 'GET', url: '/api/v1/figures/years', query: unit ? { unit } : {} });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as { years: number[] }).years;
    };

    test('each child over its own subtree, exactly as /api/v1/figures counts it, in one answer', async () => {
      w = await createWorld(t(), 'K');
      t().clock.set('2025-06-02T02:00:00Z');
      await submitOk(t(), { unit: 'KV2', kind: 'question', body: 'A question of last year in village two' });
      t().clock.set('2026-04-06T02:00:00Z');
      const answered = await petitionInProgress(t(), w, {}, 'K');
      await actOk(t(), w.hand1, answered.id, { type: 'answer', text: 'These papers.' });
      await petitionInProgress(t(), w, { unit: 'KV1' }, 'K');
      await submitOk(t(), { unit: 'KV1', kind: 'suggestion', body: 'Plant trees by the school' });
      await submitOk(t(), { unit: 'KC2', kind: 'question', body: 'When is the market open?' });
      await submitOk(t(), { unit: 'KP', kind: 'question', body: 'A question to the province itself' });
      t().clock.set('2026-05-06T02:00:00Z');
      await runDueJobs(t().ctx);

      const period = { from: '2026-01-01', to: '2026-12-31' };
      const side = await children({ unit: 'KP', ...period });
      assert.deepEqual(side.items.map((i) => i.unit.code), ['KC1', 'KC2']);
      assert.equal(side.more, false);
      for (const item of side.items) {
        const own = await figuresOk(t(), { unit: item.unit.code, ...period });
        const pick = (s: Record<string, unknown>) => [s.received, s.answered, s.resolved, s.resolvedOnTime, s.responseRate, s.resolutionRate, s.onTimeRate, s.satisfactionRate];
        assert.deepEqual(pick(item), pick(own as unknown as Record<string, unknown>), item.unit.code);
      }
      assert.deepEqual(side.items.map((i) => i.received), [3, 1], 'commune one with its village; the province\'s own petition in neither');
      assert.deepEqual(side.items[0].resolutionRate, 1 / 3);
      // A village's commune compares its villages; a village compares nothing.
      assert.deepEqual((await children({ unit: 'KC1', ...period })).items.map((i) => [i.unit.code, i.received]), [['KV1', 2]]);
      assert.deepEqual((await children({ unit: 'KV1', ...period })).items, []);
      // Last year's petition is in last year only.
      assert.deepEqual((await children({ unit: 'KP', from: '2025-01-01', to: '2025-12-31' })).items.map((i) => i.received), [0, 1]);
    });

    test('the years with figures, newest first, whether a unit keeps rollups or not', async () => {
      assert.deepEqual(await years('KP'), [2026, 2025]);
      assert.deepEqual(await years('KC2'), [2026, 2025]);
      assert.deepEqual(await years('KV1'), [2026]);
      assert.ok((await years()).includes(2025));
      const unknown = await t().app.inject({ method: 'GET', url: '/api/v1/figures/years?unit=NOPE' });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().error.code, 'unknown_unit');
      const unknownParent = await t().app.inject({ method: 'GET', url: '/api/v1/figures/children?unit=NOPE&from=2026-01-01&to=2026-12-31' });
      assert.equal(unknownParent.json().error.code, 'unknown_unit');
    });
  },
  testOptions,
);
