/** Who may read which version of a report. Pure functions of the actor and the unit. */
import { hasRoleAt, type Actor } from '../../platform/access.ts';
import type { Role } from '../../contract/domain.ts';

/** The staff version (cases and their leaders) is for those who answer for the unit or oversee it. */
export const reportReaders = ['leader', 'administrator', 'auditor'] as const satisfies readonly Role[];
/** Targets are set by the unit's leaders and administrators (or those above them). */
export const targetSetters = ['leader', 'administrator'] as const satisfies readonly Role[];

export type Audience = 'staff' | 'public';

/** Anyone reads the public version; the staff version needs a reader's role at the unit or above it. */
export function canReadReport(actor: Actor, unitPath: string, audience: Audience): boolean {
  return audience === 'public' || hasRoleAt(actor, unitPath, reportReaders);
}

export function canSetTargets(actor: Actor, unitPath: string): boolean {
  return hasRoleAt(actor, unitPath, targetSetters);
}

/** Who keeps a unit's steering committee: its leaders and administrators, or those above. */
export const committeeKeepers = ['leader', 'administrator'] as const satisfies readonly Role[];

export function canKeepCommittee(actor: Actor, unitPath: string): boolean {
  return hasRoleAt(actor, unitPath, committeeKeepers);
}

/** A follow-up is completed by its owner (when an official) or by a keeper of the committee. */
export function canCompleteDecision(actor: Actor, unitPath: string, ownerAccountId: number | null): boolean {
  return (actor.kind === 'official' && ownerAccountId === actor.id) || canKeepCommittee(actor, unitPath);
}
