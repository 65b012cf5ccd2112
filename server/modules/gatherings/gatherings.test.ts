import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend, type TestApp } from '../../test/server.ts';
import { createAgency, createOfficial, createSmallTree } from '../../test/factories.ts';
import ICAL from 'ical.js';
import { createCalendar } from '../../platform/calendar.ts';
import { checkMonth, judgeMonth, nextState, seriesDays } from './gatherings.policy.ts';
import { tinyPng } from '../../robustness/world.ts';

const tinyPdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

it('policy: the state machine allows only its steps', () => {
  assert.equal(nextState('planned', 'open'), 'open');
  assert.equal(nextState('open', 'close'), 'closed');
  assert.equal(nextState('closed', 'publish'), 'published');
  assert.equal(nextState('open', 'cancel'), 'cancelled');
  assert.equal(nextState('planned', 'close'), undefined);
  assert.equal(nextState('closed', 'cancel'), undefined);
  assert.equal(nextState('published', 'open'), undefined);
  assert.equal(nextState('cancelled', 'open'), undefined);
});

it('policy: a series skips or moves the holidays of the unit\'s calendar and leaves out its exceptions', () => {
  const cal = createCalendar([]);
  const place = { country: 'VN', time_zone: 'Asia/Ho_Chi_Minh' };
  // Every Thursday of April–May 2026: 30 April is Reunification Day.
  const base = { rrule: 'FREQ=WEEKLY;BYDAY=TH', firstDay: '2026-04-01', untilDay: '2026-05-14', exceptions: [] as string[] };
  const skip = seriesDays({ ...base, holidayRule: 'skip' }, cal, place);
  assert.deepEqual(skip, ['2026-04-02', '2026-04-09', '2026-04-16', '2026-04-23', '2026-05-07', '2026-05-14']);
  const next = seriesDays({ ...base, holidayRule: 'next_day' }, cal, place);
  // 1 May is Labour Day too: the next day that is not a holiday is Saturday 2 May.
  assert.ok(next.includes('2026-05-02') && !next.includes('2026-04-30'), next.join());
  const keep = seriesDays({ ...base, holidayRule: 'keep', exceptions: ['2026-04-09'] }, cal, place);
  assert.ok(keep.includes('2026-04-30') && !keep.includes('2026-04-09'));
});

it('policy: a weekly minimum needs a day in every week of the month, a monthly one a count', () => {
  assert.deepEqual(checkMonth({ days: 2, per: 'month' }, '2023-03', ['2023-03-10', '2023-03-25']).met, true);
  assert.deepEqual(checkMonth({ days: 2, per: 'month' }, '2023-03', ['2023-03-10', '2023-03-10']).met, false);
  const weekly = checkMonth({ days: 1, per: 'week' }, '2026-03', ['2026-03-02', '2026-03-09', '2026-03-19', '2026-03-26']);
  assert.equal(weekly.met, false);
  assert.deepEqual(weekly.shortWeeks, ['2026-03-30'], 'the week of Monday 30 March has no day');
  assert.equal(weekly.required, 5);
});

