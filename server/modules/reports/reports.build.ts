/**
 * A report's content: every figure comes from the figure endpoints' own functions (figures,
 * gatherings, deliberation, service points, scorecards, insight's hotspots), called with the report's unit and period, so the
 * report prints exactly what those endpoints answer. The public version leaves out the cases
 * (with their leaders' and handlers' names); everything else in it is counts.
 */
import type { AppContext } from '../../platform/context.ts';
import { addDays, localDay, startOfLocalDay } from '../../platform/calendar.ts';
import type { UnitRecord } from '../units/index.ts';
import { childFiguresOf, figuresOf, type FiguresView } from '../figures/index.ts';
import { gatheringCompliance, gatheringFiguresOf } from '../gatherings/index.ts';
import { deliberationFiguresOf } from '../deliberation/index.ts';
import { gapTotals } from '../service-points/index.ts';
import { gradeCountsOf } from '../scorecards/index.ts';
import { presentNames } from '../../platform/i18n.ts';
import { hotspotsOf } from '../insight/index.ts';
import { casesToWatch, servicePointKindNames, targetsFor, type CaseRow } from './reports.queries.ts';
import { sameDaysLastYear, type Period } from './reports.periods.ts';
import type { Audience } from './reports.policy.ts';
import type { PetitionFigures, ReportView } from './reports.schema.ts';

/** An open case this old (in days since it was submitted) is long-standing. */
export const longStandingDays = 90;
/** At most this many cases of each list are printed. */
const maxCases = 50;
const topCategoryCount = 8;
/** At most this many hotspots are printed (the hotspots endpoint's default page). */
const maxHotspots = 50;

const figureKeys = [
  'received', 'accepted', 'answered', 'resolved', 'resolvedOnTime', 'resolvedLate', 'overdue', 'escalated', 'transferred',
  'rated', 'satisfied', 'acceptable', 'unsatisfied', 'responseRate', 'resolutionRate', 'onTimeRate', 'satisfactionRate', 'medianHoursToAnswer',
] as const satisfies readonly (keyof PetitionFigures)[];

function pickFigures(s: FiguresView): PetitionFigures {
  return Object.fromEntries(figureKeys.map((k) => [k, s[k]])) as PetitionFigures;
}

const rate = (text: string | null) => (text === null ? null : Number(text));
const dayMs = 86_400_000;

function presentCase(c: CaseRow, now: Date, timeZone: string) {
  return {
    trackingCode: c.tracking_code,
    kind: c.kind,
    category: c.category,
    title: c.title,
    unit: { code: c.unit_code, name: c.unit_name },
    submittedOn: localDay(c.submitted_at, timeZone),
    dueOn: localDay(c.due_at, timeZone),
    daysOverdue: Math.max(0, Math.floor((now.getTime() - c.due_at.getTime()) / dayMs)),
    daysOpen: Math.floor((now.getTime() - c.submitted_at.getTime()) / dayMs),
    leader: c.leader_name,
    handler: c.handler_name,
  };
}

const months = (from: string, to: string) => ({ from: from.slice(0, 7), to: to.slice(0, 7) });

