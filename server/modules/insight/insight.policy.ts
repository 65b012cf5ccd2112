/** Who sees what of the insight module. Pure: no I/O. */
import { unitScope, type Actor } from '../../platform/access.ts';
import { hotspotReaders } from '../../contract/roleSets.ts';

/** The subtrees whose hotspots the actor sees, narrowed to `unitPath` when given. */
export function hotspotScope(actor: Actor, unitPath?: string): string[] {
  const scope = unitScope(actor, hotspotReaders);
  if (!unitPath) return scope;
  return scope.some((p) => unitPath.startsWith(p)) ? [unitPath] : scope.filter((p) => p.startsWith(unitPath));
}
