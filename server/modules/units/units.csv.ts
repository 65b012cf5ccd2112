/**
 * The unit import file: `code,name,level,parent_code` plus optional columns. Codes stay text
 * (Vietnamese province codes such as "01" keep their leading zero).
 */
import { parse, CsvError } from 'csv-parse/sync';
import { AppError } from '../../platform/errors.ts';
import { locales } from '../../platform/i18n.ts';
import type { LocaleNames } from '../../schema.ts';
import type { UnitImportRow } from './commands/importUnits.ts';

const requiredColumns = ['code', 'name', 'level', 'parent_code'] as const;
const optionalColumns = [
  'name_vi',
  'name_zh',
  'name_en',
  'country',
  'time_zone',
  'valid_from',
  'valid_to',
  'replaced_by',
] as const;
const knownColumns: readonly string[] = [...requiredColumns, ...optionalColumns];

/**
 * Reads the file into import rows. A column that is absent leaves that field alone on units
 * already stored; an empty cell in a present column of valid_to/valid_from/replaced_by clears it.
 * Throws a 400 AppError naming the line for anything that is not a well-formed file.
 */
export function parseUnitsCsv(input: string | Buffer): UnitImportRow[] {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(input, { bom: true, info: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (e) {
    if (e instanceof CsvError) {
      throw new AppError(400, 'unit_import_csv_malformed', { line: (e as { lines?: number }).lines ?? '?', reason: e.message });
    }
    throw e;
  }
  if (records.length === 0) throw new AppError(400, 'unit_import_empty');
  const header = records[0].record.map((h) => h.trim().toLowerCase());
  const missing = requiredColumns.filter((c) => !header.includes(c));
  if (missing.length) throw new AppError(400, 'unit_import_missing_columns', { columns: missing.join(', ') });
  const unknown = header.filter((h) => !knownColumns.includes(h));
  if (unknown.length) {
    throw new AppError(400, 'unit_import_unknown_columns', { columns: unknown.join(', '), allowed: knownColumns.join(', ') });
  }
  const at = (name: string) => header.indexOf(name);
  const column = Object.fromEntries(knownColumns.map((c) => [c, at(c)])) as Record<string, number>;
  const cell = (record: string[], name: string): string | undefined =>
    column[name] >= 0 ? record[column[name]] ?? '' : undefined;
  // An absent column is undefined (keep what is stored); an empty cell is null (clear it).
  const optional = (record: string[], name: string): string | null | undefined => {
    const value = cell(record, name);
    return value === undefined ? undefined : value === '' ? null : value;
  };

  const rows: UnitImportRow[] = [];
  for (const { record, info } of records.slice(1)) {
    const names: LocaleNames = {};
    for (const locale of locales) {
      const value = cell(record, `name_${locale}`);
      if (value) names[locale] = value;
    }
    rows.push({
      line: info.lines,
      code: cell(record, 'code') ?? '',
      name: cell(record, 'name') ?? '',
      level: cell(record, 'level') ?? '',
      parentCode: cell(record, 'parent_code') || null,
      names,
      country: cell(record, 'country') || undefined,
      timeZone: cell(record, 'time_zone') || undefined,
      validFrom: optional(record, 'valid_from'),
      validTo: optional(record, 'valid_to'),
      replacedBy: optional(record, 'replaced_by'),
    });
  }
  if (rows.length === 0) throw new AppError(400, 'unit_import_empty');
  return rows;
}
