/** Who issues and revokes API keys: administrators, within their units. */
import { hasRoleAt, unitScope, type Actor } from '../../platform/access.ts';
import { keyManagers } from '../../contract/roleSets.ts';

/** May the actor issue or revoke a key for the unit with this path ('/' for a deployment-wide key)? */
export function canManageKey(actor: Actor, unitPath: string): boolean {
  return hasRoleAt(actor, unitPath, keyManagers);
}

export function keyScope(actor: Actor): string[] {
  return unitScope(actor, keyManagers);
}

/** Does a key of this subtree reach the unit with this path? */
export function keyReaches(keyUnitPath: string, unitPath: string): boolean {
  return unitPath.startsWith(keyUnitPath);
}

/** The requests a key may make in one minute when the administrator does not say. */
export const defaultPerMinute = 60;
