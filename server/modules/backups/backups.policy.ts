/** Who sees and takes backups: administrators of the whole deployment (a backup holds every unit's data). */
import { hasRoleAt, type Actor } from '../../platform/access.ts';
import { backupManagers } from '../../contract/roleSets.ts';

export function canManageBackups(actor: Actor): boolean {
  return hasRoleAt(actor, '/', backupManagers);
}
