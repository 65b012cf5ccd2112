/**
 * The national unit tree (Viet Nam since 1 July 2025: 34 provinces, 3,321 communes, under one
 * country unit) plus about ten generated villages per commune, imported with the units
 * module's own importUnits; then three officials per province and per commune (dispatcher,
 * handler, leader) with their grants, written in bulk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../server/schema.ts';
import { parseUnitsCsv } from '../server/modules/units/units.csv.ts';
import { importUnits, type UnitImportRow } from '../server/modules/units/commands/importUnits.ts';
import { vnEditionFile, vnEditions } from '../server/modules/units/vnEditions.ts';
import { Random } from './random.ts';
import { communeWeights, type Commune, type Officials, type Province, type UnitRef, type World } from './workload.ts';

/** The post-2025 list the project ships (data/vn-units); ZD_VN_UNITS_DIR points to another folder holding it. */
export const vnUnitsFile = process.env.ZD_VN_UNITS_DIR
  ? path.resolve(process.env.ZD_VN_UNITS_DIR, vnEditions.post2025)
  : vnEditionFile('post2025');

const countryCode = 'VN';

/** The rows to import: the country, the CSV's provinces and communes, and generated villages. */
function unitRows(random: Random, villagesPerCommune: number): UnitImportRow[] {
  if (!fs.existsSync(vnUnitsFile)) {
    throw new Error(`The VN unit file is missing: ${vnUnitsFile} (set ZD_VN_UNITS_DIR to the folder that holds it)`);
  }
  const csv = parseUnitsCsv(fs.readFileSync(vnUnitsFile));
  const rows: UnitImportRow[] = [{ code: countryCode, name: 'Việt Nam', level: 'country', parentCode: null, country: 'VN' }];
  for (const r of csv) rows.push({ ...r, parentCode: r.parentCode || countryCode });
  for (const r of csv) {
    if (r.level !== 'commune') continue;
    // 5 to 15 villages (thôn) or residential groups (tổ dân phố), about 10 on average.
    const n = Math.max(1, villagesPerCommune - 5 + random.int(11));
    const ward = r.name.startsWith('Phường');
    for (let v = 1; v <= n; v++) {
      rows.push({
        code: `${r.code}-${String(v).padStart(2, '0')}`,
        name: ward ? `Tổ dân phố ${v}` : `Thôn ${v}`,
        level: 'village',
        parentCode: r.code,
      });
    }
  }
  return rows;
}

interface UnitRow {
  id: number;
  code: string;
  path: string;
  level: string;
  parent_id: number | null;
}

/** Imports the tree, creates the officials, and answers the world the generator draws from (the same world loadWorld answers later for the seed). */
export async function buildWorld(db: Kysely<DB>, seed: string, opts: { villagesPerCommune: number; now: Date }): Promise<World> {
  await importUnits(db, unitRows(new Random(seed).fork('units'), opts.villagesPerCommune), {
    now: opts.now,
    actor: { kind: 'system', label: 'bench' },
    source: path.basename(vnUnitsFile),
  });
  // A fresh generator, as `--reuse` gives loadWorld: the communes' weights must be the ones the petitions were drawn with.
  return loadWorld(db, new Random(seed));
}

/** Officials get ids we choose, so that the audit labels can name them before they exist. */
async function createOfficials(db: Kysely<DB>, units: UnitRow[]): Promise<Map<number, Officials>> {
  const start = Number((await sql<{ n: number }>`SELECT coalesce(max(id), 0)::bigint + 1 AS n FROM accounts`.execute(db)).rows[0].n);
  const out = new Map<number, Officials>();
  const accounts: string[] = [];
  const grants: string[] = [];
  let id = start;
  for (const u of units) {
    const o = { dispatcher: id++, handler: id++, leader: id++ };
    out.set(u.id, o);
    for (const [role, account] of Object.entries(o)) {
      // No password: bench officials never sign in; the bench gives them sessions directly.
      accounts.push(`(${account}, 'official', 'bench-${account}', 'bench:no-sign-in', '${role} ${u.code}', 'vi')`);
      grants.push(`(${account}, ${u.id}, '${role}')`);
    }
  }
  for (let i = 0; i < accounts.length; i += 5000) {
    await sql
      .raw(
        `INSERT INTO accounts (id, kind, username, password_hash, name, locale) OVERRIDING SYSTEM VALUE VALUES ${accounts.slice(i, i + 5000).join(',')}`,
      )
      .execute(db);
    await sql.raw(`INSERT INTO grants (account_id, unit_id, role) VALUES ${grants.slice(i, i + 5000).join(',')}`).execute(db);
  }
  await sql`SELECT setval(pg_get_serial_sequence('accounts', 'id'), (SELECT max(id) FROM accounts))`.execute(db);
  return out;
}

/** The world of an already loaded database (officials are created when missing). */
export async function loadWorld(db: Kysely<DB>, random: Random): Promise<World> {
  const units = (await sql<UnitRow>`SELECT id, code, path, level, parent_id FROM units ORDER BY id`.execute(db)).rows;
  const country = units.find((u) => u.code === countryCode);
  if (!country) throw new Error('the bench database has no country unit');
  const staffed = units.filter((u) => u.level === 'province' || u.level === 'commune');
  const existing = (
    await sql<{ unit_id: number; role: string; account_id: number }>`
      SELECT g.unit_id, g.role, g.account_id FROM grants g JOIN accounts a ON a.id = g.account_id
       WHERE a.username LIKE 'bench-%'`.execute(db)
  ).rows;
  let officials: Map<number, Officials>;
  if (existing.length) {
    officials = new Map();
    for (const g of existing) {
      const o = officials.get(g.unit_id) ?? ({} as Officials);
      o[g.role as keyof Officials] = g.account_id;
      officials.set(g.unit_id, o);
    }
  } else officials = await createOfficials(db, staffed);

  const ref = (u: UnitRow): UnitRef => ({ id: u.id, code: u.code, path: u.path });
  const provinces: Province[] = [];
  const provinceIndex = new Map<number, number>();
  for (const u of units) {
    if (u.level !== 'province') continue;
    provinceIndex.set(u.id, provinces.length);
    provinces.push({ ...ref(u), communes: [], officials: officials.get(u.id)! });
  }
  const communes: Commune[] = [];
  const communeIndex = new Map<number, number>();
  const weights = communeWeights(random.fork('weights'), units.filter((u) => u.level === 'commune').length);
  for (const u of units) {
    if (u.level !== 'commune') continue;
    const p = provinceIndex.get(u.parent_id!)!;
    communeIndex.set(u.id, communes.length);
    provinces[p].communes.push(communes.length);
    communes.push({ ...ref(u), province: p, villages: [], officials: officials.get(u.id)!, weight: weights[communes.length] });
  }
  for (const u of units) {
    if (u.level === 'village') communes[communeIndex.get(u.parent_id!)!].villages.push(ref(u));
  }
  return { country: ref(country), provinces, communes };
}
