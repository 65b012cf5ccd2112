/**
 * Files that leave for spreadsheets and other systems: CSV (RFC 4180, UTF-8 with a byte-order
 * mark so that spreadsheet programs read Vietnamese and Chinese right) and JSON arrays, both
 * written as a stream of pages so that a large range never sits in memory whole.
 */
import { Readable } from 'node:stream';

export type ExportFormat = 'csv' | 'json';
type ExportValue = string | number | boolean | null | undefined;
export type ExportRow = Record<string, ExportValue>;

/**
 * One CSV cell: quoted when it holds a separator, a quote or a line break; a cell that a
 * spreadsheet would run as a formula (= + - @, a tab or a carriage return first) gets an
 * apostrophe in front.
 */
export function csvCell(value: ExportValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (cells: ExportValue[]) => `${cells.map(csvCell).join(',')}\r\n`;

/**
 * The file as a stream: `pages` yields rows a page at a time (each page one query), and each
 * page is written out before the next is asked for.
 */
export function exportStream(format: ExportFormat, columns: readonly string[], pages: AsyncIterable<ExportRow[]>): Readable {
  async function* lines() {
    let first = true;
    yield format === 'csv' ? `\uFEFF${csvLine([...columns])}` : '[';
    for await (const page of pages) {
      let chunk = '';
      for (const row of page) {
        if (format === 'csv') chunk += csvLine(columns.map((c) => row[c]));
        else {
          const picked: Record<string, ExportValue> = {};
          for (const c of columns) picked[c] = row[c] ?? null;
          chunk += `${first ? '\n' : ',\n'}${JSON.stringify(picked)}`;
          first = false;
        }
      }
      if (chunk) yield chunk;
    }
    if (format === 'json') yield '\n]\n';
  }
  return Readable.from(lines());
}

export const exportContentType = (format: ExportFormat) => (format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');

/** The download's name, e.g. petitions-17719-2026-03-02.csv. */
export const exportFileName = (what: string, unit: string | null | undefined, day: string, format: ExportFormat) =>
  `${[what, unit, day].filter(Boolean).join('-').replace(/[^A-Za-z0-9._-]/g, '_')}.${format}`;
