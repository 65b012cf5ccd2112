/**
 * The rules of gatherings, without I/O: who may plan and run them, the state machine, the days
 * a series falls on, and whether a month's reception days meet the law's minimum.
 */
import rrulePackage from 'rrule';
import { hasRoleAt, unitScope, type Actor } from '../../platform/access.ts';
import { addDays, weekday, type Calendar, type Day, type Place } from '../../platform/calendar.ts';
import type { Channel, GatheringAction, GatheringKind, GatheringState, HolidayRule } from '../../contract/domain.ts';
import { gatheringOverseers, gatheringStaff } from '../../contract/roleSets.ts';

const { RRule } = rrulePackage;

/** The law is the deployment's: only a deployment-wide administrator edits it. */
export function canEditMinimums(actor: Actor): boolean {
  return actor.kind === 'official' && actor.grants.some((g) => g.role === 'administrator' && g.unitPath === '/');
}

export function canRunGatherings(actor: Actor, unitPath: string): boolean {
  return hasRoleAt(actor, unitPath, gatheringStaff);
}

export function staffScope(actor: Actor): string[] {
  return unitScope(actor, gatheringStaff);
}

export function overseerScope(actor: Actor): string[] {
  return unitScope(actor, gatheringOverseers);
}

/** A unit the caller asks about lies in one of their subtrees, or contains one. */
export function canAskUnder(scope: readonly string[], unitPath: string): boolean {
  return scope.some((prefix) => unitPath.startsWith(prefix) || prefix.startsWith(unitPath));
}

