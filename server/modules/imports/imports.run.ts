/**
 * A CSV import of officials, agencies or service points: every row is checked and, as far as
 * it can be, written inside one transaction, each row behind a savepoint so that one row's
 * error does not hide the next one's. The transaction commits only when it is not a dry run and
 * no row has an error: otherwise it is rolled back, and nothing at all was written. Each row goes
 * through the same command (and permission check) as the form it replaces, so it is audited
 * and, for an official, sends the setup code only when the import commits (through the outbox).
 */
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import { roles, type Role } from '../../contract/domain.ts';
import type { Actor } from '../../platform/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, badRequest, forbidden } from '../../platform/errors.ts';
import { locales, translate, type Locale } from '../../platform/i18n.ts';
import { createOfficial } from '../people/index.ts';
import { canCreateAgency, createAgency, findAgenciesNamed, findAgencyId } from '../agencies/index.ts';
import { canCreateServicePoint, createServicePoint, findServicePointId, findUnitWithChecklist } from '../service-points/index.ts';
import { requireUnit, requireUnitWhere } from '../units/index.ts';
import { maxImportRows } from './imports.policy.ts';
import type { ImportKind, ImportResult } from './imports.schema.ts';

type Row = Record<string, string>;
interface Target {
  required: string[];
  /** What makes two rows the same, for the duplicate check within the file. */
  key(row: Row): string;
  what: string;
  write(trx: Kysely<DB>, ctx: AppContext, actor: Actor, row: Row): Promise<void>;
}

const field = (row: Row, column: string) => (row[column] ?? '').trim();

/** Agencies and service points are places of a unit known by kind and name: the same columns, and the same key within the file. */
const placeOfUnit = {
  required: ['unit', 'kind', 'name'],
  key: (r: Row) => [field(r, 'unit'), field(r, 'kind'), field(r, 'name')].join('\u0000'),
};

/** A name the unit already has for that kind of place is the row's error. */
async function refuseTakenName(find: typeof findAgencyId, trx: Kysely<DB>, unitId: number, row: Row): Promise<void> {
  if ((await find(trx, unitId, field(row, 'kind'), field(row, 'name'))) !== undefined) {
    throw badRequest('import_bad_field', { column: 'name', value: field(row, 'name') });
  }
}

/**
 * The agency column of an official's row: its number, or its name among the agencies of the
 * row's unit (in any language); a name that no agency there has, or that two have, is the row's error.
 */
async function agencyOfRow(trx: Kysely<DB>, ctx: AppContext, row: Row): Promise<number | null> {
  const agency = field(row, 'agency');
  if (!agency) return null;
  if (/^\d{1,15}$/.test(agency)) return Number(agency);
  if (agency.length > 200) throw badRequest('import_bad_field', { column: 'agency', value: agency.slice(0, 40) });
  const unit = await requireUnit(trx, field(row, 'unit'), ctx.clock.now());
  const ids = await findAgenciesNamed(trx, unit.id, agency);
  if (ids.length === 0) throw badRequest('import_unknown_agency', { name: agency, unit: unit.name });
  if (ids.length > 1) throw badRequest('import_ambiguous_agency', { name: agency, unit: unit.name, count: ids.length });
  return ids[0];
}

