/** Who may edit codes of conduct, enrol counter devices, hand out rating links and record findings; the flood limits. Pure. */
import { hasRoleAt, type Actor } from '../../platform/access.ts';
import { ratedGatheringKinds } from '../../contract/domain.ts';
import { conductAdministrators, linkMakers } from '../../contract/roleSets.ts';

export function canEditNormSets(actor: Actor, unitPath: string): boolean {
  return hasRoleAt(actor, unitPath, conductAdministrators);
}

export function canManageDevices(actor: Actor, unitPath: string): boolean {
  return hasRoleAt(actor, unitPath, conductAdministrators);
}

/** A QR code for a counter (official null) or for one official serving there. */
export function canMakeRatingLink(actor: Actor, unitPath: string, officialId: number | null): boolean {
  if (actor.kind !== 'official') return false;
  if (officialId !== null && officialId === actor.id) return true;
  return hasRoleAt(actor, unitPath, linkMakers);
}

/** Who sees who is on duty at a counter: its unit's administrators and leaders, and its staff. */
export function canSeeDuty(actor: Actor, unitPath: string, inStaff: boolean): boolean {
  return actor.kind === 'official' && (inStaff || hasRoleAt(actor, unitPath, linkMakers));
}

export function canPutAnyoneOnDuty(actor: Actor, unitPath: string): boolean {
  return hasRoleAt(actor, unitPath, linkMakers);
}

/**
 * Who sets who is on duty: an administrator or leader of the unit for anyone of its staff; an
 * official of the unit for themselves only ("I am on duty here now"), or to leave when it is them.
 */
export function canSetDuty(actor: Actor, unitPath: string, officialId: number | null, currentId: number | null, inStaff: boolean): boolean {
  if (actor.kind !== 'official') return false;
  if (canPutAnyoneOnDuty(actor, unitPath)) return true;
  if (!inStaff) return false;
  return officialId === actor.id || (officialId === null && currentId === actor.id);
}

/**
 * The finding on a conduct report is recorded by the case's responsible leader: the assignment
 * already kept the reported official, and everyone within their reach, from that place.
 */
export function canRecordFinding(actor: Actor, c: { kind: string; leader_id: number | null; reported_official_id: number | null }): boolean {
  return (
    actor.kind === 'official' &&
    c.kind === 'conduct_report' &&
    c.leader_id === actor.id &&
    c.reported_official_id !== null &&
    c.reported_official_id !== actor.id
  );
}

/** How many ratings one source may give. */
export const floodLimits = {
  kiosk: { minSecondsApart: 10, perHour: 40 },
  link: { perDay: 5 },
  /** Gatherings' ratings per phone number (the bookings'); the phone's browser counts as for links. */
  phoneNumber: { perDay: 5 },
} as const;

/** May a kiosk rate now, given its last rating and its count in the past hour? Answers the seconds to wait. */
export function kioskWait(now: Date, last: Date | null, lastHour: number): number {
  if (lastHour >= floodLimits.kiosk.perHour) return 3600;
  if (last === null) return 0;
  const wait = floodLimits.kiosk.minSecondsApart - Math.floor((now.getTime() - last.getTime()) / 1000);
  return wait > 0 ? wait : 0;
}

export function linkWait(lastDay: number): number {
  return lastDay >= floodLimits.link.perDay ? 86_400 : 0;
}

export function phoneNumberWait(lastDay: number): number {
  return lastDay >= floodLimits.phoneNumber.perDay ? 86_400 : 0;
}

/** Whether a booking's gathering may be rated now: its kind serves residents and it has been held (closed or published). */
export function gatheringRatable(g: { kind: string; state: string }): 'ok' | 'kind' | 'not_held' {
  if (!(ratedGatheringKinds as readonly string[]).includes(g.kind)) return 'kind';
  return g.state === 'closed' || g.state === 'published' ? 'ok' : 'not_held';
}
