import { Type } from 'typebox';
import type { Module } from '../index.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { acceptFileBodies, attachmentMaxBytes, fileBody, sendFile } from '../../platform/attachments.ts';
import { attachmentContent } from '../../platform/attachments.queries.ts';
import type { App } from '../../app.ts';
import { addDays, localDay, startOfLocalDay } from '../../platform/calendar.ts';
import { requireUnit, requireUnitWhere, unitAtPath, type UnitRecord } from '../units/index.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/access.ts';
import {
  ActionBody,
  BookingBody,
  BookingParams,
  BookingResult,
  CancelBookingBody,
  Compliance,
  ComplianceQuery,
  CreateGatheringBody,
  CreateSeriesBody,
  EntryBody,
  EntryResult,
  Figures,
  FiguresQuery,
  GatheringList,
  IdParams,
  ListQuery,
  MinimumBody,
  MinimumList,
  MinimumView,
  PublicGathering,
  QuestionBody,
  QuestionResult,
  RecordActionBody,
  RecordList,
  RecordsQuery,
  AttachmentParams,
  AttachmentQuery,
  MinutesFileView,
  SeriesExceptionBody,
  SeriesExceptionResult,
  SeriesList,
  SeriesQuery,
  SeriesResult,
  StaffGathering,
  UnitParams,
} from './gatherings.schema.ts';
import { canAskUnder, canEditMinimums, canRunGatherings, minutesFileIsPublic, overseerScope, staffScope } from './gatherings.policy.ts';
import {
  attendeesOf,
  bookingsOf,
  figures,
  getGathering,
  listGatherings,
  listMinimums,
  listRecords,
  listSeries,
  findMinutesFile,
  minutesFilesOf,
  petitionsOf,
  recordsOf,
  servicesOf,
  type GatheringRow,
} from './gatherings.queries.ts';
import { presentListedRecord, presentListItem, presentMinimum, presentMinutesFile, presentPublic, presentSeries, presentStaff } from './gatherings.presenter.ts';
import { icsFeed } from './gatherings.ics.ts';
import { compliance } from './gatherings.compliance.ts';
import { planGathering } from './commands/planGathering.ts';
import { addException, planSeries } from './commands/planSeries.ts';
import { attachMinutesFile } from './commands/attachMinutesFile.ts';
import { actOnGathering } from './commands/actOnGathering.ts';
import { recordEntry } from './commands/recordEntry.ts';
import { completeRecord } from './commands/completeRecord.ts';
import { bookPlace, cancelPlace } from './commands/bookPlace.ts';
import { askAhead } from './commands/askAhead.ts';
import { setMinimum } from './commands/setMinimum.ts';
import { gatheringMessages } from './gatherings.messages.ts';
import { gatheringWebhookEvents } from './gatherings.webhooks.ts';
import { FileBytes } from '../../platform/shapes.ts';
import { routesOf } from '../../platform/routes.ts';
import { gatheringOverseers, gatheringReaders, gatheringStaff, minimumEditors } from '../../contract/roleSets.ts';


/** Where the caller runs or oversees gatherings: those may read the staff view. */
const readerScope = (actor: Actor) => [...new Set([...staffScope(actor), ...overseerScope(actor)])];
const mayRead = (actor: Actor, path: string) => readerScope(actor).some((p) => path.startsWith(p));

/** The unit a staff list asks about; 404 outside `scope`. */
const unitWithin = (ctx: AppContext, code: string, scope: readonly string[]) =>
  requireUnitWhere(ctx.db, code, ctx.clock.now(), (path) => canAskUnder(scope, path), 'not_found');

/** [from, to] local days of a unit as instants [start, end). */
function period(unit: UnitRecord, from: string, to: string): { start: Date; end: Date } {
  if (to < from) throw badRequest('invalid_period', { from, to });
  return { start: startOfLocalDay(from, unit.timeZone), end: startOfLocalDay(addDays(to, 1), unit.timeZone) };
}

