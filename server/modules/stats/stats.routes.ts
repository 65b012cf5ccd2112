import type { Module } from '../index.ts';
import { badRequest } from '../../platform/errors.ts';
import { ReviewStatsQuery, ReviewStatsView, StatsQuery, StatsView } from './stats.schema.ts';
import { daysIn, firstStatsDay, isDay, lastStatsDay } from './stats.periods.ts';
import { findStatsUnit, reviewFigures, type StatsScope } from './stats.queries.ts';
import type { AppContext } from '../../platform/context.ts';
import { computeStats } from './stats.compute.ts';
import { presentReviewStats, presentStats } from './stats.presenter.ts';
import { latestCheckpoint } from '../../platform/audit-anchors.ts';
import './stats.messages.ts';
import './stats.jobs.ts';

export const maxPeriodYears = 20;
export const maxDailySeries = 400;

/** The unit and period asked for, checked: the same rules for every figure. */
async function scopeOf(ctx: AppContext, query: StatsQuery) {
  const { unit: code, from, to, interval } = query;
  for (const day of [from, to]) {
    if (!isDay(day) || day < firstStatsDay || day > lastStatsDay) {
      throw badRequest('stats_day_out_of_range', { day, first: firstStatsDay, last: lastStatsDay });
    }
  }
  if (from > to) throw badRequest('stats_invalid_period', { from, to });
  if (daysIn(from, to) > maxPeriodYears * 366) throw badRequest('stats_period_too_long', { years: maxPeriodYears });
  if (interval === 'day' && daysIn(from, to) > maxDailySeries) throw badRequest('stats_series_too_long', { days: maxDailySeries });
  const unit = code === undefined ? null : await findStatsUnit(ctx.db, code, ctx.clock.now());
  if (unit === undefined) throw badRequest('unknown_unit', { code });
  const scope: StatsScope = unit ? { unitId: unit.id, unitPath: unit.path } : { unitId: 0, unitPath: '/' };
  return { unit, scope };
}

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
        const { from, to, interval } = request.query;
        const { unit, scope } = await scopeOf(ctx, request.query);
        const now = ctx.clock.now();
        const figures = await computeStats(ctx.db, { scope, from, to, now, interval }, unit ? unit.grains : 'dm', ctx.database);
        return presentStats(unit, { from, to }, now, figures, await latestCheckpoint(ctx.db));
      },
    );

    app.get(
      '/api/v1/stats/reviews',
      {
        config: { access: 'public' },
        schema: {
          tags: ['stats'],
          summary: 'Reviews and re-reviews among the petitions first submitted to a unit (and below it) in a period',
          description:
            'The population of /api/v1/stats; counted from the petitions at the moment of the request. Definitions in docs/STATS.md. No personal data.',
          querystring: ReviewStatsQuery,
          response: { 200: ReviewStatsView },
        },
      },
      async (request) => {
        const { from, to } = request.query;
        const { unit, scope } = await scopeOf(ctx, request.query);
        const now = ctx.clock.now();
        return presentReviewStats(unit, { from, to }, now, await reviewFigures(ctx.db, { scope, from, to, now }));
      },
    );
  },
};
