/** Who may read which version of a report. Pure functions of the actor and the unit. */
import { hasRoleAt, type Actor } from '../../platform/access.ts';
import { committeeKeepers, reportReaders, targetSetters } from '../../contract/roleSets.ts';

export type Audience = 'staff' | 'public';

/** Anyone reads the public version; the staff version needs a reader's role at the unit or above it. */
export function canReadReport(actor: Actor, unitPath: string, audience: Audience): boolean {
  return audience === 'public' || hasRoleAt(actor, unitPath, reportReaders);
}

export function canSetTargets(actor: Actor, unitPath: string): boolean {
  return hasRoleAt(actor, unitPath, targetSetters);
}

export function canKeepCommittee(actor: Actor, unitPath: string): boolean {
  return hasRoleAt(actor, unitPath, committeeKeepers);
}

/** A follow-up is completed by its owner (when an official) or by a keeper of the committee. */
export function canCompleteDecision(actor: Actor, unitPath: string, ownerAccountId: number | null): boolean {
  return (actor.kind === 'official' && ownerAccountId === actor.id) || canKeepCommittee(actor, unitPath);
}
