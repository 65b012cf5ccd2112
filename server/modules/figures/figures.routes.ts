import type { Module } from '../index.ts';
import { badRequest } from '../../platform/errors.ts';
import { FiguresExportQuery, figuresExportColumns, ChildFiguresQuery, ChildFiguresView, ReviewFiguresQuery, ReviewFiguresView, FiguresQuery, FiguresView, YearsQuery, YearsView } from './figures.schema.ts';
import { daysIn, firstFiguresDay, isDay, lastFiguresDay } from './figures.periods.ts';
import { childFigures, findFiguresUnit, reviewFigures, yearsWithFigures, type FiguresScope } from './figures.queries.ts';
import type { AppContext } from '../../platform/context.ts';
import { computeFigures } from './figures.compute.ts';
import { presentChildFigures, presentReviewFigures, presentFigures } from './figures.presenter.ts';
import { latestCheckpoint } from '../../platform/audit-anchors.ts';
import { figuresExportPages } from './figures.export.ts';
import { exportContentType, exportFileName, exportStream } from '../../platform/export.ts';
import { Type } from 'typebox';
import { figuresMessages } from './figures.messages.ts';
import { figuresJobs } from './figures.jobs.ts';
import { routesOf } from '../../platform/routes.ts';
import { movedRoutes } from '../../platform/movedRoutes.ts';

const maxPeriodYears = 20;
const maxDailySeries = 400;
/** Units compared side by side in one answer. */
const maxChildUnits = 200;

/** The unit and period asked for, checked: the same rules for every figure. */
async function scopeOf(ctx: AppContext, query: FiguresQuery) {
  const { unit: code, from, to, interval } = query;
  for (const day of [from, to]) {
    if (!isDay(day) || day < firstFiguresDay || day > lastFiguresDay) {
      throw badRequest('figures_day_out_of_range', { day, first: firstFiguresDay, last: lastFiguresDay });
    }
  }
  if (from > to) throw badRequest('figures_invalid_period', { from, to });
  if (daysIn(from, to) > maxPeriodYears * 366) throw badRequest('figures_period_too_long', { years: maxPeriodYears });
  if (interval === 'day' && daysIn(from, to) > maxDailySeries) throw badRequest('figures_series_too_long', { days: maxDailySeries });
  const unit = code === undefined ? null : await findFiguresUnit(ctx.db, code, ctx.clock.now());
  if (unit === undefined) throw badRequest('unknown_unit', { code });
  const scope: FiguresScope = unit ? { unitId: unit.id, unitPath: unit.path } : { unitId: 0, unitPath: '/' };
  return { unit, scope };
}

/** What GET /api/v1/figures answers; other modules (reports) print exactly these figures. */
export async function figuresOf(ctx: AppContext, query: FiguresQuery): Promise<FiguresView> {
  const { from, to, interval } = query;
  const { unit, scope } = await scopeOf(ctx, query);
  const now = ctx.clock.now();
  const figures = await computeFigures(ctx.db, { scope, from, to, now, interval }, unit ?? undefined, ctx.database);
  return presentFigures(unit, { from, to }, now, figures, await latestCheckpoint(ctx.db));
}

/** What GET /api/v1/figures/children answers. */
export async function childFiguresOf(ctx: AppContext, query: ChildFiguresQuery): Promise<ChildFiguresView> {
  const { from, to } = query;
  const { unit, scope } = await scopeOf(ctx, query);
  const now = ctx.clock.now();
  const rows = await childFigures(ctx.db, scope, { from, to, now, limit: maxChildUnits + 1 });
  return presentChildFigures(unit!, { from, to }, now, rows.slice(0, maxChildUnits), rows.length > maxChildUnits);
}

export const figuresModule: Module = {
  name: 'figures',
  messages: [figuresMessages],
  jobs: figuresJobs,
  routes(app, ctx) {
    const routes = routesOf(app, 'figures');

    routes.get(
      '/api/v1/figures',
      {
        access: 'public',
        summary: 'Public figures of a unit (and every unit below it) over the petitions first submitted in a period',
        description:
          'Days are local days of the unit the petition was submitted to. Exact at the moment of the request; definitions in docs/FIGURES.md. No personal data.',
        querystring: FiguresQuery,
        response: { 200: FiguresView },
      },
      async (request) => figuresOf(ctx, request.query),
    );

    routes.get(
      '/api/v1/figures/reviews',
      {
        access: 'public',
        summary: 'Reviews and re-reviews among the petitions first submitted to a unit (and below it) in a period',
        description:
          'The population of /api/v1/figures; counted from the petitions at the moment of the request. Definitions in docs/FIGURES.md. No personal data.',
        querystring: ReviewFiguresQuery,
        response: { 200: ReviewFiguresView },
      },
      async (request) => {
        const { from, to } = request.query;
        const { unit, scope } = await scopeOf(ctx, request.query);
        const now = ctx.clock.now();
        return presentReviewFigures(unit, { from, to }, now, await reviewFigures(ctx.db, { scope, from, to, now }));
      },
    );

    routes.get(
      '/api/v1/figures/export',
      {
        access: 'public',
        summary: 'The figures as CSV or JSON: the unit month by month over the period, then each unit directly below it (no personal data)',
        querystring: FiguresExportQuery,
        response: { 200: Type.Unknown({ description: 'CSV (UTF-8 with BOM) or a JSON array of rows with the columns of docs/INTEROP.md' }) },
      },
      async (request, reply) => {
        const format = request.query.format ?? 'csv';
        const pages = figuresExportPages(ctx, request.query, { figuresOf, childFiguresOf });
        // The first page is computed before answering, so that a bad unit or period is a proper error.
        const first = await pages.next();
        async function* all() {
          if (!first.done) yield first.value;
          yield* pages;
        }
        reply
          .type(exportContentType(format))
          .header('content-disposition', `attachment; filename="${exportFileName('figures', request.query.unit, `${request.query.from}_${request.query.to}`, format)}"`);
        return reply.send(exportStream(format, figuresExportColumns, all()));
      },
    );

    routes.get(
      '/api/v1/figures/children',
      {
        access: 'public',
        summary: 'The units directly below a unit side by side: received, answered, resolved, on time and the rates, each over its own subtree',
        description: 'The population and definitions of /api/v1/figures, for every child at once (one query). No personal data.',
        querystring: ChildFiguresQuery,
        response: { 200: ChildFiguresView },
      },
      async (request) => childFiguresOf(ctx, request.query),
    );

    routes.get(
      '/api/v1/figures/years',
      {
        access: 'public',
        summary: 'The years a unit has figures for (petitions first submitted to it or below it), newest first',
        querystring: YearsQuery,
        response: { 200: YearsView },
      },
      async (request) => {
        const code = request.query.unit;
        const unit = code === undefined ? null : await findFiguresUnit(ctx.db, code, ctx.clock.now());
        if (unit === undefined) throw badRequest('unknown_unit', { code });
        const years = await yearsWithFigures(ctx.db, unit ? { unitId: unit.id, unitPath: unit.path } : { unitId: 0, unitPath: '/' }, unit ? unit.grains : 'dm');
        return { years };
      },
    );

    // The earlier name of these routes.
    movedRoutes(app, { from: '/api/v1/stats', to: '/api/v1/figures', tag: 'figures' }, [
      ['GET', ''],
      ['GET', '/reviews'],
      ['GET', '/export'],
      ['GET', '/children'],
      ['GET', '/years'],
    ]);
  },
};