it('policy: a month is judged on its held days once over, on held and still planned days while it runs, on its schedule before it begins', () => {
  const district = { days: 2, per: 'month' } as const;
  const today = '2026-03-12';
  // February is over: one day was held, the other planned but never held.
  const feb = judgeMonth(district, '2026-02', today, { planned: ['2026-02-10', '2026-02-24'], held: ['2026-02-10'] });
  assert.deepEqual([feb.judgedOn, feb.days, feb.met], ['held', 1, false]);
  // March runs: the 10th was held, the 25th is still to come, so the month can still meet the minimum.
  const mar = judgeMonth(district, '2026-03', today, { planned: ['2026-03-10', '2026-03-25'], held: ['2026-03-10'] });
  assert.deepEqual([mar.judgedOn, mar.days, mar.met], ['held_and_planned', 2, true]);
  // A day of March that passed without being held no longer counts.
  const missed = judgeMonth(district, '2026-03', today, { planned: ['2026-03-05', '2026-03-25'], held: [] });
  assert.deepEqual([missed.days, missed.met], [1, false]);
  // A month to come is judged on its plan: met when the plan meets the minimum, even with nothing held.
  const apr = judgeMonth(district, '2026-04', today, { planned: ['2026-04-10', '2026-04-24'], held: [] });
  assert.deepEqual([apr.judgedOn, apr.met], ['schedule', true]);
  const may = judgeMonth(district, '2026-05', today, { planned: ['2026-05-10'], held: [] });
  assert.deepEqual([may.judgedOn, may.met], ['schedule', false], 'a plan short of the minimum is flagged ahead');
  // A weekly minimum in the current month: past weeks on held days, the rest on the plan.
  const commune = judgeMonth({ days: 1, per: 'week' }, '2026-03', today, {
    planned: ['2026-03-05', '2026-03-12', '2026-03-19', '2026-03-26', '2026-04-02'],
    held: ['2026-03-05'],
  });
  assert.deepEqual(commune.shortWeeks, [], 'today\'s reception day still counts');
  const lapsed = judgeMonth({ days: 1, per: 'week' }, '2026-03', '2026-03-13', {
    planned: ['2026-03-05', '2026-03-12', '2026-03-19', '2026-03-26', '2026-04-02'],
    held: ['2026-03-05'],
  });
  assert.deepEqual(lapsed.shortWeeks, ['2026-03-09'], 'the week whose day passed unheld');
});

async function world(t: TestApp, prefix: string) {
  await createSmallTree(t.ctx.db, prefix);
  const agency = await createAgency(t.ctx.db, { unit: `${prefix}C1`, name: 'Land registry', kind: 'land_registry' });
  const chair = await createOfficial(t, { name: 'Chairman', roles: [{ unit: `${prefix}C1`, role: 'leader' }] });
  const officer = await createOfficial(t, { roles: [{ unit: `${prefix}C1`, role: 'reception_officer' }] });
  const outsider = await createOfficial(t, { roles: [{ unit: `${prefix}C2`, role: 'reception_officer' }] });
  return { agency, chair, officer, outsider };
}

