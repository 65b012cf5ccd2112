import type { Actor } from '../../../platform/access.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, conflict } from '../../../platform/errors.ts';
import { canGiveRole } from '../people.policy.ts';
import { insertGrants, type OfficialRow } from '../people.queries.ts';
import { changeOfficial, placeOfGrant } from './officialRules.ts';
import type { Role } from '../../../contract/domain.ts';

/** Gives an official a role in a unit (and so in its subtree). */
export function grantRole(ctx: AppContext, actor: Actor, officialId: number, input: { unit: string | null; role: Role }): Promise<OfficialRow> {
  return changeOfficial(ctx, actor, officialId, 'official.granted', async (trx, { grants }, at) => {
    const place = await placeOfGrant(trx, input, at);
    if (!canGiveRole(actor, place, place.role)) {
      throw new AppError(403, 'grant_not_allowed', { role: place.role, unit: place.code ?? '*' });
    }
    if (grants.some((g) => g.unitId === place.unitId && g.role === place.role)) {
      throw conflict('grant_exists', { role: place.role, unit: place.code ?? '*' });
    }
    await insertGrants(trx, officialId, [place], at);
    return { unitId: place.unitId, changes: { unit: place.code, role: place.role } };
  });
}
