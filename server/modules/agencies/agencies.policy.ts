/** Who may change agencies. Agencies themselves are public: names and contacts are for residents. */
import { hasRoleAt, type Actor } from '../../platform/access.ts';
import { agencyManagers } from '../../contract/roleSets.ts';

/** May the actor add an agency to the unit with this path? */
export function canCreateAgency(actor: Actor, unitPath: string): boolean {
  return hasRoleAt(actor, unitPath, agencyManagers);
}
