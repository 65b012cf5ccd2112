/** Who may change agencies. Agencies themselves are public: names and contacts are for residents. */
import { hasRoleAt, type Actor } from '../../platform/access.ts';
import type { Role } from '../../contract/domain.ts';

/** Administrators and leaders, in their subtrees (the whole deployment for a deployment-wide grant). */
export const agencyManagers = ['administrator', 'leader'] as const satisfies readonly Role[];

/** May the actor add an agency to the unit with this path? */
export function canCreateAgency(actor: Actor, unitPath: string): boolean {
  return hasRoleAt(actor, unitPath, agencyManagers);
}
