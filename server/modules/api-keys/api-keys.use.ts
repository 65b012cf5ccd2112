/**
 * Checking a key presented by another system: known, not revoked, within its rate limit, and
 * reaching the unit asked about. Other modules (Open311) call `checkApiKey` and turn its
 * refusal into their own error shape.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import { sha256Hex } from '../../platform/audit.ts';
import { useKey } from './api-keys.queries.ts';

export interface ApiClient {
  keyId: number;
  client: string;
  /** The subtree the key reaches ('/' for the whole deployment). */
  unitPath: string;
  unitCode: string | null;
}

/** Who the audit trail names for what a client does with its key: the key, never a person. */
export const keyActor = (client: Pick<ApiClient, 'keyId'>) => ({ kind: 'system' as const, label: `api-key:${client.keyId}` });

export type ApiKeyCheck =
  | { ok: true; client: ApiClient }
  | { ok: false; status: 403 | 429; code: 'api_key_required' | 'api_key_invalid' | 'api_key_rate_limited'; retryAfter?: number };

export async function checkApiKey(db: Kysely<DB>, key: string | undefined, now: Date): Promise<ApiKeyCheck> {
  if (!key) return { ok: false, status: 403, code: 'api_key_required' };
  if (key.length > 200) return { ok: false, status: 403, code: 'api_key_invalid' };
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const found = await useKey(db, sha256Hex(key), now, minute);
  if (!found || found.revoked) return { ok: false, status: 403, code: 'api_key_invalid' };
  if ((found.n ?? 0) > found.per_minute) {
    return { ok: false, status: 429, code: 'api_key_rate_limited', retryAfter: Math.ceil((minute.getTime() + 60_000 - now.getTime()) / 1000) };
  }
  return { ok: true, client: { keyId: Number(found.id), client: found.client, unitPath: found.unit_path, unitCode: found.unit_code } };
}
