import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, LocaleNames } from '../../../schema.ts';
import { appendAudit, canonicalJson, type AuditInput } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { searchKey } from '../../../platform/text.ts';
import { isWithinScope } from '../units.policy.ts';
import {
  allocateUnitIds,
  insertUnits,
  lockUnitImports,
  recomputeSubtreePaths,
  replacementCycles,
  setReplacements,
  unitsByCodes,
  unitsByIds,
  updateUnits,
  type UnitRecord,
  type UnitWrite,
} from '../units.queries.ts';

/** One unit to import. Optional fields that are undefined leave a stored unit's value alone. */
export interface UnitImportRow {
  code: string;
  /** The official name, in the country's language. */
  name: string;
  level: string;
  parentCode: string | null;
  /** Names per locale; the country's own language defaults to `name`. */
  names?: LocaleNames;
  /** ISO 3166 alpha-2; else the import's country, the stored value, the parent's, or VN. */
  country?: string;
  /** IANA zone; else the import's zone, the stored or parent's zone (same country), or the country's. */
  timeZone?: string;
  validFrom?: string | null;
  /** The first day on which the unit no longer exists (it was merged or dissolved). */
  validTo?: string | null;
  /** The code of the unit that took this one over. */
  replacedBy?: string | null;
  /** Where the row came from, for error messages (a CSV line number). */
  line?: number;
}

export interface ImportUnitsOptions {
  now: Date;
  actor: AuditInput['actor'];
  /** Applies to every row that names no country of its own. */
  country?: string;
  timeZone?: string;
  /** What was imported (a file name, a data set), recorded in the audit event. */
  source?: string;
  /** Path prefixes the importer may change; absent means anywhere. */
  within?: string[];
  onProgress?: (done: number, total: number) => void;
}

export interface ImportSummary {
  /** The audit subject of this run; null when nothing changed (and nothing was recorded). */
  importId: string | null;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
}

const defaultTimeZones: Record<string, string> = { VN: 'Asia/Ho_Chi_Minh', CN: 'Asia/Shanghai' };
const countryLanguage: Record<string, keyof LocaleNames> = { VN: 'vi', CN: 'zh' };
const batchSize = 1000;
const fallbackCountry = 'VN';

interface Issue {
  line: number | string;
  code: string;
  problem: string;
  params: Record<string, unknown>;
}

