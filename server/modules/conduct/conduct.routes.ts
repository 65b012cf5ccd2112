import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Module } from '../index.ts';
import type { AppContext } from '../../platform/context.ts';
import { badRequest, fail, forbidden, notFound, AppError } from '../../platform/errors.ts';
import { isOfficial, type Actor } from '../../platform/access.ts';
import { requireUnitWhere, unitAtPath } from '../units/index.ts';
import { localDateTime } from '../../platform/calendar.ts';
import { inUnitStaff, photoHashes, photoPath } from '../directory/index.ts';
import {
  DeviceBody,
  DeviceCreated,
  DeviceList,
  DutyBody,
  DutyView,
  DevicesQuery,
  EnrolBody,
  BookingCodeParams,
  FindingBody,
  GatheringRatingBody,
  GatheringToRate,
  IdParams,
  LinkQuery,
  LinkView,
  NormSetBody,
  NormSetEditBody,
  NormSetList,
  NormSetView,
  PlaceView,
  RatingBody,
  RatingCreated,
  ReportedNormsView,
  TokenParams,
  UnitCodeParams,
  VersionParams,
} from './conduct.schema.ts';
import { canEditNormSets, canMakeRatingLink, canManageDevices, canRecordFinding, canPutAnyoneOnDuty, canSeeDuty, canSetDuty, gatheringRatable } from './conduct.policy.ts';
import {
  bookingToRate,
  conductCase,
  deviceByToken,
  dutyAt,
  findDevice,
  findFinding,
  findNormSet,
  linkKey,
  normSetVersion,
  normSetsInForce,
  normsById,
  officialHomePath,
  officialName,
  reportedNormIds,
  servicePointPlace,
  unitDevices,
  type ServicePointPlace,
} from './conduct.queries.ts';
import { presentCitedNorms, presentDevice, presentNormSets } from './conduct.presenter.ts';
import { createNormSet, editNormSet } from './commands/saveNormSet.ts';
import { createDevice, enrolDevice, revokeDevice } from './commands/enrolDevice.ts';
import { rateService } from './commands/rateService.ts';
import { rateGathering } from './commands/rateGathering.ts';
import { recordFinding } from './commands/recordFinding.ts';
import { setDuty } from './commands/setDuty.ts';
import { hashToken, kioskCookie, newToken, raterCookie, readLink, signLink } from './conduct.tokens.ts';
import { conductMessages } from './conduct.messages.ts';
import { routesOf } from '../../platform/routes.ts';
import { caseLeaders, conductAdministrators, conductReportReaders } from '../../contract/roleSets.ts';

async function placeView(ctx: AppContext, place: ServicePointPlace, officialId: number | null) {
  const sets = presentNormSets(await normSetsInForce(ctx.db, place.unit_path, ctx.clock.now()));
  const name = officialId === null ? undefined : await officialName(ctx.db, officialId);
  const photo = officialId === null ? undefined : (await photoHashes(ctx.db, [officialId])).get(officialId);
  return {
    servicePoint: { id: place.id, name: place.name },
    unit: { code: place.unit_code, name: place.unit_name, names: Object.fromEntries(Object.entries(place.unit_names ?? {}).filter(([, v]) => typeof v === 'string')) as Record<string, string> },
    official: officialId !== null && name !== undefined ? { id: officialId, name, photo: photo ? photoPath(officialId, photo) : null } : null,
    normSets: sets,
  };
}

/** The kiosk's device, from its cookie; 401 device_not_enrolled when there is none. */
async function kioskDevice(ctx: AppContext, request: FastifyRequest) {
  const token = request.cookies?.[kioskCookie];
  const device = token ? await deviceByToken(ctx.db, hashToken(token)) : undefined;
  if (!device) throw new AppError(401, 'device_not_enrolled');
  const place = await servicePointPlace(ctx.db, device.service_point_id);
  if (!place) throw new AppError(401, 'device_not_enrolled');
  return { device, place };
}

