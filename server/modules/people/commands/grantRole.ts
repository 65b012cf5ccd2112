import type { Actor } from '../../../platform/access.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, conflict } from '../../../platform/errors.ts';
import { canGiveRole } from '../people.policy.ts';
import { insertGrants, officialById, type OfficialRow } from '../people.queries.ts';
import { auditGrantChange, loadGrantChange } from './officialRules.ts';
import type { Role } from '../../../contract/domain.ts';

/** Gives an official a role in a unit (and so in its subtree). */
export async function grantRole(
  ctx: AppContext,
  actor: Actor,
  officialId: number,
  input: { unit: string | null; role: Role },
): Promise<OfficialRow> {
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const { grants, place } = await loadGrantChange(trx, actor, officialId, input, at);
    if (!canGiveRole(actor, place, place.role)) {
      throw new AppError(403, 'grant_not_allowed', { role: place.role, unit: place.code ?? '*' });
    }
    if (grants.some((g) => g.unitId === place.unitId && g.role === place.role)) {
      throw conflict('grant_exists', { role: place.role, unit: place.code ?? '*' });
    }
    await insertGrants(trx, officialId, [place], at);
    await auditGrantChange(trx, actor, 'official.granted', officialId, place, at);
    return (await officialById(trx, officialId))!;
  });
}
