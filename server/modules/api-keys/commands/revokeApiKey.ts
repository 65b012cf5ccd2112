import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import type { Official } from '../../../platform/access.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import { conflict } from '../../../platform/errors.ts';
import { markRevoked, type ApiKeyRow } from '../api-keys.queries.ts';

/** Revokes a key at once (every later request with it is refused), with its audit event. */
export async function revokeApiKey(ctx: { db: Kysely<DB>; clock: Clock }, actor: Official, key: ApiKeyRow): Promise<void> {
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await markRevoked(trx, key.id, actor.id, at))) throw conflict('api_key_already_revoked');
    await appendAudit(trx, {
      actor,
      action: 'api_key.revoked',
      subjectType: 'api_key',
      subjectId: key.id,
      unitId: key.unit_id,
      changes: { client: key.client, prefix: key.prefix },
      at,
    });
  });
}
