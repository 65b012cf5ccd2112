import { Type } from 'typebox';
import type { ScorecardMeasure } from '../../contract/domain.ts';
import type { Module } from '../index.ts';
import type { AppContext } from '../../platform/context.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { isOfficial, unitScope, type Actor, type Official } from '../../platform/access.ts';
import { searchKey } from '../../platform/text.ts';
import { startOfLocalDay } from '../../platform/calendar.ts';
import { requireUnit, unitAtPath, type UnitRecord } from '../units/index.ts';
import {
  CaseList,
  CasesQuery,
  CodeParams,
  Created,
  FrameworkBody,
  FrameworkList,
  FrameworksQuery,
  IdParams,
  InspectionBody,
  MinVolumeBody,
  PeriodQuery,
  RankingView,
  ReviewAction,
  ReviewParams,
  ReviewPdfQuery,
  ReviewView,
  ScorecardView,
  UnitChoices,
  UnitOfficials,
  UnitsQuery,
} from './scorecards.schema.ts';
import { canActAsSuperior, canEditFramework, canReadOfficial, canReadUnit, canSelfAssess, parsePeriod, rank, round2, type Period } from './scorecards.policy.ts';
import { childUnits, unitsUnder, findOfficial, findReview, frameworksAbove, minVolumeAt, rankingCounts, type OfficialRow, type UnitRow } from './scorecards.queries.ts';
import type { Computed } from './scorecards.compute.ts';
import { officialCard, officialGradesUnder, unitCard } from './scorecards.grades.ts';
import { renderReviewPdf } from './scorecards.pdf.ts';
import { presentCases, presentFramework, presentReview, presentScorecard, presentUnit } from './scorecards.presenter.ts';
import { saveFramework } from './commands/saveFramework.ts';
import { enterInspection } from './commands/enterInspection.ts';
import { setRankingMinimum } from './commands/setRankingMinimum.ts';
import { gradeYear, selfAssess } from './commands/reviewYear.ts';
import { scorecardMessages } from './scorecards.messages.ts';
import { routesOf } from '../../platform/routes.ts';
import { scorecardAdministrators, scorecardGraders, scorecardReaders } from '../../contract/roleSets.ts';

/** Without a setting at the unit or above, a unit needs this many rated cases to be ranked. */
const defaultMinVolume = 30;

function period(key: string): Period {
  const p = parsePeriod(key);
  if (!p) throw badRequest('period_invalid');
  return p;
}

const unitRow = (u: UnitRecord): UnitRow => ({ id: u.id, code: u.code, name: u.name, names: u.names, path: u.path, level: u.level, time_zone: u.timeZone });

/** The official, when the caller may read their scorecard; otherwise 404 (nobody learns who exists). */
async function readableOfficial(ctx: AppContext, actor: Actor, id: number): Promise<OfficialRow & { home: UnitRow }> {
  const o = await findOfficial(ctx.db, id);
  if (!o || !o.home || !canReadOfficial(actor, o.id, o.home.path)) throw notFound();
  return o as OfficialRow & { home: UnitRow };
}

/** A unit whose framework and ranking settings the caller may set (an administrator of it), found by `find` (its refusal when there is no such unit). */
async function editableUnit(ctx: AppContext, caller: Actor, code: string, find: typeof requireUnit): Promise<{ actor: Official; u: UnitRecord }> {
  if (!isOfficial(caller)) throw forbidden();
  const u = await find(ctx.db, code, ctx.clock.now());
  if (!canEditFramework(caller, u.path)) throw forbidden();
  return { actor: caller, u };
}

/** Whom an official's scorecard is about, as the scorecard shows it. */
const officialSubject = (o: OfficialRow & { home: UnitRow }) => ({ kind: 'official' as const, id: o.id, name: o.name, position: o.position, unit: o.home });

/** The cases behind one measure of a scorecard; `self` when the official reads their own. */
function casesOf({ measures }: Computed, measure: ScorecardMeasure, self: boolean) {
  const m = measures.get(measure)!;
  return { measure: m.measure, value: m.value, items: presentCases(m.measure, m.cases, self) };
}

async function readableUnit(ctx: AppContext, actor: Actor, code: string): Promise<UnitRow> {
  const u = await unitAtPath(ctx.db, code, ctx.clock.now());
  if (!canReadUnit(actor, u.path)) throw forbidden();
  return unitRow(u);
}

