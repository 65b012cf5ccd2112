import type { Actor } from '../../../platform/access.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { conflict } from '../../../platform/errors.ts';
import { deleteGrant, officialById, unitsByCode, type OfficialRow } from '../people.queries.ts';
import { loadForChange, resolvePlaces } from './officialRules.ts';
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
    const { grants } = await loadForChange(trx, actor, officialId);
    const [place] = resolvePlaces([input], await unitsByCode(trx, input.unit === null ? [] : [input.unit], at));
    // A grant still held at a retired unit is revoked by that unit's own code.
    const grant = grants.find((g) => (g.unitId === place.unitId || (input.unit !== null && g.unitCode === input.unit)) && g.role === place.role);
    if (!grant) throw conflict('grant_missing', { role: place.role, unit: place.code ?? '*' });
    await deleteGrant(trx, grant.id);
    await appendAudit(trx, {
      actor,
      action: 'official.revoked',
      subjectType: 'account',
      subjectId: officialId,
      unitId: place.unitId,
      changes: { unit: place.code, role: place.role },
      at,
    });
    return (await officialById(trx, officialId))!;
  });
}
