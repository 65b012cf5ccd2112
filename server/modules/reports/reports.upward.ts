/**
 * Reports upward: one table of every unit directly below a district or province for a period,
 * each row the figures of /api/v1/figures/children (one query for all of them), sortable, and
 * written as CSV or XLSX for the leader who sends them on.
 */
import writeXlsxFile from 'write-excel-file/node';
import type { AppContext } from '../../platform/context.ts';
import type { Locale } from '../../platform/i18n.ts';
import type { UnitRecord } from '../units/index.ts';
import { childFiguresOf } from '../figures/index.ts';
import { presentNames } from '../../platform/i18n.ts';
import { textOf, type ReportTextKey } from './reports.texts.ts';
import type { Period } from './reports.periods.ts';

const upwardColumns = ['received', 'answered', 'resolved', 'resolvedOnTime', 'responseRate', 'resolutionRate', 'onTimeRate', 'satisfactionRate'] as const;
type UpwardColumn = (typeof upwardColumns)[number];
const sortKeys = ['unit', ...upwardColumns] as const;
export type SortKey = (typeof sortKeys)[number];

interface UpwardRow {
  unit: { code: string; name: string; names: Record<string, string> };
  received: number;
  answered: number;
  resolved: number;
  resolvedOnTime: number;
  responseRate: number | null;
  resolutionRate: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
}

interface UpwardTable {
  unit: { code: string; name: string; names: Record<string, string> };
  period: { key: string; from: string; to: string };
  asOf: string;
  items: UpwardRow[];
  more: boolean;
}

export async function upwardTable(ctx: AppContext, unit: UnitRecord, period: Period, sort: SortKey = 'unit', order: 'asc' | 'desc' = 'asc'): Promise<UpwardTable> {
  const children = await childFiguresOf(ctx, { unit: unit.code, from: period.from, to: period.to });
  const items: UpwardRow[] = children.items.map((c) => ({
    unit: c.unit,
    received: c.received,
    answered: c.answered,
    resolved: c.resolved,
    resolvedOnTime: c.resolvedOnTime,
    responseRate: c.responseRate,
    resolutionRate: c.resolutionRate,
    onTimeRate: c.onTimeRate,
    satisfactionRate: c.satisfactionRate,
  }));
  const sign = order === 'asc' ? 1 : -1;
  // Units without a value (no denominator) go last whatever the order.
  items.sort((a, b) => {
    if (sort === 'unit') return sign * a.unit.code.localeCompare(b.unit.code);
    const x = a[sort];
    const y = b[sort];
    if (x === null || y === null) return x === y ? a.unit.code.localeCompare(b.unit.code) : x === null ? 1 : -1;
    return sign * (x - y) || a.unit.code.localeCompare(b.unit.code);
  });
  return {
    unit: { code: unit.code, name: unit.name, names: presentNames(unit.names) },
    period: { key: period.key, from: period.from, to: period.to },
    asOf: children.asOf,
    items,
    more: children.more,
  };
}

const headerKey: Record<UpwardColumn, ReportTextKey> = {
  received: 'received',
  answered: 'answered',
  resolved: 'resolved',
  resolvedOnTime: 'resolvedOnTime',
  responseRate: 'responseRate',
  resolutionRate: 'resolutionRate',
  onTimeRate: 'onTimeRate',
  satisfactionRate: 'satisfactionRate',
};

/** Rates as percentages with one decimal (98.3), empty when they have no denominator. */
const percent = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

function header(locale: Locale): string[] {
  return [textOf(locale, 'code'), textOf(locale, 'unit'), ...upwardColumns.map((c) => textOf(locale, headerKey[c]) + (c.endsWith('Rate') ? ' (%)' : ''))];
}

function rowValues(r: UpwardRow, locale: Locale): Array<string | number | null> {
  return [r.unit.code, r.unit.names[locale] ?? r.unit.name, ...upwardColumns.map((c) => (c.endsWith('Rate') ? percent(r[c]) : r[c]))];
}

const csvCell = (v: string | number | null) => {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV (RFC 4180) with a byte-order mark so that spreadsheet programs read UTF-8. */
export function upwardCsv(table: UpwardTable, locale: Locale): string {
  const lines = [header(locale), ...table.items.map((r) => rowValues(r, locale))].map((row) => row.map(csvCell).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export async function upwardXlsx(table: UpwardTable, locale: Locale): Promise<Buffer> {
  const head = header(locale).map((value) => ({ value, fontWeight: 'bold' as const }));
  const rows = table.items.map((r) => rowValues(r, locale).map((value) => (value === null ? null : { value })));
  return writeXlsxFile([head, ...rows], { sheet: table.period.key.slice(0, 31) }).toBuffer();
}