async function readRatingLink(ctx: AppContext, token: string) {
  const link = readLink(await linkKey(ctx.db), token);
  const place = link && (await servicePointPlace(ctx.db, link.servicePointId));
  if (!link || !place) throw badRequest('rating_link_invalid');
  if (link.officialId !== null && !(await inUnitStaff(ctx.db, place.unit_id, link.officialId))) throw badRequest('rating_link_invalid');
  return { link, place };
}

/** The phone's browser gets a random id of its own on first sight: the flood limit counts per browser. */
function raterOf(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): string {
  let id = request.cookies?.[raterCookie];
  if (!id || !/^[A-Za-z0-9_-]{20,64}$/.test(id)) {
    id = newToken();
    reply.setCookie(raterCookie, id, { httpOnly: true, sameSite: 'strict', secure: ctx.config.secureCookies, path: '/api/v1/rate', maxAge: 365 * 86_400 });
  }
  return hashToken(id);
}

export const conductModule: Module = {
  name: 'conduct',
  messages: [conductMessages],
  routes(app, ctx) {
    const routes = routesOf(app, 'conduct');

    // ---- codes of conduct ----
    routes.get(
      '/api/v1/units/:code/norm-sets',
      {
        access: 'public',
        summary: 'The codes of conduct in force at a unit: its own and those of every unit above it, each in its current version',
        params: UnitCodeParams,
        response: { 200: NormSetList },
      },
      async (request) => {
        const unit = await unitAtPath(ctx.db, request.params.code, ctx.clock.now());
        return { items: presentNormSets(await normSetsInForce(ctx.db, unit.path, ctx.clock.now())) };
      },
    );

    routes.get(
      '/api/v1/norm-sets/:id/versions/:version',
      {
        access: 'public',
        summary: 'One version of a norm set, as an evaluation or a rating cited it',
        params: VersionParams,
        response: { 200: NormSetView },
      },
      async (request) => {
        const [view] = presentNormSets(await normSetVersion(ctx.db, request.params.id, request.params.version));
        if (!view) throw notFound();
        return view;
      },
    );

    routes.post(
      '/api/v1/norm-sets',
      {
        access: { roles: conductAdministrators },
        summary: "Add a unit's code of conduct (administrators of the unit); version 1, in force from now",
        body: NormSetBody,
        response: { 201: NormSetView },
      },
      async (request, reply) => {
        const unit = await requireUnitWhere(ctx.db, request.body.unit, ctx.clock.now(), (path) => canEditNormSets(request.actor, path));
        const id = await createNormSet(ctx, request.actor, unit, request.body.key, request.body);
        return reply.status(201).send(presentNormSets(await normSetVersion(ctx.db, id))[0]);
      },
    );

    routes.put(
      '/api/v1/norm-sets/:id',
      {
        access: { roles: conductAdministrators },
        summary: 'Edit a code of conduct: its next version, in force from now (earlier versions stay readable)',
        params: IdParams,
        body: NormSetEditBody,
        response: { 200: NormSetView },
      },
      async (request) => {
        const set = await findNormSet(ctx.db, request.params.id);
        if (!set || !canEditNormSets(request.actor, set.unit_path)) throw notFound();
        await editNormSet(ctx, request.actor, { id: Number(set.id), unit_id: Number(set.unit_id) }, request.body);
        return presentNormSets(await normSetVersion(ctx.db, Number(set.id)))[0];
      },
    );

    // ---- counter devices ----
    routes.post(
      '/api/v1/satisfaction/devices',
      {
        access: { roles: conductAdministrators },
        summary: 'Enrol a counter tablet at a service point: answers its one-time enrolment code (valid 24 hours)',
        body: DeviceBody,
        response: { 201: DeviceCreated },
      },
      async (request, reply) => {
        const place = await servicePointPlace(ctx.db, request.body.servicePoint);
        if (!place) throw badRequest('invalid_input', { summary: 'servicePoint is not a service point' });
        if (!isOfficial(request.actor) || !canManageDevices(request.actor, place.unit_path)) throw forbidden();
        const created = await createDevice(ctx, request.actor, place, request.body.name);
        return reply.status(201).send({ id: created.id, enrolmentCode: created.enrolmentCode, expiresAt: created.expiresAt.toISOString() });
      },
    );

    routes.get(
      '/api/v1/satisfaction/devices',
      {
        access: { roles: conductAdministrators },
        summary: "The counter tablets of a unit's service points",
        querystring: DevicesQuery,
        response: { 200: DeviceList },
      },
      async (request) => {
        const unit = await requireUnitWhere(ctx.db, request.query.unit, ctx.clock.now(), (path) => canManageDevices(request.actor, path), 'not_found');
        const now = ctx.clock.now();
        return { items: (await unitDevices(ctx.db, unit.id)).map((d) => presentDevice(d, now)) };
      },
    );

    routes.delete(
      '/api/v1/satisfaction/devices/:id',
      {
        access: { roles: conductAdministrators },
        summary: 'Revoke a counter tablet: its token stops working',
        params: IdParams,
        response: { 204: Type.Null() },
      },
      async (request, reply) => {
        const device = await findDevice(ctx.db, request.params.id);
        if (!device || !canManageDevices(request.actor, device.unit_path)) throw notFound();
        await revokeDevice(ctx, request.actor, device);
        return reply.code(204).send(null);
      },
    );

    routes.post(
      '/api/v1/kiosk/enrol',
      {
        access: 'public',
        summary: 'A tablet gives its enrolment code once and receives its device cookie',
        body: EnrolBody,
        response: { 200: PlaceView },
      },
      async (request, reply) => {
        const enrolled = await enrolDevice(ctx, request.body.code);
        reply.setCookie(kioskCookie, enrolled.token, {
          httpOnly: true,
          sameSite: 'strict',
          secure: ctx.config.secureCookies,
          path: '/api/v1/kiosk',
          maxAge: 5 * 365 * 86_400,
        });
        const place = await servicePointPlace(ctx.db, enrolled.servicePointId);
        if (!place) throw notFound();
        return placeView(ctx, place, (await dutyAt(ctx.db, place))?.official_id ?? null);
      },
    );

    routes.get(
      '/api/v1/kiosk',
      {
        access: 'public',
        summary: "The enrolled tablet's service point, unit and codes of conduct (by its device cookie)",
        response: { 200: PlaceView },
      },
      async (request) => {
        const { place } = await kioskDevice(ctx, request);
        return placeView(ctx, place, (await dutyAt(ctx.db, place))?.official_id ?? null);
      },
    );

    routes.post(
      '/api/v1/kiosk/ratings',
      {
        access: 'public',
        summary: 'A resident rates the service at the counter (no sign-in; the device cookie says where)',
        body: RatingBody,
        response: { 201: RatingCreated },
      },
      async (request, reply) => {
        const { device, place } = await kioskDevice(ctx, request);
        const id = await rateService(ctx, place, { source: 'kiosk', deviceId: device.id }, request.body);
        return reply.status(201).send({ id });
      },
    );

    // ---- who is on duty at a counter ----
    const dutyPlace = async (actor: Actor, servicePointId: number) => {
      const place = await servicePointPlace(ctx.db, servicePointId);
      if (!place || !isOfficial(actor)) throw notFound();
      const inStaff = await inUnitStaff(ctx.db, place.unit_id, actor.id);
      if (!canSeeDuty(actor, place.unit_path, inStaff)) throw notFound();
      return { place, actor, inStaff };
    };
    const dutyView = async (place: ServicePointPlace, actor: Actor) => {
      const duty = await dutyAt(ctx.db, place);
      return {
        servicePoint: { id: place.id, name: place.name },
        official: duty?.official_id != null && duty.official_name !== null ? { id: duty.official_id, name: duty.official_name } : null,
        since: duty ? new Date(duty.set_at).toISOString() : null,
        canSetAnyone: canPutAnyoneOnDuty(actor, place.unit_path),
      };
    };

    routes.get(
      '/api/v1/satisfaction/service-points/:id/duty',
      {
        access: 'official',
        summary: "Who is on duty at a counter now (its unit's administrators, leaders and staff)",
        params: IdParams,
        response: { 200: DutyView },
      },
      async (request) => {
        const { place, actor } = await dutyPlace(request.actor, request.params.id);
        return dutyView(place, actor);
      },
    );

    routes.put(
      '/api/v1/satisfaction/service-points/:id/duty',
      {
        access: 'official',
        summary: 'Set who is on duty at a counter: administrators and leaders of its unit for anyone of its staff, an official of the unit for themselves',
        params: IdParams,
        body: DutyBody,
        response: { 200: DutyView },
      },
      async (request) => {
        const { place, actor, inStaff } = await dutyPlace(request.actor, request.params.id);
        const official = request.body.official;
        const current = (await dutyAt(ctx.db, place))?.official_id ?? null;
        if (!isOfficial(actor) || !canSetDuty(actor, place.unit_path, official, current, inStaff)) throw forbidden();
        if (official !== null && !(await inUnitStaff(ctx.db, place.unit_id, official))) throw badRequest('official_not_at_service_point');
        await setDuty(ctx, actor, place, official);
        return dutyView(place, actor);
      },
    );

    // ---- QR codes for the resident's own phone ----
    routes.get(
      '/api/v1/satisfaction/links',
      {
        access: 'official',
        summary: "A signed rating link for a counter, or for one official serving there (the QR code's address)",
        querystring: LinkQuery,
        response: { 200: LinkView },
      },
      async (request) => {
        const place = await servicePointPlace(ctx.db, request.query.servicePoint);
        if (!place) throw notFound();
        const official = request.query.official ?? null;
        if (!canMakeRatingLink(request.actor, place.unit_path, official)) throw notFound();
        if (official !== null && !(await inUnitStaff(ctx.db, place.unit_id, official))) throw badRequest('official_not_at_service_point');
        const token = signLink(await linkKey(ctx.db), place.id, official);
        return { token, path: `/rate/${token}` };
      },
    );

    routes.get(
      '/api/v1/rate/:token',
      {
        access: 'public',
        summary: 'What a rating link is for: the service point, the official, the codes of conduct',
        params: TokenParams,
        response: { 200: PlaceView },
      },
      async (request, reply) => {
        const { link, place } = await readRatingLink(ctx, request.params.token);
        raterOf(ctx, request, reply);
        return placeView(ctx, place, link.officialId);
      },
    );

    routes.post(
      '/api/v1/rate/:token',
      {
        access: 'public',
        summary: "A resident rates the service from their own phone (a few ratings a day per phone)",
        params: TokenParams,
        body: RatingBody,
        response: { 201: RatingCreated },
      },
      async (request, reply) => {
        const { link, place } = await readRatingLink(ctx, request.params.token);
        const rater = raterOf(ctx, request, reply);
        const id = await rateService(ctx, place, { source: 'link', raterHash: rater, officialId: link.officialId }, request.body);
        return reply.status(201).send({ id });
      },
    );

    // ---- a gathering rated with the booking code ----
    routes.get(
      '/api/v1/rate/gatherings/:code',
      {
        access: 'public',
        summary: 'What a booking code rates: the gathering, its host, whether it may be rated now, the codes of conduct',
        params: BookingCodeParams,
        response: { 200: GatheringToRate },
      },
      async (request, reply) => {
        const b = await bookingToRate(ctx.db, request.params.code.toUpperCase());
        if (!b) throw fail('rating_booking_unknown');
        raterOf(ctx, request, reply);
        const ratable = gatheringRatable(b);
        return {
          gathering: { id: b.gathering_id, kind: b.kind, title: b.title, startsAt: b.starts_at.toISOString(), localStart: localDateTime(b.starts_at, b.time_zone) },
          unit: { code: b.unit_code, name: b.unit_name, names: Object.fromEntries(Object.entries(b.unit_names ?? {}).filter(([, v]) => typeof v === 'string')) as Record<string, string> },
          host: b.host_id !== null && b.host_name !== null ? { id: b.host_id, name: b.host_name } : null,
          status: b.rated_at !== null ? ('rated' as const) : ratable === 'kind' ? ('not_rated' as const) : ratable === 'not_held' ? ('not_held' as const) : ('open' as const),
          normSets: presentNormSets(await normSetsInForce(ctx.db, b.unit_path, ctx.clock.now())),
        };
      },
    );

    routes.post(
      '/api/v1/rate/gatherings',
      {
        access: 'public',
        summary: 'A resident who booked a place rates the gathering once it is held, with the booking code (no sign-in)',
        body: GatheringRatingBody,
        response: { 201: RatingCreated },
      },
      async (request, reply) => {
        const rater = raterOf(ctx, request, reply);
        const id = await rateGathering(ctx, request.actor, rater, request.body);
        return reply.status(201).send({ id });
      },
    );

    // ---- conduct reports and their findings ----
    routes.post(
      '/api/v1/conduct/findings',
      {
        access: { roles: caseLeaders },
        summary: "Record the finding on a conduct report (its responsible leader): upheld or not, the norms breached, the reasons",
        body: FindingBody,
        response: { 201: ReportedNormsView },
      },
      async (request, reply) => {
        if (!isOfficial(request.actor)) throw forbidden();
        await recordFinding(ctx, request.actor, request.body);
        return reply.status(201).send(await findingView(ctx, request.actor, request.body.petition));
      },
    );

    routes.get(
      '/api/v1/conduct/reports/:id',
      {
        access: { roles: conductReportReaders },
        summary: 'The norms a conduct report names and its finding (the case leader; auditors of its unit)',
        params: IdParams,
        response: { 200: ReportedNormsView },
      },
      async (request) => {
        const c = await conductCase(ctx.db, request.params.id);
        const actor = request.actor;
        const allowed =
          c && c.kind === 'conduct_report' && isOfficial(actor) && c.reported_official_id !== actor.id &&
          (c.leader_id === actor.id || actor.grants.some((g) => g.role === 'auditor' && c.unit_path.startsWith(g.unitPath)));
        if (!c || !allowed) throw notFound();
        return findingView(ctx, actor, c.id);
      },
    );
  },
};