const transitions: Record<GatheringAction, { from: readonly GatheringState[]; to: GatheringState }> = {
  open: { from: ['planned'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  publish: { from: ['closed'], to: 'published' },
  cancel: { from: ['planned', 'open'], to: 'cancelled' },
};

/** The state an action leads to, or undefined when it is not allowed from this state. */
export function nextState(state: GatheringState, action: GatheringAction): GatheringState | undefined {
  const t = transitions[action];
  return t.from.includes(state) ? t.to : undefined;
}

/** The console records while a gathering runs, and after it closed (minutes come later). */
export function acceptsEntries(state: GatheringState): boolean {
  return state === 'open' || state === 'closed';
}

/** Files are attached to the minutes once a gathering has closed, and after it is published. */
export function acceptsMinutesFiles(state: GatheringState): boolean {
  return state === 'closed' || state === 'published';
}

/** Residents see a file of the minutes once the gathering is published, and only one marked public. */
export function minutesFileIsPublic(state: GatheringState, file: { public: boolean }): boolean {
  return state === 'published' && file.public;
}

/** Residents book or send questions to a gathering that has not yet begun and is not cancelled. */
export function acceptsResidents(state: GatheringState, startsAt: Date, now: Date): 'ok' | 'cancelled' | 'past' {
  if (state === 'cancelled') return 'cancelled';
  if (state !== 'planned' || startsAt.getTime() <= now.getTime()) return 'past';
  return 'ok';
}

/** The channel of a petition raised at a gathering of this kind. */
export function channelOf(kind: GatheringKind): Channel {
  if (kind === 'forum' || kind === 'dialogue') return 'forum';
  if (kind === 'outreach_day' || kind === 'service_day') return 'outreach';
  return 'reception';
}

// ---- series ----

interface SeriesRule {
  rrule: string;
  firstDay: Day;
  untilDay: Day;
  holidayRule: HolidayRule;
  exceptions: readonly Day[];
}

/** Occurrences of one series at most (a weekly series of seven years). */
export const maxOccurrences = 400;

const ymd = (d: Date) => d.toISOString().slice(0, 10);
const utcDay = (day: Day) => new Date(`${day}T00:00:00Z`);

/**
 * The parsed rule, or undefined when it is not an RFC 5545 RRULE this server takes: DTSTART
 * and UNTIL come from the series' days, so the text may not carry them, nor sub-daily
 * frequencies (a gathering is a day's event).
 */
export function parseRule(text: string): InstanceType<typeof RRule> | undefined {
  const body = text.replace(/^RRULE:/i, '').trim();
  if (!body || /DTSTART|UNTIL|COUNT|\n/i.test(body)) return undefined;
  try {
    const options = RRule.parseString(body);
    if (options.freq === undefined || options.freq > RRule.DAILY) return undefined;
    return new RRule({ ...options, dtstart: utcDay('2000-01-01') });
  } catch {
    return undefined;
  }
}

const isHoliday = (cal: Calendar, day: Day, place: Place) => {
  const reason = cal.describeDay(day, place).reason;
  return reason === 'public_holiday' || reason === 'holiday';
};

/**
 * The local days of a series: the rule's days from the first to the last day, holidays of the
 * unit's calendar skipped or moved to the nearest day that is not one (the series' rule), and
 * its single-day exceptions left out. Weekends are not holidays: a People's Saturday is on one.
 */
export function seriesDays(rule: SeriesRule, cal: Calendar, place: Place): Day[] {
  const parsed = parseRule(rule.rrule);
  if (!parsed) return [];
  const r = new RRule({ ...parsed.origOptions, dtstart: utcDay(rule.firstDay), until: utcDay(rule.untilDay) });
  const days = r.all((_, i) => i < maxOccurrences * 2).map(ymd);
  const out = new Set<Day>();
  for (const day of days) {
    let d = day;
    if (isHoliday(cal, d, place)) {
      if (rule.holidayRule === 'skip') continue;
      const step = rule.holidayRule === 'next_day' ? 1 : rule.holidayRule === 'previous_day' ? -1 : 0;
      if (step !== 0) {
        for (let i = 0; i < 14 && isHoliday(cal, d, place); i++) d = addDays(d, step);
        if (isHoliday(cal, d, place)) continue;
      }
    }
    if (rule.exceptions.includes(day) || rule.exceptions.includes(d)) continue;
    out.add(d);
  }
  return [...out].sort();
}

// ---- the law's minimum ----

export interface Minimum {
  days: number;
  per: 'week' | 'month';
}

interface MonthCheck {
  /** Days required in the month: `days` a month, or `days` in each week whose Monday is in it. */
  required: number;
  /** Distinct days of reception (planned and not cancelled, or held). */
  days: number;
  met: boolean;
  /** Weeks (their Mondays) with too few days, for a weekly minimum. */
  shortWeeks: Day[];
}

/** The Mondays of the weeks that belong to a month ('YYYY-MM'): those whose Monday is in it. */
const mondaysByMonth = new Map<string, readonly Day[]>();

/** The Mondays of a month (the weeks that begin in it); the compliance of a province asks for the same months thousands of times. */
function mondaysOf(month: string): readonly Day[] {
  const known = mondaysByMonth.get(month);
  if (known) return known;
  let d: Day = `${month}-01`;
  while (weekday(d) !== 1) d = addDays(d, 1);
  const out: Day[] = [];
  for (; d.startsWith(month); d = addDays(d, 7)) out.push(d);
  mondaysByMonth.set(month, out);
  return out;
}

/** The Monday of a day's week. */
const mondayOf = (day: Day): Day => addDays(day, -((weekday(day) + 6) % 7));

/** Do these local days of reception in a month meet the minimum? */
export function checkMonth(minimum: Minimum, month: string, receptionDays: readonly Day[]): MonthCheck {
  const days = [...new Set(receptionDays.filter((d) => d.startsWith(month)))].sort();
  if (minimum.per === 'month') {
    return { required: minimum.days, days: days.length, met: days.length >= minimum.days, shortWeeks: [] };
  }
  // A week's days are counted over the whole week, even those in the next month.
  const mondays = mondaysOf(month);
  const perWeek = new Map<Day, number>();
  for (const day of new Set(receptionDays)) {
    const monday = mondayOf(day);
    perWeek.set(monday, (perWeek.get(monday) ?? 0) + 1);
  }
  const shortWeeks = mondays.filter((monday) => (perWeek.get(monday) ?? 0) < minimum.days);
  return { required: minimum.days * mondays.length, days: days.length, met: shortWeeks.length === 0, shortWeeks };
}

/** What a month is judged on: held days once it is over, the schedule before it begins. */
type JudgedOn = 'held' | 'held_and_planned' | 'schedule';

interface MonthJudgement extends MonthCheck {
  judgedOn: JudgedOn;
}

/**
 * Whether a month meets the minimum, judged on what can still count on `today` (a local day):
 * a month that has ended on the days held; the current month on the days held and those still
 * planned from today on; a month to come on its schedule. A day planned in the past that was
 * never held no longer counts, so a month to come whose plan meets the minimum is never short.
 */
export function judgeMonth(
  minimum: Minimum,
  month: string,
  today: Day,
  days: { planned: readonly Day[]; held: readonly Day[] },
): MonthJudgement {
  const current = today.slice(0, 7);
  const judgedOn: JudgedOn = month < current ? 'held' : month === current ? 'held_and_planned' : 'schedule';
  const counting = [...new Set([...days.held, ...days.planned.filter((d) => d >= today)])];
  return { ...checkMonth(minimum, month, counting), judgedOn };
}

/** The months 'YYYY-MM' from one to another, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
    if (out.length > 120) break;
  }
  return out;
}
