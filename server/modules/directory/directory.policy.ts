/** Who may change an official's photo in the staff directory. Pure. */
import { hasRoleAt, type Actor } from '../../platform/access.ts';
import { photoKeepers } from '../../contract/roleSets.ts';

/** The official themselves, or an administrator of a unit where they are placed. */
export function canEditPhoto(actor: Actor, officialId: number, unitPaths: readonly string[]): boolean {
  if (actor.kind !== 'official') return false;
  if (actor.id === officialId) return true;
  return unitPaths.some((path) => hasRoleAt(actor, path, photoKeepers));
}

/** A directory photo is small: a face, not a document. */
export const photoMaxBytes = 2 * 1024 * 1024;
