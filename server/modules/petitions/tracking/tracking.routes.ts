/** The public side: the tracking page, the rating, a unit's public petitions, a resident's own. */
import type { App } from '../../../app.ts';
import type { Resident } from '../../../platform/access.ts';
import type { AppContext } from '../../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../../platform/cursor.ts';
import { badRequest, notFound } from '../../../platform/errors.ts';
import { attachmentsOf } from '../attachments/attachments.queries.ts';
import { normaliseTrackingCode } from '../intake/petitions.codes.ts';
import { findPetitionByCode, findUnitByCode } from '../petitions.queries.ts';
import { AccessKeyHeaders, MineQuery, MyPetitionList, PublicListQuery, PublicPetitionList, RatingBody, ConsentBody, TrackParams, TrackView } from '../petitions.schema.ts';
import { keyHolder } from './petitions.keys.ts';
import { findTrackRow, publicPetitions, residentPetitions } from './tracking.queries.ts';
import { readCursor, toTsquery } from '../view/list.params.ts';
import { presentMine, presentOwn, presentPublic, presentTrack } from '../view/petitions.presenter.ts';
import { ratePetition } from '../workflow/ratePetition.ts';
import { consentToPublish } from './consentToPublish.ts';
import { routesOf } from '../../../platform/routes.ts';

/**
 * The public tracking view (a merged petition shows its case's state, answer and, from the merge
 * on, its history); with the petition's access key, what the resident sent as well.
 */
async function trackView(ctx: AppContext, rawCode: string, accessKey?: string) {
  const code = normaliseTrackingCode(rawCode);
  const row = code ? await findTrackRow(ctx.db, ctx.database, code) : undefined;
  if (!row) throw notFound();
  const view = presentTrack(row, ctx.clock.now());
  if (accessKey === undefined) return view;
  const p = await findPetitionByCode(ctx.db, code!);
  if (!p) throw notFound();
  await keyHolder(ctx.db, p.id, accessKey, ctx.clock.now());
  return { ...view, own: presentOwn(p, await attachmentsOf(ctx.db, p.id)) };
}

/** What residents and the public see of petitions. */
export function trackingRoutes(app: App, ctx: AppContext) {
  const routes = routesOf(app, 'petitions');

  // Per address, signed in or not: a code is 8 characters of 32 (about 2^40), yet guessing
  // at full speed must not find other people's cases.
  const trackingLimit = { max: ctx.config.rateLimits.trackingPerMinute, timeWindow: 60_000, allowList: () => false };

  routes.get(
    '/api/v1/petitions/public',
    {
      access: 'public',
      rateLimit: trackingLimit,
      summary: "A unit's public petitions: questions, suggestions and requests for help whose residents agreed to publish them",
      description:
        'Never complaints, denunciations or conduct reports; no name or contact; numbers in the text masked; the place rounded to about 100 m. With `q`, the petitions sharing most of its words come first: the "is this already reported?" check before submitting.',
      querystring: PublicListQuery,
      response: { 200: PublicPetitionList },
    },
    async (request) => {
      const unit = await findUnitByCode(ctx.db, request.query.unit, ctx.clock.now());
      if (!unit) throw badRequest('unknown_unit', { code: request.query.unit });
      const tsquery = request.query.q !== undefined ? toTsquery(request.query.q, '|') : undefined;
      if (request.query.q !== undefined && !tsquery) return { items: [] };
      const { lat, lng, radius, category, open, limit } = request.query;
      if ((lat === undefined) !== (lng === undefined)) throw badRequest('invalid_input', { summary: 'lat and lng come together' });
      const near = lat !== undefined && lng !== undefined ? { lat, lng, radius: radius ?? 500 } : undefined;
      const rows = await publicPetitions(ctx.db, unit.path, { tsquery, near, category, open, limit: limit ?? 20 });
      return { items: rows.map(presentPublic) };
    },
  );

  routes.get(
    '/api/v1/petitions/track/:trackingCode',
    {
      access: 'public',
      rateLimit: trackingLimit,
      summary: 'The public tracking page of a petition: state, due time, public timeline, the answer. No personal data.',
      description:
        'With the X-Access-Key header (the key given at intake) it adds `own`: the text, address and files the resident sent. A wrong key is 403 `invalid_access_key` and counts towards the petition\'s limit of wrong keys (429 `access_key_attempts`).',
      params: TrackParams,
      headers: AccessKeyHeaders,
      response: { 200: TrackView },
    },
    async (request) => trackView(ctx, request.params.trackingCode, request.headers['x-access-key']),
  );

  routes.post(
    '/api/v1/petitions/track/:trackingCode/consent',
    {
      access: 'public',
      rateLimit: trackingLimit,
      summary: 'Let the answer be published (without name, contact or address) as an article, with the access key',
      description:
        'For questions, suggestions and requests for help (409 `consent_not_for_kind` otherwise). Officials still scrub the answer of personal data and a second official reviews it before it is published.',
      params: TrackParams,
      body: ConsentBody,
      response: { 200: TrackView },
    },
    async (request) => {
      const code = await consentToPublish(ctx, request.actor, request.params.trackingCode, request.body.accessKey);
      return trackView(ctx, code);
    },
  );

  routes.post(
    '/api/v1/petitions/track/:trackingCode/rating',
    {
      access: 'public',
      rateLimit: trackingLimit,
      summary: 'Rate the answer with the access key; an unsatisfied resident may reopen the case once',
      params: TrackParams,
      body: RatingBody,
      response: { 200: TrackView },
    },
    async (request) => {
      const code = await ratePetition(ctx, request.actor, request.params.trackingCode, request.body);
      return trackView(ctx, code);
    },
  );

  // A static segment: find-my-way prefers it to '/:id' whatever the order; kept before it for the reader.
  routes.get(
    '/api/v1/petitions/mine',
    {
      access: 'resident',
      summary: "The signed-in resident's own petitions (raised while signed in), newest first",
      description: 'A merged petition shows the state, due time and unit of the case it joined. No content, nobody else\'s data.',
      querystring: MineQuery,
      response: { 200: MyPetitionList },
    },
    async (request) => {
      const actor = request.actor as Resident;
      const limit = request.query.limit ?? 20;
      const after = request.query.cursor !== undefined ? decodeCursor(request.query.cursor, readCursor('newest')) : undefined;
      const rows = await residentPetitions(ctx.db, actor.id, { afterId: after?.id, limit: limit + 1 });
      const page = rows.slice(0, limit);
      return {
        items: page.map(presentMine),
        ...(rows.length > limit ? { next: encodeCursor({ id: page[page.length - 1].id }) } : {}),
      };
    },
  );
}
