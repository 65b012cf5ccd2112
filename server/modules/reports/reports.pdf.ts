/**
 * A report as a PDF: the platform's document (platform/pdf.ts: A4, the embedded font for
 * Vietnamese and Chinese, tables, bars) filled with a report's figures. The document's dates and
 * identifier come from the report's `asOf`, so the same content gives the same bytes.
 */
import type { Locale } from '../../platform/i18n.ts';
import { numberFormats, pdfColours, pdfColumns as cols, pdfInner as inner, pdfLayout, pdfPage as page, startPdf } from '../../platform/pdf.ts';
import { scorecardGrades } from '../../contract/domain.ts';
import { scorecardGradeNames } from '../scorecards/index.ts';
import { localDay } from '../../platform/calendar.ts';
import type { PetitionFigures, ReportView } from './reports.schema.ts';
import { textOf, valueText, type ReportTextKey } from './reports.texts.ts';

export { numberFormats };

const localDayOf = (at: string, timeZone: string) => localDay(new Date(at), timeZone);

/** The period's name in a language: "Tháng 3/2026", "2026年第1季度" … */
export function periodTitle(locale: Locale, p: ReportView['period']): string {
  const y = p.key.slice(0, 4);
  if (p.kind === 'month') return textOf(locale, 'month', { y, m: String(Number(p.key.slice(5, 7))) });
  if (p.kind === 'quarter') return textOf(locale, 'quarter', { y, q: p.key.slice(6) });
  if (p.kind === 'year') return textOf(locale, 'year', { y });
  return textOf(locale, 'range', { from: p.from, to: p.to });
}

export function unitName(locale: Locale, unit: { name: string; names: Record<string, string> }): string {
  return unit.names[locale] ?? unit.name;
}

interface PdfOptions {
  locale: Locale;
  /** A font file (OTF/TTF) to embed instead of the shipped one. */
  fontFile?: string;
  /** Printed at the foot of an archived report's pages. */
  archivedAt?: string;
}

