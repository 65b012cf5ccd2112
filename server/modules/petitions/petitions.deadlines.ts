/**
 * Due times from deadline policies, in the calendar of the petition's unit.
 * Acknowledgement: within N working days (urgent: N office hours) of the time it arrived.
 * Resolution: counted from acceptance (the law counts from "thụ lý"), in working days or
 * calendar days per the policy; until acceptance it is provisional, counted from arrival.
 */
import type { Calendar, Place } from '../../platform/calendar.ts';
import type { DeadlinePoliciesTable } from './petitions.tables.ts';
import type { Selectable } from 'kysely';

export type DeadlinePolicy = Selectable<DeadlinePoliciesTable>;

export interface UnitPlace {
  id: number;
  path: string;
  country: string;
  time_zone: string;
}

export function placeOf(unit: UnitPlace): Place {
  return { country: unit.country, timeZone: unit.time_zone, unitId: unit.id, unitPath: unit.path };
}

/** The policy that holds at a unit: its own, else the nearest ancestor's, else the default. */
export function pickPolicy(policies: DeadlinePolicy[], unitPath: string): DeadlinePolicy | undefined {
  const chain = unitPath.split('/').filter(Boolean).map(Number); // root first
  let best: DeadlinePolicy | undefined;
  let bestDepth = -1;
  for (const p of policies) {
    const depth = p.unit_id === null ? 0 : chain.indexOf(p.unit_id) + 1;
    if (p.unit_id !== null && depth === 0) continue; // another branch
    if (depth > bestDepth) {
      best = p;
      bestDepth = depth;
    }
  }
  return best;
}

export function ackDue(cal: Calendar, policy: DeadlinePolicy, from: Date, urgent: boolean, place: Place): Date {
  if (urgent && policy.urgent_ack_working_hours) return cal.addWorkingHours(from, policy.urgent_ack_working_hours, place);
  return cal.addWorkingDays(from, policy.ack_working_days, place);
}

export function addPolicyDays(cal: Calendar, policy: DeadlinePolicy, from: Date, days: number, place: Place): Date {
  return policy.day_type === 'working'
    ? cal.addWorkingDays(from, days, place)
    : // The law's "30 days": a period ending on a day off ends on the next working day
      // (Civil Code 2015, art. 148(2)).
      cal.addCalendarDays(from, days, place, { endOnWorkingDay: true });
}

export function resolutionDue(cal: Calendar, policy: DeadlinePolicy, from: Date, urgent: boolean, place: Place): Date {
  const days = urgent && policy.urgent_resolution_days ? policy.urgent_resolution_days : policy.resolution_days;
  return addPolicyDays(cal, policy, from, days, place);
}

/** The latest due time one extension may set (null: no limit). */
export function latestExtension(cal: Calendar, policy: DeadlinePolicy, currentDue: Date, place: Place): Date | null {
  if (!policy.extension_days) return null;
  return addPolicyDays(cal, policy, currentDue, policy.extension_days, place);
}
