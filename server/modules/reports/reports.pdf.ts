/**
 * A report as a PDF (pdfkit). One embedded font — a subset of Noto Sans CJK SC shipped in
 * fonts/ (OFL) — prints Vietnamese and Chinese alike; ZD_REPORT_FONT may name a complete font
 * instead. The output depends only on the report's content, the language and the font: the
 * document's dates and identifier come from the report's `asOf`, so the same content gives the
 * same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { Locale } from '../../platform/i18n.ts';
import type { PetitionFigures, ReportView } from './reports.schema.ts';
import { textOf, valueText, type ReportTextKey } from './reports.texts.ts';

export const shippedFont = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fonts', 'report-sans.otf');
const fonts = new Map<string, Buffer>();
function fontData(file: string): Buffer {
  let data = fonts.get(file);
  if (!data) {
    data = fs.readFileSync(file);
    fonts.set(file, data);
  }
  return data;
}

const intlLocale: Record<Locale, string> = { vi: 'vi-VN', zh: 'zh-CN', en: 'en-GB' };

/** How a report writes numbers in a language: counts grouped, rates as percentages with one decimal. */
export function numberFormats(locale: Locale) {
  const count = new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 1 });
  const pct = new Intl.NumberFormat(intlLocale[locale], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    count: (n: number | null) => (n === null ? '–' : count.format(n)),
    rate: (r: number | null) => (r === null ? '–' : pct.format(r)),
  };
}

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

interface Column {
  width: number;
  align?: 'left' | 'right';
}

const page = { width: 595.28, height: 841.89, margin: 48 };
const inner = page.width - 2 * page.margin;
const ink = '#1b1b1b';
const faint = '#6b6b6b';
const rule = '#c8c8c8';
const accent = '#1d4e89';

export interface PdfOptions {
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
  const doc = new PDFDocument({
    size: 'A4',
    margin: page.margin,
    bufferPages: true,
    info: { Title: title, Producer: 'Zero Distance', Creator: 'Zero Distance', CreationDate: asOf, ModDate: asOf },
    lang: { vi: 'vi', zh: 'zh-CN', en: 'en' }[locale],
  });
  doc.registerFont('body', fontData(options.fontFile ?? shippedFont));
  doc.font('body').fillColor(ink);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const bottom = page.height - page.margin - 20;
  const ensure = (h: number) => {
    if (doc.y + h > bottom) doc.addPage();
  };
  const heading = (text: string) => {
    ensure(90);
    doc.moveDown(0.8);
    doc.fontSize(13).fillColor(accent).text(text, page.margin, doc.y, { width: inner });
    doc.moveDown(0.3);
    doc.fillColor(ink);
  };
  const note = (text: string) => {
    ensure(20);
    doc.fontSize(9).fillColor(faint).text(text, page.margin, doc.y, { width: inner });
    doc.fillColor(ink);
  };
  const table = (columns: Column[], head: string[], rows: string[][]) => {
    const size = 9;
    const pad = 3;
    const drawRow = (cells: string[], bold: boolean) => {
      doc.fontSize(size);
      const h = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: columns[i].width - 2 * pad }))) + 2 * pad;
      if (doc.y + h > bottom) {
        doc.addPage();
        if (!bold) drawRow(head, true);
      }
      const y = doc.y;
      let x = page.margin;
      if (bold) doc.rect(page.margin, y, inner, h).fill('#eef2f7').fillColor(ink);
      cells.forEach((c, i) => {
        doc.fillColor(bold ? accent : ink).text(c, x + pad, y + pad, { width: columns[i].width - 2 * pad, align: columns[i].align ?? 'left', lineBreak: true });
        x += columns[i].width;
      });
      doc.moveTo(page.margin, y + h).lineTo(page.margin + inner, y + h).lineWidth(0.5).strokeColor(rule).stroke();
      doc.fillColor(ink);
      doc.x = page.margin;
      doc.y = y + h;
    };
    drawRow(head, true);
    for (const r of rows) drawRow(r, false);
    doc.moveDown(0.4);
  };
  const cols = (...widths: number[]): Column[] => widths.map((w, i) => ({ width: (w * inner) / widths.reduce((a, b) => a + b, 0), align: i === 0 ? 'left' : 'right' }));
  /** Horizontal bars of rates (0–100%), with a mark at the target when there is one. */
  const bars = (items: Array<{ label: string; value: number | null; target?: number | null }>) => {
    const labelWidth = inner * 0.32;
    const barWidth = inner * 0.52;
    for (const item of items) {
      ensure(16);
      const y = doc.y;
      doc.fontSize(8).fillColor(ink).text(item.label, page.margin, y + 2, { width: labelWidth - 6, lineBreak: false, ellipsis: true });
      doc.rect(page.margin + labelWidth, y + 2, barWidth, 9).fill('#e6e6e6');
      if (item.value !== null) doc.rect(page.margin + labelWidth, y + 2, barWidth * item.value, 9).fill(accent);
      if (item.target !== undefined && item.target !== null) {
        const tx = page.margin + labelWidth + barWidth * item.target;
        doc.moveTo(tx, y).lineTo(tx, y + 13).lineWidth(1.5).strokeColor('#c0392b').stroke();
      }
      doc.fillColor(ink).text(f.rate(item.value), page.margin + labelWidth + barWidth + 6, y + 2, { width: inner - labelWidth - barWidth - 6, lineBreak: false });
      doc.x = page.margin;
      doc.y = y + 15;
    }
    doc.moveDown(0.4);
  };

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
  if (tg) note(t('targetSetBy', { unit: tg.setBy }));
  bars((['resolutionRate', 'onTimeRate', 'satisfactionRate'] as const).map((k) => ({ label: t(k), value: p[k], target: tg?.[k] ?? null })));
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
    bars(report.children.slice(0, 30).map((c) => ({ label: unitName(locale, c.unit), value: c.resolutionRate, target: tg?.resolutionRate ?? null })));
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
      g.minimum.map((m) => [m.unitName, valueText(locale, 'hostRole', m.role), `${f.count(m.monthsMet)}/${f.count(m.months)}`, `${f.count(m.heldDays)}/${f.count(m.requiredDays)}`]),
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

  // Page numbers (and the archive mark) on every page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    const foot = [t('page', { n: i + 1, total: range.count }), options.archivedAt ? t('archivedAt', { at: options.archivedAt }) : ''].filter(Boolean).join(' · ');
    doc.fontSize(8).fillColor(faint).text(foot, page.margin, page.height - page.margin, { width: inner, align: 'center', lineBreak: false, height: 12 });
  }
  doc.end();
  return done;
}
