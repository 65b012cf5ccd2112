/**
 * Working days and deadlines in a unit's own calendar and time zone.
 *
 * A day is a working day unless it is a weekend (Saturday, Sunday) or a public holiday of
 * `date-holidays` for the unit's country, and the table `calendar_days` overrides both: a
 * 'holiday' row makes a day off (extra days off, the day off of a swap, a local holiday), a
 * 'working' row makes a working day (China's 调休 make-up days, Vietnam's swapped Saturdays).
 * A unit's rows apply to the unit and every unit below it, and win over the country's rows.
 *
 * Deadlines follow the way Vietnamese law counts periods (Bộ luật Dân sự 2015, Điều 147–148):
 * the day of receipt is not counted, and a period ends at the end of its last day, local time.
 * See docs/CALENDAR.md.
 */
import Holidays, { type HolidaysTypes } from 'date-holidays';
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/** A calendar day, 'YYYY-MM-DD'. */
export type Day = string;

/**
 * Where a deadline runs: the unit's country (holidays), time zone, and the unit itself. A unit
 * row is a place as it is (the fields are the units table's).
 */
export interface Place {
  /** ISO 3166 code. */
  country: string;
  /** IANA time zone. */
  time_zone: string;
  /** The unit's own overrides apply. */
  id?: number | null;
  /** The unit's path ('/<id>/<id>/…/'): overrides of the unit's ancestors apply too, nearest first. */
  path?: string | null;
}

interface CalendarOverride {
  country: string;
  unitId: number | null;
  day: Day;
  kind: 'holiday' | 'working';
  name: string;
}

/** Office hours of a working day, local time, 'HH:MM'. */
interface WorkingPeriod {
  start: string;
  end: string;
}

/**
 * Office hours used for deadlines in hours (the urgent acknowledgement "within 2 hours"):
 * 07:30–11:30 and 13:30–17:00, the usual hours of commune and district offices in Vietnam.
 * A deployment may set its own, per country. See docs/CALENDAR.md.
 */
const defaultWorkingPeriods: readonly WorkingPeriod[] = Object.freeze([
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:00' },
]);

interface CalendarOptions {
  workingPeriods?: readonly WorkingPeriod[];
  workingPeriodsByCountry?: Readonly<Record<string, readonly WorkingPeriod[]>>;
}

interface DayInfo {
  day: Day;
  working: boolean;
  reason: 'working_day' | 'weekend' | 'public_holiday' | 'holiday' | 'make_up_working_day';
  /** The holiday's or override's name, when there is one. */
  name?: string;
  /** What decided: an override of a unit or of the country, date-holidays, or the weekday. */
  source: 'unit' | 'country' | 'date-holidays' | 'weekday';
}

export interface Calendar {
  isWorkingDay(day: Day, place: Place): boolean;
  /** Why a day is or is not a working day. */
  describeDay(day: Day, place: Place): DayInfo;
  /** The first working day after `day`. */
  nextWorkingDay(day: Day, place: Place): Day;
  /**
   * The end (23:59:59.999 local) of the `days`-th working day after the local day of `from`.
   * The day of receipt never counts, so a petition received on Friday evening with 2 working
   * days is due at the end of Tuesday, and one received on a holiday starts counting on the
   * next working day. 0 days: the end of the day of `from`.
   */
  addWorkingDays(from: Date, days: number, place: Place): Date;
  /**
   * The end of the `days`-th calendar day after the local day of `from` (the law's "30 days").
   * With `endOnWorkingDay`, a period whose last day is a day off ends at the end of the next
   * working day instead (Bộ luật Dân sự 2015, Điều 148 khoản 2).
   */
  addCalendarDays(from: Date, days: number, place: Place, opts?: { endOnWorkingDay?: boolean }): Date;
  /** `from` plus `hours` of office hours on working days (see `defaultWorkingPeriods`). */
  addWorkingHours(from: Date, hours: number, place: Place): Date;
  /**
   * Working days after the local day of `a` up to and including the local day of `b`
   * (negative when `b` is before `a`): workingDaysBetween(x, addWorkingDays(x, n)) === n.
   */
  workingDaysBetween(a: Date, b: Date, place: Place): number;
  /** The overrides this calendar was built from. */
  readonly overrides: readonly CalendarOverride[];
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;
/** A calendar with no working day for this long is misconfigured, not a long holiday. */
const maxDaysOff = 366;

function assertDay(day: Day): void {
  const m = dayPattern.exec(day);
  if (!m || new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).toISOString().slice(0, 10) !== day) {
    throw new RangeError(`not a calendar day (YYYY-MM-DD): ${day}`);
  }
}

