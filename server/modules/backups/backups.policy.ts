/** Who sees and takes backups: administrators of the whole deployment (a backup holds every unit's data). */
import { hasRoleAt, type Actor } from '../../platform/access.ts';
import type { Role } from '../../contract/domain.ts';

export const backupManagers = ['administrator'] as const satisfies readonly Role[];

export function canManageBackups(actor: Actor): boolean {
  return hasRoleAt(actor, '/', backupManagers);
}
