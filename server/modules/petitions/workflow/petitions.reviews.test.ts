/**
 * Each country's rules: a petition to a Chinese unit follows the regulation on letters and
 * visits (accepted or not within 15 days, handled within 60, extended once by at most 30,
 * reviewed and re-reviewed each within 30); one to a Vietnamese unit follows Vietnamese law
 * (a complaint's second settlement within 45 days, no third step).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../../test/server.ts';
import { actOk, api, createWorld, submitOk, testOptions, type World } from '../petitions.testing.ts';

// Monday 2 March 2026, 09:00 in Guizhou (UTC+8), 08:00 in Hà Nội (UTC+7).
const monday = '2026-03-02T01:00:00Z';
const endInChina = (day: string) => new Date(Date.parse(`${day}T23:59:59.999+08:00`)).toISOString();
const endInVietnam = (day: string) => new Date(Date.parse(`${day}T23:59:59.999+07:00`)).toISOString();

describeEachBackend('deadline rules per country; review and re-review', (t) => {
  let cn: World;
  let vn: World;

  test('setup', async () => {
    cn = await createWorld(t(), 'G', 'CN');
    vn = await createWorld(t(), 'T');
  });

  /** Submitted at the village, accepted, assigned, started and answered by commune one. */
  async function answered(w: World, p: string, kind = 'complaint') {
    const s = await submitOk(t(), {
      unit: `${p}V1`,
      kind,
      body: kind === 'complaint' ? '征地补偿款至今未发放到户。' : '办理分户需要哪些材料？',
      resident: { name: '王小红', phone: '13812345678' },
    });
    await actOk(t(), w.disp1, s.id, { type: 'accept' });
    await actOk(t(), w.disp1, s.id, { type: 'assign', handler: w.hand1.id, leader: w.lead1.id, expectedResult: '书面答复' });
    await actOk(t(), w.hand1, s.id, { type: 'start' });
    await actOk(t(), w.hand1, s.id, { type: 'answer', text: '补偿款已于本月拨付。' });
    return s;
  }

  test('a Chinese unit: acceptance decided within 15 days, the matter handled within 60 days of acceptance', async () => {
    const s = await submitOk(t(), { unit: 'GC1', kind: 'question', body: '办理分户需要哪些材料？' });
    assert.equal(s.ackDueAt, endInChina('2026-03-17'), '15 calendar days');
    t().clock.set('2026-03-04T01:00:00Z'); // accepted on Wednesday
    try {
      const v = await actOk(t(), cn.disp1, s.id, { type: 'accept' });
      // 60 days is Sunday 3 May, inside the Labour Day holiday (1–5 May): the next working day.
      assert.equal(v.dueAt, endInChina('2026-05-06'));
    } finally {
      t().clock.set(monday);
    }
    // The same question in a Vietnamese commune: the project's service standard.
    const same = await submitOk(t(), { unit: 'TC1', kind: 'question', body: 'Tách hộ cần giấy tờ gì?' });
    assert.equal(same.ackDueAt, endInVietnam('2026-03-04'));
    assert.equal(same.dueAt, endInVietnam('2026-03-11'));
  });

  test('each default names its legal source', async () => {
    const inChina = (await t().app.inject({ method: 'GET', url: '/api/v1/deadline-policies?unit=GV1', headers: cn.disp1.headers })).json();
    assert.equal(inChina.items.length, 6);
    for (const p of inChina.items) {
      assert.equal(p.country, 'CN');
      assert.match(p.legalSource, /信访工作条例/);
      assert.deepEqual([p.ackWorkingDays, p.ackDayType, p.resolutionDays, p.dayType, p.maxExtensions, p.extensionDays], [15, 'calendar', 60, 'calendar', 1, 30]);
      assert.deepEqual([p.reviewRequestDays, p.reviewDays, p.reReviewDays], [30, 30, 30]);
    }
    const inVietnam = (await t().app.inject({ method: 'GET', url: '/api/v1/deadline-policies?unit=TV1', headers: vn.disp1.headers })).json();
    const complaint = inVietnam.items.find((p: { kind: string }) => p.kind === 'complaint');
    assert.equal(complaint.country, null);
    assert.match(complaint.legalSource, /Luật Khiếu nại 2011/);
    assert.deepEqual([complaint.reviewDays, complaint.reReviewDays], [45, null]);
    const countryDefaults = (await t().app.inject({ method: 'GET', url: '/api/v1/deadline-policies?country=CN', headers: cn.disp1.headers })).json();
    assert.ok(countryDefaults.items.every((p: { country: string }) => p.country === 'CN'));
  });

  test('a Chinese petition is extended once, by at most 30 days; a second extension is refused', async () => {
    const s = await submitOk(t(), { unit: 'GC1', kind: 'complaint', body: '邻居违建挡住采光。', resident: { name: '李明', address: '临江村三组' } });
    const accepted = await actOk(t(), cn.disp1, s.id, { type: 'accept' });
    assert.equal(accepted.dueAt, endInChina('2026-05-06'), '60 days is Friday 1 May, Labour Day (1–5 May): the next working day');
    const tooLong = await api(t()).act(cn.lead1, s.id, { type: 'extend', dueAt: endInChina('2026-06-06'), reason: '需现场勘验' });
    assert.equal(tooLong.statusCode, 400);
    assert.equal(tooLong.json().error.code, 'extension_too_long');
    const once = await actOk(t(), cn.lead1, s.id, { type: 'extend', dueAt: endInChina('2026-06-05'), reason: '需现场勘验' });
    assert.equal(once.dueAt, endInChina('2026-06-05'));
    assert.equal(once.counts.extensions, 1);
    const twice = await api(t()).act(cn.lead1, s.id, { type: 'extend', dueAt: endInChina('2026-06-06'), reason: '仍需勘验' }, 'zh');
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().error.code, 'extension_limit');
    assert.match(twice.json().error.message, /最多可延期 1 次/);
  });

  test('review and re-review go each to the unit above, each due within its own 30 days', async () => {
    const s = await answered(cn, 'G');
    assert.deepEqual(
      (await api(t()).get(cn.disp1, s.id)).json().abilities.filter((a: string) => a.includes('review')),
      ['review'],
      'the case page offers a review, not yet a re-review',
    );
    t().clock.set('2026-03-10T01:00:00Z');
    try {
      // A handler does not route cases.
      const byHandler = await api(t()).act(cn.hand1, s.id, { type: 'review', reason: '补偿标准不对' });
      assert.equal(byHandler.statusCode, 403);
      const outOfOrder = await api(t()).act(cn.disp1, s.id, { type: 're_review', reason: '补偿标准不对' });
      assert.equal(outOfOrder.statusCode, 409);
      assert.equal(outOfOrder.json().error.code, 'review_out_of_order');

      const review = await actOk(t(), cn.disp1, s.id, { type: 'review', reason: '补偿标准不对' });
      assert.equal(review.status, 'accepted');
      assert.equal(review.unit.code, 'GC1', 'the unit above the village that answered');
      assert.equal(review.dueAt, endInChina('2026-04-09'), '30 days from the request');
      assert.equal(review.resolved, false);
      assert.equal(review.timeline.at(-1).type, 'review_requested');
      const again = await api(t()).act(cn.disp1, s.id, { type: 'review', reason: '再次复查' });
      assert.equal(again.statusCode, 409, 'not answered yet');

      await actOk(t(), cn.disp1, s.id, { type: 'assign', handler: cn.hand1.id, leader: cn.lead1.id, expectedResult: '复查意见' });
      await actOk(t(), cn.hand1, s.id, { type: 'start' });
      await actOk(t(), cn.hand1, s.id, { type: 'answer', text: '维持原处理意见。' });
      const twice = await api(t()).act(cn.disp1, s.id, { type: 'review', reason: '再次复查' });
      assert.equal(twice.statusCode, 409);
      assert.equal(twice.json().error.code, 'review_out_of_order');

      t().clock.set('2026-04-01T01:00:00Z');
      const reReview = await actOk(t(), cn.provDisp, s.id, { type: 're_review', reason: '不服复查意见' });
      assert.equal(reReview.unit.code, 'GP');
      // 30 days is Friday 1 May, Labour Day: the next working day.
      assert.equal(reReview.dueAt, endInChina('2026-05-06'));
      await actOk(t(), cn.provDisp, s.id, { type: 'assign', handler: cn.provLead.id, leader: cn.provLead.id, expectedResult: '复核意见' });
      await actOk(t(), cn.provLead, s.id, { type: 'start' });
      await actOk(t(), cn.provLead, s.id, { type: 'answer', text: '复核维持。' });
      const third = await api(t()).act(cn.provDisp, s.id, { type: 're_review', reason: '再复核' });
      assert.equal(third.statusCode, 409, 'a re-review is the last step');
    } finally {
      t().clock.set(monday);
    }
  });

  test('a review is asked for within 30 days of the answer', async () => {
    const s = await answered(cn, 'G');
    t().clock.set('2026-04-02T01:00:00Z'); // answered 2 March: the window closed at the end of 1 April
    try {
      const late = await api(t()).act(cn.disp1, s.id, { type: 'review', reason: '不服' }, 'zh');
      assert.equal(late.statusCode, 409);
      assert.equal(late.json().error.code, 'review_too_late');
      assert.match(late.json().error.message, /30 日内/);
    } finally {
      t().clock.set(monday);
    }
  });

  test('Viet Nam: a complaint\'s second settlement within 45 days and no third step; a question has no review', async () => {
    const c = await answered(vn, 'T');
    const second = await actOk(t(), vn.disp1, c.id, { type: 'review', reason: 'Không đồng ý với quyết định lần đầu' });
    assert.equal(second.unit.code, 'TC1');
    assert.equal(second.dueAt, endInVietnam('2026-04-16'), 'Law on Complaints art. 37: 45 days');
    await actOk(t(), vn.disp1, c.id, { type: 'assign', handler: vn.hand1.id, leader: vn.lead1.id, expectedResult: 'quyết định lần hai' });
    await actOk(t(), vn.hand1, c.id, { type: 'start' });
    await actOk(t(), vn.hand1, c.id, { type: 'answer', text: 'Giữ nguyên quyết định.' });
    const third = await api(t()).act(vn.provDisp, c.id, { type: 're_review', reason: 'x' }, 'vi');
    assert.equal(third.statusCode, 409);
    assert.equal(third.json().error.code, 'review_not_provided');

    const q = await answered(vn, 'T', 'question');
    assert.ok(!(await api(t()).get(vn.disp1, q.id)).json().abilities.includes('review'), 'not offered where the rules have none');
    const none = await api(t()).act(vn.disp1, q.id, { type: 'review', reason: 'x' });
    assert.equal(none.statusCode, 409);
    assert.equal(none.json().error.code, 'review_not_provided');
  });

  test('the figures count reviews and re-reviews, exactly, at the moment of the request', async () => {
    const figures = async (unit: string, from = '2026-03-01', to = '2026-03-31') => {
      const res = await t().app.inject({ method: 'GET', url: `/api/v1/figures/reviews?unit=${unit}&from=${from}&to=${to}` });
      assert.equal(res.statusCode, 200, res.body);
      const { unit: _u, from: _f, to: _t, timeZone: _z, asOf: _a, ...counts } = res.json();
      return counts;
    };
    const none = { reviewed: 0, reReviewed: 0, inReview: 0, inReReview: 0, reviewResolved: 0, reviewResolvedOnTime: 0, reReviewResolved: 0, reReviewResolvedOnTime: 0, reviewOverdue: 0, reReviewOverdue: 0 };
    // China: one case through review and re-review, answered on time; none in review now.
    assert.deepEqual(await figures('GP'), { ...none, reviewed: 1, reReviewed: 1, reReviewResolved: 1, reReviewResolvedOnTime: 1 });
    // Viet Nam: one complaint's second settlement, answered.
    assert.deepEqual(await figures('TP'), { ...none, reviewed: 1, reviewResolved: 1, reviewResolvedOnTime: 1 });
    // A new review, still open, then past its time limit.
    const s = await answered(cn, 'G');
    await actOk(t(), cn.disp1, s.id, { type: 'review', reason: '不服' });
    assert.deepEqual(await figures('GP'), { ...none, reviewed: 2, reReviewed: 1, inReview: 1, reReviewResolved: 1, reReviewResolvedOnTime: 1 });
    t().clock.set('2026-04-02T01:00:00Z');
    try {
      assert.equal((await figures('GP')).reviewOverdue, 1);
    } finally {
      t().clock.set(monday);
    }
    // Another commune's, or submitted outside the period: not counted; a bad period is a clear 400.
    assert.deepEqual(await figures('GC2'), none);
    assert.deepEqual(await figures('GP', '2026-02-01', '2026-02-28'), none);
    const bad = await t().app.inject({ method: 'GET', url: '/api/v1/figures/reviews?unit=GP&from=2026-04-01&to=2026-03-01' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'figures_invalid_period');
  });

  test('a county\'s 12345 hotline policy holds for what arrives by the hotline, and only that', async () => {
    const hotline = {
      unit: 'GP', channel: 'hotline', legalSource: '本县12345热线工单办理时限（本地规定）',
      ackWorkingDays: 1, ackDayType: 'working', urgentAckWorkingHours: 2, resolutionDays: 7, urgentResolutionDays: 1, dayType: 'calendar',
      maxExtensions: 1, extensionDays: 30, anonymousAllowed: true, reopenDays: 30, reviewRequestDays: 30, reviewDays: 30, reReviewDays: 30,
    };
    const put = await t().app.inject({ method: 'PUT', url: '/api/v1/deadline-policies/question', headers: cn.provLead.headers, payload: hotline });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal(put.json().channel, 'hotline');
    try {
      const byPhone = await submitOk(t(), { unit: 'GC1', kind: 'question', channel: 'hotline', body: '社保卡怎么补办？' }, cn.disp1);
      assert.equal(byPhone.ackDueAt, endInChina('2026-03-03'), 'accepted within a working day');
      assert.equal(byPhone.dueAt, endInChina('2026-03-09'), 'answered within 7 days');
      const byWeb = await submitOk(t(), { unit: 'GC1', kind: 'question', body: '社保卡怎么补办？' });
      assert.equal(byWeb.ackDueAt, endInChina('2026-03-17'), 'the regulation\'s 15 days');
      const listed = (await t().app.inject({ method: 'GET', url: '/api/v1/deadline-policies?unit=GC1', headers: cn.disp1.headers })).json();
      const questions = listed.items.filter((p: { kind: string }) => p.kind === 'question');
      assert.deepEqual(questions.map((p: { channel: string | null; unit: { code: string } | null }) => [p.channel, p.unit?.code ?? null]), [[null, null], ['hotline', 'GP']]);
      assert.equal(questions[1].legalSource, hotline.legalSource);
    } finally {
      const removed = await t().app.inject({ method: 'DELETE', url: '/api/v1/deadline-policies/question?unit=GP&channel=hotline', headers: cn.provLead.headers });
      assert.equal(removed.statusCode, 204);
    }
    const after = await submitOk(t(), { unit: 'GC1', kind: 'question', channel: 'hotline', body: '社保卡怎么补办？' }, cn.disp1);
    assert.equal(after.ackDueAt, endInChina('2026-03-17'), 'removed: the regulation holds again');
  });

  test('a country\'s default is the deployment administrator\'s; a unit\'s own policy may not also name a country', async () => {
    const body = { ackWorkingDays: 15, ackDayType: 'calendar', resolutionDays: 60, dayType: 'calendar', anonymousAllowed: true, reopenDays: 30 };
    const byLeader = await t().app.inject({ method: 'PUT', url: '/api/v1/deadline-policies/question', headers: cn.provLead.headers, payload: { ...body, country: 'CN' } });
    assert.equal(byLeader.statusCode, 403);
    const both = await t().app.inject({ method: 'PUT', url: '/api/v1/deadline-policies/question', headers: cn.provLead.headers, payload: { ...body, unit: 'GP', country: 'CN' } });
    assert.equal(both.statusCode, 400);
    assert.equal(both.json().error.code, 'policy_unit_or_country');
    const reReviewAlone = await t().app.inject({ method: 'PUT', url: '/api/v1/deadline-policies/question', headers: cn.provLead.headers, payload: { ...body, unit: 'GP', reReviewDays: 30 } });
    assert.equal(reReviewAlone.statusCode, 400);
    assert.equal(reReviewAlone.json().error.code, 'policy_re_review_needs_review');
  });
}, { ...testOptions, now: monday });
