/** Who may do what with units. Reading units is public; changing them is for administrators. */
import { hasRoleAt, unitScope, type Actor } from '../../platform/access.ts';
import { subunitKeepers, unitImporters } from '../../contract/roleSets.ts';

/**
 * The subtrees (path prefixes) in which the actor may import units: where they hold the
 * administrator role. An administrator of the whole deployment ('/') may import anywhere,
 * including new provinces; others only below the units they administer.
 */
export function importScope(actor: Actor): string[] {
  return unitScope(actor, unitImporters);
}

export function canImportUnits(actor: Actor): boolean {
  return importScope(actor).length > 0;
}

export function isWithinScope(path: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => path.startsWith(prefix));
}

/** Units below which hamlets and groups may be added. */
export const subunitParentLevels: readonly string[] = ['commune', 'township', 'ward', 'town', 'village', 'hamlet'];

export function canAddSubunit(actor: Actor, parentPath: string): boolean {
  return hasRoleAt(actor, parentPath, subunitKeepers);
}
