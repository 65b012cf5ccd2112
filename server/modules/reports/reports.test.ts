import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeEachBackend } from '../../test/server.ts';
import { createOfficial, createUnits } from '../../test/factories.ts';
import { actOk, createWorld, submitOk, testOptions, type World } from '../petitions/petitions.testing.ts';
import { numberFormats } from './reports.pdf.ts';
import { pdfText } from '../../test/pdfText.ts';
import { unzipSync, strFromU8 } from 'fflate';
import { parsePeriod, periodsClosedBy, sameDaysLastYear } from './reports.periods.ts';
import { canReadReport } from './reports.policy.ts';
import type { Actor } from '../../platform/access.ts';
import { reportTexts, valueTexts } from './reports.texts.ts';

test('periods: months, quarters, years and ranges; the same days last year; what closes on the first of a month', () => {
  assert.deepEqual(parsePeriod('2026-02'), { kind: 'month', key: '2026-02', from: '2026-02-01', to: '2026-02-28' });
  assert.deepEqual(parsePeriod('2024-Q1'), { kind: 'quarter', key: '2024-Q1', from: '2024-01-01', to: '2024-03-31' });
  assert.deepEqual(parsePeriod('2025'), { kind: 'year', key: '2025', from: '2025-01-01', to: '2025-12-31' });
  assert.equal(parsePeriod('2026-13'), undefined);
  assert.equal(parsePeriod('2026-03-10..2026-03-01'), undefined);
  assert.deepEqual(sameDaysLastYear({ from: '2024-02-01', to: '2024-02-29' }), { from: '2023-02-01', to: '2023-02-28' });
  assert.deepEqual(periodsClosedBy('2026-01-01').map((p) => p.key), ['2025-12', '2025-Q4', '2025']);
  assert.deepEqual(periodsClosedBy('2026-04-01').map((p) => p.key), ['2026-03', '2026-Q1']);
  assert.deepEqual(periodsClosedBy('2026-04-02'), []);
});

test('policy: anyone reads the public version; the staff version needs a reader at the unit or above', () => {
  const official = (role: 'leader' | 'handler' | 'auditor', unitPath: string) =>
    ({ kind: 'official', id: 1, name: 'x', username: 'x', agencyId: null, grants: [{ unitId: 1, unitCode: 'x', unitPath, role }] }) satisfies Actor;
  assert.equal(canReadReport({ kind: 'anonymous' }, '/1/2/', 'public'), true);
  assert.equal(canReadReport({ kind: 'anonymous' }, '/1/2/', 'staff'), false);
  assert.equal(canReadReport(official('leader', '/1/'), '/1/2/', 'staff'), true);
  assert.equal(canReadReport(official('auditor', '/1/2/'), '/1/2/', 'staff'), true);
  assert.equal(canReadReport(official('handler', '/1/2/'), '/1/2/', 'staff'), false);
  assert.equal(canReadReport(official('leader', '/1/3/'), '/1/2/', 'staff'), false, 'a leader of a sibling unit');
});

test('every report text has vi, zh and en', () => {
  for (const [key, text] of Object.entries(reportTexts)) for (const l of ['vi', 'zh', 'en'] as const) assert.ok(text[l], `${key}.${l}`);
  for (const [group, values] of Object.entries(valueTexts)) {
    for (const [key, text] of Object.entries(values)) for (const l of ['vi', 'zh', 'en'] as const) assert.ok((text as Record<string, string>)[l], `${group}.${key}.${l}`);
  }
});

const sessionsForYears = { config: { ...testOptions.config, sessionHours: 24 * 365 * 3 } };

