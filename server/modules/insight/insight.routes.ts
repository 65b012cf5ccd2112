import type { Module } from '../index.ts';
import type { Official } from '../../platform/access.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { enqueueJob, wakeJobRunners } from '../../platform/jobs.ts';
import { requireUnitIfSent } from '../units/index.ts';
import { termsOf } from '../knowledge/index.ts';
import { classifyPetition, routingSubject, sameBranch } from '../petitions/index.ts';
import { predict } from './insight.model.ts';
import { agencyNames, agencyPaths, loadModel, modelFigures } from './insight.queries.ts';
import { hotspotsOf } from './insight.list.ts';
import { hotspotScope } from './insight.policy.ts';
import { HotspotList, HotspotQuery, PetitionParams, RouteBody, RouteOutcome, RoutingFigures, RoutingSuggestion, TrainAccepted } from './insight.schema.ts';
import { insightMessages } from './insight.messages.ts';
import { insightTemplates } from './insight.notify.ts';
import { insightJobs } from './insight.jobs.ts';
import { routesOf } from '../../platform/routes.ts';
import { caseRouters, hotspotReaders, modelKeepers } from '../../contract/roleSets.ts';

export const insightModule: Module = {
  name: 'insight',
  messages: [insightMessages],
  templates: [insightTemplates],
  jobs: insightJobs,
  routes(app, ctx) {
    const routes = routesOf(app, 'insight');

    routes.get(
      '/api/v1/petitions/:id/routing-suggestion',
      {
        access: { roles: caseRouters },
        summary: "The three most likely categories and agencies for a case, learned from the deployment's routed history",
        description: 'Agencies only on the case\'s branch of the unit tree. For those who may route the case (its dispatchers and leaders).',
        params: PetitionParams,
        response: { 200: RoutingSuggestion },
      },
      async (request) => {
        const actor = request.actor as Official;
        const p = await routingSubject(ctx, actor, request.params.id);
        if (!p) throw notFound();
        if (!p.mayRoute) throw new AppError(403, 'forbidden');
        const terms = termsOf(`${p.title ?? ''} ${p.body}`);
        const [categoryModel, agencyModel] = await Promise.all([loadModel(ctx.db, 'category'), loadModel(ctx.db, 'agency')]);
        const categories = categoryModel ? predict(categoryModel.model, terms, 3).map((s) => ({ category: s.label, confidence: round(s.confidence) })) : [];
        let agencies: RoutingSuggestion['agencies'] = [];
        if (agencyModel) {
          const paths = await agencyPaths(ctx.db, Object.keys(agencyModel.model.labels).map(Number));
          const ranked = predict(agencyModel.model, terms, 3, (label) => {
            const path = paths.get(Number(label));
            return path !== undefined && sameBranch(p.unitPath, path);
          });
          const named = new Map((await agencyNames(ctx.db, ranked.map((s) => Number(s.label)))).map((a) => [a.id, a]));
          agencies = ranked.flatMap((s) => {
            const a = named.get(Number(s.label));
            if (!a) return [];
            const names: Record<string, string> = {};
            for (const [k, v] of Object.entries(a.names)) if (typeof v === 'string' && v) names[k] = v;
            return [{ id: a.id, name: a.name, names, unit: { code: a.unit_code, name: a.unit_name }, confidence: round(s.confidence) }];
          });
        }
        return {
          petition: p.id,
          version: p.version,
          current: { category: p.category, agency: p.agencyId },
          categories,
          agencies,
          trainedAt: categoryModel?.trainedAt.toISOString() ?? agencyModel?.trainedAt.toISOString() ?? null,
          accuracy: { category: categoryModel?.accuracy ?? null, agency: agencyModel?.accuracy ?? null },
        };
      },
    );

    routes.post(
      '/api/v1/petitions/:id/routing',
      {
        access: { roles: caseRouters },
        summary: "Sets an open case's category and agency (a suggestion applied in one click, or the dispatcher's own choice)",
        params: PetitionParams,
        body: RouteBody,
        response: { 200: RouteOutcome },
      },
      async (request) => {
        const actor = request.actor as Official;
        await classifyPetition(ctx, actor, request.params.id, request.body);
        const p = await routingSubject(ctx, actor, request.params.id);
        if (!p) throw notFound();
        return { category: p.category, agency: p.agencyId };
      },
    );

    routes.get(
      '/api/v1/insight/routing',
      {
        access: { roles: modelKeepers },
        summary: "The routing models: when trained, from how much history, and their accuracy on the newest fifth held out",
        response: { 200: RoutingFigures },
      },
      async () => ({ models: (await modelFigures(ctx.db)).map((m) => ({ ...m, trainedAt: m.trainedAt.toISOString() })) }),
    );

    routes.post(
      '/api/v1/insight/routing/train',
      { access: { roles: modelKeepers }, summary: 'Trains the routing models again now, in the background', response: { 202: TrainAccepted } },
      async (_request, reply) => {
        const now = ctx.clock.now();
        // One pending request at a time: the key holds for the minute.
        const queued = await enqueueJob(ctx.db, { kind: 'insight.train_routing_now', payload: {}, runAt: now, key: `insight.train_routing_now:${now.toISOString().slice(0, 16)}` });
        wakeJobRunners();
        reply.status(202);
        return { queued };
      },
    );

    routes.get(
      '/api/v1/insight/hotspots',
      {
        access: { roles: hotspotReaders },
        summary: "Unusual rises flagged in the caller's units: a category's last week against its eight weeks before, with the petitions behind each",
        querystring: HotspotQuery,
        response: { 200: HotspotList },
      },
      async (request) => {
        const actor = request.actor as Official;
        const q = request.query;
        const unitPath = (await requireUnitIfSent(ctx.db, q.unit, ctx.clock.now()))?.path;
        return { items: await hotspotsOf(ctx.db, { scope: hotspotScope(actor, unitPath), when: hotspotPeriod(q, ctx.clock.now()), limit: q.limit }) };
      },
    );
  },
};

const round = (x: number) => Math.round(x * 1000) / 1000;

/** At most this many years between from and to. */
const maxHotspotYears = 5;

/** The hotspots' period a query names: from and to together, or the last so many weeks (8 by default). */
function hotspotPeriod(q: HotspotQuery, now: Date): { since: Date } | { from: string; to: string } {
  if (q.from === undefined && q.to === undefined) return { since: new Date(now.getTime() - (q.weeks ?? 8) * 7 * 86_400_000) };
  const { from, to } = q;
  if (from === undefined || to === undefined || q.weeks !== undefined || from > to || (Date.parse(to) - Date.parse(from)) / 86_400_000 > maxHotspotYears * 366) {
    throw badRequest('hotspot_invalid_period', { years: maxHotspotYears });
  }
  return { from, to };
}
