/** Reading and setting deadline policies. */
import { Type } from 'typebox';
import { UnitCode } from '../../../platform/shapes.ts';
import type { App } from '../../../app.ts';
import { type PetitionKind, channels, petitionKinds } from '../../../contract/domain.ts';
import type { AppContext } from '../../../platform/context.ts';
import { badRequest } from '../../../platform/errors.ts';
import { type DeadlinePolicy, type PolicyPlace, pickPolicy } from './petitions.deadlines.ts';
import { allPoliciesFor } from './policies.queries.ts';
import { removeDeadlinePolicy, setDeadlinePolicy } from './setDeadlinePolicy.ts';
import { findUnitByCode } from '../petitions.queries.ts';
import { PolicyBody, PolicyList, PolicyParams, PolicyQuery, PolicyView } from '../petitions.schema.ts';
import { routesOf } from '../../../platform/routes.ts';
import { policyEditors } from '../../../contract/roleSets.ts';

function presentPolicy(p: DeadlinePolicy & { unit_code: string | null; unit_name: string | null }) {
  return {
    kind: p.kind,
    unit: p.unit_code === null ? null : { code: p.unit_code, name: p.unit_name ?? p.unit_code },
    country: p.country,
    channel: p.channel,
    legalSource: p.legal_source,
    ackWorkingDays: p.ack_working_days,
    ackDayType: p.ack_day_type,
    urgentAckWorkingHours: p.urgent_ack_working_hours,
    resolutionDays: p.resolution_days,
    urgentResolutionDays: p.urgent_resolution_days,
    dayType: p.day_type,
    maxExtensions: p.max_extensions,
    extensionDays: p.extension_days,
    anonymousAllowed: p.anonymous_allowed,
    reopenDays: p.reopen_days,
    reviewRequestDays: p.review_request_days,
    reviewDays: p.review_days,
    reReviewDays: p.re_review_days,
    autoEscalate: p.auto_escalate,
  };
}

/** The policies in force at a unit; without one, a country's defaults, or the deployment's. */
async function effectivePolicies(ctx: AppContext, where: { unit?: string; country?: string }) {
  let place: PolicyPlace | null = null;
  if (where.unit !== undefined) {
    const unit = await findUnitByCode(ctx.db, where.unit, ctx.clock.now());
    if (!unit) throw badRequest('unknown_unit', { code: where.unit });
    place = unit;
  } else if (where.country !== undefined) {
    place = { path: '/', country: where.country };
  }
  const all = await allPoliciesFor(ctx.db, place);
  // Per kind: the policy for every channel, then those in force for one channel (the hotline).
  return petitionKinds.flatMap((kind) => {
    const ofKind = all.filter((p) => p.kind === kind);
    const forChannels = [...new Set(ofKind.map((p) => p.channel).filter((c) => c !== null))]
      .map((c) => pickPolicy(ofKind, place, c))
      .filter((p) => p?.channel !== null && p?.channel !== undefined);
    return [pickPolicy(ofKind, place), ...forChannels]
      .filter((p): p is (typeof all)[number] => !!p)
      .map(presentPolicy);
  });
}

/** The deadline policies in force, and changing them. */
export function deadlinePolicyRoutes(app: App, ctx: AppContext) {
  const routes = routesOf(app, 'petitions');

  routes.get(
    '/api/v1/deadline-policies',
    {
      access: 'official',
      summary: 'The deadline policy of each kind that holds at a unit (or the deployment defaults)',
      querystring: PolicyQuery,
      response: { 200: PolicyList },
    },
    async (request) => ({ items: await effectivePolicies(ctx, request.query) }),
  );

  routes.put(
    '/api/v1/deadline-policies/:kind',
    {
      access: { roles: policyEditors },
      summary: 'Set the deadline policy of a kind for a unit and its subtree, or the deployment default (no unit)',
      params: PolicyParams,
      body: PolicyBody,
      response: { 200: PolicyView },
    },
    async (request) => {
      const kind = request.params.kind as PetitionKind;
      await setDeadlinePolicy(ctx, request.actor, kind, request.body);
      const items = await effectivePolicies(ctx, { unit: request.body.unit, country: request.body.country });
      return items.find((p) => p.kind === kind && p.channel === (request.body.channel ?? null))!;
    },
  );

  routes.delete(
    '/api/v1/deadline-policies/:kind',
    {
      access: { roles: policyEditors },
      summary: "Remove a unit's own policy of a kind: the one above it holds again",
      params: PolicyParams,
      querystring: Type.Object(
        { unit: UnitCode(), channel: Type.Optional(Type.Enum([...channels])) },
        { additionalProperties: false },
      ),
      response: { 204: Type.Null() },
    },
    async (request, reply) => {
      await removeDeadlinePolicy(ctx, request.actor, request.params.kind as PetitionKind, request.query.unit, request.query.channel ?? null);
      return reply.status(204).send(null);
    },
  );
}
