/** All SQL of the people module: accounts, grants, one-time codes. */
import { sql, type Kysely } from 'kysely';
import type { DB, LocaleNames } from '../../schema.ts';
import type { Role } from '../../contract/domain.ts';
import { resolveUnits } from '../units/index.ts';

export interface UnitRow {
  id: number;
  code: string;
  path: string;
  name: string;
  names: LocaleNames;
}

/** The units these codes mean at `now` (resolveUnits), by the code asked for. */
export async function unitsByCode(db: Kysely<DB>, codes: string[], now: Date): Promise<Map<string, UnitRow>> {
  return resolveUnits(db, codes, now);
}

export async function agencyWithPath(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('agencies as ag')
    .innerJoin('units as u', 'u.id', 'ag.unit_id')
    .select(['ag.id', 'ag.name', 'ag.unit_id', 'u.path'])
    .where('ag.id', '=', id)
    .executeTakeFirst();
}

export async function accountIdByUsername(db: Kysely<DB>, username: string) {
  return db.selectFrom('accounts').select(['id', 'kind']).where('username', '=', username).executeTakeFirst();
}

/** What sign-in needs to decide; only officials have a password. */
export async function officialForLogin(db: Kysely<DB>, username: string) {
  return db
    .selectFrom('accounts')
    .select(['id', 'password_hash', 'locked_until', 'disabled_at'])
    .where('kind', '=', 'official')
    .where('username', '=', username)
    .executeTakeFirst();
}

/**
 * Counts a failed sign-in in one statement, so concurrent attempts cannot lose a count.
 * The failure that reaches the limit locks the account and starts a fresh count for when the
 * lock ends. Answers the lock's end when this failure set it.
 */
export async function recordFailedLogin(
  db: Kysely<DB>,
  id: number,
  now: Date,
  limit: number,
  lockMs: number,
): Promise<Date | null> {
  const until = new Date(now.getTime() + lockMs);
  const row = await db
    .updateTable('accounts')
    .set({
      failed_logins: sql`case when failed_logins + 1 >= ${limit} then 0 else failed_logins + 1 end`,
      locked_until: sql`case when failed_logins + 1 >= ${limit} then ${until}::timestamptz else locked_until end`,
    })
    .where('id', '=', id)
    .returning(['locked_until'])
    .executeTakeFirst();
  const locked = row?.locked_until ? new Date(row.locked_until) : null;
  return locked && locked.getTime() === until.getTime() ? locked : null;
}

export async function clearFailedLogins(db: Kysely<DB>, id: number): Promise<void> {
  await db.updateTable('accounts').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
}

/** Locks the account row for the rest of the transaction; undefined when it is not an official. */
export async function lockOfficial(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('accounts')
    .select(['id', 'username', 'password_hash', 'disabled_at'])
    .where('id', '=', id)
    .where('kind', '=', 'official')
    .forUpdate()
    .executeTakeFirst();
}

export interface GrantRow {
  id: number;
  unitId: number | null;
  unitCode: string | null;
  unitPath: string;
  unitName: string | null;
  unitNames: LocaleNames | null;
  role: Role;
}

/** "The unit at u lies in one of these subtrees"; a deployment-wide grant (no unit) lies only in '/'. */
function underAny(prefixes: string[]) {
  return sql<boolean>`(${sql.join(prefixes.map((p) => sql`coalesce(u.path, '/') like ${`${p}%`}`), sql` or `)})`;
}

/**
 * The grants of account `a` as JSON; with `within`, only those in these subtrees: a caller
 * sees an official's roles in the caller's own units, not where else the official works.
 */
function grantsJson(within?: string[]) {
  return sql<GrantRow[]>`coalesce((
  select json_agg(json_build_object('id', g.id, 'unitId', g.unit_id, 'unitCode', u.code,
    'unitPath', coalesce(u.path, '/'), 'unitName', u.name, 'unitNames', u.names, 'role', g.role)
    order by g.id)
  from grants g left join units u on u.id = g.unit_id
  where g.account_id = a.id and ${within ? underAny(within) : sql`true`}), '[]'::json)`;
}