export function renderReportPdf(report: ReportView, options: PdfOptions): Promise<Buffer> {
  const { locale } = options;
  const t = (key: ReportTextKey, params?: Record<string, string | number>) => textOf(locale, key, params);
  const f = numberFormats(locale);
  const asOf = new Date(report.asOf);
  const title = `${t('title')} — ${unitName(locale, report.unit)} — ${periodTitle(locale, report.period)}`;
  const { doc, done } = startPdf({ locale, title, date: asOf, fontFile: options.fontFile });
  const { heading, note, table, bars, footers } = pdfLayout(doc);
  const { accent, ink } = pdfColours;

  // Title
  doc.fontSize(18).fillColor(accent).text(t('title'), { width: inner });
  doc.fontSize(14).fillColor(ink).text(unitName(locale, report.unit), { width: inner });
  doc.fontSize(11).text(`${t('period')}: ${periodTitle(locale, report.period)} (${report.period.from} – ${report.period.to})`, { width: inner });
  note(`${report.audience === 'public' ? t('publicVersion') : t('staffVersion')} · ${t('asOf', { at: report.asOf.slice(0, 16).replace('T', ' ') + ' UTC' })}`);

  // Petitions: the three rates against the targets and last year, then the counts.
  heading(t('petitions'));
  const p = report.petitions;
  const l = report.lastYear.figures;
  const tg = report.targets;
  const verdict = (value: number | null, target: number | null | undefined) =>
    target === null || target === undefined || value === null ? '–' : value >= target ? t('met') : t('notMet');
  const rateRows = (['resolutionRate', 'onTimeRate', 'satisfactionRate'] as const).map((k) => [
    t(k),
    f.rate(p[k]),
    f.rate(l[k]),
    tg ? f.rate(tg[k]) : '–',
    verdict(p[k], tg?.[k]),
  ]);
  table(cols(34, 16, 18, 14, 14), [t('figure'), t('thisPeriod'), t('lastYear'), t('target'), ''], rateRows);
  if (tg) note(t('targetSetBy', { unit: tg.setBy.name }));
  bars((['resolutionRate', 'onTimeRate', 'satisfactionRate'] as const).map((k) => ({ label: t(k), value: p[k], target: tg?.[k] ?? null })), f.rate);
  const countKeys: Array<[ReportTextKey, keyof PetitionFigures]> = [
    ['received', 'received'],
    ['answered', 'answered'],
    ['resolved', 'resolved'],
    ['resolvedOnTime', 'resolvedOnTime'],
    ['overdue', 'overdue'],
    ['escalated', 'escalated'],
    ['transferred', 'transferred'],
    ['rated', 'rated'],
    ['responseRate', 'responseRate'],
    ['medianHours', 'medianHoursToAnswer'],
  ];
  const show = (k: keyof PetitionFigures, v: PetitionFigures) => (k.endsWith('Rate') ? f.rate(v[k] as number | null) : f.count(v[k] as number | null));
  table(cols(50, 25, 25), [t('figure'), t('thisPeriod'), t('lastYear')], countKeys.map(([label, k]) => [t(label), show(k, p), show(k, l)]));
  note(`${t('lastYear')}: ${report.lastYear.from} – ${report.lastYear.to}`);

  if (report.byKind.length) {
    heading(t('byKind'));
    table(
      cols(40, 20, 20, 20),
      [t('kind'), t('received'), t('resolved'), t('resolutionRate')],
      report.byKind.map((k) => [valueText(locale, 'kind', k.kind), f.count(k.received), f.count(k.resolved), f.rate(k.resolutionRate)]),
    );
  }

  heading(t('topCategories'));
  if (report.topCategories.length) {
    table(
      cols(40, 15, 15, 15, 15),
      [t('category'), t('received'), t('resolved'), t('resolutionRate'), t('onTimeRate')],
      report.topCategories.map((c) => [valueText(locale, 'category', c.category), f.count(c.received), f.count(c.resolved), f.rate(c.resolutionRate), f.rate(c.onTimeRate)]),
    );
  } else note(t('none'));
  if (report.uncategorized) note(t('uncategorized', { n: f.count(report.uncategorized) }));

  heading(t('hotspots'));
  if (report.hotspots.length) {
    const tz = report.unit.timeZone;
    table(
      cols(30, 22, 16, 16, 16),
      [t('unit'), t('category'), t('weekEnd'), t('weekCount'), t('baseline')],
      report.hotspots.map((h) => [h.unit.name, valueText(locale, 'category', h.category), localDayOf(h.weekEnd, tz), f.count(h.count), String(h.baseline)]),
    );
  } else note(t('hotspotsNone'));

  if (report.children.length) {
    heading(t('children'));
    table(
      cols(34, 11, 11, 14, 15, 15),
      [t('unit'), t('received'), t('resolved'), t('resolutionRate'), t('onTimeRate'), t('satisfactionRate')],
      report.children.map((c) => [
        unitName(locale, c.unit),
        f.count(c.received),
        f.count(c.resolved),
        f.rate(c.resolutionRate),
        f.rate(c.onTimeRate),
        f.rate(c.satisfactionRate),
      ]),
    );
    bars(report.children.slice(0, 30).map((c) => ({ label: unitName(locale, c.unit), value: c.resolutionRate, target: tg?.resolutionRate ?? null })), f.rate);
  }

  if (report.cases) {
    heading(t('cases'));
    const caseTable = (items: NonNullable<ReportView['cases']>['overdue'], last: 'daysLate' | 'daysOpen') =>
      items.length
        ? table(
            cols(14, 22, 12, 20, 20, 12),
            [t('code'), t('unit'), t('due'), t('leader'), t('handler'), t(last)],
            items.map((c) => [c.trackingCode, c.unit.name, c.dueOn, c.leader ?? '–', c.handler ?? '–', f.count(last === 'daysLate' ? c.daysOverdue : c.daysOpen)]),
          )
        : note(t('none'));
    doc.fontSize(10).text(t('overdueCases'), page.margin, doc.y);
    caseTable(report.cases.overdue, 'daysLate');
    doc.fontSize(10).text(t('longStandingCases', { days: report.cases.longStandingDays }), page.margin, doc.y);
    caseTable(report.cases.longStanding, 'daysOpen');
    if (report.cases.more) note(t('moreCases'));
  }

  heading(t('gatherings'));
  const g = report.gatherings;
  table(
    cols(50, 50),
    [t('figure'), t('thisPeriod')],
    [
      [t('sessions'), f.count(g.sessions)],
      [t('residents'), f.count(g.residents)],
      [t('cancelled'), f.count(g.cancelled)],
      [t('opinionsRaised'), f.count(g.opinions.raised)],
      [t('opinionsResolved'), f.count(g.opinions.resolved)],
      [t('opinionsHigher'), f.count(g.opinions.withHigherLevels)],
    ],
  );
  if (g.byKind.length) {
    table(cols(50, 25, 25), [t('kind'), t('sessions'), t('residents')], g.byKind.map((k) => [valueText(locale, 'gatheringKind', k.kind), f.count(k.sessions), f.count(k.residents)]));
  }
  if (g.minimum.length) {
    doc.fontSize(10).text(t('minimum'), page.margin, doc.y);
    table(
      cols(36, 22, 18, 24),
      [t('unit'), t('role'), t('monthsMet'), t('daysHeldRequired')],
      g.minimum.map((m) => [m.unit.name, valueText(locale, 'hostRole', m.role), `${f.count(m.monthsMet)}/${f.count(m.months)}`, `${f.count(m.heldDays)}/${f.count(m.requiredDays)}`]),
    );
  }

  heading(t('deliberation'));
  const d = report.deliberation;
  table(
    cols(50, 50),
    [t('figure'), t('thisPeriod')],
    [
      [t('councils'), f.count(d.councils)],
      [t('members'), f.count(d.members)],
      [t('matters'), f.count(d.matters)],
      [t('resolutionsPassed'), f.count(d.resolutionsPassed)],
      [t('tasksDone'), f.count(d.tasksDone)],
    ],
  );
  table(cols(50, 50), [t('byContent'), t('matters')], Object.entries(d.byContent).map(([k, n]) => [valueText(locale, 'content', k), f.count(n)]));
  table(cols(50, 50), [t('byStage'), t('matters')], Object.entries(d.byStage).filter(([, n]) => n > 0).map(([k, n]) => [valueText(locale, 'stage', k), f.count(n)]));

  heading(t('servicePoints'));
  note(t('unitsLacking', { n: f.count(report.servicePoints.unitsLacking) }));
  if (report.servicePoints.missing.length) {
    table(cols(70, 30), [t('servicePointKind'), t('unitsCount')], report.servicePoints.missing.map((m) => [m.names[locale] ?? m.kind, f.count(m.units)]));
  }

  if (report.scorecards) {
    const sc = report.scorecards;
    heading(t('scorecardGrades'));
    table(
      cols(70, 30),
      [t('grade'), t('officials')],
      [...scorecardGrades.map((g) => [scorecardGradeNames[g][locale], f.count(sc.grades[g])]), [t('ungraded'), f.count(sc.ungraded)]],
    );
  }

  // Page numbers (and the archive mark) on every page.
  footers((n, total) => [t('page', { n, total }), options.archivedAt ? t('archivedAt', { at: options.archivedAt }) : ''].filter(Boolean).join(' · '));
  doc.end();
  return done;
}
