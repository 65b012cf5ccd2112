import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { backends, createTestDatabase } from '../test/databases.ts';
import { createUnits } from '../test/factories.ts';
import type { Database } from './db.ts';
import { addDays, createCalendar, endOfLocalDay, loadCalendar, localDateTime, localDay, publicHolidays, reloadCalendar, type Calendar, type Place } from './calendar.ts';

const vn: Place = { country: 'VN', time_zone: 'Asia/Ho_Chi_Minh' };
const cn: Place = { country: 'CN', time_zone: 'Asia/Shanghai' };

/** A local wall time as an instant: '2026-02-13T10:00' in Viet Nam (UTC+7) or China (UTC+8). */
const atVN = (local: string) => new Date(`${local}:00+07:00`);
const atCN = (local: string) => new Date(`${local}:00+08:00`);
/** The end of a local day, written as the UTC instant it is. */
const endVN = (day: string) => new Date(`${day}T23:59:59.999+07:00`);
const endCN = (day: string) => new Date(`${day}T23:59:59.999+08:00`);

function daysOff(calendar: Calendar, place: Place, first: string, last: string): string[] {
  const off: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) if (!calendar.isWorkingDay(d, place)) off.push(d);
  return off;
}

test('date-holidays: only whole public days for everyone count as days off', () => {
  // Viet Nam: Tết Bính Ngọ 2026 is one 'public' entry spanning five days (eve to the 4th day).
  const vn2026 = publicHolidays('VN', 2026);
  for (const day of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
    assert.ok(vn2026.has(day), `${day} is a Tết day`);
  }
  assert.ok(!vn2026.has('2026-02-21'));
  // 'observance' days (Party founding day, Tuesday 3 Feb 2026) are working days.
  assert.ok(!vn2026.has('2026-02-03'));
  // China: Women's Day, Youth Day (from noon, part of the population), Children's Day and
  // Army Day are 'public' in date-holidays but offices work.
  const cn2026 = publicHolidays('CN', 2026);
  for (const day of ['2026-03-08', '2026-05-04', '2026-06-01', '2026-08-01']) assert.ok(!cn2026.has(day), day);
  for (const day of ['2026-01-01', '2026-02-17', '2026-10-01']) assert.ok(cn2026.has(day), day);
});

test('local days and day ends stay right across a summer-time change, read again and again', () => {
  // New York moved its clocks from 02:00 to 03:00 on 8 March 2026 (UTC 07:00) and back on 1 November.
  const ny = 'America/New_York';
  for (let round = 0; round < 2; round++) {
    assert.equal(localDay(new Date('2026-03-08T04:59:59.999Z'), ny), '2026-03-07');
    assert.equal(localDay(new Date('2026-03-08T05:00:00.000Z'), ny), '2026-03-08');
    assert.equal(localDay(new Date('2026-03-09T03:59:59.999Z'), ny), '2026-03-08');
    assert.equal(localDay(new Date('2026-03-09T04:00:00.000Z'), ny), '2026-03-09');
    assert.equal(endOfLocalDay('2026-03-07', ny).toISOString(), '2026-03-08T04:59:59.999Z');
    assert.equal(endOfLocalDay('2026-03-08', ny).toISOString(), '2026-03-09T03:59:59.999Z');
    assert.equal(endOfLocalDay('2026-10-31', ny).toISOString(), '2026-11-01T03:59:59.999Z');
    assert.equal(endOfLocalDay('2026-11-01', ny).toISOString(), '2026-11-02T04:59:59.999Z');
    // Lord Howe Island moves by half an hour: UTC+11 until 02:00 local on 5 April 2026, then UTC+10:30.
    const lh = 'Australia/Lord_Howe';
    assert.equal(localDay(new Date('2026-04-04T12:59:59.999Z'), lh), '2026-04-04');
    assert.equal(localDay(new Date('2026-04-04T13:00:00.000Z'), lh), '2026-04-05');
    assert.equal(localDay(new Date('2026-04-05T13:29:59.999Z'), lh), '2026-04-05');
    assert.equal(localDay(new Date('2026-04-05T13:30:00.000Z'), lh), '2026-04-06');
    assert.equal(endOfLocalDay('2026-04-04', lh).toISOString(), '2026-04-04T12:59:59.999Z');
    assert.equal(endOfLocalDay('2026-04-05', lh).toISOString(), '2026-04-05T13:29:59.999Z');
  }
});