const targets: Record<ImportKind, Target> = {
  officials: {
    required: ['username', 'name', 'contact', 'unit', 'roles'],
    key: (r) => field(r, 'username').toLowerCase(),
    what: 'username',
    async write(trx, ctx, actor, row) {
      const given = field(row, 'roles').split(/[\s;,|]+/).filter(Boolean);
      const bad = given.find((r) => !(roles as readonly string[]).includes(r));
      if (bad || !given.length) throw badRequest('import_bad_field', { column: 'roles', value: bad ?? '' });
      const locale = field(row, 'locale');
      if (locale && !(locales as readonly string[]).includes(locale)) throw badRequest('import_bad_field', { column: 'locale', value: locale });
      if (actor.kind !== 'official') throw forbidden();
      const agency = await agencyOfRow(trx, ctx, row);
      await createOfficial(
        trx,
        actor,
        {
          username: field(row, 'username'),
          name: field(row, 'name'),
          contact: field(row, 'contact'),
          locale: (locale || undefined) as Locale | undefined,
          agency,
          grants: given.map((role) => ({ unit: field(row, 'unit'), role: role as Role })),
        },
        ctx.clock.now(),
      );
    },
  },
  agencies: {
    ...placeOfUnit,
    what: 'agency',
    async write(trx, ctx, actor, row) {
      const unit = await requireUnitWhere(trx, field(row, 'unit'), ctx.clock.now(), (path) => canCreateAgency(actor, path));
      await refuseTakenName(findAgencyId, trx, unit.id, row);
      const names = Object.fromEntries(locales.flatMap((l) => (field(row, `name_${l}`) ? [[l, field(row, `name_${l}`)]] : [])));
      const phone = field(row, 'phone');
      const email = field(row, 'email');
      if (phone && !/^[0-9+() .-]{3,40}$/.test(phone)) throw badRequest('import_bad_field', { column: 'phone', value: phone });
      if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw badRequest('import_bad_field', { column: 'email', value: email });
      await createAgency({ db: trx, clock: ctx.clock }, actor, { unit, kind: field(row, 'kind'), name: field(row, 'name'), names, phone: phone || null, email: email || null });
    },
  },
  'service-points': {
    ...placeOfUnit,
    what: 'service point',
    async write(trx, ctx, actor, row) {
      const unit = await findUnitWithChecklist(trx, field(row, 'unit'), ctx.clock.now());
      if (!unit) throw badRequest('unknown_unit', { code: field(row, 'unit') });
      if (!canCreateServicePoint(actor, unit.path)) throw forbidden();
      await refuseTakenName(findServicePointId, trx, unit.id, row);
      await createServicePoint({ db: trx, clock: ctx.clock }, actor, { unit, kind: field(row, 'kind'), name: field(row, 'name'), address: field(row, 'address') || null });
    },
  },
};

/** The CSV's data rows with the line each starts on (the header is line 1). */
function readCsv(text: string): Array<{ line: number; row: Row }> {
  try {
    const records = parse(text, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), bom: true, skip_empty_lines: true, info: true, raw: true }) as Array<{
      record: Row;
      info: { lines: number };
      raw: string;
    }>;
    // info.lines is the line a record ends on; its raw text (blank lines before it removed) says how many it spans.
    return records.map(({ record, info, raw }) => ({
      line: info.lines - (raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0),
      row: record,
    }));
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    throw badRequest('import_csv', { reason: `${e.lines ? `line ${e.lines}: ` : ''}${e.message ?? ''}` });
  }
}

export async function runImport(ctx: AppContext, actor: Actor, kind: ImportKind, csv: string, dryRun: boolean, locale: Locale): Promise<ImportResult> {
  const target = targets[kind];
  const rows = readCsv(csv);
  if (rows.length > maxImportRows) throw badRequest('import_too_many_rows', { max: maxImportRows });
  const header = rows.length ? Object.keys(rows[0].row) : (csv.split(/\r?\n/)[0] ?? '').split(',').map((c) => c.trim().toLowerCase());
  const missing = target.required.filter((c) => !header.includes(c));
  if (missing.length) throw badRequest('import_missing_columns', { columns: missing.join(', ') });

  const errors: ImportResult['errors'] = [];
  const fail = (line: number, e: AppError) => errors.push({ line, code: e.code, message: translate(e.code, locale, e.params) });
  const seen = new Map<string, number>();
  const trx = await ctx.db.startTransaction().execute();
  try {
    for (const { line, row } of rows) {
      const empty = target.required.find((c) => !field(row, c));
      if (empty) {
        fail(line, badRequest('import_missing_field', { column: empty }));
        continue;
      }
      const key = target.key(row);
      const first = seen.get(key);
      if (first !== undefined) {
        fail(line, badRequest('import_duplicate', { what: target.what, line: first }));
        continue;
      }
      seen.set(key, line);
      const savepoint = await trx.savepoint('import_row').execute();
      try {
        await target.write(savepoint, ctx, actor, row);
        await savepoint.releaseSavepoint('import_row').execute();
      } catch (err) {
        await savepoint.rollbackToSavepoint('import_row').execute();
        if (!(err instanceof AppError)) throw err;
        fail(line, err);
      }
    }
    if (dryRun || errors.length) await trx.rollback().execute();
    else await trx.commit().execute();
  } catch (err) {
    await trx.rollback().execute().catch(() => undefined);
    throw err;
  }
  return { kind, dryRun, rows: rows.length, written: dryRun || errors.length ? 0 : rows.length, errors };
}
