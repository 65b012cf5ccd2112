/**
 * Petitions as CSV or JSON. Officials: the petitions they may see (the inbox's scope, in SQL),
 * with who handles and leads them but never who sent them. Anyone: a unit's public petitions,
 * without text, names, contacts or places. Both are streamed a page at a time.
 */
import { Type } from 'typebox';
import { UnitCode } from '../../../platform/shapes.ts';
import type { App } from '../../../app.ts';
import type { AppContext } from '../../../platform/context.ts';
import { isOfficial } from '../../../platform/access.ts';
import { badRequest, forbidden } from '../../../platform/errors.ts';
import { addDays, startOfLocalDay } from '../../../platform/calendar.ts';
import { exportContentType, exportFileName, exportStream, type ExportFormat, type ExportRow } from '../../../platform/export.ts';
import { findUnitByCode } from '../petitions.queries.ts';
import { exportPageSize, publicExportPage, staffExportPage, type ExportRange } from './export.queries.ts';
import { routesOf } from '../../../platform/routes.ts';

// A day of this era: PostgreSQL has no year 0, and no petition was sent before 1900.
const Day = (description: string) => Type.String({ format: 'date', pattern: '^(19|20)[0-9]{2}-', description });

const PetitionExportQuery = Type.Object(
  {
    unit: Type.Optional(UnitCode('a unit code: that unit and every unit below it')),
    from: Type.Optional(Day("the first day submitted (YYYY-MM-DD), a local day of the unit's time zone")),
    to: Type.Optional(Day('the last day submitted, included')),
    format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('json')], { description: 'csv (default) or json' })),
  },
  { additionalProperties: false },
);

const PublicPetitionExportQuery = Type.Object(
  { ...PetitionExportQuery.properties, unit: UnitCode('a unit code: that unit and every unit below it') },
  { additionalProperties: false },
);

const staffExportColumns = [
  'trackingCode', 'kind', 'category', 'channel', 'status', 'urgent', 'title', 'unit', 'unitName', 'submittedAt', 'dueAt',
  'answeredAt', 'closedAt', 'resolvedOnTime', 'escalations', 'transfers', 'rating', 'handler', 'leader',
] as const;
const publicExportColumns = ['trackingCode', 'kind', 'category', 'status', 'unit', 'submittedAt', 'answeredAt', 'closedAt'] as const;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The days asked for, both included. They are local days of the unit asked for (its time zone);
 * without a unit, of each petition's own unit.
 */
function rangeOf(query: { from?: string; to?: string }, timeZone?: string): Omit<ExportRange, 'unitPath'> {
  if (query.from && query.to && query.from > query.to) throw badRequest('invalid_input', { summary: 'from must not be after to' });
  if (!timeZone) return { days: { from: query.from, to: query.to } };
  return {
    from: query.from ? startOfLocalDay(query.from, timeZone) : undefined,
    to: query.to ? startOfLocalDay(addDays(query.to, 1), timeZone) : undefined,
  };
}

/** Pages of rows until a short page: each asked for only when the previous one is written. */
async function* paged<R extends { id: number | string }>(next: (beforeId: number | null) => Promise<R[]>, present: (r: R) => ExportRow, size: number) {
  let before: number | null = null;
  for (;;) {
    const rows = await next(before);
    if (rows.length) yield rows.map(present);
    if (rows.length < size) return;
    before = Number(rows[rows.length - 1].id);
  }
}

export function exportRoutes(app: App, ctx: AppContext) {
  const routes = routesOf(app, 'petitions');

  const download = (format: ExportFormat, name: string) => ({
    'content-type': exportContentType(format),
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
  });
  const fileResponse = { 200: Type.Unknown({ description: 'CSV (UTF-8 with BOM) or a JSON array, columns in docs/INTEROP.md' }) };

  routes.get(
    '/api/v1/petitions/export',
    {
      access: 'official',
      summary: 'The petitions the caller may see, as CSV or JSON (streamed; no petitioner data)',
      querystring: PetitionExportQuery,
      response: fileResponse,
    },
    async (request, reply) => {
      const actor = request.actor;
      if (!isOfficial(actor)) throw forbidden();
      const format = request.query.format ?? 'csv';
      const unit = request.query.unit ? await findUnitByCode(ctx.db, request.query.unit, ctx.clock.now()) : undefined;
      if (request.query.unit && !unit) throw badRequest('unknown_unit', { code: request.query.unit });
      const range = { ...rangeOf(request.query, unit?.time_zone), unitPath: unit?.path };
      const pages = paged(
        (before) => staffExportPage(ctx.db, actor, range, before),
        (r) => ({
          trackingCode: r.tracking_code, kind: r.kind, category: r.category, channel: r.channel, status: r.status, urgent: r.urgent,
          title: r.title, unit: r.unit_code, unitName: r.unit_name, submittedAt: iso(r.submitted_at), dueAt: iso(r.due_at),
          answeredAt: iso(r.answered_at), closedAt: iso(r.closed_at), resolvedOnTime: r.resolved_on_time,
          escalations: r.escalation_count, transfers: r.transfer_count, rating: r.rating, handler: r.handler_name, leader: r.leader_name,
        }),
        exportPageSize,
      );
      reply.headers(download(format, exportFileName('petitions', request.query.unit, ctx.clock.now().toISOString().slice(0, 10), format)));
      return reply.send(exportStream(format, staffExportColumns, pages));
    },
  );

  routes.get(
    '/api/v1/petitions/public/export',
    {
      access: 'public',
      rateLimit: { max: ctx.config.rateLimits.trackingPerMinute, timeWindow: 60_000, allowList: () => false },
      summary: "A unit's public petitions as CSV or JSON (streamed): what the public list shows, without text, names, contacts or places",
      querystring: PublicPetitionExportQuery,
      response: fileResponse,
    },
    async (request, reply) => {
      const format = request.query.format ?? 'csv';
      const unit = await findUnitByCode(ctx.db, request.query.unit, ctx.clock.now());
      if (!unit) throw badRequest('unknown_unit', { code: request.query.unit });
      const range = rangeOf(request.query, unit.time_zone);
      const pages = paged(
        (before) => publicExportPage(ctx.db, unit.path, range, before),
        (r) => ({
          trackingCode: r.tracking_code, kind: r.kind, category: r.category, status: r.status, unit: r.unit_code,
          submittedAt: iso(r.submitted_at), answeredAt: iso(r.answered_at), closedAt: iso(r.closed_at),
        }),
        exportPageSize,
      );
      reply.headers(download(format, exportFileName('public-petitions', unit.code, ctx.clock.now().toISOString().slice(0, 10), format)));
      return reply.send(exportStream(format, publicExportColumns, pages));
    },
  );
}