describeEachBackend('gatherings', (t) => {
  const post = (url: string, headers: Record<string, string> | undefined, payload: unknown) =>
    t().app.inject({ method: 'POST', url, headers: { 'accept-language': 'en', ...headers }, payload: payload as object });
  const get = (url: string, headers?: Record<string, string>) => t().app.inject({ method: 'GET', url, headers });
  let keys = 0;
  const key = () => `k${String(++keys).padStart(8, '0')}${process.pid}`;

  it('plans a gathering, refuses an overlapping one of the same host, and runs planned → open → closed → published with audit events', async () => {
    const { agency, chair, officer, outsider } = await world(t(), 'GA');
    const plan = {
      unit: 'GAC1', kind: 'reception_day', title: 'Tiếp công dân định kỳ', host: chair.id, hostRole: 'chairman', agencies: [agency.id],
      place: 'Trụ sở UBND xã', point: { lat: 18.8, lng: 105.3 }, start: '2026-03-05T07:30', end: '2026-03-05T11:00', capacity: 2, topics: ['land'],
    };
    const res = await post('/api/v1/gatherings', officer.headers, plan);
    assert.equal(res.statusCode, 201, res.body);
    const g = res.json();
    assert.equal(g.startsAt, '2026-03-05T00:30:00.000Z', "07:30 in Viet Nam's time zone");
    assert.equal(g.localStart, '2026-03-05 07:30');
    assert.deepEqual(g.agencies, [{ id: agency.id, name: 'Land registry' }]);
    assert.deepEqual(g.host, { id: chair.id, name: 'Chairman' });
    assert.equal(g.state, 'planned');

    const overlap = await post('/api/v1/gatherings', officer.headers, { ...plan, start: '2026-03-05T10:00', end: '2026-03-05T12:00' });
    assert.equal(overlap.statusCode, 409);
    assert.equal(overlap.json().error.code, 'host_busy');
    assert.match(overlap.json().error.message, /2026-03-05 07:30/);
    assert.equal((await post('/api/v1/gatherings', officer.headers, { ...plan, start: '2026-03-05T11:00', end: '2026-03-05T12:00' })).statusCode, 201, 'back to back is not an overlap');
    const backwards = await post('/api/v1/gatherings', officer.headers, { ...plan, host: undefined, start: '2026-03-05T11:00', end: '2026-03-05T10:00' });
    assert.equal(backwards.json().error.code, 'gathering_invalid_time');
    assert.equal((await post('/api/v1/gatherings', officer.headers, { ...plan, host: undefined, start: '2026-02-30T08:00', end: '2026-02-30T09:00' })).json().error.code, 'gathering_invalid_time');
    assert.equal((await post('/api/v1/gatherings', officer.headers, { ...plan, host: 999999 })).json().error.code, 'unknown_host');
    assert.equal((await post('/api/v1/gatherings', officer.headers, { ...plan, host: undefined, agencies: [999999] })).json().error.code, 'unknown_agency');
    assert.equal((await post('/api/v1/gatherings', officer.headers, { ...plan, unit: 'NO-SUCH' })).json().error.code, 'unknown_unit');
    assert.equal((await post('/api/v1/gatherings', outsider.headers, plan)).statusCode, 403);
    assert.equal((await post('/api/v1/gatherings', undefined, plan)).statusCode, 401);

    const act = (type: string, extra: object = {}, headers = officer.headers) => post(`/api/v1/gatherings/${g.id}/actions`, headers, { type, ...extra });
    const early = await act('close');
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().error.code, 'gathering_state');
    assert.equal((await act('open', {}, outsider.headers)).statusCode, 404, 'another commune\'s gathering is not theirs');
    assert.equal((await act('open')).json().state, 'open');
    assert.equal((await act('open')).statusCode, 409);
    assert.equal((await act('close', { minutes: 'Biên bản' })).json().state, 'closed');
    assert.equal((await act('cancel', { reason: 'late' })).statusCode, 409, 'a closed gathering cannot be cancelled');
    assert.equal((await act('publish')).json().error.code, 'summary_required');
    const published = await act('publish', { summary: 'Received 2 citizens.' });
    assert.equal(published.json().state, 'published');
    assert.equal(published.json().minutes, 'Biên bản');

    const audit = await t().ctx.db.selectFrom('audit_events').select('action').where('subject_type', '=', 'gathering').where('subject_id', '=', String(g.id)).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => a.action), ['gathering.planned', 'gathering.open', 'gathering.close', 'gathering.publish']);

    const other = (await post('/api/v1/gatherings', officer.headers, { ...plan, host: undefined, start: '2026-03-06T08:00', end: '2026-03-06T09:00' })).json();
    assert.equal((await post(`/api/v1/gatherings/${other.id}/actions`, officer.headers, { type: 'cancel' })).json().error.code, 'reason_required');
    const cancelled = await post(`/api/v1/gatherings/${other.id}/actions`, officer.headers, { type: 'cancel', reason: 'Bão' });
    assert.equal(cancelled.json().state, 'cancelled');
    assert.equal(cancelled.json().cancelReason, 'Bão');
  });

  it('records the console\'s entries once per idempotency key: attendance, opinions as linked petitions, services, the "three sides, one word" record', async () => {
    const { chair, officer, outsider } = await world(t(), 'GB');
    const g = (await post('/api/v1/gatherings', officer.headers, {
      unit: 'GBC1', kind: 'reception_day', title: 'Reception', host: chair.id, hostRole: 'chairman', start: '2026-03-02T08:00', end: '2026-03-02T11:00',
    })).json();
    const entry = (body: object, headers = officer.headers) => post(`/api/v1/gatherings/${g.id}/entries`, headers, body);
    const k1 = key();
    assert.equal((await entry({ key: k1, type: 'attendance', count: 1 })).json().error.code, 'gathering_not_running');
    await post(`/api/v1/gatherings/${g.id}/actions`, officer.headers, { type: 'open' });

    const first = await entry({ key: k1, type: 'attendance', count: 2, names: ['Nguyễn Văn A'] });
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(first.json().attendance, 3);
    const again = await entry({ key: k1, type: 'attendance', count: 2, names: ['Nguyễn Văn A'] });
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().replayed, true);
    assert.equal(again.json().attendance, 3);

    const k2 = key();
    const opinion = { key: k2, type: 'opinion', kind: 'complaint', body: 'Khiếu nại về ranh giới thửa đất', resident: { name: 'Trần Thị B', phone: '0912345678' } };
    const raised = await entry(opinion);
    assert.equal(raised.statusCode, 201, raised.body);
    const petition = raised.json().petition;
    assert.equal(petition.status, 'received');
    const replay = await entry(opinion);
    assert.equal(replay.statusCode, 200);
    assert.deepEqual(replay.json().petition, petition, 'the same key twice creates one petition');
    const linked = await t().ctx.db.selectFrom('gathering_petitions as gp').innerJoin('petitions as p', 'p.id', 'gp.petition_id')
      .select(['p.channel', 'gp.via']).where('gp.gathering_id', '=', g.id).execute();
    assert.deepEqual(linked, [{ channel: 'reception', via: 'raised' }]);
    assert.equal((await entry({ key: k2, type: 'service', serviceType: 'people_guided', count: 1 })).json().error.code, 'entry_key_reused');

    const answered = await entry({ key: key(), type: 'opinion', kind: 'question', body: 'Hỏi thủ tục tách thửa', answerNow: 'Nộp hồ sơ tại bộ phận một cửa.' });
    assert.equal(answered.json().petition.status, 'answered');

    assert.equal((await entry({ key: key(), type: 'service', serviceType: 'people_guided', count: 5 })).statusCode, 201);
    assert.equal((await entry({ key: key(), type: 'service', serviceType: 'people_guided', count: 3 })).statusCode, 201);

    const record = { type: 'record', residentAccount: 'The fence moved 2 m.', agencyAccount: 'The map of 2015 shows the old line.', conclusion: 'Measure again.', responsible: 'Land registry', dueOn: '2026-03-01', petition: petition.id };
    const rec = await entry({ key: key(), ...record });
    assert.equal(rec.statusCode, 201, rec.body);
    assert.equal((await entry({ key: key(), ...record, petition: 999999 })).json().error.code, 'record_petition_not_linked');
    assert.equal((await entry({ key: key(), ...record, dueOn: '2026-04-01', petition: undefined })).statusCode, 201);
    assert.equal((await entry({ key: key(), type: 'attendance', count: 1 }, outsider.headers)).statusCode, 404);

    const view = (await get(`/api/v1/gatherings/${g.id}`, officer.headers)).json();
    assert.equal(view.attendance, 3);
    assert.deepEqual(view.attendees, ['Nguyễn Văn A']);
    assert.deepEqual(view.services, [{ type: 'people_guided', count: 8 }]);
    assert.equal(view.petitions.length, 2);
    assert.deepEqual(view.records.map((r: { overdue: boolean; petition: string | null }) => [r.overdue, r.petition]), [[true, petition.trackingCode], [false, null]]);

    const overdue = (await get('/api/v1/gatherings/records?unit=GBP&overdue=true', officer.headers)).json();
    assert.deepEqual(overdue.items.map((r: { id: number }) => r.id), [rec.json().record]);
    // The leaders' list of follow-ups due: open ones due by a day, overdue included, within the caller's units.
    const dueBy = async (day: string, headers = officer.headers) => (await get(`/api/v1/gatherings/records?unit=GBP&dueBy=${day}`, headers)).json().items;
    const due = await dueBy('2026-03-31');
    assert.deepEqual(due.map((r: { id: number; overdue: boolean; responsible: string; unit: { code: string; name: string }; gathering: number }) => [r.id, r.overdue, r.responsible, r.unit, r.gathering]), [
      [rec.json().record, true, 'Land registry', { code: 'GBC1', name: 'GB Commune One' }, g.id],
    ]);
    assert.equal((await dueBy('2026-04-30')).length, 2);
    assert.deepEqual(await dueBy('2026-04-30', outsider.headers), [], 'another commune sees none of them');
    assert.equal((await get('/api/v1/gatherings/records?unit=GBC1&dueBy=2026-04-30', outsider.headers)).statusCode, 404);
    assert.equal((await get('/api/v1/gatherings/records?unit=GBP&dueBy=2026-02-30', officer.headers)).statusCode, 400);
    assert.equal((await post(`/api/v1/gatherings/records/${rec.json().record}/actions`, officer.headers, { type: 'done', note: 'Measured' })).statusCode, 204);
    assert.equal((await post(`/api/v1/gatherings/records/${rec.json().record}/actions`, officer.headers, { type: 'done' })).json().error.code, 'record_done');
    assert.deepEqual((await get('/api/v1/gatherings/records?unit=GBP&overdue=true', officer.headers)).json().items, []);
    assert.equal((await dueBy('2026-04-30')).length, 1, 'a follow-up done leaves the list');
    assert.equal((await get(`/api/v1/gatherings/${g.id}`, outsider.headers)).statusCode, 404);

    // A forum takes no "three sides, one word" record.
    const forum = (await post('/api/v1/gatherings', officer.headers, { unit: 'GBV1', kind: 'forum', title: 'Dân hỏi', start: '2026-03-02T13:00', end: '2026-03-02T15:00' })).json();
    await post(`/api/v1/gatherings/${forum.id}/actions`, officer.headers, { type: 'open' });
    assert.equal((await post(`/api/v1/gatherings/${forum.id}/entries`, officer.headers, { key: key(), ...record, petition: undefined })).json().error.code, 'record_not_for_kind');
  });

  it('residents book places with a phone number and cancel them, send questions ahead, and are refused full, past and cancelled gatherings', async () => {
    const { officer } = await world(t(), 'GC');
    const plan = (start: string, end: string, capacity?: number) =>
      post('/api/v1/gatherings', officer.headers, { unit: 'GCC1', kind: 'reception_day', title: 'Tiếp dân', start, end, capacity });
    const g = (await plan('2026-03-10T08:00', '2026-03-10T11:00', 1)).json();
    const book = (id: number, phone: string) => post(`/api/v1/gatherings/${id}/bookings`, undefined, { phone, name: 'Lê Văn C' });
    const booked = await book(g.id, '0912 345 678');
    assert.equal(booked.statusCode, 201, booked.body);
    assert.match(booked.json().code, /^[2-9A-Z]{8}$/);
    assert.equal(booked.json().localStart, '2026-03-10 08:00');
    const full = await book(g.id, '0987654321');
    assert.equal(full.statusCode, 409);
    assert.equal(full.json().error.code, 'gathering_full');
    assert.equal((await book(g.id, 'not a phone')).json().error.code, 'invalid_phone');
    const cancel = (code: string, phone: string) => post(`/api/v1/gatherings/${g.id}/bookings/${code}/cancel`, undefined, { phone });
    assert.equal((await cancel(booked.json().code, '0999999999')).statusCode, 404, 'the phone number must match');
    assert.equal((await cancel(booked.json().code, '+84912345678')).statusCode, 204);
    assert.equal((await book(g.id, '0987654321')).statusCode, 201, 'the cancelled place is free again');
    assert.equal((await get(`/api/v1/gatherings/${g.id}`, officer.headers)).json().bookings.length, 1);

    const past = (await plan('2026-03-01T08:00', '2026-03-01T09:00')).json();
    assert.equal((await book(past.id, '0912345678')).json().error.code, 'gathering_past');

    const question = await post(`/api/v1/gatherings/${g.id}/questions`, undefined, { body: 'Khi nào làm đường xóm 3?', kind: 'suggestion', consentToPublish: true });
    assert.equal(question.statusCode, 201, question.body);
    const track = (await get(`/api/v1/petitions/track/${question.json().trackingCode}`)).json();
    assert.equal(track.kind, 'suggestion');
    const pub = (await get(`/api/v1/gatherings/${g.id}/public`)).json();
    assert.deepEqual(pub.petitions.map((p: { via: string; trackingCode: string }) => [p.via, p.trackingCode]), [['question_ahead', question.json().trackingCode]]);
    assert.equal(pub.summary, null);
    assert.equal(pub.bookings, undefined, 'no bookings or phone numbers leave in the public view');

    await post(`/api/v1/gatherings/${g.id}/actions`, officer.headers, { type: 'cancel', reason: 'Chủ tịch đi họp tỉnh' });
    const refused = await post(`/api/v1/gatherings/${g.id}/questions`, { 'accept-language': 'vi' }, { body: 'Câu hỏi' });
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().error.code, 'gathering_cancelled');
    assert.match(refused.json().error.message, /Buổi gặp đã bị hủy: Chủ tịch đi họp tỉnh/);
    assert.equal((await book(g.id, '0911111111')).json().error.code, 'gathering_cancelled');
    assert.equal((await post('/api/v1/gatherings/999999/questions', undefined, { body: 'x' })).statusCode, 404);
  });

  it('plans a series by its rule, skipping holidays, lists it in the public calendar of the unit and the units above, and leaves out or moves single days', async () => {
    const { chair, officer, outsider } = await world(t(), 'GD');
    const res = await post('/api/v1/gathering-series', officer.headers, {
      unit: 'GDC1', kind: 'reception_day', title: 'Tiếp công dân thứ Năm', host: chair.id, hostRole: 'chairman',
      rrule: 'FREQ=WEEKLY;BYDAY=TH', firstDay: '2026-04-01', untilDay: '2026-05-14', startTime: '07:30', minutes: 210, holidayRule: 'skip', exceptions: ['2026-04-16'],
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(res.json().days, ['2026-04-02', '2026-04-09', '2026-04-23', '2026-05-07', '2026-05-14']);
    const cal = (await get('/api/v1/gatherings/public?unit=GDP&from=2026-04-01&to=2026-05-31')).json();
    assert.deepEqual(cal.items.map((g: { localStart: string }) => g.localStart.slice(0, 10)), res.json().days);

    const ex = await post(`/api/v1/gathering-series/${res.json().id}/exceptions`, officer.headers, { day: '2026-04-23' });
    assert.equal(ex.json().cancelled.length, 1);
    const after = (await get('/api/v1/gatherings/public?unit=GDC1&from=2026-04-23&to=2026-04-23')).json();
    assert.equal(after.items[0].state, 'cancelled');

    const clash = await post('/api/v1/gathering-series', officer.headers, {
      unit: 'GDC1', kind: 'working_session', title: 'Làm việc', host: chair.id,
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=7', firstDay: '2026-04-01', untilDay: '2026-06-30', startTime: '08:00', minutes: 60, holidayRule: 'skip',
    });
    assert.equal(clash.statusCode, 409, 'the chairman receives on Thursday 7 May');
    assert.equal(clash.json().error.code, 'host_busy');
    const bad = (rrule: string) => post('/api/v1/gathering-series', officer.headers, {
      unit: 'GDC1', kind: 'forum', title: 'x', rrule, firstDay: '2026-04-01', untilDay: '2026-06-30', startTime: '08:00', minutes: 60, holidayRule: 'skip',
    });
    for (const rule of ['FREQ=HOURLY', 'FREQ=WEEKLY;COUNT=3', 'NONSENSE=1', 'FREQ=WEEKLY;BYDAY=XX']) assert.equal((await bad(rule)).json().error.code, 'invalid_rrule', rule);
    assert.equal((await bad('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30')).json().error.code, 'series_empty');
    const tooLong = await post('/api/v1/gathering-series', officer.headers, {
      unit: 'GDC1', kind: 'forum', title: 'x', rrule: 'FREQ=DAILY', firstDay: '2026-01-01', untilDay: '2027-12-31', startTime: '08:00', minutes: 60, holidayRule: 'keep',
    });
    assert.equal(tooLong.json().error.code, 'series_too_long');

    // One date moved: 7 May to Friday 8 May, same time and host; the series shows its exceptions.
    const exceptions = `/api/v1/gathering-series/${res.json().id}/exceptions`;
    const moved = await post(exceptions, officer.headers, { day: '2026-05-07', moveTo: '2026-05-08' });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json().cancelled.length, 1);
    const replacement = (await get(`/api/v1/gatherings/${moved.json().planned}`, officer.headers)).json();
    assert.deepEqual([replacement.localStart, replacement.localEnd, replacement.host?.id, replacement.series, replacement.movedFrom, replacement.state], [
      '2026-05-08 07:30', '2026-05-08 11:00', chair.id, res.json().id, '2026-05-07', 'planned',
    ]);
    assert.equal((await post(exceptions, officer.headers, { day: '2026-05-07' })).json().error.code, 'series_day_taken');
    assert.equal((await post(exceptions, officer.headers, { day: '2026-04-20', moveTo: '2026-04-21' })).json().error.code, 'series_day_not_planned');
    assert.equal((await post(exceptions, officer.headers, { day: '2026-05-14', moveTo: '2026-05-14' })).json().error.code, 'series_move_same_day');
    assert.equal((await post(exceptions, officer.headers, { day: '2026-02-30' })).statusCode, 400);
    assert.equal((await post(exceptions, outsider.headers, { day: '2026-05-14' })).statusCode, 404);
    const list = (await get('/api/v1/gathering-series?unit=GDP', officer.headers)).json();
    const mine = list.items.find((x: { id: number }) => x.id === res.json().id);
    assert.deepEqual(mine.exceptions, [
      { day: '2026-04-16', movedTo: null },
      { day: '2026-04-23', movedTo: null },
      { day: '2026-05-07', movedTo: { gathering: moved.json().planned, day: '2026-05-08', state: 'planned' } },
    ]);
    assert.deepEqual((await get('/api/v1/gathering-series?unit=GDP', outsider.headers)).json().items, [], 'another commune sees none of them');
  });

  it("attaches files to a closed gathering's minutes (photos and PDF only, within the limits, by its own staff) and shows the public ones once published", async () => {
    const { officer, outsider } = await world(t(), 'GF');
    const g = (await post('/api/v1/gatherings', officer.headers, { unit: 'GFC1', kind: 'forum', title: 'Dân hỏi, cán bộ trả lời', start: '2026-03-01T08:00', end: '2026-03-01T11:00' })).json();
    const attach = (data: Buffer | string, query: string, headers: Record<string, string> | undefined = officer.headers, type = 'application/octet-stream') =>
      t().app.inject({ method: 'POST', url: `/api/v1/gatherings/${g.id}/attachments?${query}`, headers: { 'accept-language': 'en', 'content-type': type, ...headers }, payload: data });
    const files = async () => Number((await t().ctx.db.selectFrom('gathering_attachments').select((eb) => eb.fn.countAll().as('n')).where('gathering_id', '=', g.id).executeTakeFirstOrThrow()).n);

    assert.equal((await attach(tinyPng, 'filename=hall.png')).json().error.code, 'minutes_files_closed', 'not while planned');
    await post(`/api/v1/gatherings/${g.id}/actions`, officer.headers, { type: 'open' });
    await post(`/api/v1/gatherings/${g.id}/actions`, officer.headers, { type: 'close', minutes: 'Biên bản' });

    const photo = await attach(tinyPng, 'filename=hall.png&public=true', officer.headers, 'image/png');
    assert.equal(photo.statusCode, 201, photo.body);
    assert.deepEqual([photo.json().filename, photo.json().contentType, photo.json().public], ['hall.png', 'image/png', true]);
    const signed = await attach(tinyPdf, 'filename=../signed minutes.pdf');
    assert.equal(signed.statusCode, 201, signed.body);
    assert.deepEqual([signed.json().filename, signed.json().contentType, signed.json().public], ['signed minutes.pdf', 'application/pdf', false]);

    const text = await attach('just some text', 'filename=notes.pdf');
    assert.equal(text.statusCode, 415);
    assert.equal(text.json().error.code, 'attachment_type');
    assert.equal((await attach('{"a":1}', 'filename=x.json', officer.headers, 'application/json')).statusCode, 415);
    assert.equal((await attach(Buffer.alloc(0), 'filename=empty.png')).json().error.code, 'attachment_empty');
    const big = Buffer.concat([tinyPng, Buffer.alloc(10 * 1024 * 1024)]);
    assert.equal((await attach(big, 'filename=big.png')).statusCode, 413);
    assert.equal((await attach(tinyPng, 'filename=x.png', outsider.headers)).statusCode, 404, 'another commune\'s gathering');
    assert.equal((await attach(tinyPng, 'filename=x.png', {})).statusCode, 401);
    assert.equal(await files(), 2, 'nothing refused was stored');

    const staffView = (await get(`/api/v1/gatherings/${g.id}`, officer.headers)).json();
    assert.deepEqual(staffView.attachments.map((a: { filename: string }) => a.filename), ['hall.png', 'signed minutes.pdf']);
    const photoUrl = `/api/v1/gatherings/${g.id}/attachments/${photo.json().id}`;
    const pdfUrl = `/api/v1/gatherings/${g.id}/attachments/${signed.json().id}`;
    assert.deepEqual((await get(`/api/v1/gatherings/${g.id}/public`)).json().attachments, [], 'nothing public before it is published');
    assert.equal((await get(photoUrl)).statusCode, 404);
    const staffPdf = await get(pdfUrl, officer.headers);
    assert.equal(staffPdf.statusCode, 200);
    assert.equal(staffPdf.headers['content-type'], 'application/pdf');
    assert.equal((await get(pdfUrl, outsider.headers)).statusCode, 404);

    await post(`/api/v1/gatherings/${g.id}/actions`, officer.headers, { type: 'publish', summary: 'Mười câu hỏi, chín đã trả lời.' });
    const pub = (await get(`/api/v1/gatherings/${g.id}/public`)).json();
    assert.deepEqual(pub.attachments.map((a: { filename: string }) => a.filename), ['hall.png'], 'only the public file');
    const download = await get(photoUrl);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'image/png');
    assert.deepEqual(download.rawPayload, tinyPng);
    assert.equal((await get(pdfUrl)).statusCode, 404, 'a file not marked public stays with the staff');
    assert.equal((await attach(tinyPng, 'filename=after.png&public=true')).statusCode, 201, 'files may still be added after publishing');
    const audit = await t().ctx.db.selectFrom('audit_events').select('action').where('subject_type', '=', 'gathering').where('subject_id', '=', String(g.id)).where('action', '=', 'gathering.attach').execute();
    assert.equal(audit.length, 3);
  });

  it('serves an iCalendar feed per unit that a standard parser reads, matching the series', async () => {
    const { officer } = await world(t(), 'GE');
    const series = await post('/api/v1/gathering-series', officer.headers, {
      unit: 'GEC1', kind: 'outreach_day', title: 'Ngày thứ Bảy vì dân; "People\'s Saturday", với cán bộ xã', place: 'Nhà văn hóa xóm 3, Thanh Thịnh',
      point: { lat: 18.75, lng: 105.32 }, topics: ['land', 'social insurance'],
      rrule: 'FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2', firstDay: '2026-03-01', untilDay: '2026-12-31', startTime: '07:30', minutes: 240, holidayRule: 'skip',
    });
    assert.equal(series.statusCode, 201, series.body);
    const days = series.json().days;
    assert.deepEqual(days, ['2026-03-14', '2026-04-11', '2026-05-09', '2026-06-13', '2026-07-11', '2026-08-08', '2026-09-12', '2026-10-10', '2026-11-14', '2026-12-12']);
    await post(`/api/v1/gathering-series/${series.json().id}/exceptions`, officer.headers, { day: '2026-06-13' });

    const res = await get('/api/v1/units/GEC1/gatherings/calendar.ics');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/calendar/);
    assert.ok(res.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'lines are folded at 75 octets');
    const cal = new ICAL.Component(ICAL.parse(res.body));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.equal(events.length, days.length);
    assert.deepEqual(events.map((e) => e.startDate.toJSDate().toISOString()), days.map((d: string) => new Date(`${d}T07:30:00+07:00`).toISOString()));
    assert.deepEqual(events.map((e) => e.endDate.toJSDate().toISOString()), days.map((d: string) => new Date(`${d}T11:30:00+07:00`).toISOString()));
    assert.equal(events[0].summary, 'Ngày thứ Bảy vì dân; "People\'s Saturday", với cán bộ xã');
    assert.equal(events[0].location, 'Nhà văn hóa xóm 3, Thanh Thịnh');
    assert.equal(new Set(events.map((e) => e.uid)).size, days.length);
    const statuses = cal.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('status'));
    assert.deepEqual(statuses, days.map((d: string) => (d === '2026-06-13' ? 'CANCELLED' : 'CONFIRMED')));
    assert.equal((await get('/api/v1/units/NO-SUCH/gatherings/calendar.ics')).statusCode, 404);
  });
});