async function findingView(ctx: AppContext, actor: Actor, petitionId: number) {
  const c = await conductCase(ctx.db, petitionId);
  if (!c) throw notFound();
  const [reported, finding] = await Promise.all([reportedNormIds(ctx.db, petitionId), findFinding(ctx.db, petitionId)]);
  const officialId = c.reported_official_id;
  const name = officialId === null ? undefined : await officialName(ctx.db, officialId);
  // A finding cites the norms in force where the official works (what recordFinding checks).
  const home = officialId === null ? c.unit_path : ((await officialHomePath(ctx.db, officialId)) ?? c.unit_path);
  const cited = finding ? finding.norm_ids.map(Number) : [];
  const norms = await normsById(ctx.db, [...new Set([...reported, ...cited])]);
  const pick = (ids: number[]) => presentCitedNorms(norms.filter((n) => ids.includes(n.id)));
  return {
    official: officialId !== null && name !== undefined ? { id: officialId, name } : null,
    reported: pick(reported),
    finding: finding
      ? {
          petition: Number(finding.petition_id),
          official: Number(finding.official_id),
          outcome: finding.outcome,
          norms: pick(cited),
          reasons: finding.reasons,
          recordedAt: new Date(finding.recorded_at).toISOString(),
        }
      : null,
    canRecord: !finding && canRecordFinding(actor, c),
    normSets: presentNormSets(await normSetsInForce(ctx.db, home, ctx.clock.now())),
  };
}
