/** Who may add service points and who may see where they are lacking. */
import { hasRoleAt, unitScope, type Actor } from '../../platform/access.ts';
import { gapReaders, servicePointManagers } from '../../contract/roleSets.ts';

export function canCreateServicePoint(actor: Actor, unitPath: string): boolean {
  return hasRoleAt(actor, unitPath, servicePointManagers);
}

/** The subtrees whose gaps the actor may see. */
export function gapsScope(actor: Actor): string[] {
  return unitScope(actor, gapReaders);
}

/**
 * May the actor ask about gaps under the unit with this path? Yes when it lies in one of their
 * subtrees, or contains one (a leader of a commune asking about the province sees their commune).
 */
export function canAskGapsUnder(scope: readonly string[], unitPath: string): boolean {
  return scope.some((prefix) => unitPath.startsWith(prefix) || prefix.startsWith(unitPath));
}
