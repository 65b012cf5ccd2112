import type { Actor } from '../../../platform/access.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, conflict } from '../../../platform/errors.ts';
import { canGiveRole } from '../people.policy.ts';
import { insertGrants, officialById, unitsByCode, type OfficialRow } from '../people.queries.ts';
import { loadForChange, resolvePlaces } from './officialRules.ts';
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
    const { grants } = await loadForChange(trx, actor, officialId);
    const [place] = resolvePlaces([input], await unitsByCode(trx, input.unit === null ? [] : [input.unit], at));
    if (!canGiveRole(actor, place, place.role)) {
      throw new AppError(403, 'grant_not_allowed', { role: place.role, unit: place.code ?? '*' });
    }
    if (grants.some((g) => g.unitId === place.unitId && g.role === place.role)) {
      throw conflict('grant_exists', { role: place.role, unit: place.code ?? '*' });
    }
    await insertGrants(trx, officialId, [place], at);
    await appendAudit(trx, {
      actor,
      action: 'official.granted',
      subjectType: 'account',
      subjectId: officialId,
      unitId: place.unitId,
      changes: { unit: place.code, role: place.role },
      at,
    });
    return (await officialById(trx, officialId))!;
  });
}