async function staffView(ctx: AppContext, g: GatheringRow) {
  const [attendees, services, records, petitions, bookings, files] = await Promise.all([
    attendeesOf(ctx.db, g.id),
    servicesOf(ctx.db, g.id),
    recordsOf(ctx.db, g.id),
    petitionsOf(ctx.db, g.id),
    bookingsOf(ctx.db, g.id),
    minutesFilesOf(ctx.db, g.id),
  ]);
  return presentStaff(g, { attendees, services, records, petitions, bookings, files }, ctx.clock.now());
}

/** What GET /api/v1/gatherings/figures answers; other modules (reports) print exactly these figures. */
export async function gatheringFiguresOf(ctx: AppContext, q: { unit: string; from: string; to: string }): Promise<Figures> {
  const unit = await requireUnit(ctx.db, q.unit, ctx.clock.now());
  const { start, end } = period(unit, q.from, q.to);
  const f = await figures(ctx.db, unit.path, start, end, localDay(ctx.clock.now(), unit.timeZone));
  return {
    unit: { code: unit.code, name: unit.name },
    from: q.from,
    to: q.to,
    sessions: f.sessions.map((s) => ({ kind: s.kind, hostRole: s.host_role, sessions: s.sessions, residents: s.residents })),
    totals: {
      sessions: f.sessions.reduce((n, s) => n + s.sessions, 0),
      residents: f.sessions.reduce((n, s) => n + s.residents, 0),
      cancelled: f.cancelled,
    },
    opinions: { raised: f.opinions.raised, resolved: f.opinions.resolved, withHigherLevels: f.opinions.higher, questionsAhead: f.opinions.ahead },
    services: f.services,
    records: f.records,
  };
}

/** The files of the minutes: their own scope of routes, whose bodies are the raw files. */
function minutesFileRoutes(app: App, ctx: AppContext) {
  const routes = routesOf(app, 'gatherings');

  acceptFileBodies(app);

  routes.post(
    '/api/v1/gatherings/:id/attachments',
    {
      access: { roles: gatheringStaff },
      summary: "Attach a file to a closed gathering's minutes: a photo (JPEG, PNG, WebP) or a PDF as the raw body, its name in ?filename=",
      description: 'public=true shows it on the public page once the gathering is published. At most 10 MB a file, 20 files and 100 MB a gathering. Before the gathering closes: 409 minutes_files_closed.',
      params: IdParams,
      querystring: AttachmentQuery,
      response: { 201: MinutesFileView },
      bodyLimit: attachmentMaxBytes,
    },
    async (request, reply) => {
      const id = Number(request.params.id);
      const fileId = await attachMinutesFile(
        ctx,
        request.actor,
        id,
        { data: fileBody(request.body, request.headers['content-type']), filename: request.query.filename, public: request.query.public },
        (g) => canRunGatherings(request.actor, g.unit_path),
      );
      return reply.status(201).send(presentMinutesFile((await findMinutesFile(ctx.db, id, fileId))!));
    },
  );

  routes.get(
    '/api/v1/gatherings/:id/attachments/:attachmentId',
    {
      access: 'public',
      summary: "Download a file of a gathering's minutes (anyone once published and public; staff of the unit always)",
      params: AttachmentParams,
      response: { 200: FileBytes },
    },
    async (request, reply) => {
      const g = await getGathering(ctx.db, Number(request.params.id));
      if (!g) throw notFound();
      const file = await findMinutesFile(ctx.db, g.id, Number(request.params.attachmentId));
      if (!file) throw notFound();
      const staff = request.actor.kind === 'official' && mayRead(request.actor, g.unit_path);
      const open = minutesFileIsPublic(g.state, file);
      if (!staff && !open) throw notFound();
      const data = await attachmentContent(ctx.db, file.sha256);
      if (!data) throw notFound();
      return sendFile(reply, file, data, open ? 'public' : 'private');
    },
  );
}

