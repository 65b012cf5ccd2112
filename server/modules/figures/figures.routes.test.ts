import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { runDueJobs } from '../../platform/jobs.ts';
import { actOk, petitionInProgress, submitOk, testOptions, worldFor } from '../petitions/petitions.testing.ts';
import { pendingFigureDeltas, readWatermark } from './figures.queries.ts';
import { figuresOk } from './figures.testing.ts';

describeEachBackend(
  'GET /api/v1/figures',
  (t) => {
    const w = worldFor(t, 'S');
    const get = (query: Record<string, string>, lang = 'en') =>
      t().app.inject({ method: 'GET', url: '/api/v1/figures', query, headers: { 'accept-language': lang } });

    test('the earlier /api/v1/stats paths answer 308 to the same path under /api/v1/figures, with the same query string', async () => {
      for (const path of ['', '/reviews', '/export', '/children', '/years']) {
        const query = '?unit=SC1&from=2026-03-01&to=2026-03-31';
        const res = await t().app.inject({ method: 'GET', url: `/api/v1/stats${path}${query}` });
        assert.equal(res.statusCode, 308, path);
        assert.equal(res.headers.location, `/api/v1/figures${path}${query}`);
      }
    });

    test('a unit with nothing yet: zero counts, rates and median null', async () => {
      const s = await figuresOk(t(), { unit: 'SC2', from: '2026-01-01', to: '2026-12-31' });
      assert.equal(s.received, 0);
      assert.equal(s.overdue, 0);
      assert.deepEqual([s.responseRate, s.resolutionRate, s.onTimeRate, s.satisfactionRate, s.medianHoursToAnswer], [null, null, null, null, null]);
      assert.deepEqual([s.byChannel, s.byKind, s.byCategory], [{}, {}, {}]);
      assert.deepEqual(s.unit, { code: 'SC2', name: 'S Commune Two' });
    });

    test('anyone may read the figures; they carry counts only, never a petition or a person', async () => {
      t().clock.set('2026-03-02T02:00:00Z');
      const a = await submitOk(t(), {
        unit: 'SV1',
        kind: 'question',
        category: 'land',
        body: 'Private question from Nguyễn Văn Bảo about his land',
        resident: { name: 'Nguyễn Văn Bảo', phone: '0912345678', email: 'bao@example.vn' },
      });
      await submitOk(t(), { unit: 'SC1', kind: 'suggestion', body: 'Plant trees along the road' });
      await actOk(t(), w.disp1, a.id, { type: 'accept' });
      const res = await get({ unit: 'SC1', from: '2026-03-01', to: '2026-03-31' });
      assert.equal(res.statusCode, 200);
      for (const secret of ['Bảo', '0912345678', 'bao@example.vn', a.trackingCode, 'Private', 'trees']) {
        assert.ok(!res.body.includes(secret), `the figures do not carry ${secret}`);
      }
      const s = res.json();
      assert.deepEqual([s.received, s.accepted, s.uncategorized], [2, 1, 1]);
      assert.deepEqual(Object.keys(s.byCategory), ['land']);
      assert.equal(s.byKind.question.accepted, 1);
      assert.equal(s.byChannel.web.received, 2);
      // The village's own figures, and the province's, and the whole deployment's.
      assert.equal((await figuresOk(t(), { unit: 'SV1', from: '2026-03-01', to: '2026-03-31' })).received, 1);
      assert.equal((await figuresOk(t(), { unit: 'SP', from: '2026-03-01', to: '2026-03-31' })).received, 2);
      const all = await figuresOk(t(), { from: '2026-03-01', to: '2026-03-31' });
      assert.equal(all.unit, null);
      assert.equal(all.timeZone, null);
      assert.ok(all.received >= 2);
    });

    test('a category outside the known list is published as "other", never as typed', async () => {
      t().clock.set('2026-09-07T02:00:00Z');
      const typed = 'nguyen-van-a-land-dispute';
      await submitOk(t(), { unit: 'SV1', kind: 'suggestion', category: typed, body: 'A land dispute' });
      await submitOk(t(), { unit: 'SC1', kind: 'question', category: 'land', body: 'A land question' });
      await submitOk(t(), { unit: 'SC1', kind: 'question', category: 'other', body: 'Something else' });
      const period = { from: '2026-09-01', to: '2026-09-30' };
      const check = async (when: string) => {
        // the deployment and a province (day rows), a commune (month rows and petitions), a village (petitions)
        for (const unit of [undefined, 'SP', 'SC1', 'SV1']) {
          const res = await get(unit ? { unit, ...period } : period);
          assert.equal(res.statusCode, 200);
          assert.ok(!res.body.includes('nguyen'), `${when}, ${unit ?? 'deployment'}: the typed category is not published`);
          const s = res.json();
          if (unit === 'SV1') assert.deepEqual(Object.keys(s.byCategory), ['other'], `${when}, SV1`);
          else {
            assert.deepEqual(Object.keys(s.byCategory), ['land', 'other'], `${when}, ${unit ?? 'deployment'}`);
            assert.equal(s.byCategory.other.received, 2, `${when}, ${unit ?? 'deployment'}: the typed one and the form's "other"`);
          }
        }
      };
      await check('before the fold');
      await runDueJobs(t().ctx);
      await check('after the fold');
    });

    test('bad input is a 400 with a message in the caller\'s language', async () => {
      const cases: Array<[Record<string, string>, string]> = [
        [{ unit: 'SC1', from: '2026-03-31', to: '2026-03-01' }, 'figures_invalid_period'],
        [{ unit: 'NOPE', from: '2026-03-01', to: '2026-03-31' }, 'unknown_unit'],
        [{ unit: 'SC1', from: '2024-01-01', to: '2026-03-31', interval: 'day' }, 'figures_series_too_long'],
        [{ unit: 'SC1', from: '1990-01-01', to: '2026-03-31' }, 'figures_period_too_long'],
        // 10,000 years: days the figures cannot hold, not a period that ends before it starts.
        [{ unit: 'SC1', from: '0001-01-01', to: '9999-12-31' }, 'figures_day_out_of_range'],
        [{ unit: 'SC1', from: '0099-12-31', to: '2026-03-31' }, 'figures_day_out_of_range'],
        [{ unit: 'SC1', from: '2026-01-01', to: '9999-12-31' }, 'figures_day_out_of_range'],
        [{ unit: 'SC1', from: '1900-01-01', to: '2999-12-31' }, 'figures_period_too_long'],
        [{ unit: 'SC1', from: '2026-02-30', to: '2026-03-31' }, 'invalid_input'],
        [{ unit: 'SC1', from: '2026-03-01' }, 'invalid_input'],
        [{ unit: 'SC1', from: '2026-03-01', to: '2026-03-31', interval: 'week' }, 'invalid_input'],
        [{ unit: 'SC1', from: '2026-03-01', to: '2026-03-31', extra: '1' }, 'invalid_input'],
      ];
      for (const [query, code] of cases) {
        const res = await get(query);
        assert.equal(res.statusCode, 400, `${JSON.stringify(query)} → ${res.body}`);
        assert.equal(res.json().error.code, code, JSON.stringify(query));
      }
      const vi = await get({ unit: 'SC1', from: '2026-03-31', to: '2026-03-01' }, 'vi');
      assert.match(vi.json().error.message, /Ngày bắt đầu/);
      const zh = await get({ unit: 'NOPE', from: '2026-03-01', to: '2026-03-31' }, 'zh');
      assert.match(zh.json().error.message, /NOPE/);
      const range = { unit: 'SC1', from: '0001-01-01', to: '9999-12-31' };
      assert.match((await get(range, 'vi')).json().error.message, /từ 1900-01-01 đến 2999-12-31/);
      assert.match((await get(range, 'zh')).json().error.message, /1900-01-01 至 2999-12-31/);
      assert.match((await get(range, 'en')).json().error.message, /between 1900-01-01 and 2999-12-31: 0001-01-01/);
      assert.match((await get({ unit: 'SC1', from: '1900-01-01', to: '2999-12-31' }, 'vi')).json().error.message, /tối đa là 20 năm/);
    });

    test('overdue counts open petitions past their due time now, and follows the clock with or without the jobs', async () => {
      t().clock.set('2026-05-04T02:00:00Z');
      const s = await petitionInProgress(t(), w, {}, 'S');
      const due = new Date((await t().app.inject({ method: 'GET', url: `/api/v1/petitions/track/${s.trackingCode}` })).json().dueAt);
      const figures = () => figuresOk(t(), { unit: 'SC1', from: '2026-05-01', to: '2026-05-31' });
      assert.equal((await figures()).overdue, 0);
      t().clock.set(new Date(due.getTime() + 60_000));
      assert.equal((await figures()).overdue, 1, 'at once, before any job ran');
      await runDueJobs(t().ctx);
      assert.ok((await readWatermark(t().ctx.db))!.getTime() >= due.getTime(), 'the fold job moved the watermark');
      assert.equal(await pendingFigureDeltas(t().ctx.db), 0, 'and folded the deltas');
      assert.equal((await figures()).overdue, 1);
      // Answered late: no longer overdue, resolved but not on time.
      await actOk(t(), w.hand1, s.id, { type: 'answer', text: 'Late, but here it is.' });
      const after = await figures();
      assert.deepEqual([after.overdue, after.resolved, after.resolvedOnTime, after.resolvedLate], [0, 1, 0, 1]);
      assert.equal(after.onTimeRate, 0);
    });

    test('a monthly series: every month of the period in order, the ends cut to it, adding up to the totals', async () => {
      t().clock.set('2026-06-10T02:00:00Z');
      await submitOk(t(), { unit: 'SC2', kind: 'question', body: 'June question' });
      t().clock.set('2026-08-20T02:00:00Z');
      await submitOk(t(), { unit: 'SC2', kind: 'question', body: 'August question' });
      await submitOk(t(), { unit: 'SV2', kind: 'help_request', body: 'August request' });
      const s = await figuresOk(t(), { unit: 'SC2', from: '2026-06-05', to: '2026-08-25', interval: 'month' });
      assert.deepEqual(
        s.series!.items.map((i) => [i.period, i.from, i.to, i.received]),
        [
          ['2026-06', '2026-06-05', '2026-06-30', 1],
          ['2026-07', '2026-07-01', '2026-07-31', 0],
          ['2026-08', '2026-08-01', '2026-08-25', 2],
        ],
      );
      assert.equal(s.received, 3);
      const daily = await figuresOk(t(), { unit: 'SC2', from: '2026-08-19', to: '2026-08-21', interval: 'day' });
      assert.deepEqual(daily.series!.items.map((i) => [i.period, i.received]), [['2026-08-19', 0], ['2026-08-20', 2], ['2026-08-21', 0]]);
    });
  },
  testOptions,
);