export async function buildReport(ctx: AppContext, unit: UnitRecord, period: Period, audience: Audience): Promise<ReportView> {
  const now = ctx.clock.now();
  const q = { unit: unit.code, from: period.from, to: period.to };
  const last = sameDaysLastYear(period);
  const m = months(period.from, period.to);
  const [figures, lastYear, children, targets, gatherings, compliance, deliberation, gaps, grades, hotspots] = await Promise.all([
    figuresOf(ctx, q),
    figuresOf(ctx, { unit: unit.code, ...last }),
    childFiguresOf(ctx, q),
    targetsFor(ctx.db, unit.path, Number(period.to.slice(0, 4))),
    gatheringFiguresOf(ctx, q),
    gatheringCompliance(ctx.db, unit.path, [unit.path], m.from, m.to, now),
    deliberationFiguresOf(ctx, q),
    gapTotals(ctx.db, { rootPath: unit.path, scope: [unit.path] }),
    gradeCountsOf(ctx, unit.path, period.key),
    hotspotsOf(ctx.db, { scope: [unit.path], when: { from: period.from, to: period.to }, limit: maxHotspots }),
  ]);
  const kindNames = await servicePointKindNames(ctx.db, gaps.missing.map((g) => g.kind));

  let cases: ReportView['cases'] = null;
  if (audience === 'staff') {
    const end = startOfLocalDay(addDays(period.to, 1), unit.timeZone);
    const rows = await casesToWatch(ctx.db, unit.path, {
      now,
      longSince: new Date(now.getTime() - longStandingDays * dayMs),
      submittedBefore: end,
      limit: 4 * maxCases,
    });
    const all = rows.map((r) => presentCase(r, now, unit.timeZone));
    const overdue = all.filter((c) => c.dueOn < localDay(now, unit.timeZone) || c.daysOverdue > 0);
    const longStanding = all.filter((c) => c.daysOpen >= longStandingDays).sort((a, b) => b.daysOpen - a.daysOpen);
    cases = {
      overdue: overdue.slice(0, maxCases),
      longStanding: longStanding.slice(0, maxCases),
      longStandingDays,
      more: rows.length === 4 * maxCases || overdue.length > maxCases || longStanding.length > maxCases,
    };
  }

  const byKind = new Map<string, { sessions: number; residents: number }>();
  for (const s of gatherings.sessions) {
    const k = byKind.get(s.kind) ?? { sessions: 0, residents: 0 };
    k.sessions += s.sessions;
    k.residents += s.residents;
    byKind.set(s.kind, k);
  }
  const minimum = compliance
    .map((c) => ({
      unit: c.unit,
      role: c.role,
      months: c.months.length,
      monthsMet: c.months.filter((x) => x.held.met).length,
      requiredDays: c.months.reduce((n, x) => n + x.required, 0),
      heldDays: c.months.reduce((n, x) => n + x.held.days, 0),
    }))
    .sort((a, b) => a.monthsMet - a.months - (b.monthsMet - b.months) || a.unit.code.localeCompare(b.unit.code) || a.role.localeCompare(b.role))
    .slice(0, 60);

  return {
    unit: { code: unit.code, name: unit.name, names: presentNames(unit.names), level: unit.level, country: unit.country, timeZone: unit.timeZone },
    period: { kind: period.kind, key: period.key, from: period.from, to: period.to },
    audience,
    asOf: now.toISOString(),
    petitions: pickFigures(figures),
    lastYear: { ...last, figures: pickFigures(lastYear) },
    targets: targets
      ? { setBy: { code: targets.unit_code, name: targets.unit_name }, year: targets.year, resolutionRate: rate(targets.resolution_rate), onTimeRate: rate(targets.on_time_rate), satisfactionRate: rate(targets.satisfaction_rate) }
      : null,
    byKind: Object.entries(figures.byKind).map(([kind, f]) => ({ kind, received: f.received, resolved: f.resolved, resolutionRate: f.resolutionRate })),
    topCategories: Object.entries(figures.byCategory)
      .map(([category, f]) => ({ category, received: f.received, resolved: f.resolved, resolutionRate: f.resolutionRate, onTimeRate: f.onTimeRate }))
      .sort((a, b) => b.received - a.received || a.category.localeCompare(b.category))
      .slice(0, topCategoryCount),
    uncategorized: figures.uncategorized,
    hotspots: hotspots.map((h) => ({ unit: h.unit, category: h.category, weekEnd: h.weekEnd, count: h.count, baseline: h.baseline, score: h.score })),
    children: children.items.map((c) => ({
      unit: c.unit,
      received: c.received,
      resolved: c.resolved,
      resolvedOnTime: c.resolvedOnTime,
      resolutionRate: c.resolutionRate,
      onTimeRate: c.onTimeRate,
      satisfactionRate: c.satisfactionRate,
    })),
    cases,
    gatherings: {
      sessions: gatherings.totals.sessions,
      residents: gatherings.totals.residents,
      cancelled: gatherings.totals.cancelled,
      byKind: [...byKind].map(([kind, v]) => ({ kind, ...v })).sort((a, b) => b.sessions - a.sessions || a.kind.localeCompare(b.kind)),
      opinions: { raised: gatherings.opinions.raised, resolved: gatherings.opinions.resolved, withHigherLevels: gatherings.opinions.withHigherLevels },
      minimum,
    },
    deliberation: {
      councils: deliberation.councils,
      members: deliberation.members,
      matters: deliberation.matters,
      byContent: deliberation.mattersByContent,
      byStage: deliberation.mattersByStage,
      resolutionsPassed: deliberation.resolutionsPassed,
      tasksDone: deliberation.tasksDone,
    },
    servicePoints: {
      unitsLacking: gaps.units,
      missing: gaps.missing.map((g) => ({ kind: g.kind, names: presentNames(kindNames.get(g.kind)), units: g.units })),
    },
    scorecards: grades,
  };
}


