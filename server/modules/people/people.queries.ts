/** The people module's SQL: accounts, grants, sign-in attempts and known devices, one-time codes, sessions to purge. */
import { sql, type Kysely } from 'kysely';
import type { DB, LocaleNames } from '../../schema.ts';
import type { Role } from '../../contract/domain.ts';
import { insertReturningId } from '../../platform/db.ts';

export interface UnitRow {
  id: number;
  code: string;
  path: string;
  name: string;
  names: LocaleNames;
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

/**
 * The officials a single sign-on claim names: by e-mail address (any case) or by username. More
 * than one answer means the claim names nobody for certain.
 */
export async function officialsForSso(db: Kysely<DB>, match: 'email' | 'username', value: string) {
  let query = db.selectFrom('accounts').select(['id', 'username', 'disabled_at']).where('kind', '=', 'official');
  query = match === 'email' ? query.where(sql<string>`lower(email)`, '=', value.toLowerCase()) : query.where('username', '=', value.toLowerCase());
  return query.orderBy('id').limit(2).execute();
}

/**
 * What sign-in needs to decide, in one statement: the account (only officials have a
 * password) and whether this device signed in to it before.
 */
export async function officialForLogin(db: Kysely<DB>, username: string, deviceHash: string | null) {
  return db
    .selectFrom('accounts as a')
    .select([
      'a.id',
      'a.name',
      'a.password_hash',
      'a.disabled_at',
      sql<boolean>`exists (select 1 from known_devices d where d.token_hash = ${deviceHash ?? ''} and d.account_id = a.id)`.as('known_device'),
    ])
    .where('a.kind', '=', 'official')
    .where('a.username', '=', username)
    .executeTakeFirst();
}

/**
 * Counts one attempt against each key in one statement, before the password is checked, so
 * that concurrent attempts cannot get past the allowance. A key whose window has ended starts
 * a new one. Answers each key's attempts in its window and when the window ends.
 */
export async function takeSignInAttempts(db: Kysely<DB>, keys: string[], now: Date, windowMs: number) {
  const ends = new Date(now.getTime() + windowMs);
  const { rows } = await sql<{ key: string; attempts: number; window_ends: Date }>`
    insert into sign_in_attempts as s (key, attempts, window_ends)
    select k, 1, ${ends}::timestamptz from unnest(${keys}::text[]) as k
    on conflict (key) do update set
      attempts = case when s.window_ends <= ${now}::timestamptz then 1 else s.attempts + 1 end,
      window_ends = case when s.window_ends <= ${now}::timestamptz then excluded.window_ends else s.window_ends end
    returning key, attempts, window_ends`.execute(db);
  return rows.map((r) => ({ key: r.key, attempts: r.attempts, windowEnds: new Date(r.window_ends) }));
}

/**
 * After a successful sign-in: the account's and the device's counts start again, and the
 * address gets its attempt back (an office of many officials shares one address).
 */
export async function settleSignInAttempts(db: Kysely<DB>, reset: string[], giveBack: string[]): Promise<void> {
  await sql`with reset as (delete from sign_in_attempts where key = any(${reset}::text[]))
    update sign_in_attempts set attempts = greatest(attempts - 1, 0) where key = any(${giveBack}::text[])`.execute(db);
}

export async function clearSignInAttempts(db: Kysely<DB>, keys: string[]): Promise<void> {
  await db.deleteFrom('sign_in_attempts').where('key', 'in', keys).execute();
}

/** The device is now known to the account (or was, and is used again). */
export async function rememberDevice(db: Kysely<DB>, deviceHash: string, accountId: number, at: Date): Promise<void> {
  await db
    .insertInto('known_devices')
    .values({ token_hash: deviceHash, account_id: accountId, created_at: at, last_used_at: at })
    .onConflict((oc) => oc.columns(['token_hash', 'account_id']).doUpdateSet({ last_used_at: at }))
    .execute();
}

/** Locks the account row for the rest of the transaction; undefined when it is not an official. */
export async function lockOfficial(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('accounts')
    .select(['id', 'username', 'name', 'phone', 'email', 'locale', 'password_hash', 'disabled_at'])
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
  values: {
    username: string;
    /** null: the official sets it with the setup code sent to their phone or e-mail. */
    passwordHash: string | null;
    name: string;
    agencyId: number | null;
    phone?: string | null;
    email?: string | null;
    locale?: string | null;
    /** The job position, as the directory shows it and the scorecard frameworks name it. */
    position?: string | null;
    at: Date;
  },
): Promise<number> {
  return insertReturningId(db, 'accounts', {
    kind: 'official',
    username: values.username,
    password_hash: values.passwordHash,
    name: values.name,
    agency_id: values.agencyId,
    phone: values.phone ?? null,
    email: values.email ?? null,
    locale: values.locale ?? null,
    position: values.position ?? null,
    created_at: values.at,
    updated_at: values.at,
  });
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

/** null: no password works until the official sets one with a setup code. */
export async function setPassword(db: Kysely<DB>, id: number, passwordHash: string | null, at: Date): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ password_hash: passwordHash, updated_at: at })
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
  awaiting_setup: boolean;
  phone: string | null;
  email: string | null;
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
      sql<boolean>`a.password_hash is null`.as('awaiting_setup'),
      'a.phone',
      'a.email',
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

interface OfficialFilter {
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
  return insertReturningId(db, 'accounts', {
    kind: 'resident',
    phone: values.phone ?? null,
    email: values.email ?? null,
    locale: values.locale,
    created_at: values.at,
    updated_at: values.at,
  });
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

/**
 * Removes expired sessions, codes too old to count toward the hourly limit (and expired),
 * ended attempt windows, and devices not used for `keepDevicesMs`.
 */
export async function purgeExpiredSignIns(db: Kysely<DB>, now: Date, keepCodesMs: number, keepDevicesMs: number) {
  const sessions = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  await db.deleteFrom('sign_in_attempts').where('window_ends', '<=', now).execute();
  await db.deleteFrom('known_devices').where('last_used_at', '<', new Date(now.getTime() - keepDevicesMs)).execute();
  const codes = await db
    .deleteFrom('one_time_codes')
    .where('created_at', '<', new Date(now.getTime() - keepCodesMs))
    .where('expires_at', '<=', now)
    .executeTakeFirst();
  return { sessions: Number(sessions.numDeletedRows), codes: Number(codes.numDeletedRows) };
}
