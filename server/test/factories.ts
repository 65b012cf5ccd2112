/**
 * Small builders for tests: units, agencies, officials with grants (signed in), residents.
 * They write rows directly, so a test states only what it is about.
 */
import type { Kysely } from 'kysely';
import type { DB, LocaleNames } from '../schema.ts';
import { createSession } from '../platform/sessions.ts';
import { hashPassword } from '../modules/people/passwords.ts';
import type { TestApp } from './server.ts';
import type { Role } from '../contract/domain.ts';

interface UnitInput {
  code: string;
  name: string;
  level: string;
  parentCode?: string;
  /** ISO 3166 code; 'VN' unless given. */
  country?: string;
  timeZone?: string;
  names?: LocaleNames;
}

export interface CreatedUnit {
  id: number;
  code: string;
  name: string;
  level: string;
  path: string;
  parentId: number | null;
}

const zones: Record<string, string> = { VN: 'Asia/Ho_Chi_Minh', CN: 'Asia/Shanghai' };

/** Lower case without diacritics: "Thanh Chương" → "thanh chuong". */
function searchKey(...names: Array<string | undefined>): string {
  return names
    .filter((n): n is string => !!n)
    .map((n) => n.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase())
    .join(' ');
}

/** A unit under its parent (by code), with its path computed. */
export async function createUnit(db: Kysely<DB>, input: UnitInput): Promise<CreatedUnit> {
  const parent = input.parentCode
    ? await db.selectFrom('units').select(['id', 'path', 'depth']).where('code', '=', input.parentCode).executeTakeFirstOrThrow()
    : undefined;
  const country = input.country ?? 'VN';
  const names = input.names ?? {};
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('units')
      .values({
        code: input.code,
        name: input.name,
        names: JSON.stringify(names),
        level: input.level,
        parent_id: parent?.id ?? null,
        path: '/', // set below, once the id is known
        depth: parent ? parent.depth + 1 : 0,
        country,
        time_zone: input.timeZone ?? zones[country] ?? 'UTC',
        search_key: searchKey(input.name, ...Object.values(names)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const path = `${parent?.path ?? '/'}${row.id}/`;
    await trx.updateTable('units').set({ path }).where('id', '=', row.id).execute();
    return { id: row.id, code: input.code, name: input.name, level: input.level, path, parentId: parent?.id ?? null };
  });
}

/** Several units, parents first; answers them by code. */
export async function createUnits(db: Kysely<DB>, inputs: UnitInput[]): Promise<Record<string, CreatedUnit>> {
  const out: Record<string, CreatedUnit> = {};
  for (const input of inputs) out[input.code] = await createUnit(db, input);
  return out;
}

/**
 * A province with two communes, each with one village: the smallest tree in which "inside my
 * subtree" and "in a sibling's subtree" differ. Codes are prefixed so a test may build several.
 */
export async function createSmallTree(db: Kysely<DB>, prefix = 'T', country = 'VN') {
  return createUnits(db, [
    { code: `${prefix}P`, name: `${prefix} Province`, level: 'province', country },
    { code: `${prefix}C1`, name: `${prefix} Commune One`, level: 'commune', parentCode: `${prefix}P`, country },
    { code: `${prefix}C2`, name: `${prefix} Commune Two`, level: 'commune', parentCode: `${prefix}P`, country },
    { code: `${prefix}V1`, name: `${prefix} Village One`, level: 'village', parentCode: `${prefix}C1`, country },
    { code: `${prefix}V2`, name: `${prefix} Village Two`, level: 'village', parentCode: `${prefix}C2`, country },
  ]);
}

interface CreatedAgency {
  id: number;
  unitId: number;
  name: string;
}

export async function createAgency(
  db: Kysely<DB>,
  input: { unit: string; name: string; kind?: string },
): Promise<CreatedAgency> {
  const unit = await db.selectFrom('units').select('id').where('code', '=', input.unit).executeTakeFirstOrThrow();
  const row = await db
    .insertInto('agencies')
    .values({ unit_id: unit.id, kind: input.kind ?? 'people_committee', name: input.name, names: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, unitId: unit.id, name: input.name };
}

/** Every factory official has this password, so tests may also sign in over HTTP. */
export const factoryPassword = 'factory-password-1';
let factoryHash: Promise<string> | undefined;
let sequence = 0;

interface OfficialInput {
  username?: string;
  name?: string;
  agency?: number;
  /** The official's own phone (E.164) or e-mail, where setup codes go. */
  phone?: string;
  email?: string;
  /** unit null: the whole deployment. */
  roles: Array<{ unit: string | null; role: Role }>;
}

export interface SignedIn {
  id: number;
  token: string;
  csrfToken: string;
  /** Bearer authorization for app.inject. */
  headers: { authorization: string };
}

export interface CreatedOfficial extends SignedIn {
  username: string;
  password: string;
}

async function signIn(t: TestApp, accountId: number): Promise<Omit<SignedIn, 'id'>> {
  const session = await createSession(t.ctx.db, accountId, t.clock.now(), t.ctx.config.sessionHours);
  return { token: session.token, csrfToken: session.csrfToken, headers: { authorization: `Bearer ${session.token}` } };
}

/**
 * A session of an official account with no grant and no password, written directly: for the
 * platform's own tests, which need a signed-in caller and choose the session's hours.
 */
export async function createBareSession(db: Kysely<DB>, username: string, now: Date, hours: number) {
  const account = await db
    .insertInto('accounts')
    .values({ kind: 'official', username, password_hash: 'x', name: username })
    .returning('id')
    .executeTakeFirstOrThrow();
  return createSession(db, account.id, now, hours);
}

/** An official with grants (units by code), signed in. */
export async function createOfficial(t: TestApp, input: OfficialInput): Promise<CreatedOfficial> {
  const db = t.ctx.db;
  const username = input.username ?? `official${++sequence}_${process.pid}`;
  const codes = input.roles.map((r) => r.unit).filter((c): c is string => c !== null);
  const units = codes.length
    ? await db.selectFrom('units').select(['id', 'code']).where('code', 'in', codes).execute()
    : [];
  const unitId = (code: string | null) => {
    if (code === null) return null;
    const unit = units.find((u) => u.code === code);
    if (!unit) throw new Error(`createOfficial: no unit ${code}; create it first`);
    return unit.id;
  };
  const grants = input.roles.map((r) => ({ unit_id: unitId(r.unit), role: r.role }));
  const account = await db
    .insertInto('accounts')
    .values({
      kind: 'official',
      username,
      password_hash: await (factoryHash ??= hashPassword(factoryPassword)),
      name: input.name ?? username,
      agency_id: input.agency ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (grants.length) {
    await db.insertInto('grants').values(grants.map((g) => ({ ...g, account_id: account.id }))).execute();
  }
  return { id: account.id, username, password: factoryPassword, ...(await signIn(t, account.id)) };
}

/** A resident account (phone in E.164 or e-mail), signed in. */
export async function createResident(
  t: TestApp,
  input: { phone?: string; email?: string; name?: string } = {},
): Promise<SignedIn> {
  const phone = input.phone ?? (input.email ? null : `+8490${String(++sequence).padStart(7, '0')}`);
  const account = await t.ctx.db
    .insertInto('accounts')
    .values({ kind: 'resident', name: input.name ?? '', phone, email: input.email ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: account.id, ...(await signIn(t, account.id)) };
}
