import type { Actor } from '../../../platform/access.ts';
import type { AppContext } from '../../../platform/context.ts';
import { conflict } from '../../../platform/errors.ts';
import { deleteGrant, officialById, type OfficialRow } from '../people.queries.ts';
import { auditGrantChange, loadGrantChange } from './officialRules.ts';
import type { Role } from '../../../contract/domain.ts';

/** Takes a role in a unit away from an official. */
export async function revokeRole(
  ctx: AppContext,
  actor: Actor,
  officialId: number,
  input: { unit: string | null; role: Role },
): Promise<OfficialRow> {
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    // Managing the official means the actor could give every role they hold, this one included.
    const { grants, place } = await loadGrantChange(trx, actor, officialId, input, at);
    // A grant still held at a retired unit is revoked by that unit's own code.
    const grant = grants.find((g) => (g.unitId === place.unitId || (input.unit !== null && g.unitCode === input.unit)) && g.role === place.role);
    if (!grant) throw conflict('grant_missing', { role: place.role, unit: place.code ?? '*' });
    await deleteGrant(trx, grant.id);
    await auditGrantChange(trx, actor, 'official.revoked', officialId, place, at);
    return (await officialById(trx, officialId))!;
  });
}