export const gatheringsModule: Module = {
  name: 'gatherings',
  messages: [gatheringMessages],
  webhookEvents: gatheringWebhookEvents,
  async routes(app, ctx) {
    const routes = routesOf(app, 'gatherings');

    await app.register(async (scope) => minutesFileRoutes(scope as unknown as App, ctx));
    const idOf = (params: { id: string }) => Number(params.id);

    routes.post(
      '/api/v1/gatherings',
      {
        access: { roles: gatheringStaff },
        summary: 'Plan a gathering (reception day, outreach day, forum, dialogue, service day, working session)',
        description: "Start and end are the wall clock of the unit's time zone. A host who already has a gathering at that time: 409 host_busy.",
        body: CreateGatheringBody,
        response: { 201: StaffGathering },
      },
      async (request, reply) => {
        const unit = await requireUnitWhere(ctx.db, request.body.unit, ctx.clock.now(), (path) => canRunGatherings(request.actor, path));
        const id = await planGathering(ctx, request.actor, unit, request.body);
        return reply.status(201).send(await staffView(ctx, (await getGathering(ctx.db, id))!));
      },
    );

    routes.post(
      '/api/v1/gathering-series',
      {
        access: { roles: gatheringStaff },
        summary: 'Plan a series of gatherings by an RFC 5545 recurrence rule',
        description: "Each day of the rule from firstDay to untilDay gets a gathering; a holiday of the unit's calendar is skipped or moved as holidayRule says; exceptions are left out.",
        body: CreateSeriesBody,
        response: { 201: SeriesResult },
      },
      async (request, reply) => {
        const unit = await requireUnitWhere(ctx.db, request.body.unit, ctx.clock.now(), (path) => canRunGatherings(request.actor, path));
        return reply.status(201).send(await planSeries(ctx, request.actor, unit, request.body));
      },
    );

    routes.post(
      '/api/v1/gathering-series/:id/exceptions',
      {
        access: { roles: gatheringStaff },
        summary: 'Leave one day out of a series (its gathering is cancelled), or move it to another day',
        description: 'With moveTo, the planned gathering of that day is planned again on moveTo at the same local time (the host must be free: 409 host_busy). A day already left out: 409 series_day_taken.',
        params: IdParams,
        body: SeriesExceptionBody,
        response: { 200: SeriesExceptionResult },
      },
      async (request) => {
        return addException(ctx, request.actor, idOf(request.params), request.body, (path) => canRunGatherings(request.actor, path));
      },
    );

    routes.get(
      '/api/v1/gathering-series',
      {
        access: { roles: gatheringReaders },
        summary: 'The series under a unit, within your units, with the days left out or moved',
        querystring: SeriesQuery,
        response: { 200: SeriesList },
      },
      async (request) => {
        const scope = readerScope(request.actor);
        const unit = await unitWithin(ctx, request.query.unit, scope);
        return { items: (await listSeries(ctx.db, unit.path, scope)).map(presentSeries) };
      },
    );

    routes.get(
      '/api/v1/gatherings',
      { access: { roles: gatheringReaders }, summary: 'Gatherings under a unit, within your units', querystring: ListQuery, response: { 200: GatheringList } },
      async (request) => {
        const q = request.query;
        const scope = readerScope(request.actor);
        const unit = await unitWithin(ctx, q.unit, scope);
        const rows = await listGatherings(ctx.db, {
          rootPath: unit.path,
          scope,
          from: q.from ? startOfLocalDay(q.from, unit.timeZone) : undefined,
          to: q.to ? startOfLocalDay(addDays(q.to, 1), unit.timeZone) : undefined,
          kind: q.kind,
          limit: q.limit ?? 200,
        });
        return { items: rows.map(presentListItem) };
      },
    );

    routes.get(
      '/api/v1/gatherings/public',
      { access: 'public', summary: 'The public calendar of a unit and the units below it', querystring: ListQuery, response: { 200: GatheringList } },
      async (request) => {
        const q = request.query;
        const unit = await requireUnit(ctx.db, q.unit, ctx.clock.now());
        const rows = await listGatherings(ctx.db, {
          rootPath: unit.path,
          from: q.from ? startOfLocalDay(q.from, unit.timeZone) : undefined,
          to: q.to ? startOfLocalDay(addDays(q.to, 1), unit.timeZone) : undefined,
          kind: q.kind,
          limit: q.limit ?? 200,
        });
        return { items: rows.map(presentListItem) };
      },
    );

    routes.get(
      '/api/v1/units/:code/gatherings/calendar.ics',
      { access: 'public', summary: "A unit's gatherings as an iCalendar feed (RFC 5545)", params: UnitParams },
      async (request, reply) => {
        const unit = await unitAtPath(ctx.db, request.params.code, ctx.clock.now());
        const now = ctx.clock.now();
        const rows = await listGatherings(ctx.db, { rootPath: unit.path, from: new Date(now.getTime() - 400 * 86_400_000), limit: 2000 });
        const own = rows.filter((g) => g.unit_id === unit.id);
        const base = `${request.protocol}://${request.host}`;
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `inline; filename="${unit.code.replace(/[^A-Za-z0-9_-]/g, '_')}.ics"`)
          .send(icsFeed({ code: unit.code, name: unit.name, timeZone: unit.timeZone }, own, base, 'zerodistance'));
      },
    );

    routes.get(
      '/api/v1/gatherings/figures',
      {
        access: 'public',
        summary: 'Exact figures of the gatherings under a unit in a period',
        description: 'Held gatherings (closed or published) by kind and host role with the residents received; opinions raised at them, resolved and with higher levels; services delivered by type; follow-ups of "three sides, one word" records.',
        querystring: FiguresQuery,
        response: { 200: Figures },
      },
      async (request) => gatheringFiguresOf(ctx, request.query),
    );

    routes.get(
      '/api/v1/gatherings/compliance',
      {
        access: { roles: gatheringOverseers },
        summary: "Per unit and month: do the planned and the held reception days meet the law's minimum?",
        querystring: ComplianceQuery,
        response: { 200: Compliance },
      },
      async (request) => {
        const q = request.query;
        if (q.to < q.from) throw badRequest('invalid_period', { from: q.from, to: q.to });
        const scope = overseerScope(request.actor);
        const unit = await unitWithin(ctx, q.unit, scope);
        const items = await compliance(ctx.db, unit.path, scope, q.from, q.to, ctx.clock.now());
        return { items: q.short ? items.filter((i) => i.short) : items };
      },
    );

    routes.get(
      '/api/v1/gatherings/records',
      {
        access: { roles: gatheringReaders },
        summary: '"Three sides, one word" records under a unit and the units below, within your units',
        description: 'overdue=true: only those still open past their day; dueBy: only those still open and due on or before that local day (overdue ones included).',
        querystring: RecordsQuery,
        response: { 200: RecordList },
      },
      async (request) => {
        const scope = readerScope(request.actor);
        const unit = await unitWithin(ctx, request.query.unit, scope);
        const now = ctx.clock.now();
        const rows = await listRecords(ctx.db, unit.path, scope, {
          overdueOn: request.query.overdue ? localDay(now, unit.timeZone) : undefined,
          dueBy: request.query.dueBy,
        });
        return { items: rows.map((r) => presentListedRecord(r, now)) };
      },
    );

    routes.post(
      '/api/v1/gatherings/records/:id/actions',
      {
        access: { roles: gatheringStaff },
        summary: 'The follow-up of a record is done',
        params: IdParams,
        body: RecordActionBody,
        response: { 204: Type.Null() },
      },
      async (request, reply) => {
        await completeRecord(ctx, request.actor, idOf(request.params), request.body.note, (r) => canRunGatherings(request.actor, r.unit_path));
        return reply.code(204).send(null);
      },
    );

    routes.get(
      '/api/v1/gatherings/:id',
      { access: { roles: gatheringReaders }, summary: 'A gathering as staff see it', params: IdParams, response: { 200: StaffGathering } },
      async (request) => {
        const g = await getGathering(ctx.db, idOf(request.params));
        if (!g || !mayRead(request.actor, g.unit_path)) throw notFound();
        return staffView(ctx, g);
      },
    );

    routes.get(
      '/api/v1/gatherings/:id/public',
      {
        access: 'public',
        summary: 'A gathering as residents see it, with the progress of the petitions raised at it',
        params: IdParams,
        response: { 200: PublicGathering },
      },
      async (request) => {
        const g = await getGathering(ctx.db, idOf(request.params));
        if (!g) throw notFound();
        return presentPublic(g, await petitionsOf(ctx.db, g.id), await minutesFilesOf(ctx.db, g.id));
      },
    );

    routes.post(
      '/api/v1/gatherings/:id/actions',
      {
        access: { roles: gatheringStaff },
        summary: 'Open, close, publish or cancel a gathering',
        description: 'planned → open → closed → published; planned or open → cancelled with a reason. Any other step: 409 gathering_state.',
        params: IdParams,
        body: ActionBody,
        response: { 200: StaffGathering },
      },
      async (request) => {
        const id = idOf(request.params);
        await actOnGathering(ctx, request.actor, id, request.body, (g) => canRunGatherings(request.actor, g.unit_path));
        return staffView(ctx, (await getGathering(ctx.db, id))!);
      },
    );

    routes.post(
      '/api/v1/gatherings/:id/entries',
      {
        access: { roles: gatheringStaff },
        summary: "The console's entries: attendance, an opinion (a petition linked to the gathering), services delivered, a \"three sides, one word\" record",
        description: 'Each entry carries an idempotency key. The same key again answers 200 with what was recorded the first time and changes nothing.',
        params: IdParams,
        body: EntryBody,
        response: { 200: EntryResult, 201: EntryResult },
      },
      async (request, reply) => {
        const out = await recordEntry(ctx, request.actor, idOf(request.params), request.body, (g) => canRunGatherings(request.actor, g.unit_path));
        return reply.status(out.replayed ? 200 : 201).send(out);
      },
    );

    routes.post(
      '/api/v1/gatherings/:id/bookings',
      {
        access: 'public',
        summary: 'Book a place (a reception slot) with a phone number; answers the confirmation code',
        params: IdParams,
        body: BookingBody,
        response: { 201: BookingResult },
      },
      async (request, reply) => reply.status(201).send(await bookPlace(ctx, request.actor, idOf(request.params), request.body)),
    );

    routes.post(
      '/api/v1/gatherings/:id/bookings/:code/cancel',
      {
        access: 'public',
        summary: 'Cancel a booking with its code and the phone number it was made with',
        params: BookingParams,
        body: CancelBookingBody,
        response: { 204: Type.Null() },
      },
      async (request, reply) => {
        await cancelPlace(ctx, request.actor, idOf(request.params), request.params.code, request.body.phone);
        return reply.code(204).send(null);
      },
    );

    routes.post(
      '/api/v1/gatherings/:id/questions',
      {
        access: 'public',
        summary: 'Send a question ahead of a gathering: it becomes a petition linked to it',
        params: IdParams,
        body: QuestionBody,
        response: { 201: QuestionResult },
      },
      async (request, reply) => reply.status(201).send(await askAhead(ctx, request.actor, idOf(request.params), request.body)),
    );

    routes.get(
      '/api/v1/reception-minimums',
      {
        access: 'official',
        summary: "The law's minimum reception frequency per level and role, with the dates each holds",
        response: { 200: MinimumList },
      },
      async () => ({ items: (await listMinimums(ctx.db)).map(presentMinimum) }),
    );

    routes.post(
      '/api/v1/reception-minimums',
      {
        access: { roles: minimumEditors },
        summary: 'Set a minimum reception frequency from a date (administrators)',
        body: MinimumBody,
        response: { 200: MinimumView },
      },
      async (request) => {
        if (!canEditMinimums(request.actor)) throw forbidden();
        const id = await setMinimum(ctx, request.actor, request.body);
        return presentMinimum((await listMinimums(ctx.db)).find((r) => r.id === id)!);
      },
    );
  },
};
