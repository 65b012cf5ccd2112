/**
 * Due times from deadline policies, in the calendar of the petition's unit.
 * Acknowledgement: within N working or calendar days, per the policy's ack_day_type (urgent: N
 * office hours), of the time it arrived.
 * Resolution: counted from acceptance (the law counts from "thụ lý"), in working days or
 * calendar days per the policy; until acceptance it is provisional, counted from arrival.
 */
import type { Calendar, Place } from '../../../platform/calendar.ts';
import type { DeadlinePoliciesTable } from '../petitions.tables.ts';
import type { Channel, DayType, ReviewStage } from '../../../contract/domain.ts';
import type { Selectable } from 'kysely';

export type DeadlinePolicy = Selectable<DeadlinePoliciesTable>;

/** Where a policy is chosen: the unit's place in the tree and its country. */
export interface PolicyPlace {
  path: string;
  country: string;
}

/**
 * The policy that holds at a unit: its own, else the nearest ancestor's, else its country's
 * default, else the deployment's; at each of these, one for the petition's channel before one
 * for every channel. A null place asks for the deployment default; a null channel for the
 * policies of every channel.
 */
export function pickPolicy(policies: DeadlinePolicy[], place: PolicyPlace | null, channel: Channel | null = null): DeadlinePolicy | undefined {
  const chain = place ? place.path.split('/').filter(Boolean).map(Number) : []; // root first
  const owner = (p: DeadlinePolicy) => {
    if (p.unit_id !== null) {
      const depth = chain.indexOf(p.unit_id);
      return depth < 0 ? -1 : depth + 2; // -1: another branch
    }
    if (p.country === null) return 0;
    return place && p.country === place.country ? 1 : -1;
  };
  const rank = (p: DeadlinePolicy) => {
    if (p.channel !== null && p.channel !== channel) return -1;
    const r = owner(p);
    return r < 0 ? -1 : 2 * r + (p.channel === null ? 0 : 1);
  };
  let best: DeadlinePolicy | undefined;
  let bestRank = -1;
  for (const p of policies) {
    const r = rank(p);
    if (r > bestRank) {
      best = p;
      bestRank = r;
    }
  }
  return best;
}

export function ackDue(cal: Calendar, policy: DeadlinePolicy, from: Date, urgent: boolean, place: Place): Date {
  if (urgent && policy.urgent_ack_working_hours) return cal.addWorkingHours(from, policy.urgent_ack_working_hours, place);
  return countDays(cal, policy.ack_day_type, from, policy.ack_working_days, place);
}

function countDays(cal: Calendar, dayType: DayType, from: Date, days: number, place: Place): Date {
  return dayType === 'working'
    ? cal.addWorkingDays(from, days, place)
    : // The law's "30 days": a period ending on a day off ends on the next working day
      // (Civil Code 2015, art. 148(2); the same rule in China's civil procedure).
      cal.addCalendarDays(from, days, place, { endOnWorkingDay: true });
}

function addPolicyDays(cal: Calendar, policy: DeadlinePolicy, from: Date, days: number, place: Place): Date {
  return countDays(cal, policy.day_type, from, days, place);
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

/**
 * The due time of a review or re-review counted from when it was asked for, in the policy's
 * day type; null when the rules in force have no such step.
 */
export function reviewDue(cal: Calendar, policy: DeadlinePolicy, stage: ReviewStage, from: Date, place: Place): Date | null {
  const days = stage === 'review' ? policy.review_days : policy.re_review_days;
  return days === null ? null : addPolicyDays(cal, policy, from, days, place);
}
