/** Who sees what of the insight module. Pure: no I/O. */
import { unitScope, type Actor } from '../../platform/access.ts';
import type { Role } from '../../contract/domain.ts';

/** The routing suggestion is for those who route cases (its petition's own rule decides each case). */
export const routers = ['dispatcher', 'leader'] as const satisfies readonly Role[];
/** The models' accuracy: administrators. */
export const modelKeepers = ['administrator'] as const satisfies readonly Role[];
/** Hotspots: the unit's leaders (who receive the notice), its dispatchers, administrators and auditors. */
export const hotspotReaders = ['leader', 'dispatcher', 'administrator', 'auditor'] as const satisfies readonly Role[];

/** The subtrees whose hotspots the actor sees, narrowed to `unitPath` when given. */
export function hotspotScope(actor: Actor, unitPath?: string): string[] {
  const scope = unitScope(actor, hotspotReaders);
  if (!unitPath) return scope;
  return scope.some((p) => unitPath.startsWith(p)) ? [unitPath] : scope.filter((p) => p.startsWith(unitPath));
}
