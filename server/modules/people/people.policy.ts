/**
 * Who may see and change officials. Pure functions of the actor's grants and the subject's
 * units; the routes and commands call them, the SQL applies `officialsScope`.
 */
import { hasRoleAt, unitScope, type Actor } from '../../platform/access.ts';
import type { Role } from '../../contract/domain.ts';
import { officialManagers, officialReaders } from '../../contract/roleSets.ts';

export type CommandActor = Actor | { kind: 'system'; label: string };

/** Where a role is held: a unit's path, or '/' with unitId null for the whole deployment. */
export interface Place {
  unitId: number | null;
  path: string;
}

/** The subtrees whose officials the actor may list and read. */
export function officialsScope(actor: Actor): string[] {
  return unitScope(actor, officialReaders);
}

/**
 * May the actor give (or take away) this role at this place? Administrators anywhere in their
 * subtree (the whole deployment for the first administrator); leaders inside their own units'
 * subtrees, and never the administrator role.
 */
export function canGiveRole(actor: CommandActor, place: Pick<Place, 'path'>, role: Role): boolean {
  if (actor.kind === 'system') return true;
  if (hasRoleAt(actor, place.path, ['administrator'])) return true;
  // '/' is the whole deployment (no unit): not a leader's to give.
  return role !== 'administrator' && place.path !== '/' && hasRoleAt(actor, place.path, ['leader']);
}

/**
 * May the actor change this official's account (password, enabled, roles)? Only someone who
 * could have given every role the official holds: a leader cannot reset the password of an
 * administrator or of an official who also works in another leader's units.
 */
export function canManageOfficial(actor: CommandActor, grants: ReadonlyArray<{ path: string; role: Role }>): boolean {
  if (actor.kind === 'system') return true;
  if (!grants.length) return hasRoleAt(actor, '/', ['administrator']);
  return grants.every((g) => canGiveRole(actor, g, g.role));
}

/** May the actor attach an official to an agency of the unit at this path? */
export function canAssignAgency(actor: CommandActor, unitPath: string): boolean {
  return actor.kind === 'system' || hasRoleAt(actor, unitPath, officialManagers);
}
