/**
 * An official's yearly review as a PDF (the platform's document: A4, the embedded font that
 * prints Vietnamese and Chinese): who, the computed scorecard with its criteria, the
 * self-assessment and the leader's grade with reasons, with their dates.
 */
import type { Locale } from '../../platform/i18n.ts';
import { pdfColours, pdfColumns, pdfInner, pdfLayout, startPdf } from '../../platform/pdf.ts';
import type { ReviewView } from './scorecards.schema.ts';
import { gradeNames, measureNames, reviewText, type ReviewTextKey } from './scorecards.texts.ts';

const rateMeasures: readonly string[] = ['on_time_rate', 'reopen_rate', 'online_share', 'gatherings_held'];
const intlLocale: Record<Locale, string> = { vi: 'vi-VN', zh: 'zh-CN', en: 'en-GB' };

interface ReviewPdfOptions {
  locale: Locale;
  /** The official's home unit's time zone, for the dates. */
  timeZone: string;
  /** The document's date. */
  at: Date;
  fontFile?: string;
}

/** A criterion's value as the review page shows it: a rate with its cases, a mean of 100, a count. */
export function valueText(c: ReviewView['scorecard']['criteria'][number], n: (x: number | null) => string): string {
  if (c.value === null) return '–';
  if (rateMeasures.includes(c.measure)) return `${n(c.value)} % (${n(c.numerator)}/${n(c.denominator)})`;
  if (c.measure === 'satisfaction') return `${n(c.value)} / 100 (${n(c.denominator)})`;
  return n(c.value);
}

/** Numbers as the review prints them: up to two decimals, grouped in the language's way. */
export function reviewNumber(locale: Locale): (x: number | null) => string {
  const f = new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 2 });
  return (x) => (x === null ? '–' : f.format(x));
}

/** A timestamp's local day, YYYY-MM-DD. */
function localDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** The day before a period's end (which is the first day after it). */
const lastDay = (to: string) => new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export function renderReviewPdf(review: ReviewView, options: ReviewPdfOptions): Promise<Buffer> {
  const { locale } = options;
  const t = (key: ReviewTextKey, params?: Record<string, string | number>) => reviewText(locale, key, params);
  const n = reviewNumber(locale);
  const day = (iso: string) => localDate(iso, options.timeZone);
  const card = review.scorecard;
  const unit = card.subject.unit;
  const unitName = unit.names[locale] ?? unit.name;
  const title = t('title', { year: review.year });
  const { doc, done } = startPdf({ locale, title: `${title} — ${review.official.name}`, date: options.at, fontFile: options.fontFile });
  const { heading, note, table, footers } = pdfLayout(doc);
  const { accent, ink } = pdfColours;
  const grade = (g: ReviewView['leaderGrade']) => (g ? gradeNames[g][locale] : t('noGrade'));
  const paragraph = (text: string) => {
    doc.fontSize(10).fillColor(ink).text(text, { width: pdfInner });
    doc.moveDown(0.3);
  };

  doc.fontSize(18).fillColor(accent).text(title, { width: pdfInner });
  doc.moveDown(0.3);
  table(pdfColumns(30, 70).map((c) => ({ ...c, align: 'left' as const })), [t('official'), review.official.name], [
    [t('position'), review.official.position ?? '–'],
    [t('unit'), unitName],
    [t('period'), `${card.period.from} – ${lastDay(card.period.to)}`],
  ]);

  heading(t('computed'));
  if (review.frozen && review.gradedAt) note(t('frozen', { at: day(review.gradedAt) }));
  if (card.framework) {
    note(`${t('frameworkOf', { unit: card.framework.unit.name, position: card.framework.position ?? t('everyPosition') })} · ${t('thresholds', {
      excellent: n(card.framework.thresholds.excellent),
      good: n(card.framework.thresholds.good),
      completed: n(card.framework.thresholds.completed),
    })}`);
  } else note(t('noFramework'));
  table(
    pdfColumns(36, 24, 16, 12, 12),
    [t('criterion'), t('value'), t('scale'), t('weight'), t('score')],
    card.criteria.map((c) => [
      measureNames[c.measure][locale],
      valueText(c, n),
      c.worst === null ? '–' : `${n(c.worst)} → ${n(c.best)}`,
      n(c.weight),
      n(c.score),
    ]),
  );
  table(pdfColumns(50, 50), [t('total'), t('computedGrade')], [[n(card.total), grade(card.grade)]]);

  heading(t('selfAssessment'));
  if (review.selfAssessment) {
    paragraph(review.selfAssessment);
    if (review.selfAt) note(t('writtenOn', { at: day(review.selfAt) }));
  } else note(t('noSelf'));

  heading(t('leaderGrade'));
  if (review.leaderGrade) {
    paragraph(grade(review.leaderGrade));
    if (review.leaderReasons) paragraph(`${t('reasons')}: ${review.leaderReasons}`);
    if (review.gradedAt) note(t('gradedBy', { name: review.leaderName ?? '–', at: day(review.gradedAt) }));
  } else note(t('notGraded'));

  footers((page, total) => t('page', { n: page, total }));
  doc.end();
  return done;
}