function dayNumber(day: Day): number {
  return Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / dayMs;
}

function fromDayNumber(n: number): Day {
  return new Date(n * dayMs).toISOString().slice(0, 10);
}

/** The day `n` days after `day` (before, when negative). */
export function addDays(day: Day, n: number): Day {
  return fromDayNumber(dayNumber(day) + n);
}

/** 0 Sunday … 6 Saturday. */
export function weekday(day: Day): number {
  return new Date(dayNumber(day) * dayMs).getUTCDay();
}

// ---- time zones: Intl only, one formatter per zone ----

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for a zone that does not exist.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(instant: number, timeZone: string) {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

// Reading a zone's offset through Intl is the costly part of every deadline. An offset changes
// only at a transition, and since 1970 every transition of the time zone database falls on a
// quarter hour of UTC: an offset read once holds for its whole quarter hour.
const quarterHourMs = 900_000;
const offsets = new Map<string, number>();

/** Local time minus UTC, in ms, at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const key = instant >= 0 ? `${timeZone} ${Math.floor(instant / quarterHourMs)}` : undefined;
  if (key !== undefined) {
    const known = offsets.get(key);
    if (known !== undefined) return known;
  }
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const offset = asUtc - Math.floor(instant / 1000) * 1000;
  if (key) {
    if (offsets.size >= 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** '2026-03-04 17:00': an instant as the clock on the wall of its time zone reads it. */
export function localDateTime(instant: Date, timeZone: string): string {
  const t = instant.getTime();
  // The wall clock is UTC's shifted by the offset (cached per quarter hour): reading it through
  // Intl each time cost more than the rest of an intake's deadlines together.
  const w = new Date(t + offsetAt(t, timeZone));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(w.getUTCFullYear()).padStart(4, '0')}-${two(w.getUTCMonth() + 1)}-${two(w.getUTCDate())} ${two(w.getUTCHours())}:${two(w.getUTCMinutes())}`;
}

/** The local calendar day of an instant in a time zone. */
export function localDay(instant: Date, timeZone: string): Day {
  const t = instant.getTime();
  return fromDayNumber(Math.floor((t + offsetAt(t, timeZone)) / dayMs));
}

/** The instant of a local wall time (minutes after local midnight) on a day, in ms. */
function zonedTime(day: Day, minutes: number, timeZone: string): number {
  const local = dayNumber(day) * dayMs + minutes * 60_000;
  // The offset is read at a first guess and again at the result, so that a zone whose offset
  // changes near this time (summer time) lands right.
  const guess = local - offsetAt(local, timeZone);
  return local - offsetAt(guess, timeZone);
}

/** The instant a wall clock of the time zone reads `time` ('HH:MM') on a local day. */
export function localInstant(day: Day, time: string, timeZone: string): Date {
  const [h, m] = time.split(':').map(Number);
  return new Date(zonedTime(day, h * 60 + m, timeZone));
}

export function startOfLocalDay(day: Day, timeZone: string): Date {
  return new Date(zonedTime(day, 0, timeZone));
}

/** 23:59:59.999 local: the last instant of a day. */
export function endOfLocalDay(day: Day, timeZone: string): Date {
  return new Date(zonedTime(addDays(day, 1), 0, timeZone) - 1);
}

// ---- public holidays from date-holidays ----

const holidayCalendars = new Map<string, Holidays>();
const holidayYears = new Map<string, Map<Day, string>>();

/**
 * The public holidays of a country in a year (day → name), from date-holidays: only type
 * 'public', whole days, for the whole population. date-holidays marks China's Women's Day,
 * Youth Day, Children's Day and Army Day 'public' with a `note` naming the part of the
 * population that is off (most of them from noon); those days are working days for offices.
 * A holiday spanning several days (Vietnam's Tết) gives each of its days.
 */
export function publicHolidays(country: string, year: number): ReadonlyMap<Day, string> {
  const key = `${country}:${year}`;
  let days = holidayYears.get(key);
  if (days) return days;
  days = new Map();
  let calendar = holidayCalendars.get(country);
  if (!calendar) {
    calendar = new Holidays(country);
    holidayCalendars.set(country, calendar);
  }
  const found = calendar.getHolidays(year) || [];
  for (const h of found as Array<HolidaysTypes.Holiday & { note?: string }>) {
    if (h.type !== 'public' || h.note) continue;
    const time = h.date.slice(11, 19);
    if (time && time !== '00:00:00') continue; // from noon only: still a working day
    const first = h.date.slice(0, 10);
    const length = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / dayMs));
    for (let i = 0; i < length; i++) {
      const day = addDays(first, i);
      if (!days.has(day)) days.set(day, h.name);
    }
  }
  holidayYears.set(key, days);
  return days;
}

function publicHoliday(country: string, day: Day): string | undefined {
  const year = Number(day.slice(0, 4));
  // A holiday of several days that starts in December lists its January days under its year.
  return publicHolidays(country, year).get(day) ?? publicHolidays(country, year - 1).get(day);
}

// ---- the calendar ----

function parsePeriods(periods: readonly WorkingPeriod[]): Array<[number, number]> {
  const minutes = (hhmm: string) => {
    const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
    if (!m) throw new RangeError(`not a time of day (HH:MM): ${hhmm}`);
    return Number(m[1]) * 60 + Number(m[2]);
  };
  const parsed = periods.map((p) => [minutes(p.start), minutes(p.end)] as [number, number]);
  parsed.sort((a, b) => a[0] - b[0]);
  parsed.forEach(([start, end], i) => {
    if (end <= start || (i > 0 && start < parsed[i - 1][1])) throw new RangeError('working periods must be ordered and not overlap');
  });
  if (parsed.length === 0) throw new RangeError('a working day needs at least one working period');
  return parsed;
}

function assertCount(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${what} must be a whole number of 0 or more, got ${value}`);
}