export async function grantsOf(db: Kysely<DB>, accountId: number): Promise<GrantRow[]> {
  const row = await db
    .selectFrom('accounts as a')
    .select(grantsJson().as('grants'))
    .where('a.id', '=', accountId)
    .executeTakeFirst();
  return row?.grants ?? [];
}

export async function insertOfficial(
  db: Kysely<DB>,
  values: { username: string; passwordHash: string; name: string; agencyId: number | null; at: Date },
): Promise<number> {
  const row = await db
    .insertInto('accounts')
    .values({
      kind: 'official',
      username: values.username,
      password_hash: values.passwordHash,
      name: values.name,
      agency_id: values.agencyId,
      created_at: values.at,
      updated_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertGrants(
  db: Kysely<DB>,
  accountId: number,
  grants: Array<{ unitId: number | null; role: Role }>,
  at: Date,
): Promise<void> {
  if (!grants.length) return;
  await db
    .insertInto('grants')
    .values(grants.map((g) => ({ account_id: accountId, unit_id: g.unitId, role: g.role, created_at: at })))
    .execute();
}

export async function deleteGrant(db: Kysely<DB>, grantId: number): Promise<void> {
  await db.deleteFrom('grants').where('id', '=', grantId).execute();
}

export async function setPassword(db: Kysely<DB>, id: number, passwordHash: string, at: Date): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function setDisabled(db: Kysely<DB>, id: number, disabledAt: Date | null, at: Date): Promise<void> {
  await db.updateTable('accounts').set({ disabled_at: disabledAt, updated_at: at }).where('id', '=', id).execute();
}

/** Signs the account out everywhere (after a password reset or when it is disabled). */
export async function deleteSessionsOf(db: Kysely<DB>, accountId: number): Promise<void> {
  await db.deleteFrom('sessions').where('account_id', '=', accountId).execute();
}

export interface OfficialRow {
  id: number;
  username: string;
  name: string;
  agency_id: number | null;
  agency_name: string | null;
  disabled_at: Date | null;
  created_at: Date;
  grants: GrantRow[];
}

/** Officials with their grants: all of them, or with `within` only those in these subtrees. */
function officialsBase(db: Kysely<DB>, within?: string[]) {
  return db
    .selectFrom('accounts as a')
    .leftJoin('agencies as ag', 'ag.id', 'a.agency_id')
    .select([
      'a.id',
      sql<string>`a.username`.as('username'),
      'a.name',
      'a.agency_id',
      'ag.name as agency_name',
      sql<Date | null>`a.disabled_at`.as('disabled_at'),
      'a.created_at',
      grantsJson(within).as('grants'),
    ])
    .where('a.kind', '=', 'official');
}

/**
 * The condition "this official is within the scope": a grant of theirs lies in one of the
 * subtrees. Scope '/' (the whole deployment) also covers officials without any grant.
 */
function inScope(prefixes: string[]) {
  return sql<boolean>`(${prefixes.includes('/')} or exists (
    select 1 from grants g join units u on u.id = g.unit_id
    where g.account_id = a.id and ${underAny(prefixes)}))`;
}

export async function officialInScope(db: Kysely<DB>, id: number, prefixes: string[]): Promise<OfficialRow | undefined> {
  if (!prefixes.length) return undefined;
  return officialsBase(db, prefixes).where('a.id', '=', id).where(inScope(prefixes)).executeTakeFirst();
}

export async function officialById(db: Kysely<DB>, id: number): Promise<OfficialRow | undefined> {
  return officialsBase(db).where('a.id', '=', id).executeTakeFirst();
}

export interface OfficialFilter {
  /** Path of the unit whose subtree the official must hold a grant in. */
  unitPath?: string;
  role?: Role;
  q?: string;
  afterId?: number;
  limit: number;
}

export async function listOfficials(db: Kysely<DB>, prefixes: string[], filter: OfficialFilter): Promise<OfficialRow[]> {
  if (!prefixes.length) return [];
  let query = officialsBase(db, prefixes).where(inScope(prefixes));
  if (filter.unitPath !== undefined || filter.role !== undefined) {
    // The unit and the role belong to the same grant: "a handler in this commune". That grant
    // lies in the caller's units too, or the filter would tell of grants the caller may not see.
    const unitCond = filter.unitPath !== undefined ? sql`coalesce(u.path, '/') like ${`${filter.unitPath}%`}` : sql`true`;
    const roleCond = filter.role !== undefined ? sql`g.role = ${filter.role}` : sql`true`;
    query = query.where(
      sql<boolean>`exists (select 1 from grants g left join units u on u.id = g.unit_id
        where g.account_id = a.id and ${unitCond} and ${roleCond} and ${underAny(prefixes)})`,
    );
  }
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(
      sql<boolean>`(unaccent(lower(a.name)) like unaccent(lower(${pattern})) or a.username like lower(${pattern}))`,
    );
  }
  if (filter.afterId !== undefined) query = query.where('a.id', '>', filter.afterId);
  return query.orderBy('a.id').limit(filter.limit).execute();
}

// --- residents and one-time codes

export async function countCodesSince(db: Kysely<DB>, destination: string, since: Date) {
  const row = await db
    .selectFrom('one_time_codes')
    .select([sql<number>`count(*)::int`.as('count'), sql<Date | null>`min(created_at)`.as('oldest')])
    .where('destination', '=', destination)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: row.count, oldest: row.oldest ? new Date(row.oldest) : null };
}

export async function insertCode(
  db: Kysely<DB>,
  values: { destination: string; codeHash: string; at: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('one_time_codes')
    .values({ destination: values.destination, code_hash: values.codeHash, created_at: values.at, expires_at: values.expiresAt })
    .execute();
}

/** The newest code sent to a destination, locked: only the latest code counts. */
export async function latestCode(db: Kysely<DB>, destination: string) {
  return db
    .selectFrom('one_time_codes')
    .select(['id', 'code_hash', 'expires_at', 'attempts', 'consumed_at'])
    .where('destination', '=', destination)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

export async function countWrongCode(db: Kysely<DB>, id: number): Promise<void> {
  await db.updateTable('one_time_codes').set({ attempts: sql`attempts + 1` }).where('id', '=', id).execute();
}

export async function consumeCode(db: Kysely<DB>, id: number, at: Date): Promise<void> {
  await db.updateTable('one_time_codes').set({ consumed_at: at }).where('id', '=', id).execute();
}

export async function residentByDestination(db: Kysely<DB>, destination: { phone?: string; email?: string }) {
  let query = db.selectFrom('accounts').select(['id', 'disabled_at']).where('kind', '=', 'resident');
  query = destination.phone
    ? query.where('phone', '=', destination.phone)
    : query.where(sql<string>`lower(email)`, '=', destination.email!.toLowerCase());
  return query.executeTakeFirst();
}

export async function insertResident(
  db: Kysely<DB>,
  values: { phone?: string; email?: string; locale: string; at: Date },
): Promise<number> {
  const row = await db
    .insertInto('accounts')
    .values({
      kind: 'resident',
      phone: values.phone ?? null,
      email: values.email ?? null,
      locale: values.locale,
      created_at: values.at,
      updated_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// --- the signed-in caller

export async function accountProfile(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('accounts as a')
    .leftJoin('agencies as ag', 'ag.id', 'a.agency_id')
    .select(['a.id', 'a.kind', 'a.name', 'a.username', 'a.phone', 'a.email', 'a.agency_id', 'ag.name as agency_name', grantsJson().as('grants')])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

// --- housekeeping

/** Removes expired sessions and codes too old to count toward the hourly limit. */
export async function purgeExpiredSignIns(db: Kysely<DB>, now: Date, keepCodesMs: number) {
  const sessions = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  const codes = await db
    .deleteFrom('one_time_codes')
    .where('created_at', '<', new Date(now.getTime() - keepCodesMs))
    .executeTakeFirst();
  return { sessions: Number(sessions.numDeletedRows), codes: Number(codes.numDeletedRows) };
}