test('the wall clock of a time zone reads as Intl reads it, across summer-time changes', () => {
  const intl = (at: Date, timeZone: string) => {
    const f = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  };
  const spans: Array<[string, string]> = [
    ['America/New_York', '2026-03-08T05:00:00Z'],
    ['America/New_York', '2026-11-01T04:00:00Z'],
    ['Australia/Lord_Howe', '2026-04-04T14:00:00Z'],
    ['Asia/Ho_Chi_Minh', '2026-12-31T16:00:00Z'],
    ['Asia/Shanghai', '2026-02-16T15:30:00Z'],
  ];
  for (const [zone, around] of spans) {
    const t0 = Date.parse(around) - 3 * 3_600_000;
    for (let t = t0; t < t0 + 6 * 3_600_000; t += 7 * 60_000 + 13_000) {
      assert.equal(localDateTime(new Date(t), zone), intl(new Date(t), zone), `${zone} at ${new Date(t).toISOString()}`);
    }
  }
  assert.equal(localDateTime(new Date('2026-03-04T10:00:00Z'), 'Asia/Ho_Chi_Minh'), '2026-03-04 17:00');
});

test("a unit's day off moves its deadlines and no other unit's, however often either is asked", () => {
  const calendar = createCalendar([{ day: '2026-03-03', kind: 'holiday', name: 'Lễ hội làng', country: 'VN', unitId: 7 }]);
  const village: Place = { ...vn, id: 7, path: '/1/7/' };
  const neighbour: Place = { ...vn, id: 8, path: '/1/8/' };
  const from = atVN('2026-03-02T09:00');
  for (let round = 0; round < 2; round++) {
    assert.equal(calendar.addWorkingDays(from, 2, village).getTime(), endVN('2026-03-05').getTime(), 'Tuesday is off in the village');
    assert.equal(calendar.addWorkingDays(from, 2, neighbour).getTime(), endVN('2026-03-04').getTime());
    assert.equal(calendar.addWorkingDays(from, 2, { ...vn, id: 70, path: '/1/7/70/' }).getTime(), endVN('2026-03-05').getTime(), 'a unit below it too');
  }
});

test('a calendar without overrides: weekends and public holidays', () => {
  const calendar = createCalendar([]);
  assert.equal(calendar.isWorkingDay('2026-03-06', vn), true); // Friday
  assert.equal(calendar.isWorkingDay('2026-03-07', vn), false); // Saturday
  assert.equal(calendar.isWorkingDay('2026-03-08', vn), false); // Sunday
  assert.equal(calendar.isWorkingDay('2026-06-01', cn), true); // Children's Day: offices work
  assert.deepEqual(calendar.describeDay('2026-02-17', vn), {
    day: '2026-02-17',
    working: false,
    reason: 'public_holiday',
    name: 'Giao thừa Tết Nguyên Đán',
    source: 'date-holidays',
  });
  assert.throws(() => calendar.isWorkingDay('2026-02-30', vn), RangeError);
  assert.throws(() => calendar.isWorkingDay('17/02/2026', vn), RangeError);
  assert.throws(() => calendar.addWorkingDays(atVN('2026-03-02T09:00'), -1, vn), RangeError);
  assert.throws(() => calendar.addWorkingDays(atVN('2026-03-02T09:00'), 1.5, vn), RangeError);
  assert.throws(() => calendar.addWorkingDays(atVN('2026-03-02T09:00'), 1, { ...vn, time_zone: 'Mars/Olympus' }), RangeError);
});

test('a deployment may set office hours per country', () => {
  const calendar = createCalendar([], {
    workingPeriodsByCountry: { CN: [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '17:30' }] },
  });
  assert.deepEqual(calendar.addWorkingHours(atCN('2026-03-02T11:00'), 2, cn), atCN('2026-03-02T15:00'));
  assert.deepEqual(calendar.addWorkingHours(atVN('2026-03-02T11:00'), 2, vn), atVN('2026-03-02T15:00'));
  assert.deepEqual(calendar.addWorkingHours(atVN('2026-03-02T11:00'), 1, vn), atVN('2026-03-02T14:00'));
  assert.deepEqual(calendar.addWorkingHours(atCN('2026-03-02T11:00'), 1.5, cn), atCN('2026-03-02T14:30'));
  assert.throws(() => createCalendar([], { workingPeriods: [{ start: '13:00', end: '12:00' }] }), RangeError);
  assert.throws(() => createCalendar([], { workingPeriods: [{ start: '7:30', end: '11:30' }] }), RangeError);
});

