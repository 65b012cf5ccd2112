import type { Actor } from '../../../platform/access.ts';
import type { AppContext } from '../../../platform/context.ts';
import { conflict } from '../../../platform/errors.ts';
import { deleteGrant, type OfficialRow } from '../people.queries.ts';
import { changeOfficial, placeOfGrant } from './officialRules.ts';
import type { Role } from '../../../contract/domain.ts';

/** Takes a role in a unit away from an official. */
export function revokeRole(ctx: AppContext, actor: Actor, officialId: number, input: { unit: string | null; role: Role }): Promise<OfficialRow> {
  // Managing the official (changeOfficial checks it) means the actor could give every role they hold, this one included.
  return changeOfficial(ctx, actor, officialId, 'official.revoked', async (trx, { grants }, at) => {
    const place = await placeOfGrant(trx, input, at);
    // A grant still held at a retired unit is revoked by that unit's own code.
    const grant = grants.find((g) => (g.unitId === place.unitId || (input.unit !== null && g.unitCode === input.unit)) && g.role === place.role);
    if (!grant) throw conflict('grant_missing', { role: place.role, unit: place.code ?? '*' });
    await deleteGrant(trx, grant.id);
    return { unitId: place.unitId, changes: { unit: place.code, role: place.role } };
  });
}
