/**
 * The server's PDF documents (pdfkit): an A4 page, one embedded font and the few layout pieces a
 * document is made of — headings, notes, tables, bars and page footers.
 *
 * One font — a subset of Noto Sans CJK SC shipped in fonts/ (OFL) — prints Vietnamese and Chinese
 * alike, so no text is split by script; ZD_REPORT_FONT (config.reportFont) may name a complete font
 * instead. A document's dates come from the caller, so the same content gives the same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { Locale } from './i18n.ts';

export const shippedFont = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fonts', 'report-sans.otf');

const fonts = new Map<string, Buffer>();
/** A font file's bytes, read once per process. */
function fontData(file: string): Buffer {
  let data = fonts.get(file);
  if (!data) {
    data = fs.readFileSync(file);
    fonts.set(file, data);
  }
  return data;
}

const intlLocale: Record<Locale, string> = { vi: 'vi-VN', zh: 'zh-CN', en: 'en-GB' };

/** How a document writes numbers in a language: counts grouped, rates as percentages with one decimal. */
export function numberFormats(locale: Locale) {
  const count = new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 1 });
  const pct = new Intl.NumberFormat(intlLocale[locale], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    count: (n: number | null) => (n === null ? '–' : count.format(n)),
    rate: (r: number | null) => (r === null ? '–' : pct.format(r)),
  };
}

export const pdfPage = { width: 595.28, height: 841.89, margin: 48 };
/** The width between the margins. */
export const pdfInner = pdfPage.width - 2 * pdfPage.margin;
export const pdfColours = { ink: '#1b1b1b', faint: '#6b6b6b', rule: '#c8c8c8', accent: '#1d4e89' };

type Pdf = InstanceType<typeof PDFDocument>;

interface PdfStart {
  locale: Locale;
  title: string;
  /** The document's creation and modification date. */
  date: Date;
  /** A font file (OTF/TTF) to embed instead of the shipped one. */
  fontFile?: string;
}

/** A new A4 document with the body font set; `done` gives its bytes once `doc.end()` is called. */
export function startPdf(options: PdfStart): { doc: Pdf; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margin: pdfPage.margin,
    bufferPages: true,
    info: { Title: options.title, Producer: 'Zero Distance', Creator: 'Zero Distance', CreationDate: options.date, ModDate: options.date },
    lang: { vi: 'vi', zh: 'zh-CN', en: 'en' }[options.locale],
  });
  doc.registerFont('body', fontData(options.fontFile ?? shippedFont));
  doc.font('body').fillColor(pdfColours.ink);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

interface PdfColumn {
  width: number;
  align?: 'left' | 'right';
}

/** Columns sharing the inner width in the given proportions: the first left-aligned, the others right. */
export function pdfColumns(...widths: number[]): PdfColumn[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  return widths.map((w, i) => ({ width: (w * pdfInner) / sum, align: i === 0 ? 'left' : 'right' }));
}

/** The layout pieces, drawn at the document's cursor and starting a new page when one does not fit. */
export function pdfLayout(doc: Pdf) {
  const { margin, height } = pdfPage;
  const inner = pdfInner;
  const { ink, faint, rule, accent } = pdfColours;
  const bottom = height - margin - 20;
  const ensure = (h: number) => {
    if (doc.y + h > bottom) doc.addPage();
  };
  const heading = (text: string) => {
    ensure(90);
    doc.moveDown(0.8);
    doc.fontSize(13).fillColor(accent).text(text, margin, doc.y, { width: inner });
    doc.moveDown(0.3);
    doc.fillColor(ink);
  };
  const note = (text: string) => {
    ensure(20);
    doc.fontSize(9).fillColor(faint).text(text, margin, doc.y, { width: inner });
    doc.fillColor(ink);
  };
  /** A table with a shaded head row, repeated at the top of each further page. */
  const table = (columns: PdfColumn[], head: string[], rows: string[][]) => {
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
      let x = margin;
      if (bold) doc.rect(margin, y, inner, h).fill('#eef2f7').fillColor(ink);
      cells.forEach((c, i) => {
        doc.fillColor(bold ? accent : ink).text(c, x + pad, y + pad, { width: columns[i].width - 2 * pad, align: columns[i].align ?? 'left', lineBreak: true });
        x += columns[i].width;
      });
      doc.moveTo(margin, y + h).lineTo(margin + inner, y + h).lineWidth(0.5).strokeColor(rule).stroke();
      doc.fillColor(ink);
      doc.x = margin;
      doc.y = y + h;
    };
    drawRow(head, true);
    for (const r of rows) drawRow(r, false);
    doc.moveDown(0.4);
  };
  /** Horizontal bars of rates (0–100%) labelled by `show`, with a mark at the target when there is one. */
  const bars = (items: Array<{ label: string; value: number | null; target?: number | null }>, show: (rate: number | null) => string) => {
    const labelWidth = inner * 0.32;
    const barWidth = inner * 0.52;
    for (const item of items) {
      ensure(16);
      const y = doc.y;
      doc.fontSize(8).fillColor(ink).text(item.label, margin, y + 2, { width: labelWidth - 6, lineBreak: false, ellipsis: true });
      doc.rect(margin + labelWidth, y + 2, barWidth, 9).fill('#e6e6e6');
      if (item.value !== null) doc.rect(margin + labelWidth, y + 2, barWidth * item.value, 9).fill(accent);
      if (item.target !== undefined && item.target !== null) {
        const tx = margin + labelWidth + barWidth * item.target;
        doc.moveTo(tx, y).lineTo(tx, y + 13).lineWidth(1.5).strokeColor('#c0392b').stroke();
      }
      doc.fillColor(ink).text(show(item.value), margin + labelWidth + barWidth + 6, y + 2, { width: inner - labelWidth - barWidth - 6, lineBreak: false });
      doc.x = margin;
      doc.y = y + 15;
    }
    doc.moveDown(0.4);
  };
  /** A line at the foot of every page (page numbers …); call once, after the last page is drawn. */
  const footers = (text: (n: number, total: number) => string) => {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      doc.page.margins.bottom = 0;
      doc.fontSize(8).fillColor(faint).text(text(i + 1, range.count), margin, height - margin, { width: inner, align: 'center', lineBreak: false, height: 12 });
    }
  };
  return { ensure, heading, note, table, bars, footers };
}