export const scorecardsModule: Module = {
  name: 'scorecards',
  messages: [scorecardMessages],
  routes(app, ctx) {
    const routes = routesOf(app, 'scorecards');

    // ---- frameworks ----
    routes.get(
      '/api/v1/scorecard-frameworks',
      {
        access: 'official',
        summary: 'The scorecard frameworks in force at a unit (its own and those of the units above), per job position',
        querystring: FrameworksQuery,
        response: { 200: FrameworkList },
      },
      async (request) => {
        const u = await requireUnit(ctx.db, request.query.unit, ctx.clock.now());
        const items = (await frameworksAbove(ctx.db, u.path)).map((f) => presentFramework(f, u.id));
        return { items, canEdit: canEditFramework(request.actor, u.path), minVolume: (await minVolumeAt(ctx.db, u.path)) ?? defaultMinVolume };
      },
    );

    routes.put(
      '/api/v1/scorecard-frameworks',
      {
        access: { roles: scorecardAdministrators },
        summary: "Set a unit's framework for a job position (or every position): criteria with weights and scales, and the grades' thresholds (administrators of the unit)",
        body: FrameworkBody,
        response: { 200: Created },
      },
      async (request) => {
        const { actor, u } = await editableUnit(ctx, request.actor, request.body.unit, requireUnit);
        return { id: await saveFramework(ctx, actor, u, request.body) };
      },
    );

    routes.put(
      '/api/v1/units/:code/ranking-settings',
      {
        access: { roles: scorecardAdministrators },
        summary: 'The fewest rated cases a unit below this one needs to appear in the public ranking (administrators of the unit)',
        params: CodeParams,
        body: MinVolumeBody,
        response: { 204: Type.Null() },
      },
      async (request, reply) => {
        const { actor, u } = await editableUnit(ctx, request.actor, request.params.code, unitAtPath);
        await setRankingMinimum(ctx, actor, u, request.body.minVolume);
        return reply.status(204).send(null);
      },
    );

    // ---- inspection findings ----
    routes.post(
      '/api/v1/inspection-findings',
      {
        access: { roles: scorecardGraders },
        summary: "Enter what an inspection of public duty found about an official (a leader of the official's unit); counts in their scorecard",
        body: InspectionBody,
        response: { 201: Created },
      },
      async (request, reply) => {
        const actor = request.actor;
        if (!isOfficial(actor)) throw forbidden();
        return reply.status(201).send({ id: await enterInspection(ctx, actor, request.body) });
      },
    );

    // ---- an official's scorecard ----
    routes.get(
      '/api/v1/scorecards/officials/:id',
      {
        access: 'official',
        summary: "An official's scorecard for a month, quarter or year (the official, or a leader or auditor of their unit)",
        params: IdParams,
        querystring: PeriodQuery,
        response: { 200: ScorecardView },
      },
      async (request) => {
        const o = await readableOfficial(ctx, request.actor, request.params.id);
        const { card } = await officialCard(ctx, o, period(request.query.period));
        return presentScorecard(card, officialSubject(o), { enterFinding: canActAsSuperior(request.actor, o.id, o.home.path) });
      },
    );

    routes.get(
      '/api/v1/scorecards/officials/:id/cases',
      {
        access: 'official',
        summary: "The cases behind one number of an official's scorecard",
        params: IdParams,
        querystring: CasesQuery,
        response: { 200: CaseList },
      },
      async (request) => {
        const o = await readableOfficial(ctx, request.actor, request.params.id);
        const card = await officialCard(ctx, o, period(request.query.period));
        return casesOf(card, request.query.measure, request.actor.kind === 'official' && request.actor.id === o.id);
      },
    );

    // ---- a unit's scorecard and its officials ----
    routes.get(
      '/api/v1/scorecards/units',
      {
        access: { roles: scorecardReaders },
        summary: "The units whose scorecards the caller may read (the units of their leader and auditor grants and every unit below), highest first; q narrows by name or code",
        querystring: UnitsQuery,
        response: { 200: UnitChoices },
      },
      async (request) => {
        const limit = request.query.limit ?? 100;
        const q = request.query.q?.trim();
        const rows = await unitsUnder(ctx.db, unitScope(request.actor, scorecardReaders), q ? { key: searchKey(q), code: q } : null, limit);
        return { items: rows.slice(0, limit).map((u) => ({ ...presentUnit(u), level: u.level, depth: u.depth })), more: rows.length > limit };
      },
    );

    routes.get(
      '/api/v1/scorecards/units/:code',
      {
        access: { roles: scorecardReaders },
        summary: "A unit's scorecard (its whole subtree) for a month, quarter or year (leaders and auditors of the unit)",
        params: CodeParams,
        querystring: PeriodQuery,
        response: { 200: ScorecardView },
      },
      async (request) => {
        const u = await readableUnit(ctx, request.actor, request.params.code);
        const { card } = await unitCard(ctx, u, period(request.query.period));
        return presentScorecard(card, { kind: 'unit', unit: u }, { enterFinding: false });
      },
    );

    routes.get(
      '/api/v1/scorecards/units/:code/cases',
      {
        access: { roles: scorecardReaders },
        summary: "The cases behind one number of a unit's scorecard",
        params: CodeParams,
        querystring: CasesQuery,
        response: { 200: CaseList },
      },
      async (request) => {
        const u = await readableUnit(ctx, request.actor, request.params.code);
        return casesOf(await unitCard(ctx, u, period(request.query.period)), request.query.measure, false);
      },
    );

    routes.get(
      '/api/v1/scorecards/units/:code/officials',
      {
        access: { roles: scorecardReaders },
        summary: "The officials of a unit's subtree with their totals and grades for a period (leaders and auditors of the unit)",
        params: CodeParams,
        querystring: PeriodQuery,
        response: { 200: UnitOfficials },
      },
      async (request) => {
        const u = await readableUnit(ctx, request.actor, request.params.code);
        const p = period(request.query.period);
        const items = (await officialGradesUnder(ctx, u.path, p))
          .filter((o) => canReadOfficial(request.actor, o.id, o.homePath))
          .map((o) => ({ id: o.id, name: o.name, position: o.position, total: o.total, grade: o.grade }));
        return { period: p.key, items };
      },
    );

    // ---- the public ranking ----
    routes.get(
      '/api/v1/rankings/:code',
      {
        access: 'public',
        summary:
          'The units directly below a unit ranked by residents’ satisfaction for a period that has ended: the share of satisfied ratings with its Wilson 95 % interval, ordered by the lower bound; units with fewer rated cases than the minimum are left out',
        params: CodeParams,
        querystring: PeriodQuery,
        response: { 200: RankingView },
      },
      async (request) => {
        const now = ctx.clock.now();
        const parent = await unitAtPath(ctx.db, request.params.code, now);
        const p = period(request.query.period);
        const from = startOfLocalDay(p.from, parent.timeZone);
        const to = startOfLocalDay(p.to, parent.timeZone);
        if (to > now) throw badRequest('period_not_ended', { period: p.key });
        const children = await childUnits(ctx.db, parent.id);
        const counts = await rankingCounts(ctx.db, children, from, to);
        const minVolume = (await minVolumeAt(ctx.db, parent.path)) ?? defaultMinVolume;
        const { ranked, leftOut } = rank(
          children.map((c) => ({ code: c.code, name: c.name, ...(counts.get(c.id) ?? { n: 0, successes: 0 }) })),
          minVolume,
        );
        const byCode = new Map(children.map((c) => [c.code, c]));
        return {
          unit: presentUnit(unitRow(parent)),
          period: p.key,
          measure: 'satisfied_share' as const,
          minVolume,
          items: ranked.map((r, i) => ({
            rank: i + 1,
            unit: presentUnit(byCode.get(r.code)!),
            n: r.n,
            share: round2(r.share * 100) / 100,
            low: Math.round(r.interval.low * 10000) / 10000,
            high: Math.round(r.interval.high * 10000) / 10000,
          })),
          leftOut,
        };
      },
    );

    // ---- the yearly review ----
    async function reviewView(actor: Actor, o: OfficialRow & { home: UnitRow }, year: number) {
      const { card } = await officialCard(ctx, o, period(String(year)));
      const view = presentScorecard(card, officialSubject(o), { enterFinding: false });
      const review = await findReview(ctx.db, o.id, year);
      return {
        view,
        review: presentReview(o, year, view, review, {
          selfAssess: canSelfAssess(actor, o.id) && !review?.leader_grade,
          grade: canActAsSuperior(actor, o.id, o.home.path),
        }),
      };
    }

    routes.get(
      '/api/v1/scorecards/officials/:id/reviews/:year',
      {
        access: 'official',
        summary: "An official's yearly review: the computed scorecard, their self-assessment and the leader's grade with reasons",
        params: ReviewParams,
        response: { 200: ReviewView },
      },
      async (request) => {
        const o = await readableOfficial(ctx, request.actor, request.params.id);
        return (await reviewView(request.actor, o, request.params.year)).review;
      },
    );

    routes.get(
      '/api/v1/scorecards/officials/:id/reviews/:year/pdf',
      {
        access: 'official',
        summary: 'The same yearly review as a PDF document, in vi, zh or en (lang, else the Accept-Language)',
        params: ReviewParams,
        querystring: ReviewPdfQuery,
      },
      async (request, reply) => {
        const o = await readableOfficial(ctx, request.actor, request.params.id);
        const { review } = await reviewView(request.actor, o, request.params.year);
        const locale = request.query.lang ?? request.locale;
        const pdf = await renderReviewPdf(review, { locale, timeZone: o.home.time_zone, at: ctx.clock.now(), fontFile: ctx.config.reportFont });
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="review-${o.id}-${review.year}-${locale}.pdf"`)
          .header('cache-control', 'private, no-store')
          .send(pdf);
      },
    );

    routes.post(
      '/api/v1/scorecards/officials/:id/reviews/:year/actions',
      {
        access: 'official',
        summary: "The official's self-assessment ({type:'self_assess', text}) or the leader's grade ({type:'grade', grade, reasons}; reasons when it differs from the computed grade)",
        params: ReviewParams,
        body: ReviewAction,
        response: { 200: ReviewView },
      },
      async (request) => {
        const actor = request.actor;
        if (!isOfficial(actor)) throw forbidden();
        const o = await readableOfficial(ctx, actor, request.params.id);
        const year = request.params.year;
        const body = request.body;
        if (body.type === 'self_assess') {
          await selfAssess(ctx, actor, o, year, body.text);
        } else {
          const { view } = await reviewView(actor, o, year);
          await gradeYear(ctx, actor, o, year, { total: view.total, grade: view.grade, card: view }, { grade: body.grade, reasons: body.reasons });
        }
        return (await reviewView(actor, o, year)).review;
      },
    );
  },
};