/** A calendar over the given overrides; pure (no database). */
export function createCalendar(overrides: readonly CalendarOverride[], options: CalendarOptions = {}): Calendar {
  const byCountry = new Map<string, Map<Day, CalendarOverride>>();
  const byUnit = new Map<number, Map<Day, CalendarOverride>>();
  for (const o of overrides) {
    assertDay(o.day);
    const index = o.unitId === null ? byCountry : byUnit;
    const key = o.unitId === null ? o.country.toUpperCase() : o.unitId;
    let days = (index as Map<string | number, Map<Day, CalendarOverride>>).get(key);
    if (!days) {
      days = new Map();
      (index as Map<string | number, Map<Day, CalendarOverride>>).set(key, days);
    }
    days.set(o.day, o);
  }
  const defaultPeriods = parsePeriods(options.workingPeriods ?? defaultWorkingPeriods);
  const periodsByCountry = new Map(
    Object.entries(options.workingPeriodsByCountry ?? {}).map(([c, p]) => [c.toUpperCase(), parsePeriods(p)]),
  );

  /** The place's units, nearest first. */
  const unitsOf = (place: Place): number[] => {
    const ids: number[] = [];
    if (place.id != null) ids.push(place.id);
    if (place.path) {
      const path = place.path.split('/').filter(Boolean).map(Number).reverse();
      for (const id of path) if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  };

  const describeDay = (day: Day, place: Place): DayInfo => {
    assertDay(day);
    const country = place.country.toUpperCase();
    const weekend = [0, 6].includes(weekday(day));
    const holidayName = publicHoliday(country, day);
    const usual = !weekend && holidayName === undefined;
    const override = (o: CalendarOverride, source: 'unit' | 'country'): DayInfo =>
      o.kind === 'holiday'
        ? { day, working: false, reason: 'holiday', name: o.name || holidayName, source }
        : { day, working: true, reason: usual ? 'working_day' : 'make_up_working_day', ...(o.name ? { name: o.name } : {}), source };
    if (byUnit.size) {
      for (const id of unitsOf(place)) {
        const o = byUnit.get(id)?.get(day);
        if (o) return override(o, 'unit');
      }
    }
    const o = byCountry.get(country)?.get(day);
    if (o) return override(o, 'country');
    if (holidayName !== undefined) return { day, working: false, reason: 'public_holiday', name: holidayName, source: 'date-holidays' };
    if (weekend) return { day, working: false, reason: 'weekend', source: 'weekday' };
    return { day, working: true, reason: 'working_day', source: 'weekday' };
  };

  const isWorkingDay = (day: Day, place: Place) => describeDay(day, place).working;

  const nextWorkingDay = (day: Day, place: Place): Day => {
    let d = day;
    for (let i = 0; i < maxDaysOff; i++) {
      d = addDays(d, 1);
      if (isWorkingDay(d, place)) return d;
    }
    throw new RangeError(`no working day within ${maxDaysOff} days after ${day} in ${place.country}: check calendar_days`);
  };

  // The day `days` working days after a day, remembered: every petition of a day, in every unit
  // of a country without unit overrides, asks the same few questions (the calendar is rebuilt
  // when its overrides change, and so is this).
  const workingDaysAfter = new Map<string, Day>();
  const afterWorkingDays = (from: Day, days: number, place: Place): Day => {
    const where = byUnit.size ? `${place.country.toUpperCase()}|${unitsOf(place).join('/')}` : place.country.toUpperCase();
    const key = `${where}|${from}|${days}`;
    let day = workingDaysAfter.get(key);
    if (day === undefined) {
      day = from;
      for (let i = 0; i < days; i++) day = nextWorkingDay(day, place);
      if (workingDaysAfter.size >= 50_000) workingDaysAfter.clear();
      workingDaysAfter.set(key, day);
    }
    return day;
  };

  const countWorkingDays = (from: Day, to: Day, place: Place): number => {
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, place)) n++;
    return n;
  };

  return {
    overrides,
    isWorkingDay,
    describeDay,
    nextWorkingDay,

    addWorkingDays(from, days, place) {
      assertCount(days, 'working days');
      return endOfLocalDay(afterWorkingDays(localDay(from, place.time_zone), days, place), place.time_zone);
    },

    addCalendarDays(from, days, place, opts = {}) {
      assertCount(days, 'days');
      let day = addDays(localDay(from, place.time_zone), days);
      if (opts.endOnWorkingDay && !isWorkingDay(day, place)) day = nextWorkingDay(day, place);
      return endOfLocalDay(day, place.time_zone);
    },

    addWorkingHours(from, hours, place) {
      if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`hours must be 0 or more, got ${hours}`);
      let remaining = Math.round(hours * 3_600_000);
      const start = from.getTime();
      if (remaining === 0) return new Date(start);
      const periods = periodsByCountry.get(place.country.toUpperCase()) ?? defaultPeriods;
      let day = localDay(from, place.time_zone);
      if (!isWorkingDay(day, place)) day = nextWorkingDay(day, place);
      for (;;) {
        for (const [open, close] of periods) {
          const end = zonedTime(day, close, place.time_zone);
          const begin = Math.max(zonedTime(day, open, place.time_zone), start);
          if (begin >= end) continue;
          if (remaining <= end - begin) return new Date(begin + remaining);
          remaining -= end - begin;
        }
        day = nextWorkingDay(day, place);
      }
    },

    workingDaysBetween(a, b, place) {
      const from = localDay(a, place.time_zone);
      const to = localDay(b, place.time_zone);
      return to >= from ? countWorkingDays(from, to, place) : -countWorkingDays(to, from, place);
    },
  };
}

