import { Type } from 'typebox';
import type { Module } from '../index.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/access.ts';
import type { Locale } from '../../platform/i18n.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { requireUnit, requireUnitWhere } from '../units/index.ts';
import { ArchiveList, ArchiveQuery, IdParams, ReportQuery, ReportView, TargetsBody, TargetsQuery, TargetsView, UpwardQuery, UpwardView } from './reports.schema.ts';
import { upwardCsv, upwardTable, upwardXlsx, type SortKey } from './reports.upward.ts';

import { canReadReport, canSetTargets, type Audience } from './reports.policy.ts';
import { customPeriod, parsePeriod, type Period } from './reports.periods.ts';
import { buildReport } from './reports.build.ts';
import { renderReportPdf } from './reports.pdf.ts';
import { setTargets } from './commands/setTargets.ts';
import { getArchived, listArchived, ownTargets, targetsFor, unitById } from './reports.queries.ts';
import { committeeRoutes } from './committees.routes.ts';
import { reportMessages } from './reports.messages.ts';
import { reportTemplates } from './reports.templates.ts';
import { reportJobs } from './reports.jobs.ts';
import { archivedReportFile } from './commands/archiveReport.ts';
import { routesOf } from '../../platform/routes.ts';
import { reportReaders, targetSetters } from '../../contract/roleSets.ts';

const maxReportYears = 5;

/** The period a request names: `period` (a month, quarter or year) or `from` and `to`. */
function periodOf(q: { period?: string; from?: string; to?: string }): Period {
  const period = q.period !== undefined ? parsePeriod(q.period) : q.from && q.to ? customPeriod(q.from, q.to) : undefined;
  if (!period || period.kind === 'custom' && q.period !== undefined) throw badRequest('report_invalid_period');
  const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000;
  if (days > maxReportYears * 366) throw badRequest('report_period_too_long', { years: maxReportYears });
  return period;
}

/** The unit, period and version asked for, checked against the caller's rights. */
async function requested(ctx: AppContext, actor: Actor, q: ReportQuery) {
  const unit = await requireUnit(ctx.db, q.unit, ctx.clock.now());
  const period = periodOf(q);
  const audience: Audience = q.audience ?? 'public';
  if (!canReadReport(actor, unit.path, audience)) throw actor.kind === 'official' ? notFound() : forbidden();
  return { unit, period, audience };
}

function fileName(unit: { code: string }, period: Period, audience: Audience, locale: string, ext: string): string {
  return `report-${unit.code}-${period.key.replace('..', '_')}-${audience}-${locale}.${ext}`.replace(/[^A-Za-z0-9_.-]/g, '_');
}

