/** Checks shared by the commands that create and change officials. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import type { Actor } from '../../../platform/access.ts';
import { badRequest, forbidden, notFound } from '../../../platform/errors.ts';
import { passwordProblem } from '../passwords.ts';
import { canManageOfficial, officialsScope, type Place } from '../people.policy.ts';
import { grantsOf, lockOfficial, officialById, officialInScope, type OfficialRow, type UnitRow } from '../people.queries.ts';
import type { AppContext } from '../../../platform/context.ts';
import { resolveUnits } from '../../units/index.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { Role } from '../../../contract/domain.ts';

export function normaliseUsername(username: string): string {
  const u = username.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(u)) {
    throw badRequest('invalid_input', { summary: 'username: 3 to 64 letters, digits, dots, dashes or underscores' });
  }
  return u;
}

/** Refuses a password the official may not choose, saying why (400). */
export function checkPassword(password: string, personal: { username: string; name: string }): void {
  const problem = passwordProblem(password, [personal.username, personal.name]);
  if (problem) {
    const { code, ...params } = problem;
    throw badRequest(code, params);
  }
}

interface ResolvedPlace extends Place {
  code: string | null;
  role: Role;
}

/** Unit codes to places; an unknown code is the caller's mistake (400). */
export function resolvePlaces(grants: Array<{ unit: string | null; role: Role }>, units: ReadonlyMap<string, UnitRow>): ResolvedPlace[] {
  return grants.map((g) => {
    if (g.unit === null) return { unitId: null, path: '/', code: null, role: g.role };
    const unit = units.get(g.unit);
    if (!unit) throw badRequest('unknown_unit', { code: g.unit });
    return { unitId: unit.id, path: unit.path, code: unit.code, role: g.role };
  });
}

/**
 * Locks an official for a change and checks the actor may make it: 404 when the actor may
 * not even see the official, 403 when they see but may not manage them.
 */
export async function loadForChange(trx: Kysely<DB>, actor: Actor, id: number) {
  const account = await lockOfficial(trx, id);
  if (!account) throw notFound();
  const visible = actor.kind === 'official' && (await officialInScope(trx, id, officialsScope(actor)));
  if (!visible) throw notFound();
  const grants = await grantsOf(trx, id);
  if (!canManageOfficial(actor, grants.map((g) => ({ unitId: g.unitId, path: g.unitPath, role: g.role })))) {
    throw forbidden('official_not_manageable');
  }
  return { account, grants };
}

/** The place a grant change names: the unit its code means at `at` (400 when none). */
export async function placeOfGrant(trx: Kysely<DB>, input: { unit: string | null; role: Role }, at: Date): Promise<ResolvedPlace> {
  const [place] = resolvePlaces([input], await resolveUnits(trx, input.unit === null ? [] : [input.unit], at));
  return place;
}

/** What a change to an official writes to the audit: its changes, and its unit when not the official's first. */
export interface OfficialChange {
  changes: Record<string, unknown>;
  unitId?: number | null;
}

/**
 * One change to an existing official, in one transaction: the official locked and checked
 * (loadForChange), the change made, one audit event written, the official answered as now stored.
 */
export async function changeOfficial(
  ctx: AppContext,
  actor: Actor,
  officialId: number,
  action: string,
  change: (trx: Kysely<DB>, official: Awaited<ReturnType<typeof loadForChange>>, at: Date) => Promise<OfficialChange>,
): Promise<OfficialRow> {
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const official = await loadForChange(trx, actor, officialId);
    const { changes, unitId } = await change(trx, official, at);
    await appendAudit(trx, {
      actor,
      action,
      subjectType: 'account',
      subjectId: officialId,
      unitId: unitId === undefined ? (official.grants[0]?.unitId ?? null) : unitId,
      changes,
      at,
    });
    return (await officialById(trx, officialId))!;
  });
}