// ---- loading from the database, cached ----

/** Overrides change rarely; a server re-reads them this often so that every process sees an edit. */
const calendarMaxAgeMs = 10 * 60_000;

interface Cached {
  calendar: Promise<Calendar>;
  loadedAt: number;
}
/** Per database, per options. */
const cache = new WeakMap<Kysely<DB>, Map<string, Cached>>();
const optionsKey = (options: CalendarOptions) => JSON.stringify([options.workingPeriods ?? null, options.workingPeriodsByCountry ?? null]);

async function readCalendarOverrides(db: Kysely<DB>): Promise<CalendarOverride[]> {
  const rows = await db.selectFrom('calendar_days').select(['country', 'unit_id', 'day', 'kind', 'name']).orderBy('id').execute();
  return rows.map((r) => ({ country: r.country, unitId: r.unit_id, day: r.day, kind: r.kind, name: r.name }));
}

/**
 * The calendar of this database's overrides, read once and kept (re-read after
 * `calendarMaxAgeMs`, or at once with `reloadCalendar` after an edit). Cheap to call per use.
 */
export function loadCalendar(db: Kysely<DB>, options: CalendarOptions = {}): Promise<Calendar> {
  const cached = cache.get(db)?.get(optionsKey(options));
  if (cached && performance.now() - cached.loadedAt < calendarMaxAgeMs) return cached.calendar;
  return read(db, options);
}

/** Re-reads the overrides now (call after changing calendar_days); other cached calendars of this database are dropped. */
export function reloadCalendar(db: Kysely<DB>, options: CalendarOptions = {}): Promise<Calendar> {
  cache.delete(db);
  return read(db, options);
}

function read(db: Kysely<DB>, options: CalendarOptions): Promise<Calendar> {
  const key = optionsKey(options);
  const calendar = readCalendarOverrides(db).then((rows) => createCalendar(rows, options));
  const entry: Cached = { calendar, loadedAt: performance.now() };
  let entries = cache.get(db);
  if (!entries) cache.set(db, (entries = new Map()));
  entries.set(key, entry);
  // A failed read is not kept: the next call tries again.
  calendar.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return calendar;
}
