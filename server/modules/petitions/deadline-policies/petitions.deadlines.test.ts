import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../../test/server.ts';
import { createOfficial, createUnits } from '../../../test/factories.ts';
import { pickPolicy, type DeadlinePolicy } from './petitions.deadlines.ts';
import { actOk, api, submitOk, testOptions, worldFor } from '../petitions.testing.ts';

// The clock of these tests: Monday 2 March 2026, 09:00 in Hà Nội (UTC+7).
const monday = '2026-03-02T02:00:00Z';
const endOfLocalDay = (day: string) => new Date(Date.parse(`${day}T23:59:59.999+07:00`)).toISOString();

describeEachBackend('petition deadlines', (t) => {
  const w = worldFor(t);

  test('each kind gets its policy\'s due times, counted in working days or calendar days', async () => {
    const expected: Array<[string, string, string]> = [
      // kind, acknowledgement due, resolution due
      ['question', '2026-03-04', '2026-03-11'], // 7 working days
      ['help_request', '2026-03-04', '2026-03-09'], // 5
      ['suggestion', '2026-03-04', '2026-03-16'], // 10
      ['conduct_report', '2026-03-04', '2026-03-23'], // 15
      ['complaint', '2026-03-04', '2026-04-01'], // 30 calendar days (Law on Complaints art. 28)
      ['denunciation', '2026-03-04', '2026-04-01'], // 30 calendar days (Law on Denunciations art. 30)
    ];
    for (const [kind, ack, due] of expected) {
      const s = await submitOk(t(), { unit: 'TC1', kind, body: `A ${kind}`, resident: { name: 'Lý Thị Hạnh', phone: '0912000111' } });
      assert.equal(s.ackDueAt, endOfLocalDay(ack), `${kind} acknowledgement`);
      assert.equal(s.dueAt, endOfLocalDay(due), `${kind} resolution`);
    }
  });

  test('urgent: acknowledgement within 2 office hours; a help request in 1 working day', async () => {
    const q = await submitOk(t(), { unit: 'TC1', kind: 'question', body: 'Flooding on the road', urgent: true });
    assert.equal(q.ackDueAt, '2026-03-02T04:00:00.000Z', '09:00 + 2 office hours = 11:00 local');
    assert.equal(q.dueAt, endOfLocalDay('2026-03-11'), 'a question has no urgent resolution time');
    const h = await submitOk(t(), { unit: 'TC1', kind: 'help_request', body: 'Our house is flooded', urgent: true });
    assert.equal(h.dueAt, endOfLocalDay('2026-03-03'));
    // Friday 16:00: one office hour that day, the second on Monday from 07:30.
    t().clock.set('2026-03-06T09:00:00Z');
    try {
      const late = await submitOk(t(), { unit: 'TC1', kind: 'help_request', body: 'The dyke is leaking', urgent: true });
      assert.equal(late.ackDueAt, '2026-03-09T01:30:00.000Z');
    } finally {
      t().clock.set(monday);
    }
  });

  test('public holidays are not working days (30 April and 1 May in Viet Nam)', async () => {
    t().clock.set('2026-04-28T02:00:00Z'); // Tuesday
    try {
      const s = await submitOk(t(), { unit: 'TC1', kind: 'question', body: 'Before the holiday' });
      // 29/4 is day 1; 30/4 and 1/5 are holidays, 2–3/5 the weekend: day 7 is Monday 11/5.
      assert.equal(s.dueAt, endOfLocalDay('2026-05-11'));
      assert.equal(s.ackDueAt, endOfLocalDay('2026-05-04'));
    } finally {
      t().clock.set(monday);
    }
    // A calendar-day period ending on a Saturday ends on the next working day (Civil Code art. 148).
    t().clock.set('2026-03-05T02:00:00Z'); // Thursday: +30 days is Saturday 4 April
    try {
      const c = await submitOk(t(), { unit: 'TC1', kind: 'complaint', body: 'x', resident: { name: 'A', address: 'B' } });
      assert.equal(c.dueAt, endOfLocalDay('2026-04-06'));
    } finally {
      t().clock.set(monday);
    }
  });

  test('a Chinese unit counts in its own calendar: National Day off, make-up Saturday worked', async () => {
    await createUnits(t().ctx.db, [
      { code: 'CNX', name: '凤冈县', level: 'county', country: 'CN' },
      { code: 'CNT', name: '龙泉镇', level: 'township', parentCode: 'CNX', country: 'CN' },
    ]);
    // The county's own charter: questions answered within 7 working days (the regulation's 60
    // days are the longest allowed).
    const put = await t().app.inject({
      method: 'PUT',
      url: '/api/v1/deadline-policies/question',
      headers: (await createOfficial(t(), { name: '县领导', roles: [{ unit: 'CNX', role: 'leader' }] })).headers,
      payload: { unit: 'CNX', ackWorkingDays: 2, resolutionDays: 7, dayType: 'working', anonymousAllowed: true, reopenDays: 30 },
    });
    assert.equal(put.statusCode, 200, put.body);
    t().clock.set('2026-09-29T02:00:00Z'); // Tuesday 10:00 in Guizhou
    try {
      const s = await submitOk(t(), { unit: 'CNT', kind: 'question', body: '需要什么手续？' });
      // 30/9 day 1; 1–7/10 off; 8/10, 9/10, Saturday 10/10 (调休上班), 12/10, 13/10, 14/10.
      assert.equal(s.dueAt, new Date(Date.parse('2026-10-14T23:59:59.999+08:00')).toISOString());
    } finally {
      t().clock.set(monday);
    }
  });

  test('the resolution time counts from acceptance; a unit\'s own policy holds for its subtree', async () => {
    const s = await submitOk(t(), { unit: 'TC1', kind: 'question', body: 'x' });
    t().clock.set('2026-03-04T03:00:00Z'); // accepted on Wednesday
    try {
      const v = await actOk(t(), w.disp1, s.id, { type: 'accept' });
      assert.equal(v.dueAt, endOfLocalDay('2026-03-13'), '7 working days after Wednesday');
      assert.equal(v.originalDueAt, v.dueAt);
    } finally {
      t().clock.set(monday);
    }
    const put = await t().app.inject({
      method: 'PUT',
      url: '/api/v1/deadline-policies/question',
      headers: w.lead1.headers,
      payload: { unit: 'TC1', ackWorkingDays: 1, resolutionDays: 3, dayType: 'working', anonymousAllowed: true, reopenDays: 10 },
    });
    assert.equal(put.statusCode, 200, put.body);
    const inVillage = await submitOk(t(), { unit: 'TV1', kind: 'question', body: 'x' });
    assert.equal(inVillage.ackDueAt, endOfLocalDay('2026-03-03'));
    assert.equal(inVillage.dueAt, endOfLocalDay('2026-03-05'));
    const elsewhere = await submitOk(t(), { unit: 'TV2', kind: 'question', body: 'x' });
    assert.equal(elsewhere.dueAt, endOfLocalDay('2026-03-11'));
    const listed = await t().app.inject({ method: 'GET', url: '/api/v1/deadline-policies?unit=TV1', headers: w.disp1.headers });
    const question = listed.json().items.find((p: { kind: string }) => p.kind === 'question');
    const tc1 = await t().ctx.db.selectFrom('units').select('name').where('code', '=', 'TC1').executeTakeFirstOrThrow();
    assert.deepEqual(question.unit, { code: 'TC1', name: tc1.name }, 'the policy names the unit it comes from');
    assert.equal(question.resolutionDays, 3);
    const removed = await t().app.inject({ method: 'DELETE', url: '/api/v1/deadline-policies/question?unit=TC1', headers: w.lead1.headers });
    assert.equal(removed.statusCode, 204);
    const back = await submitOk(t(), { unit: 'TV1', kind: 'question', body: 'x' });
    assert.equal(back.dueAt, endOfLocalDay('2026-03-11'));
  });

  test('overdue petitions are flagged, in the list and on the tracking page', async () => {
    const s = await submitOk(t(), { unit: 'TC2', kind: 'question', body: 'Will anyone answer?' });
    t().clock.set('2026-03-05T02:00:00Z'); // after the acknowledgement time
    try {
      const track = (await api(t()).track(s.trackingCode)).json();
      assert.equal(track.overdue, true);
      const list = (await api(t()).list(w.disp2, 'overdue=true')).json();
      assert.ok(list.items.some((i: { id: number; overdue: boolean }) => i.id === s.id && i.overdue));
      const notOverdue = (await api(t()).list(w.disp2, 'overdue=false')).json();
      assert.ok(!notOverdue.items.some((i: { id: number }) => i.id === s.id));
    } finally {
      t().clock.set(monday);
    }
  });
}, { ...testOptions, now: monday });