describeEachBackend('reports', (t) => {
  let w: World;
  let lead: Awaited<ReturnType<typeof createOfficial>>;
  let handler: Awaited<ReturnType<typeof createOfficial>>;
  let disp: Awaited<ReturnType<typeof createOfficial>>;
  const get = (url: string, query: Record<string, string>, headers: Record<string, string> = {}) => t().app.inject({ method: 'GET', url, query, headers });

  test('setup: Tân Thọ with a village, petitions in March 2025 and March 2026, one overdue', async () => {
    t().clock.set('2025-03-03T02:00:00Z');
    w = await createWorld(t(), 'R');
    await createUnits(t().ctx.db, [
      { code: 'RTT', name: 'Xã Tân Thọ', names: { vi: 'Xã Tân Thọ', zh: '新寿社', en: 'Tan Tho commune' }, level: 'commune', parentCode: 'RP' },
      { code: 'RTTV', name: 'Thôn Đồng Tâm', names: { vi: 'Thôn Đồng Tâm', zh: '同心村' }, level: 'village', parentCode: 'RTT' },
    ]);
    disp = await createOfficial(t(), { name: 'Điều phối Tân Thọ', roles: [{ unit: 'RTT', role: 'dispatcher' }] });
    lead = await createOfficial(t(), { name: 'Nguyễn Văn Bảo', roles: [{ unit: 'RTT', role: 'leader' }] });
    handler = await createOfficial(t(), { name: 'Trần Thị Bình', roles: [{ unit: 'RTT', role: 'handler' }] });
    // A scorecard framework, so that the officials get a grade.
    const admin = await createOfficial(t(), { roles: [{ unit: 'RTT', role: 'administrator' }] });
    const framework = { unit: 'RTT', position: null, thresholds: { excellent: 85, good: 70, completed: 50 }, criteria: [{ measure: 'on_time_rate', weight: 100, worst: 0, best: 100 }] };
    const saved = await t().app.inject({ method: 'PUT', url: '/api/v1/scorecard-frameworks', payload: framework, headers: admin.headers });
    assert.equal(saved.statusCode, 200, saved.body);
    // Last year: two petitions, one answered.
    const old = await submitOk(t(), { unit: 'RTT', kind: 'question', category: 'land', body: 'Đất rừng có được làm nhà không?' });
    await submitOk(t(), { unit: 'RTTV', kind: 'suggestion', category: 'roads', body: 'Sửa đường liên thôn' });
    await actOk(t(), disp, old.id, { type: 'accept' });
    await actOk(t(), disp, old.id, { type: 'assign', handler: handler.id, leader: lead.id, expectedResult: 'trả lời bằng văn bản' });
    await actOk(t(), handler, old.id, { type: 'start' });
    await actOk(t(), handler, old.id, { type: 'answer', text: 'Được, nếu chuyển mục đích sử dụng đất.' });
    // This year: five petitions; two answered, one left open past its due time.
    t().clock.set('2026-03-02T02:00:00Z');
    const subs = [];
    for (const [unit, category, body] of [
      ['RTT', 'land', 'Thủ tục tách thửa đất'],
      ['RTT', 'land', 'Tranh chấp ranh giới đất'],
      ['RTTV', 'roads', 'Đèn đường hỏng'],
      ['RTTV', 'environment', 'Rác thải bên sông'],
      ['RTT', null, 'Hỏi về bảo hiểm xã hội'],
    ] as const) {
      subs.push(await submitOk(t(), { unit, kind: 'question', ...(category ? { category } : {}), body }));
    }
    for (const s of subs.slice(0, 3)) {
      await actOk(t(), disp, s.id, { type: 'accept' });
      await actOk(t(), disp, s.id, { type: 'assign', handler: handler.id, leader: lead.id, expectedResult: 'trả lời' });
      await actOk(t(), handler, s.id, { type: 'start' });
    }
    for (const s of subs.slice(0, 2)) await actOk(t(), handler, s.id, { type: 'answer', text: 'Đã trả lời' });
    t().clock.set('2026-04-20T02:00:00Z');
  });

  test('targets: a province leader sets them and the commune inherits them; a handler may not', async () => {
    const body = { unit: 'RP', year: null, resolutionRate: 0.95, onTimeRate: 0.9, satisfactionRate: null };
    const denied = await t().app.inject({ method: 'PUT', url: '/api/v1/reports/targets', payload: body, headers: handler.headers });
    assert.equal(denied.statusCode, 403);
    const local = await t().app.inject({ method: 'PUT', url: '/api/v1/reports/targets', payload: body, headers: lead.headers });
    assert.equal(local.statusCode, 403, 'a commune leader does not set the province targets');
    const ok = await t().app.inject({ method: 'PUT', url: '/api/v1/reports/targets', payload: body, headers: w.provLead.headers });
    assert.equal(ok.statusCode, 204, ok.body);
    const r = (await get('/api/v1/reports', { unit: 'RTT', period: '2026-03' })).json();
    assert.deepEqual(r.targets, { setBy: { code: 'RP', name: 'R Province' }, year: null, resolutionRate: 0.95, onTimeRate: 0.9, satisfactionRate: null });
  });

  test("targets per year: a report compares with its year's targets, else the default; audited; read back by year", async () => {
    const put = (payload: object) => t().app.inject({ method: 'PUT', url: '/api/v1/reports/targets', payload, headers: lead.headers });
    assert.equal((await put({ unit: 'RTT', year: 2023, resolutionRate: 0.7, onTimeRate: 0.6, satisfactionRate: 0.5 })).statusCode, 204);
    assert.equal((await put({ unit: 'RTT', year: 2024, resolutionRate: 0.8, onTimeRate: 0.75, satisfactionRate: 0.7 })).statusCode, 204);
    assert.equal((await put({ unit: 'RTT', year: 2024, resolutionRate: 0.85, onTimeRate: 0.75, satisfactionRate: 0.7 })).statusCode, 204, 'set again: replaced');
    assert.equal((await put({ unit: 'RTT', resolutionRate: 0.85, onTimeRate: 0.75, satisfactionRate: 0.7 })).statusCode, 400, 'the year is given (null for the default)');
    const targets = async (period: string) => (await get('/api/v1/reports', { unit: 'RTT', period })).json().targets;
    assert.deepEqual(await targets('2023-06'), { setBy: { code: 'RTT', name: 'Xã Tân Thọ' }, year: 2023, resolutionRate: 0.7, onTimeRate: 0.6, satisfactionRate: 0.5 });
    assert.deepEqual(await targets('2024'), { setBy: { code: 'RTT', name: 'Xã Tân Thọ' }, year: 2024, resolutionRate: 0.85, onTimeRate: 0.75, satisfactionRate: 0.7 });
    assert.deepEqual(await targets('2024-Q3'), { setBy: { code: 'RTT', name: 'Xã Tân Thọ' }, year: 2024, resolutionRate: 0.85, onTimeRate: 0.75, satisfactionRate: 0.7 });
    assert.deepEqual(await targets('2026-03'), { setBy: { code: 'RP', name: 'R Province' }, year: null, resolutionRate: 0.95, onTimeRate: 0.9, satisfactionRate: null }, "no targets of 2026: the province's default");
    const village = (await get('/api/v1/reports', { unit: 'RTTV', period: '2023-06' })).json().targets;
    assert.deepEqual(village.setBy, { code: 'RTT', name: 'Xã Tân Thọ' }, "the village takes its commune's targets of the year");
    const read = await get('/api/v1/reports/targets', { unit: 'RTT', year: '2023' }, lead.headers);
    assert.equal(read.statusCode, 200, read.body);
    assert.deepEqual(read.json(), {
      unit: { code: 'RTT', name: 'Xã Tân Thọ' },
      year: 2023,
      applying: { setBy: { code: 'RTT', name: 'Xã Tân Thọ' }, year: 2023, resolutionRate: 0.7, onTimeRate: 0.6, satisfactionRate: 0.5 },
      own: [
        { year: 2024, resolutionRate: 0.85, onTimeRate: 0.75, satisfactionRate: 0.7 },
        { year: 2023, resolutionRate: 0.7, onTimeRate: 0.6, satisfactionRate: 0.5 },
      ],
    });
    assert.equal((await get('/api/v1/reports/targets', { unit: 'RTT', year: '2023' }, handler.headers)).statusCode, 403, 'a handler reads no targets here');
    const audit = await t().ctx.db.selectFrom('audit_events').select(['changes']).where('action', '=', 'report.targets_set').orderBy('id').execute();
    assert.deepEqual(audit.slice(-3).map((a) => (a.changes as { year: number | null }).year), [2023, 2024, 2024]);
  });

  test('every figure is what the figure endpoints answer for the same unit and period', async () => {
    const res = await get('/api/v1/reports', { unit: 'RTT', period: '2026-03' });
    assert.equal(res.statusCode, 200, res.body);
    const r = res.json();
    const stats = (await get('/api/v1/figures', { unit: 'RTT', from: '2026-03-01', to: '2026-03-31' })).json();
    const lastYear = (await get('/api/v1/figures', { unit: 'RTT', from: '2025-03-01', to: '2025-03-31' })).json();
    for (const k of Object.keys(r.petitions)) {
      assert.deepEqual(r.petitions[k], stats[k], `petitions.${k}`);
      assert.deepEqual(r.lastYear.figures[k], lastYear[k], `lastYear.${k}`);
    }
    assert.deepEqual([r.petitions.received, r.petitions.resolved, r.petitions.overdue], [5, 2, 3]);
    assert.deepEqual([r.lastYear.figures.received, r.lastYear.figures.resolved], [2, 1]);
    assert.deepEqual(r.topCategories[0], { category: 'land', received: 2, resolved: 2, resolutionRate: 1, onTimeRate: 1 });
    assert.equal(r.uncategorized, stats.uncategorized);
    const children = (await get('/api/v1/figures/children', { unit: 'RTT', from: '2026-03-01', to: '2026-03-31' })).json();
    assert.deepEqual(r.children.map((c: { unit: { code: string }; received: number }) => [c.unit.code, c.received]), children.items.map((c: { unit: { code: string }; received: number }) => [c.unit.code, c.received]));
    const gatherings = (await get('/api/v1/gatherings/figures', { unit: 'RTT', from: '2026-03-01', to: '2026-03-31' })).json();
    assert.equal(r.gatherings.sessions, gatherings.totals.sessions);
    const deliberation = (await get('/api/v1/deliberation/figures', { unit: 'RTT', from: '2026-03-01', to: '2026-03-31' })).json();
    assert.deepEqual(r.deliberation.byContent, deliberation.mattersByContent);
    assert.deepEqual(r.deliberation.byStage, deliberation.mattersByStage);
    assert.ok(r.servicePoints.unitsLacking >= 1, 'a fresh commune lacks its required service points');
    // Scorecards by grade: the officials the unit's scorecard page lists, counted by grade.
    const officials = (await get('/api/v1/scorecards/units/RTT/officials', { period: '2026-03' }, w.provLead.headers)).json();
    const counted = { excellent: 0, good: 0, completed: 0, not_completed: 0 } as Record<string, number>;
    let ungraded = 0;
    for (const o of officials.items as { grade: string | null }[]) {
      if (o.grade) counted[o.grade]! += 1;
      else ungraded += 1;
    }
    assert.deepEqual(r.scorecards, { period: '2026-03', grades: counted, ungraded });
    assert.equal(officials.items.length, 4, 'the dispatcher, the leader, the handler and the administrator of Tân Thọ');
    assert.ok(Object.values(counted).some((n) => n > 0), 'someone is graded');
    const range = (await get('/api/v1/reports', { unit: 'RTT', from: '2026-03-05', to: '2026-03-20' })).json();
    assert.equal(range.scorecards, null, 'scorecards are by month, quarter or year');
  });

  test('hotspots: those of the unit\'s subtree whose week ended in the period, as /api/v1/insight/hotspots lists them, on the page and in the PDF', async () => {
    const units = new Map((await t().ctx.db.selectFrom('units').select(['id', 'code', 'path']).execute()).map((u) => [u.code, u]));
    const lamp = await t().ctx.db.selectFrom('petitions').select('id').where('body', '=', 'Đèn đường hỏng').executeTakeFirstOrThrow();
    const flag = async (code: string, category: string, weekEnd: string, count: number, baseline: number) => {
      const u = units.get(code)!;
      await sql`INSERT INTO hotspots (unit_id, unit_path, category, week_end, count, baseline, score, petition_ids, flagged_at)
                VALUES (${u.id}, ${u.path}, ${category}, ${weekEnd}, ${count}, ${baseline}, 5.5, ${[lamp.id]}::bigint[], ${weekEnd})`.execute(t().ctx.db);
    };
    await flag('RTTV', 'roads', '2026-03-09T17:00:00Z', 7, 0.5); // 10 March, local
    await flag('RTT', 'roads', '2026-03-09T17:00:00Z', 9, 1.25);
    await flag('RTT', 'land', '2026-03-22T17:00:00Z', 6, 0.75); // 23 March
    await flag('RTTV', 'environment', '2026-03-31T18:00:00Z', 8, 1); // 1 April already, local: not in March
    await flag('RTT', 'health', '2026-02-28T16:00:00Z', 6, 1); // 28 February: not in March
    await flag('RC1', 'roads', '2026-03-09T17:00:00Z', 9, 1); // another commune
    const r = (await get('/api/v1/reports', { unit: 'RTT', period: '2026-03' })).json();
    const listed = await get('/api/v1/insight/hotspots', { unit: 'RTT', from: '2026-03-01', to: '2026-03-31' }, lead.headers);
    assert.equal(listed.statusCode, 200, listed.body);
    const items = listed.json().items as Array<{ unit: { code: string }; category: string; petitions: unknown[] }>;
    assert.deepEqual(
      r.hotspots,
      items.map(({ unit, category, weekEnd, count, baseline, score }: Record<string, unknown>) => ({ unit, category, weekEnd, count, baseline, score })),
    );
    assert.deepEqual(r.hotspots.map((h: { unit: { code: string }; category: string }) => `${h.unit.code}:${h.category}`), ['RTT:land', 'RTTV:roads', 'RTT:roads']);
    assert.equal(items[0].petitions.length, 1, 'the endpoint lists the petitions behind each');
    const pub = await get('/api/v1/reports', { unit: 'RTT', period: '2026-03' });
    assert.ok(!pub.body.includes('Đèn đường') && !pub.body.includes('petitions":['), 'the report carries no petition of a hotspot');
    const quarter = (await get('/api/v1/reports', { unit: 'RTT', period: '2026-Q1' })).json();
    assert.equal(quarter.hotspots.length, 4, 'the quarter holds February\'s too');

    const pdf = await pdfText((await get('/api/v1/reports/pdf', { unit: 'RTT', period: '2026-03', lang: 'vi' })).rawPayload);
    assert.ok(pdf.includes('Điểm nóng'), pdf);
    for (const row of ['| Xã Tân Thọ |   | Đất đai |   | 2026-03-23 |   | 6 |   | 0.75', '| Xã Tân Thọ |   | Giao thông |   | 2026-03-10 |   | 9 |   | 1.25', '| Thôn Đồng Tâm |   | Giao thông |   | 2026-03-10 |   | 7 |   | 0.5']) {
      assert.ok(pdf.includes(row), `the row ${row} in ${pdf}`);
    }
    assert.ok(!pdf.includes('Môi trường |   | 2026-04-01'), 'April\'s is not printed');
  });

  test('the public version leaves out everything personal; the staff version lists cases with their leaders', async () => {
    const pub = await get('/api/v1/reports', { unit: 'RTT', period: '2026-03' });
    assert.equal(pub.json().cases, null);
    for (const secret of ['Nguyễn Văn Bảo', 'Trần Thị Bình', 'Đèn đường']) assert.ok(!pub.body.includes(secret), secret);
    assert.equal((await get('/api/v1/reports', { unit: 'RTT', period: '2026-03', audience: 'staff' })).statusCode, 403);
    assert.equal((await get('/api/v1/reports', { unit: 'RTT', period: '2026-03', audience: 'staff' }, handler.headers)).statusCode, 404);
    assert.equal((await get('/api/v1/reports', { unit: 'RTT', period: '2026-03', audience: 'staff' }, w.lead2.headers)).statusCode, 404);
    const staff = await get('/api/v1/reports', { unit: 'RTT', period: '2026-03', audience: 'staff' }, lead.headers);
    assert.equal(staff.statusCode, 200, staff.body);
    // Open and past due now: this March's three and last March's unanswered one, which is also long-standing.
    const { overdue, longStanding } = staff.json().cases;
    assert.equal(overdue.length, 4);
    const assigned = overdue.filter((c: { leader: string | null }) => c.leader !== null);
    assert.equal(assigned.length, 1);
    assert.equal(assigned[0].leader, 'Nguyễn Văn Bảo');
    assert.equal(assigned[0].handler, 'Trần Thị Bình');
    assert.ok(overdue.every((c: { daysOverdue: number }) => c.daysOverdue > 0));
    assert.deepEqual(longStanding.map((c: { submittedOn: string }) => c.submittedOn), ['2025-03-03']);
    // The province leader reads it too.
    assert.equal((await get('/api/v1/reports', { unit: 'RTT', period: '2026-03', audience: 'staff' }, w.provLead.headers)).statusCode, 200);
  });

  test('bad periods are refused in the caller\'s language', async () => {
    const res = await get('/api/v1/reports', { unit: 'RTT', period: '2026-13' }, { 'accept-language': 'vi' });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'report_invalid_period');
    assert.match(res.json().error.message, /Hãy chọn tháng/);
    assert.equal((await get('/api/v1/reports', { unit: 'NOPE', period: '2026-03' })).statusCode, 400);
  });

  test('the PDF prints Vietnamese and Chinese, with the numbers of /api/v1/figures', async () => {
    const stats = (await get('/api/v1/figures', { unit: 'RTT', from: '2026-03-01', to: '2026-03-31' })).json();
    const last = (await get('/api/v1/figures', { unit: 'RTT', from: '2025-03-01', to: '2025-03-31' })).json();
    const expectations = {
      vi: ['Báo cáo công tác dân vận', 'Xã Tân Thọ', 'Tháng 3/2026', 'Thôn Đồng Tâm', 'Đất đai'],
      zh: ['群众工作报告', '新寿社', '2026年3月', '同心村', '土地'],
    } as const;
    const labels = {
      vi: { received: 'Tiếp nhận', resolved: 'Đã giải quyết', overdue: 'Quá hạn', resolutionRate: 'Tỷ lệ giải quyết', onTimeRate: 'Tỷ lệ đúng hạn' },
      zh: { received: '受理总数', resolved: '已办结', overdue: '超期', resolutionRate: '办结率', onTimeRate: '按时办结率' },
    } as const;
    for (const lang of ['vi', 'zh'] as const) {
      const res = await get('/api/v1/reports/pdf', { unit: 'RTT', period: '2026-03', lang });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'application/pdf');
      const text = await pdfText(res.rawPayload);
      for (const s of expectations[lang]) assert.ok(text.includes(s), `${lang}: ${s} in ${text.slice(0, 400)}`);
      const f = numberFormats(lang);
      for (const [key, label] of Object.entries(labels[lang])) {
        const show = key.endsWith('Rate') ? f.rate : f.count;
        const row = `| ${label} |   | ${show(stats[key])} |   | ${show(last[key])}`;
        assert.ok(text.includes(row), `${lang}: the row ${row}`);
      }
      assert.ok(!text.includes('Nguyễn Văn Bảo'), 'the public PDF names nobody');
      const grades = (await get('/api/v1/reports', { unit: 'RTT', period: '2026-03' })).json().scorecards;
      const excellent = { vi: 'Hoàn thành xuất sắc nhiệm vụ', zh: '优秀' }[lang];
      assert.equal(grades.grades.excellent, 1);
      assert.ok(text.includes(`| ${excellent} |   | ${f.count(grades.grades.excellent)} |`), `${lang}: the excellent row`);
    }
    const staff = await get('/api/v1/reports/pdf', { unit: 'RTT', period: '2026-03', lang: 'vi', audience: 'staff' }, lead.headers);
    assert.equal(staff.statusCode, 200);
    assert.ok((await pdfText(staff.rawPayload)).includes('Nguyễn Văn Bảo'), 'the staff PDF names the responsible leader');
  });

  test('reports upward: a province leader gets every unit below in one table, sortable, as CSV and XLSX', async () => {
    const q = { unit: 'RP', period: '2026-03', sort: 'received', order: 'desc' };
    assert.equal((await get('/api/v1/reports/units', q, lead.headers)).statusCode, 404, 'a commune leader does not read the province table');
    assert.equal((await get('/api/v1/reports/units', q)).statusCode, 401);
    const res = await get('/api/v1/reports/units', q, w.provLead.headers);
    assert.equal(res.statusCode, 200, res.body);
    const table = res.json();
    const children = (await get('/api/v1/figures/children', { unit: 'RP', from: '2026-03-01', to: '2026-03-31' })).json();
    assert.equal(table.items.length, children.items.length);
    for (const row of table.items) {
      const c = children.items.find((x: { unit: { code: string } }) => x.unit.code === row.unit.code);
      assert.deepEqual([row.received, row.resolved, row.resolutionRate, row.onTimeRate], [c.received, c.resolved, c.resolutionRate, c.onTimeRate], row.unit.code);
    }
    assert.deepEqual(table.items.map((r: { received: number }) => r.received), [...table.items.map((r: { received: number }) => r.received)].sort((a, b) => b - a));
    assert.equal(table.items[0].unit.code, 'RTT');

    const csv = await get('/api/v1/reports/units.csv', { ...q, lang: 'vi' }, w.provLead.headers);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    const lines = csv.body.replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(lines[0].split(',')[2], 'Tiếp nhận');
    assert.equal(lines[1], `RTT,Xã Tân Thọ,5,2,2,2,40,40,100,`);

    const xlsx = await get('/api/v1/reports/units.xlsx', { ...q, lang: 'zh' }, w.provLead.headers);
    assert.equal(xlsx.statusCode, 200);
    const files = unzipSync(new Uint8Array(xlsx.rawPayload));
    const xml = Object.entries(files).filter(([name]) => name.startsWith('xl/')).map(([, data]) => strFromU8(data)).join('\n');
    for (const s of ['受理总数', '新寿社', 'RTT']) assert.ok(xml.includes(s), s);
    const withAudience = await get('/api/v1/reports/units', { ...q, audience: 'staff' }, w.provLead.headers);
    assert.equal(withAudience.statusCode, 400, 'the table takes no audience (the staff page sends none)');
  });

  test("committee members: a keeper changes a member's role and records their leaving; who left stays in the history and owns no new follow-up", async () => {
    const created = await t().app.inject({
      method: 'POST',
      url: '/api/v1/steering-committees',
      headers: lead.headers,
      payload: { unit: 'RTT', name: 'Ban chỉ đạo xã Tân Thọ', members: [{ name: 'Lê Văn Hùng', role: 'head' }, { name: 'Đỗ Văn Bình', role: 'member', email: 'binh@tantho.example' }] },
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id;
    const view = (await get('/api/v1/steering-committees', { unit: 'RTT' }, lead.headers)).json();
    const binh = view.members.find((m: { name: string }) => m.name === 'Đỗ Văn Bình').id;
    const patch = (member: number, payload: object, headers: Record<string, string> = lead.headers) =>
      t().app.inject({ method: 'PATCH', url: `/api/v1/steering-committees/${id}/members/${member}`, payload, headers });
    assert.equal((await patch(binh, { role: 'deputy' }, handler.headers)).statusCode, 403, 'a handler does not keep the committee');
    assert.equal((await patch(binh, { role: 'deputy' }, disp.headers)).statusCode, 403, 'nor does a dispatcher');
    const otherLead = await createOfficial(t(), { roles: [{ unit: 'RTTV', role: 'leader' }] });
    assert.equal((await patch(binh, { role: 'deputy' }, otherLead.headers)).statusCode, 404, "a village leader does not keep the commune's committee");
    assert.equal((await patch(binh, {})).statusCode, 400, 'a change names a role or a day');
    const promoted = await patch(binh, { role: 'deputy' });
    assert.equal(promoted.statusCode, 200, promoted.body);
    assert.equal(promoted.json().members.find((m: { id: number }) => m.id === binh).role, 'deputy');
    const left = await patch(binh, { leftOn: '2026-04-15' });
    assert.equal(left.statusCode, 200, left.body);
    const after = left.json().members.find((m: { id: number }) => m.id === binh);
    assert.deepEqual([after.name, after.role, after.leftOn], ['Đỗ Văn Bình', 'deputy', '2026-04-15'], 'who left stays on the list with the day');
    const again = await patch(binh, { role: 'member' }, { ...lead.headers, 'accept-language': 'vi' });
    assert.equal(again.statusCode, 400);
    assert.equal(again.json().error.code, 'steering_member_left');
    assert.match(again.json().error.message, /đã rời Ban chỉ đạo ngày 2026-04-15/);
    const meeting = (owner: number) => ({ heldOn: '2026-04-20', title: 'Họp tháng 4', agenda: ['Tình hình'], attendance: [], decisions: [{ text: 'Rà soát', owner, dueOn: '2026-04-30' }] });
    const refused = await t().app.inject({ method: 'POST', url: `/api/v1/steering-committees/${id}/meetings`, payload: meeting(binh), headers: lead.headers });
    assert.equal(refused.statusCode, 400, 'a member who left owns no new follow-up');
    const events = await t().ctx.db.selectFrom('audit_events').select(['action', 'changes']).where('subject_type', '=', 'steering_committee').where('subject_id', '=', String(id)).orderBy('id').execute();
    assert.deepEqual(events.map((e) => e.action), ['steering.committee_created', 'steering.member_changed', 'steering.member_left']);
    assert.deepEqual((events[1].changes as { role: unknown }).role, { from: 'member', to: 'deputy' });
  });
}, sessionsForYears);
