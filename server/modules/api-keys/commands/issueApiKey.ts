import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import type { Official } from '../../../platform/access.ts';
import { appendAudit, sha256Hex } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import { insertApiKey } from '../api-keys.queries.ts';

/** A key: 'zd_' and 32 random bytes; its first 11 characters are shown in lists to recognise it. */
function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = `zd_${crypto.randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, 11), hash: sha256Hex(key) };
}

/**
 * Issues a key to a client for a unit's subtree (null: the whole deployment), with its audit
 * event, in one transaction. Returns the key, which is not stored and cannot be shown again.
 * The caller has already checked that the actor may.
 */
export async function issueApiKey(
  ctx: { db: Kysely<DB>; clock: Clock },
  actor: Official,
  input: { client: string; unit: { id: number; code: string } | null; perMinute: number },
): Promise<{ id: number; key: string }> {
  const at = ctx.clock.now();
  const made = newApiKey();
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertApiKey(trx, {
      client: input.client.trim(),
      prefix: made.prefix,
      keyHash: made.hash,
      unitId: input.unit?.id ?? null,
      perMinute: input.perMinute,
      createdBy: actor.id,
      at,
    });
    await appendAudit(trx, {
      actor,
      action: 'api_key.issued',
      subjectType: 'api_key',
      subjectId: id,
      unitId: input.unit?.id ?? null,
      changes: { client: input.client.trim(), unit: input.unit?.code ?? null, perMinute: input.perMinute, prefix: made.prefix },
      at,
    });
    return { id, key: made.key };
  });
}