export const reportsModule: Module = {
  name: 'reports',
  messages: [reportMessages],
  templates: [reportTemplates],
  jobs: reportJobs,
  attachmentSources: { report: archivedReportFile },
  routes(app, ctx) {
    const routes = routesOf(app, 'reports');

    routes.get(
      '/api/v1/reports',
      {
        access: 'public',
        summary: 'The report of a unit for a month, quarter, year or range: petitions and the three rates against targets and last year, units below, categories, cases (staff), gatherings, deliberation, service points',
        description:
          'Every figure is what /api/v1/figures, /api/v1/figures/children, /api/v1/gatherings/figures, /api/v1/deliberation/figures and the service-point gaps answer for the same unit and period. audience=staff (leaders, administrators and auditors of the unit or above it) adds the overdue and long-standing cases with their leaders.',
        querystring: ReportQuery,
        response: { 200: ReportView },
      },
      async (request) => {
        const { unit, period, audience } = await requested(ctx, request.actor, request.query);
        return buildReport(ctx, unit, period, audience);
      },
    );

    routes.get(
      '/api/v1/reports/pdf',
      { access: 'public', summary: 'The same report as a PDF, in vi, zh or en (lang, else the Accept-Language)', querystring: ReportQuery },
      async (request, reply) => {
        const { unit, period, audience } = await requested(ctx, request.actor, request.query);
        const locale: Locale = request.query.lang ?? request.locale;
        const report = await buildReport(ctx, unit, period, audience);
        const pdf = await renderReportPdf(report, { locale, fontFile: ctx.config.reportFont });
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${fileName(unit, period, audience, locale, 'pdf')}"`)
          .header('cache-control', audience === 'staff' ? 'private, no-store' : 'no-cache')
          .send(pdf);
      },
    );

    routes.put(
      '/api/v1/reports/targets',
      {
        access: { roles: targetSetters },
        summary:
          "Set a unit's targets of a year (or its default, year null) for the resolution, on-time and satisfaction rates (fractions; null: none); units below without their own take them",
        body: TargetsBody,
        response: { 204: Type.Null() },
      },
      async (request, reply) => {
        const body = request.body;
        const unit = await requireUnitWhere(ctx.db, body.unit, ctx.clock.now(), (path) => canSetTargets(request.actor, path));
        await setTargets(ctx, request.actor, { unit, year: body.year, resolutionRate: body.resolutionRate, onTimeRate: body.onTimeRate, satisfactionRate: body.satisfactionRate });
        return reply.status(204).send(null);
      },
    );

    routes.get(
      '/api/v1/reports/targets',
      {
        access: { roles: reportReaders },
        summary: "A unit's targets for a year: those a report of that year compares with, and those the unit itself set (leaders, administrators and auditors of the unit or above)",
        querystring: TargetsQuery,
        response: { 200: TargetsView },
      },
      async (request) => {
        const unit = await requireUnitWhere(ctx.db, request.query.unit, ctx.clock.now(), (path) => canReadReport(request.actor, path, 'staff'), 'not_found');
        const year = request.query.year ? Number(request.query.year) : Number(new Intl.DateTimeFormat('en-CA', { timeZone: unit.timeZone, year: 'numeric' }).format(ctx.clock.now()));
        const [applying, own] = await Promise.all([targetsFor(ctx.db, unit.path, year), ownTargets(ctx.db, unit.id)]);
        const rates = (t: { resolution_rate: string | null; on_time_rate: string | null; satisfaction_rate: string | null }) => ({
          resolutionRate: t.resolution_rate === null ? null : Number(t.resolution_rate),
          onTimeRate: t.on_time_rate === null ? null : Number(t.on_time_rate),
          satisfactionRate: t.satisfaction_rate === null ? null : Number(t.satisfaction_rate),
        });
        return {
          unit: { code: unit.code, name: unit.name },
          year,
          applying: applying ? { setBy: { code: applying.unit_code, name: applying.unit_name }, year: applying.year, ...rates(applying) } : null,
          own: own.map((t) => ({ year: t.year, ...rates(t) })),
        };
      },
    );

    routes.get(
      '/api/v1/reports/archive',
      {
        access: 'public',
        summary: "A unit's archived reports, newest first: the public ones, and the staff ones for its leaders, administrators and auditors",
        querystring: ArchiveQuery,
        response: { 200: ArchiveList },
      },
      async (request) => {
        const unit = await requireUnit(ctx.db, request.query.unit, ctx.clock.now());
        const audiences: Audience[] = canReadReport(request.actor, unit.path, 'staff') ? ['public', 'staff'] : ['public'];
        const rows = await listArchived(ctx.db, unit.id, audiences, 200);
        return {
          items: rows.map((r) => ({
            id: r.id,
            period: r.period,
            from: r.from_day,
            to: r.to_day,
            audience: r.audience,
            locale: r.locale,
            sha256: r.sha256,
            producedAt: r.produced_at.toISOString(),
            mailedTo: r.mailed_to,
          })),
        };
      },
    );

    routes.get(
      '/api/v1/reports/archive/:id/pdf',
      { access: 'public', summary: 'An archived report as it was produced, byte for byte', params: IdParams },
      async (request, reply) => {
        const row = await getArchived(ctx.db, Number(request.params.id));
        if (!row) throw notFound();
        const unit = await unitById(ctx.db, row.unit_id);
        if (!unit || !canReadReport(request.actor, unit.path, row.audience)) throw notFound();
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="report-${unit.code}-${row.period}-${row.audience}-${row.locale}.pdf"`.replace(/[^ -~]/g, '_'))
          .header('etag', `"${row.sha256}"`)
          .header('cache-control', row.audience === 'staff' ? 'private, no-store' : 'public, max-age=86400, immutable')
          .send(row.pdf);
      },
    );

    /** The table of a unit's units below, for its leaders, auditors and administrators (or those above). */
    const upward = async (actor: Actor, q: UpwardQuery) => {
      const unit = await requireUnit(ctx.db, q.unit, ctx.clock.now());
      const period = periodOf(q);
      if (!canReadReport(actor, unit.path, 'staff')) throw notFound();
      return { unit, period, table: await upwardTable(ctx, unit, period, (q.sort ?? 'unit') as SortKey, q.order ?? 'asc') };
    };
    routes.get(
      '/api/v1/reports/units',
      {
        access: { roles: reportReaders },
        summary: 'Reports upward: every unit directly below a district or province for a period, one row each (the figures of /api/v1/figures/children), sortable',
        querystring: UpwardQuery,
        response: { 200: UpwardView },
      },
      async (request) => (await upward(request.actor, request.query)).table,
    );
    for (const format of ['csv', 'xlsx'] as const) {
      routes.get(
        `/api/v1/reports/units.${format}`,
        {
          access: { roles: reportReaders },
          summary: `The same table as ${format.toUpperCase()}, headed in vi, zh or en (lang, else the Accept-Language); rates in percent`,
          querystring: UpwardQuery,
        },
        async (request, reply) => {
          const { unit, period, table } = await upward(request.actor, request.query);
          const locale: Locale = request.query.lang ?? request.locale;
          const name = `units-${unit.code}-${period.key.replace('..', '_')}.${format}`.replace(/[^A-Za-z0-9_.-]/g, '_');
          reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-store');
          if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(upwardCsv(table, locale));
          return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await upwardXlsx(table, locale));
        },
      );
    }

    committeeRoutes(app, ctx);
  },
};
