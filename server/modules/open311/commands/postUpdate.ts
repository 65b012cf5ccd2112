/**
 * An update another system (a FixMyStreet install) posts on a request it sent: kept with the
 * request, once per update id of that client, with its audit event.
 */
import type { AppContext } from '../../../platform/context.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { keyActor, type ApiClient } from '../../api-keys/index.ts';
import { insertUpdate } from '../open311.queries.ts';

export async function postUpdate(
  ctx: AppContext,
  client: ApiClient,
  petition: { id: number; unitId: number | null },
  update: { externalId: string; status: 'open' | 'closed'; description: string; mediaUrl: string | null; updatedAt: Date },
): Promise<number> {
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const stored = await insertUpdate(trx, { apiKeyId: client.keyId, petitionId: petition.id, ...update, at });
    if (stored.created) {
      await appendAudit(trx, {
        actor: keyActor(client),
        action: 'open311.update_posted',
        subjectType: 'petition',
        subjectId: petition.id,
        unitId: petition.unitId,
        changes: { updateId: update.externalId, status: update.status, client: client.client },
        at,
      });
    }
    return stored.id;
  });
}