function fail(issues: Issue[], status = 400): never {
  const [first] = issues;
  throw new AppError(
    status,
    first.problem,
    { line: first.line, code: first.code, ...first.params },
    issues.slice(0, 100).map((i) => ({ line: i.line, code: i.code, problem: i.problem, ...i.params })),
  );
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Checks every row on its own; answers the rows trimmed and with countries upper-cased. */
function checkRows(rows: UnitImportRow[], opts: ImportUnitsOptions): UnitImportRow[] {
  const issues: Issue[] = [];
  const firstLine = new Map<string, number | string>();
  const checked = rows.map((raw, index) => {
    const line = raw.line ?? index + 1;
    const row: UnitImportRow = {
      ...raw,
      line: raw.line ?? index + 1,
      code: raw.code.trim(),
      name: raw.name.trim().replace(/\s+/g, ' '),
      level: raw.level.trim(),
      parentCode: raw.parentCode?.trim() || null,
      country: raw.country?.trim().toUpperCase() || undefined,
      timeZone: raw.timeZone?.trim() || undefined,
    };
    const add = (problem: string, params: Record<string, unknown> = {}) =>
      issues.push({ line, code: row.code, problem, params });
    for (const column of ['code', 'name', 'level'] as const) {
      if (!row[column]) add('unit_import_missing_value', { column });
    }
    if (row.code) {
      const first = firstLine.get(row.code);
      if (first !== undefined) add('unit_import_duplicate_code', { first });
      else firstLine.set(row.code, line);
    }
    if (row.parentCode && row.parentCode === row.code) add('unit_import_cycle');
    if (row.country && !/^[A-Z]{2}$/.test(row.country)) add('unit_import_bad_country', { value: raw.country });
    if (row.timeZone && !isTimeZone(row.timeZone)) add('unit_import_bad_time_zone', { value: row.timeZone });
    for (const [column, value] of [['valid_from', row.validFrom], ['valid_to', row.validTo]] as const) {
      if (value && !isDate(value)) add('unit_import_bad_date', { column, value });
    }
    if (row.validFrom && row.validTo && isDate(row.validFrom) && isDate(row.validTo) && row.validTo < row.validFrom) {
      add('unit_import_bad_validity', { validFrom: row.validFrom, validTo: row.validTo });
    }
    if (row.replacedBy && row.replacedBy === row.code) add('unit_import_replacement_cycle');
    return row;
  });
  if (opts.country !== undefined && !/^[A-Z]{2}$/.test(opts.country.toUpperCase())) {
    issues.unshift({ line: '-', code: '-', problem: 'unit_import_bad_country', params: { value: opts.country } });
  }
  if (opts.timeZone !== undefined && !isTimeZone(opts.timeZone)) {
    issues.unshift({ line: '-', code: '-', problem: 'unit_import_bad_time_zone', params: { value: opts.timeZone } });
  }
  if (rows.length === 0) throw new AppError(400, 'unit_import_empty');
  if (issues.length) fail(issues);
  return checked;
}

/** Rows ordered parents first; a parent chain inside the file that loops is refused. */
function parentsFirst(rows: UnitImportRow[], byCode: Map<string, UnitImportRow>): UnitImportRow[] {
  const depth = new Map<string, number>();
  const issues: Issue[] = [];
  for (const row of rows) {
    // Walk up inside the file until a unit of known depth or one outside the file.
    const chain: UnitImportRow[] = [];
    const seen = new Set<string>();
    let at: UnitImportRow | undefined = row;
    while (at && !depth.has(at.code)) {
      if (seen.has(at.code)) {
        issues.push({ line: row.line!, code: row.code, problem: 'unit_import_cycle', params: {} });
        break;
      }
      seen.add(at.code);
      chain.push(at);
      at = at.parentCode ? byCode.get(at.parentCode) : undefined;
    }
    let d = at && depth.has(at.code) ? depth.get(at.code)! + 1 : 0;
    for (const unit of chain.reverse()) depth.set(unit.code, d++);
  }
  if (issues.length) fail(issues);
  return [...rows].sort((a, b) => depth.get(a.code)! - depth.get(b.code)!);
}

interface Planned {
  row: UnitImportRow;
  write: UnitWrite;
  old?: UnitRecord;
  changed: boolean;
  /** The replacement is inserted by this import: set after every insert. */
  pendingReplacement?: number;
}

type Placed = Pick<UnitWrite, 'id' | 'path' | 'depth' | 'country' | 'time_zone'>;

function placed(record: UnitRecord): Placed {
  return { id: record.id, path: record.path, depth: record.depth, country: record.country, time_zone: record.timeZone };
}

function sameWrite(a: UnitWrite, b: UnitRecord): boolean {
  return (
    a.name === b.name &&
    canonicalJson(a.names) === canonicalJson(b.names) &&
    a.level === b.level &&
    a.parent_id === b.parentId &&
    a.path === b.path &&
    a.depth === b.depth &&
    a.country === b.country &&
    a.time_zone === b.timeZone &&
    a.valid_from === b.validFrom &&
    a.valid_to === b.validTo &&
    a.replaced_by_id === b.replacedById &&
    a.search_key === b.searchKey
  );
}

/**
 * Creates or updates units by code, in one transaction: parents before children, 1,000 rows
 * per statement. Importing the same rows again changes nothing and records nothing; otherwise
 * one audit event (subject 'unit_import') records the run. A row whose parent or replacement
 * is neither among the rows nor stored is refused, naming the row, and nothing is stored.
 */
export async function importUnits(db: Kysely<DB>, input: UnitImportRow[], opts: ImportUnitsOptions): Promise<ImportSummary> {
  const rows = checkRows(input, opts);
  const optCountry = opts.country?.toUpperCase();
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const ordered = parentsFirst(rows, byCode);

  return db.transaction().execute(async (trx) => {
    await lockUnitImports(trx);
    const wanted = new Set<string>();
    for (const r of rows) {
      wanted.add(r.code);
      if (r.parentCode) wanted.add(r.parentCode);
      if (r.replacedBy) wanted.add(r.replacedBy);
    }
    const stored = new Map((await unitsByCodes(trx, [...wanted])).map((u) => [u.code, u]));

    const issues: Issue[] = [];
    for (const r of rows) {
      if (r.parentCode && !byCode.has(r.parentCode) && !stored.has(r.parentCode)) {
        issues.push({ line: r.line!, code: r.code, problem: 'unit_import_unknown_parent', params: { parent: r.parentCode } });
      }
      if (r.replacedBy && !byCode.has(r.replacedBy) && !stored.has(r.replacedBy)) {
        issues.push({ line: r.line!, code: r.code, problem: 'unit_import_unknown_replacement', params: { replacedBy: r.replacedBy } });
      }
    }
    if (issues.length) fail(issues);

    const freshIds = await allocateUnitIds(trx, rows.filter((r) => !stored.has(r.code)).length);
    const plan = new Map<string, Planned>();
    // Ids first, so that replacements may point forward in the file.
    const idOf = new Map<string, number>();
    let fresh = 0;
    for (const r of ordered) idOf.set(r.code, stored.get(r.code)?.id ?? freshIds[fresh++]);

    for (const row of ordered) {
      const old = stored.get(row.code);
      const id = idOf.get(row.code)!;
      const parentRecord = row.parentCode ? stored.get(row.parentCode) : undefined;
      const parent: Placed | null = row.parentCode
        ? (plan.get(row.parentCode)?.write ?? placed(parentRecord!))
        : null;
      if (parent && parent.path.includes(`/${id}/`)) {
        fail([{ line: row.line!, code: row.code, problem: 'unit_import_cycle', params: {} }]);
      }
      const country = row.country ?? optCountry ?? old?.country ?? parent?.country ?? fallbackCountry;
      // Codes are unique across countries; the same digits from another country's list are
      // another unit, never an update of this one.
      if (old && old.country !== country) {
        issues.push({
          line: row.line!,
          code: row.code,
          problem: 'unit_import_country_conflict',
          params: { name: old.name, stored: old.country, country },
        });
      }
      const timeZone =
        row.timeZone ??
        opts.timeZone ??
        (old && old.country === country ? old.timeZone : undefined) ??
        (parent && parent.country === country ? parent.time_zone : undefined) ??
        defaultTimeZones[country];
      if (!timeZone) {
        issues.push({ line: row.line!, code: row.code, problem: 'unit_import_no_time_zone', params: { country } });
      }
      const names: LocaleNames = { ...(old?.names ?? {}), ...(row.names ?? {}) };
      const language = countryLanguage[country];
      // The official name is in the country's language: keep that locale in step with it.
      if (language) names[language] = row.names?.[language] ?? row.name;
      const replacedById =
        row.replacedBy === undefined ? (old?.replacedById ?? null) : row.replacedBy === null ? null : idOf.get(row.replacedBy) ?? stored.get(row.replacedBy)!.id;
      const path = `${parent?.path ?? '/'}${id}/`;
      const write: UnitWrite = {
        id,
        code: row.code,
        name: row.name,
        names,
        level: row.level,
        parent_id: parent?.id ?? null,
        path,
        depth: parent ? parent.depth + 1 : 0,
        country,
        time_zone: timeZone ?? 'UTC', // refused below when unknown
        valid_from: row.validFrom === undefined ? (old?.validFrom ?? null) : row.validFrom,
        valid_to: row.validTo === undefined ? (old?.validTo ?? null) : row.validTo,
        replaced_by_id: replacedById,
        search_key: searchKey(row.name, ...Object.values(names).filter((n): n is string => !!n)),
      };
      const changed = !old || !sameWrite(write, old);
      if (changed && opts.within && !(isWithinScope(path, opts.within) && (!old || isWithinScope(old.path, opts.within)))) {
        issues.push({ line: row.line!, code: row.code, problem: 'unit_import_out_of_scope', params: {} });
      }
      plan.set(row.code, { row, write, old, changed });
    }
    // Bad data first (400); only a valid file is refused for lying outside the importer's units (403).
    const invalid = issues.filter((i) => i.problem !== 'unit_import_out_of_scope');
    if (invalid.length) fail(invalid);
    if (issues.length) fail(issues, 403);

    const plannedRows = [...plan.values()];
    const creates = plannedRows.filter((p) => !p.old);
    const updates = plannedRows.filter((p) => p.old && p.changed);
    const total = rows.length;
    let done = total - creates.length - updates.length;
    opts.onProgress?.(done, total);

    // A replacement inserted by this import may come later in the file: set it afterwards.
    const newIds = new Set(creates.map((p) => p.write.id));
    for (const p of creates) {
      if (p.write.replaced_by_id !== null && newIds.has(p.write.replaced_by_id)) {
        p.pendingReplacement = p.write.replaced_by_id;
      }
    }
    for (let i = 0; i < creates.length; i += batchSize) {
      const batch = creates.slice(i, i + batchSize);
      await insertUnits(
        trx,
        batch.map((p) => (p.pendingReplacement ? { ...p.write, replaced_by_id: null } : p.write)),
        opts.now,
      );
      done += batch.length;
      opts.onProgress?.(done, total);
    }
    for (let i = 0; i < updates.length; i += batchSize) {
      const batch = updates.slice(i, i + batchSize);
      await updateUnits(trx, batch.map((p) => p.write), opts.now);
      done += batch.length;
      opts.onProgress?.(done, total);
    }
    await setReplacements(
      trx,
      creates.filter((p) => p.pendingReplacement).map((p) => ({ id: p.write.id, replaced_by_id: p.pendingReplacement! })),
    );
    const replacing = plannedRows.filter((p) => p.changed && p.write.replaced_by_id !== null).map((p) => p.write.id);
    const circular = await replacementCycles(trx, replacing);
    if (circular.length) {
      fail(plannedRows
        .filter((p) => circular.includes(p.write.id))
        .map((p) => ({ line: p.row.line!, code: p.row.code, problem: 'unit_import_replacement_cycle', params: {} })));
    }
    // Units that moved to another parent carry their stored descendants along.
    const moved = updates.filter((p) => p.old!.parentId !== p.write.parent_id).map((p) => p.write.id);
    const descendantsMoved = await recomputeSubtreePaths(trx, moved);

    if (creates.length === 0 && updates.length === 0) {
      return { importId: null, total, created: 0, updated: 0, unchanged: total };
    }
    const importId = crypto.randomUUID();
    await appendAudit(trx, {
      actor: opts.actor,
      action: 'units.imported',
      subjectType: 'unit_import',
      subjectId: importId,
      at: opts.now,
      changes: {
        source: opts.source ?? null,
        total,
        created: creates.map((p) => p.write.code),
        updated: await describeUpdates(trx, updates, plan),
        unchanged: total - creates.length - updates.length,
        descendantsMoved,
      },
    });
    return { importId, total, created: creates.length, updated: updates.length, unchanged: total - creates.length - updates.length };
  });
}

/** For the audit trail: per updated code, each field that changed as [before, after]. */
async function describeUpdates(trx: Kysely<DB>, updates: Planned[], plan: Map<string, Planned>) {
  const codeById = new Map<number, string>();
  for (const p of plan.values()) codeById.set(p.write.id, p.write.code);
  const unknown = new Set<number>();
  for (const p of updates) {
    for (const id of [p.old!.parentId, p.old!.replacedById, p.write.parent_id, p.write.replaced_by_id]) {
      if (id !== null && !codeById.has(id)) unknown.add(id);
    }
  }
  for (const u of await unitsByIds(trx, [...unknown])) codeById.set(u.id, u.code);
  const code = (id: number | null) => (id === null ? null : codeById.get(id) ?? null);

  const out: Record<string, Record<string, [unknown, unknown]>> = {};
  for (const { old, write } of updates) {
    const fields: Record<string, [unknown, unknown]> = {};
    const compare = (field: string, before: unknown, after: unknown) => {
      if (canonicalJson(before) !== canonicalJson(after)) fields[field] = [before, after];
    };
    compare('name', old!.name, write.name);
    compare('names', old!.names, write.names);
    compare('level', old!.level, write.level);
    compare('parent', code(old!.parentId), code(write.parent_id));
    compare('country', old!.country, write.country);
    compare('timeZone', old!.timeZone, write.time_zone);
    compare('validFrom', old!.validFrom, write.valid_from);
    compare('validTo', old!.validTo, write.valid_to);
    compare('replacedBy', code(old!.replacedById), code(write.replaced_by_id));
    out[write.code] = fields;
  }
  return out;
}
