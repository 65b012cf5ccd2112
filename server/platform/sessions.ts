import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Actor, Grant } from './access.ts';
import { executePrepared, type Database } from './db.ts';
import type { Role } from '../contract/domain.ts';

export const sessionCookie = 'zd_session';

export const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
export const randomToken = (bytes = 32) => crypto.randomBytes(bytes).toString('base64url');

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Kysely<DB>,
  accountId: number,
  now: Date,
  hours: number,
  meta: { ip?: string; userAgent?: string } = {},
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + hours * 3600_000);
  await db
    .insertInto('sessions')
    .values({
      token_hash: sha256(token),
      account_id: accountId,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: expiresAt,
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export async function deleteSession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
}

interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  expiresAt: Date;
}

/** The actor behind a session token, with grants and the paths of their units; null if none. */
export async function resolveSession(db: Kysely<DB>, token: string, now: Date, database?: Database): Promise<ResolvedSession | null> {
  const query = db
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .select([
      's.csrf_token',
      's.expires_at',
      'a.id',
      'a.kind',
      'a.name',
      'a.username',
      'a.phone',
      'a.email',
      'a.agency_id',
      sql<Grant[]>`coalesce((
        select json_agg(json_build_object('unitId', g.unit_id, 'unitCode', u.code,
                        'unitPath', coalesce(u.path, '/'), 'role', g.role) order by g.id)
        from grants g left join units u on u.id = g.unit_id
        where g.account_id = a.id), '[]'::json)`.as('grants'),
    ])
    .where('s.token_hash', '=', sha256(token))
    .where('s.expires_at', '>', now)
    .where('a.disabled_at', 'is', null);
  // Every signed-in request runs it: prepared, its planning is not paid each time.
  const [row] = await executePrepared<Awaited<ReturnType<typeof query.executeTakeFirstOrThrow>>>(db, database, query.compile());
  if (!row) return null;
  const actor: Actor =
    row.kind === 'official'
      ? {
          kind: 'official',
          id: row.id,
          name: row.name,
          username: row.username ?? '',
          agencyId: row.agency_id,
          grants: row.grants.map((g) => ({ ...g, role: g.role as Role })),
        }
      : { kind: 'resident', id: row.id, name: row.name, phone: row.phone, email: row.email };
  return { actor, csrfToken: row.csrf_token, expiresAt: row.expires_at };
}
