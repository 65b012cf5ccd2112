/** All SQL of the api-keys module. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import { insertReturningId } from '../../platform/db.ts';

export interface ApiKeyRow {
  id: number;
  client: string;
  prefix: string;
  unit_id: number | null;
  unit_code: string | null;
  unit_name: string | null;
  unit_path: string;
  per_minute: number;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const columns = sql`k.id, k.client, k.prefix, k.unit_id, u.code AS unit_code, u.name AS unit_name, coalesce(u.path, '/') AS unit_path,
  k.per_minute, k.created_at, k.revoked_at, k.last_used_at`;

export async function insertApiKey(
  trx: Kysely<DB>,
  v: { client: string; prefix: string; keyHash: string; unitId: number | null; perMinute: number; createdBy: number; at: Date },
): Promise<number> {
  return insertReturningId(trx, 'api_keys', { client: v.client, prefix: v.prefix, key_hash: v.keyHash, unit_id: v.unitId, per_minute: v.perMinute, created_by: v.createdBy, created_at: v.at });
}

export async function getApiKey(db: Kysely<DB>, id: number): Promise<ApiKeyRow | undefined> {
  const { rows } = await sql<ApiKeyRow>`SELECT ${columns} FROM api_keys k LEFT JOIN units u ON u.id = k.unit_id WHERE k.id = ${id}`.execute(db);
  return rows[0];
}

/** Keys whose unit lies in one of the subtrees (a deployment-wide key only for the prefix '/'). */
export async function listApiKeys(db: Kysely<DB>, scope: readonly string[]): Promise<ApiKeyRow[]> {
  if (!scope.length) return [];
  const { rows } = await sql<ApiKeyRow>`
    SELECT ${columns} FROM api_keys k LEFT JOIN units u ON u.id = k.unit_id
     WHERE coalesce(u.path, '/') LIKE ANY (${scope.map((p) => `${p}%`)}::text[])
     ORDER BY k.revoked_at IS NOT NULL, k.id DESC LIMIT 500`.execute(db);
  return rows;
}

export async function markRevoked(trx: Kysely<DB>, id: number, by: number, at: Date): Promise<boolean> {
  const r = await trx
    .updateTable('api_keys')
    .set({ revoked_at: at, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

interface KeyUse {
  id: number;
  client: string;
  unit_id: number | null;
  unit_code: string | null;
  unit_path: string;
  per_minute: number;
  revoked: boolean;
  /** Requests in this minute, this one included (null for a revoked key). */
  n: number | null;
}

/**
 * One statement per request: finds the key by its hash, and for a live key counts the request
 * in its minute and notes when it was last used.
 */
export async function useKey(db: Kysely<DB>, keyHash: string, now: Date, minute: Date): Promise<KeyUse | undefined> {
  const { rows } = await sql<KeyUse>`
    WITH k AS (
      SELECT k.id, k.client, k.unit_id, u.code AS unit_code, coalesce(u.path, '/') AS unit_path, k.per_minute,
             k.revoked_at IS NOT NULL AS revoked
        FROM api_keys k LEFT JOIN units u ON u.id = k.unit_id WHERE k.key_hash = ${keyHash}
    ), touched AS (
      UPDATE api_keys SET last_used_at = ${now} WHERE id IN (SELECT id FROM k WHERE NOT revoked)
    ), counted AS (
      INSERT INTO api_key_usage (key_id, minute, n) SELECT id, ${minute}, 1 FROM k WHERE NOT revoked
      ON CONFLICT (key_id, minute) DO UPDATE SET n = api_key_usage.n + 1
      RETURNING n
    )
    SELECT k.*, (SELECT n FROM counted) AS n FROM k`.execute(db);
  return rows[0];
}

/** Usage counts are needed for the current minute only. */
export async function pruneUsage(db: Kysely<DB>, before: Date): Promise<void> {
  await db.deleteFrom('api_key_usage').where('minute', '<', before).execute();
}