for (const backend of backends) {
  describe(`working-day calendar [${backend}]`, () => {
    let database: Database;
    let calendar: Calendar;
    before(async () => {
      database = await createTestDatabase(backend);
      calendar = await loadCalendar(database.db);
    });
    after(async () => {
      await database.close();
    });

    test('Viet Nam, Tết 2026: seven working days from the Friday before Tết land after the holiday', () => {
      // Off Sat 14/2 – Sun 22/2 (five Tết days and two weekends).
      assert.deepEqual(daysOff(calendar, vn, '2026-02-13', '2026-02-23'), [
        '2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18',
        '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22',
      ]);
      const received = atVN('2026-02-13T10:00');
      // 23, 24, 25, 26, 27 Feb, 2 and 3 Mar.
      assert.deepEqual(calendar.addWorkingDays(received, 7, vn), endVN('2026-03-03'));
      assert.deepEqual(calendar.addWorkingDays(received, 2, vn), endVN('2026-02-24'));
      assert.equal(calendar.workingDaysBetween(received, endVN('2026-03-03'), vn), 7);
      // Received during Tết: counting starts on the first working day after it.
      assert.deepEqual(calendar.addWorkingDays(atVN('2026-02-17T08:00'), 1, vn), endVN('2026-02-23'));
    });

    test('Viet Nam 2026: the New Year swap and the Giỗ Tổ day in lieu', () => {
      assert.equal(calendar.isWorkingDay('2026-01-02', vn), false); // Friday, swapped
      assert.equal(calendar.describeDay('2026-01-10', vn).reason, 'make_up_working_day'); // Saturday, worked
      assert.equal(calendar.isWorkingDay('2026-04-27', vn), false); // Giỗ Tổ fell on Sunday 26/4
    });

    test('Viet Nam, 30/4 – 1/5 and 2/9 in 2025', () => {
      assert.deepEqual(daysOff(calendar, vn, '2025-04-26', '2025-05-05'), [
        '2025-04-27', '2025-04-30', '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04',
      ]);
      // Saturday 26/4 was worked in exchange for Friday 2/5.
      assert.equal(calendar.describeDay('2025-04-26', vn).reason, 'make_up_working_day');
      assert.deepEqual(calendar.addWorkingDays(atVN('2025-04-25T15:00'), 1, vn), endVN('2025-04-26'));
      assert.deepEqual(calendar.addWorkingDays(atVN('2025-04-29T10:00'), 2, vn), endVN('2025-05-06'));
      // Quốc khánh: 2/9 and the adjacent Monday 1/9.
      assert.deepEqual(daysOff(calendar, vn, '2025-08-29', '2025-09-03'), ['2025-08-30', '2025-08-31', '2025-09-01', '2025-09-02']);
      assert.deepEqual(calendar.addWorkingDays(atVN('2025-08-29T16:00'), 1, vn), endVN('2025-09-03'));
      // 2026: 30/4 and 1/5 are Thursday and Friday; 2/9 with Tuesday 1/9, and Monday 31/8 swapped.
      assert.deepEqual(daysOff(calendar, vn, '2026-04-29', '2026-05-04'), ['2026-04-30', '2026-05-01', '2026-05-02', '2026-05-03']);
      assert.deepEqual(daysOff(calendar, vn, '2026-08-28', '2026-09-03'), [
        '2026-08-29', '2026-08-30', '2026-08-31', '2026-09-01', '2026-09-02',
      ]);
      assert.equal(calendar.isWorkingDay('2026-08-22', vn), true);
    });

    test('China, National Day 2025: 1–8 October off, Sunday 28 Sep and Saturday 11 Oct worked', () => {
      assert.deepEqual(daysOff(calendar, cn, '2025-09-27', '2025-10-12'), [
        '2025-09-27',
        '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04',
        '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08',
        '2025-10-12',
      ]);
      assert.equal(calendar.describeDay('2025-09-28', cn).reason, 'make_up_working_day');
      assert.equal(calendar.describeDay('2025-10-11', cn).reason, 'make_up_working_day');
      // Received on the eve: 9 Oct, 10 Oct, and the make-up Saturday 11 Oct.
      assert.deepEqual(calendar.addWorkingDays(atCN('2025-09-30T17:30'), 3, cn), endCN('2025-10-11'));
    });

    test('China: a make-up working Sunday counts as a working day', () => {
      assert.equal(calendar.isWorkingDay('2025-01-26', cn), true); // Sunday before the Spring Festival
      assert.equal(calendar.isWorkingDay('2025-01-26', vn), false); // China's make-up day, not Viet Nam's
      assert.deepEqual(calendar.addWorkingDays(atCN('2025-01-25T09:00'), 1, cn), endCN('2025-01-26'));
      // Spring Festival 2026: 15–23 Feb off, Saturdays 14 and 28 Feb worked.
      assert.deepEqual(daysOff(calendar, cn, '2026-02-14', '2026-02-28'), [
        '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19',
        '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
      ]);
    });

    test('time zones: 23:30 local Friday and 00:30 local Saturday are different days, though both are Friday in UTC', () => {
      const fridayLate = atVN('2026-03-06T23:30'); // 16:30 UTC Friday
      const saturdayEarly = atVN('2026-03-07T00:30'); // 17:30 UTC Friday
      assert.equal(fridayLate.getUTCDay(), 5);
      assert.equal(saturdayEarly.getUTCDay(), 5);
      assert.equal(localDay(fridayLate, vn.time_zone), '2026-03-06');
      assert.equal(localDay(saturdayEarly, vn.time_zone), '2026-03-07');
      assert.equal(calendar.isWorkingDay(localDay(fridayLate, vn.time_zone), vn), true);
      assert.equal(calendar.isWorkingDay(localDay(saturdayEarly, vn.time_zone), vn), false);
      // The law's "30 days" run from the local day of receipt.
      assert.deepEqual(calendar.addCalendarDays(fridayLate, 30, vn), endVN('2026-04-05'));
      assert.deepEqual(calendar.addCalendarDays(saturdayEarly, 30, vn), endVN('2026-04-06'));
      // The same instants in China (UTC+8) are 00:30 and 01:30 on Saturday.
      assert.equal(localDay(fridayLate, cn.time_zone), '2026-03-07');
      // Thursday 23:30 and Friday 00:30: two working days end on Monday and on Tuesday.
      assert.deepEqual(calendar.addWorkingDays(atVN('2026-03-05T23:30'), 2, vn), endVN('2026-03-09'));
      assert.deepEqual(calendar.addWorkingDays(atVN('2026-03-06T00:30'), 2, vn), endVN('2026-03-10'));
      assert.deepEqual(calendar.addWorkingDays(atCN('2026-03-05T23:30'), 2, cn), endCN('2026-03-09'));
      assert.deepEqual(calendar.addWorkingDays(atCN('2026-03-06T00:30'), 2, cn), endCN('2026-03-10'));
      assert.deepEqual(endOfLocalDay('2026-03-10', cn.time_zone), new Date('2026-03-10T15:59:59.999Z'));
    });

    test('calendar days: the end of day N, moved to the next working day on request', () => {
      const received = atVN('2026-03-02T09:00'); // Monday
      assert.deepEqual(calendar.addCalendarDays(received, 30, vn), endVN('2026-04-01'));
      // 30 days from 28 Mar 2026 end on Monday 27 Apr, the Giỗ Tổ day in lieu: then Tuesday.
      assert.deepEqual(calendar.addCalendarDays(atVN('2026-03-28T09:00'), 30, vn), endVN('2026-04-27'));
      assert.deepEqual(calendar.addCalendarDays(atVN('2026-03-28T09:00'), 30, vn, { endOnWorkingDay: true }), endVN('2026-04-28'));
    });

    test('working hours: 07:30–11:30 and 13:30–17:00 on working days', () => {
      const twoHours = (from: Date, place: Place = vn) => calendar.addWorkingHours(from, 2, place);
      assert.deepEqual(twoHours(atVN('2026-03-02T08:00')), atVN('2026-03-02T10:00'));
      // Over the lunch break: 30 minutes before it, 90 after.
      assert.deepEqual(twoHours(atVN('2026-03-02T11:00')), atVN('2026-03-02T15:00'));
      assert.deepEqual(twoHours(atVN('2026-03-02T12:15')), atVN('2026-03-02T15:30'));
      // Before opening: from 07:30.
      assert.deepEqual(twoHours(atVN('2026-03-02T05:00')), atVN('2026-03-02T09:30'));
      // Late Friday afternoon: one hour on Friday, one on Monday.
      assert.deepEqual(twoHours(atVN('2026-03-06T16:00')), atVN('2026-03-09T08:30'));
      // Friday night and a weekend: Monday morning.
      assert.deepEqual(twoHours(atVN('2026-03-06T23:30')), atVN('2026-03-09T09:30'));
      // During Tết: the first working morning after it.
      assert.deepEqual(twoHours(atVN('2026-02-16T10:00')), atVN('2026-02-23T09:30'));
      // China's make-up Saturday is a working day with the same hours.
      assert.deepEqual(twoHours(atCN('2025-10-11T16:00'), cn), atCN('2025-10-13T08:30'));
      assert.deepEqual(calendar.addWorkingHours(atVN('2026-03-02T08:00'), 0, vn), atVN('2026-03-02T08:00'));
      // A whole working day is 7.5 hours.
      assert.deepEqual(calendar.addWorkingHours(atVN('2026-03-02T07:30'), 7.5, vn), atVN('2026-03-02T17:00'));
      assert.deepEqual(calendar.addWorkingHours(atVN('2026-03-02T07:30'), 8, vn), atVN('2026-03-03T08:00'));
    });

    test('workingDaysBetween is the inverse of addWorkingDays', () => {
      for (let d = '2025-12-20'; d <= '2026-03-10'; d = addDays(d, 3)) {
        for (const n of [0, 1, 2, 5, 7, 10, 15]) {
          for (const place of [vn, cn]) {
            const from = new Date(`${d}T22:45:00Z`);
            const due = calendar.addWorkingDays(from, n, place);
            assert.equal(calendar.workingDaysBetween(from, due, place), n, `${d} + ${n} in ${place.country}`);
            assert.equal(calendar.workingDaysBetween(due, from, place), n === 0 ? 0 : -n);
            assert.ok(n === 0 || calendar.isWorkingDay(localDay(due, place.time_zone), place));
          }
        }
      }
    });

    test("a unit's extra holiday affects that unit and the units below it only", async () => {
      const units = await createUnits(database.db, [
        { code: 'CALP', name: 'Calendar Province', level: 'province' },
        { code: 'CALC1', name: 'Calendar Commune One', level: 'commune', parentCode: 'CALP' },
        { code: 'CALC2', name: 'Calendar Commune Two', level: 'commune', parentCode: 'CALP' },
        { code: 'CALV1', name: 'Calendar Village One', level: 'village', parentCode: 'CALC1' },
      ]);
      const row = (code: string) =>
        database.db.selectFrom('units').select(['id', 'path', 'country', 'time_zone']).where('code', '=', code).executeTakeFirstOrThrow();
      const [commune1, commune2, village1] = await Promise.all([row('CALC1'), row('CALC2'), row('CALV1')]);
      await database.db
        .insertInto('calendar_days')
        .values([
          // The commune's village festival, Tuesday 10 March 2026.
          { country: 'VN', unit_id: units.CALC1.id, day: '2026-03-10', kind: 'holiday', name: 'Lễ hội làng' },
          // Commune Two works on Saturday 14 March 2026 (a reception day).
          { country: 'VN', unit_id: units.CALC2.id, day: '2026-03-14', kind: 'working', name: 'Ngày thứ Bảy vì dân' },
        ])
        .execute();
      // The cached calendar does not see it until reloaded.
      assert.equal((await loadCalendar(database.db)).isWorkingDay('2026-03-10', commune1), true);
      const fresh = await reloadCalendar(database.db);
      assert.equal(await loadCalendar(database.db), fresh, 'kept for the next caller');

      assert.equal(fresh.isWorkingDay('2026-03-10', commune1), false);
      assert.equal(fresh.describeDay('2026-03-10', commune1).name, 'Lễ hội làng');
      assert.equal(fresh.isWorkingDay('2026-03-10', { ...vn, id: units.CALC1.id }), false);
      assert.equal(fresh.isWorkingDay('2026-03-10', village1), false, 'a village of the commune');
      assert.equal(fresh.isWorkingDay('2026-03-10', commune2), true, 'the neighbouring commune');
      assert.equal(fresh.isWorkingDay('2026-03-10', vn), true, 'the country');
      assert.equal(fresh.isWorkingDay('2026-03-14', commune2), true);
      assert.equal(fresh.isWorkingDay('2026-03-14', commune1), false);
      // Received Monday 9 March: two working days are 11 and 12 March in Commune One.
      const received = atVN('2026-03-09T10:00');
      assert.deepEqual(fresh.addWorkingDays(received, 2, commune1), endVN('2026-03-12'));
      assert.deepEqual(fresh.addWorkingDays(received, 2, commune2), endVN('2026-03-11'));
    });
  });
}