test('the closest policy up the tree wins, else the country\'s default, else the deployment default', () => {
  const base = {
    kind: 'question', ack_working_days: 2, ack_day_type: 'working', urgent_ack_working_hours: 2, urgent_resolution_days: null,
    day_type: 'working', max_extensions: null, extension_days: null, anonymous_allowed: true, reopen_days: 30,
    review_request_days: null, review_days: null, re_review_days: null, auto_escalate: false, legal_source: null, channel: null,
    updated_at: new Date(0), updated_by: null,
  } as const;
  const policies: DeadlinePolicy[] = [
    { ...base, id: 1, unit_id: null, country: null, resolution_days: 7 },
    { ...base, id: 2, unit_id: 1, country: null, resolution_days: 6 },
    { ...base, id: 3, unit_id: 5, country: null, resolution_days: 4 },
    { ...base, id: 4, unit_id: 9, country: null, resolution_days: 2 },
    { ...base, id: 5, unit_id: null, country: 'CN', resolution_days: 60 },
    { ...base, id: 6, unit_id: 5, country: null, channel: 'hotline', resolution_days: 3 },
  ];
  const vn = (path: string) => ({ path, country: 'VN' });
  assert.equal(pickPolicy(policies, vn('/1/5/8/'))?.id, 3);
  assert.equal(pickPolicy(policies, vn('/1/5/'))?.id, 3);
  assert.equal(pickPolicy(policies, vn('/1/6/'))?.id, 2);
  assert.equal(pickPolicy(policies, vn('/2/9/'))?.id, 4);
  assert.equal(pickPolicy(policies, vn('/3/'))?.id, 1);
  assert.equal(pickPolicy(policies, null)?.id, 1);
  // A Chinese unit: its country's default, unless a unit up its tree has its own.
  assert.equal(pickPolicy(policies, { path: '/3/', country: 'CN' })?.id, 5);
  assert.equal(pickPolicy(policies, { path: '/1/6/', country: 'CN' })?.id, 2);
  assert.equal(pickPolicy(policies.filter((p) => p.id !== 1), vn('/3/')), undefined);
  // A unit's policy for the hotline holds for hotline petitions there and below; a closer
  // unit's policy for every channel still wins over it.
  assert.equal(pickPolicy(policies, vn('/1/5/8/'), 'hotline')?.id, 6);
  assert.equal(pickPolicy(policies, vn('/1/5/8/'), 'web')?.id, 3);
  assert.equal(pickPolicy(policies, vn('/1/5/8/'))?.id, 3);
  assert.equal(pickPolicy(policies, vn('/1/6/'), 'hotline')?.id, 2);
  assert.equal(pickPolicy([...policies, { ...base, id: 7, unit_id: 8, country: null, resolution_days: 5 }], vn('/1/5/8/'), 'hotline')?.id, 7);
});
