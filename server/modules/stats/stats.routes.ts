import type { Module } from '../index.ts';
import { badRequest } from '../../platform/errors.ts';
import { StatsQuery, StatsView } from './stats.schema.ts';
import { daysIn, firstStatsDay, isDay, lastStatsDay } from './stats.periods.ts';
import { findStatsUnit, type StatsScope } from './stats.queries.ts';
import { computeStats } from './stats.compute.ts';
import { presentStats } from './stats.presenter.ts';
import { latestCheckpoint } from '../../platform/audit-anchors.ts';
import './stats.messages.ts';
import './stats.jobs.ts';

export const maxPeriodYears = 20;
export const maxDailySeries = 400;

export const statsModule: Module = {
  name: 'stats',
  routes(app, ctx) {
    app.get(
      '/api/v1/stats',
      {
        config: { access: 'public' },
        schema: {
          tags: ['stats'],
          summary: 'Public figures of a unit (and every unit below it) over the petitions first submitted in a period',
          description:
            'Days are local days of the unit the petition was submitted to. Exact at the moment of the request; definitions in docs/STATS.md. No personal data.',
          querystring: StatsQuery,
          response: { 200: StatsView },
        },
      },
      async (request) => {
        const { unit: code, from, to, interval } = request.query;
        for (const day of [from, to]) {
          if (!isDay(day) || day < firstStatsDay || day > lastStatsDay) {
            throw badRequest('stats_day_out_of_range', { day, first: firstStatsDay, last: lastStatsDay });
          }
        }
        if (from > to) throw badRequest('stats_invalid_period', { from, to });
        if (daysIn(from, to) > maxPeriodYears * 366) throw badRequest('stats_period_too_long', { years: maxPeriodYears });
        if (interval === 'day' && daysIn(from, to) > maxDailySeries) throw badRequest('stats_series_too_long', { days: maxDailySeries });
        const unit = code === undefined ? null : await findStatsUnit(ctx.db, code, ctx.clock.now());
        if (unit === undefined) throw badRequest('stats_unknown_unit', { code });
        const scope: StatsScope = unit ? { unitId: unit.id, unitPath: unit.path } : { unitId: 0, unitPath: '/' };
        const now = ctx.clock.now();
        const figures = await computeStats(ctx.db, { scope, from, to, now, interval }, unit ? unit.grains : 'dm', ctx.database);
        return presentStats(unit, { from, to }, now, figures, await latestCheckpoint(ctx.db));
      },
    );
  },
};
