/**
 * The articles' figures replayed through the API: Anh Sơn's term (119 reception sessions of the
 * chairman with 406 citizens, 88 citizens at the reception committee's regular reception, 47
 * working sessions on long-standing cases) and Thanh Nho's 7 forums (77 opinions, 70 resolved,
 * 7 with higher levels); and the law's minimum, met or not, month by month.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend, type TestApp } from '../../test/server.ts';
import { createOfficial, createUnits, type CreatedOfficial } from '../../test/factories.ts';

const two = (n: number) => String(n).padStart(2, '0');

describeEachBackend('gathering figures', (t) => {
  const post = async (who: CreatedOfficial, url: string, payload: object, status = [200, 201]) => {
    const res = await t().app.inject({ method: 'POST', url, headers: who.headers, payload });
    assert.ok(status.includes(res.statusCode), `${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const get = async (url: string, who?: CreatedOfficial) => {
    const res = await t().app.inject({ method: 'GET', url, headers: who?.headers });
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json();
  };
  let n = 0;
  const key = () => `replay-${String(++n).padStart(6, '0')}`;

  /** Plans, opens, records and closes one gathering. */
  async function held(who: CreatedOfficial, plan: object, attendance: number, entries: object[] = []) {
    const g = await post(who, '/api/v1/gatherings', plan);
    await post(who, `/api/v1/gatherings/${g.id}/actions`, { type: 'open' });
    if (attendance) await post(who, `/api/v1/gatherings/${g.id}/entries`, { key: key(), type: 'attendance', count: attendance });
    const out = [];
    for (const e of entries) out.push(await post(who, `/api/v1/gatherings/${g.id}/entries`, { key: key(), ...e }));
    await post(who, `/api/v1/gatherings/${g.id}/actions`, { type: 'close' });
    return { id: g.id as number, entries: out };
  }

  async function tree(tt: TestApp) {
    await createUnits(tt.ctx.db, [
      { code: 'NA', name: 'Tỉnh Nghệ An', level: 'province' },
      { code: 'AS', name: 'Huyện Anh Sơn', level: 'district', parentCode: 'NA' },
      { code: 'TCH', name: 'Huyện Thanh Chương', level: 'district', parentCode: 'NA' },
      { code: 'TN', name: 'Xã Thanh Nho', level: 'commune', parentCode: 'TCH' },
      { code: 'TT', name: 'Xã Thanh Thịnh', level: 'commune', parentCode: 'TCH' },
    ]);
  }

  it("replays Anh Sơn's term and Thanh Nho's forums and gets the articles' figures", async () => {
    await tree(t());
    const chairman = await createOfficial(t(), { name: 'Chủ tịch UBND huyện Anh Sơn', roles: [{ unit: 'AS', role: 'leader' }] });
    const committee = await createOfficial(t(), { name: 'Ban Tiếp công dân huyện', roles: [{ unit: 'AS', role: 'reception_officer' }] });
    const dispatcher = await createOfficial(t(), { roles: [{ unit: 'TN', role: 'dispatcher' }] });

    // The chairman receives on the 10th and the 25th from January 2021: 119 sessions, 406 citizens.
    for (let i = 0; i < 119; i++) {
      const month = 1 + Math.floor(i / 2);
      const day = `${2021 + Math.floor((month - 1) / 12)}-${two(((month - 1) % 12) + 1)}-${i % 2 ? '25' : '10'}`;
      await held(chairman, {
        unit: 'AS', kind: 'reception_day', title: 'Chủ tịch UBND huyện tiếp công dân định kỳ', host: chairman.id, hostRole: 'chairman',
        start: `${day}T07:30`, end: `${day}T11:00`,
      }, i < 49 ? 4 : 3);
      // A working session on a long-standing case in the afternoon, 47 of them.
      if (i < 47) {
        await held(chairman, {
          unit: 'AS', kind: 'working_session', title: 'Làm việc về vụ việc tồn đọng kéo dài', host: chairman.id, hostRole: 'chairman',
          start: `${day}T14:00`, end: `${day}T16:00`,
        }, 1);
      }
    }
    // The reception committee's regular reception: 22 sessions, 88 citizens.
    for (let i = 0; i < 22; i++) {
      const day = `${2022 + Math.floor(i / 12)}-${two((i % 12) + 1)}-05`;
      await held(committee, {
        unit: 'AS', kind: 'reception_day', title: 'Tiếp công dân thường xuyên', host: committee.id, hostRole: 'reception_committee',
        start: `${day}T08:00`, end: `${day}T11:00`,
      }, 4);
    }
    // Neither a cancelled session nor one still planned counts.
    const cancelled = await post(chairman, '/api/v1/gatherings', { unit: 'AS', kind: 'reception_day', title: 'x', hostRole: 'chairman', start: '2023-12-11T07:30', end: '2023-12-11T11:00' });
    await post(chairman, `/api/v1/gatherings/${cancelled.id}/actions`, { type: 'cancel', reason: 'Bão số 3' });
    await post(chairman, '/api/v1/gatherings', { unit: 'AS', kind: 'reception_day', title: 'x', hostRole: 'chairman', start: '2026-02-27T07:30', end: '2026-02-27T11:00' });

    // Thanh Nho's "people ask, officials answer" forum, the second Saturday of seven months of 2023.
    const sessions = ['2023-03-11', '2023-04-08', '2023-05-13', '2023-06-10', '2023-07-08', '2023-08-12', '2023-09-09'];
    const sentUp: number[] = [];
    for (const [s, day] of sessions.entries()) {
      const opinions = Array.from({ length: 11 }, (_, i) => ({
        type: 'opinion', kind: i % 2 ? 'question' : 'suggestion', body: `Ý kiến ${i + 1} tại diễn đàn phiên ${s + 1}`,
        resident: { name: `Người dân xóm ${i + 1}` },
        ...(i < 10 ? { answerNow: 'Lãnh đạo xã đã trả lời trực tiếp tại diễn đàn.' } : {}),
      }));
      const forum = await held(dispatcher, { unit: 'TN', kind: 'forum', title: 'Dân hỏi, cán bộ trả lời', start: `${day}T08:00`, end: `${day}T11:00` }, 40, opinions);
      sentUp.push(forum.entries[10].petition.id);
    }
    for (const id of sentUp) await post(dispatcher, `/api/v1/petitions/${id}/actions`, { type: 'escalate', reason: 'Vượt thẩm quyền của xã', cause: 'beyond_competence' });

    const anhSon = await get('/api/v1/gatherings/figures?unit=AS&from=2021-01-01&to=2026-03-01');
    assert.deepEqual(anhSon.sessions, [
      { kind: 'reception_day', hostRole: 'chairman', sessions: 119, residents: 406 },
      { kind: 'reception_day', hostRole: 'reception_committee', sessions: 22, residents: 88 },
      { kind: 'working_session', hostRole: 'chairman', sessions: 47, residents: 47 },
    ]);
    assert.deepEqual(anhSon.totals, { sessions: 188, residents: 541, cancelled: 1 });
    assert.deepEqual(anhSon.unit, { code: 'AS', name: 'Huyện Anh Sơn' });

    const thanhNho = await get('/api/v1/gatherings/figures?unit=TN&from=2023-01-01&to=2023-12-31');
    assert.deepEqual(thanhNho.sessions, [{ kind: 'forum', hostRole: null, sessions: 7, residents: 280 }]);
    assert.deepEqual(thanhNho.opinions, { raised: 77, resolved: 70, withHigherLevels: 7, questionsAhead: 0 });

    // The province counts both districts; a period counts what began in it.
    const province = await get('/api/v1/gatherings/figures?unit=NA&from=2023-01-01&to=2023-12-31');
    const byKind = Object.fromEntries(province.sessions.map((s: { kind: string; hostRole: string | null; sessions: number }) => [`${s.kind}/${s.hostRole}`, s.sessions]));
    assert.deepEqual(byKind, { 'forum/null': 7, 'reception_day/chairman': 24, 'reception_day/reception_committee': 10 });
    assert.equal(province.opinions.raised, 77);

    const bad = await t().app.inject({ method: 'GET', url: '/api/v1/gatherings/figures?unit=AS&from=2023-12-31&to=2023-01-01' });
    assert.equal(bad.json().error.code, 'invalid_period');
  });

  it("flags a unit whose planned or held reception days fall short of the law's minimum, for the leaders above, and follows an edited minimum", async () => {
    await createUnits(t().ctx.db, [
      { code: 'MP', name: 'Province', level: 'province' },
      { code: 'MD', name: 'District', level: 'district', parentCode: 'MP' },
      { code: 'MC1', name: 'Commune One', level: 'commune', parentCode: 'MD' },
      { code: 'MC2', name: 'Commune Two', level: 'commune', parentCode: 'MD' },
    ]);
    const districtLeader = await createOfficial(t(), { roles: [{ unit: 'MD', role: 'leader' }] });
    const c1 = await createOfficial(t(), { roles: [{ unit: 'MC1', role: 'leader' }] });
    const c2 = await createOfficial(t(), { roles: [{ unit: 'MC2', role: 'leader' }] });
    const plan = (unit: string, who: CreatedOfficial, day: string) =>
      post(who, '/api/v1/gatherings', { unit, kind: 'reception_day', title: 'Tiếp công dân', host: who.id, hostRole: 'chairman', start: `${day}T07:30`, end: `${day}T11:00` });

    // Commune One receives on Thursdays in February 2026 but forgets the week of 23 February; Commune
    // Two every Thursday; the district twice.
    for (const day of ['2026-02-05', '2026-02-12', '2026-02-19']) await plan('MC1', c1, day);
    const c2Days = [];
    for (const day of ['2026-02-05', '2026-02-12', '2026-02-19', '2026-02-26']) c2Days.push(await plan('MC2', c2, day));
    await plan('MD', districtLeader, '2026-02-10');
    await plan('MD', districtLeader, '2026-02-24');
    // Commune Two held all but the last.
    for (const g of c2Days.slice(0, 3)) {
      await post(c2, `/api/v1/gatherings/${g.id}/actions`, { type: 'open' });
      await post(c2, `/api/v1/gatherings/${g.id}/actions`, { type: 'close' });
    }

    const all = await get('/api/v1/gatherings/compliance?unit=MP&from=2026-02&to=2026-02', districtLeader);
    const of = (code: string) => all.items.find((i: { unit: { code: string } }) => i.unit.code === code);
    assert.deepEqual(all.items.map((i: { unit: { code: string } }) => i.unit.code), ['MD', 'MC1', 'MC2'], 'the district leader sees the district and its communes');
    assert.deepEqual(of('MC1').months, [
      { month: '2026-02', required: 4, scheduled: { days: 3, met: false }, held: { days: 0, met: false }, judgedOn: 'held', met: false, shortWeeks: ['2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23'] },
    ]);
    assert.equal(of('MC1').short, true);
    assert.deepEqual(of('MC1').unit, { code: 'MC1', name: 'Commune One' });
    assert.deepEqual(of('MC1').minimum, { days: 1, per: 'week', source: 'Luật Tiếp công dân 2013, Điều 15' });
    assert.deepEqual(of('MC2').months[0].scheduled, { days: 4, met: true });
    assert.deepEqual(of('MC2').months[0].held, { days: 3, met: false });
    assert.deepEqual(of('MC2').months[0].shortWeeks, ['2026-02-23']);
    assert.deepEqual(of('MD').months[0].scheduled, { days: 2, met: true });

    const shortOnly = await get('/api/v1/gatherings/compliance?unit=MD&from=2026-02&to=2026-02&short=true', districtLeader);
    assert.ok(shortOnly.items.every((i: { short: boolean }) => i.short));
    const mine = await get('/api/v1/gatherings/compliance?unit=MP&from=2026-02&to=2026-02', c1);
    assert.deepEqual(mine.items.map((i: { unit: { code: string } }) => i.unit.code), ['MC1'], 'a commune sees itself only');
    const denied = await t().app.inject({ method: 'GET', url: '/api/v1/gatherings/compliance?unit=MC2&from=2026-02&to=2026-02', headers: c1.headers });
    assert.equal(denied.statusCode, 404);

    // The administrators edit the law: from March 2026, a district chairman once a month.
    const admin = await createOfficial(t(), { roles: [{ unit: null, role: 'administrator' }] });
    const set = await post(admin, '/api/v1/reception-minimums', { country: 'VN', level: 'district', role: 'chairman', days: 1, per: 'month', validFrom: '2026-03-01', source: 'A new decree' });
    assert.equal(set.days, 1);
    const audited = await t().ctx.db.selectFrom('audit_events').select(['action', 'subject_id']).where('action', '=', 'reception_minimum.set').execute();
    assert.deepEqual(audited, [{ action: 'reception_minimum.set', subject_id: String(set.id) }], 'the change is in the audit log');
    const ended = await post(admin, '/api/v1/reception-minimums', { country: 'VN', level: 'district', role: 'chairman', days: 2, per: 'month', validFrom: '2014-07-01', validTo: '2026-03-01', source: 'Luật Tiếp công dân 2013, Điều 14' });
    assert.equal(ended.validTo, '2026-03-01', 'the old rule ends where the new one begins');
    const refused = await t().app.inject({ method: 'POST', url: '/api/v1/reception-minimums', headers: districtLeader.headers, payload: { country: 'VN', level: 'district', role: 'chairman', days: 9, per: 'month', validFrom: '2026-03-01', source: 'x' } });
    assert.equal(refused.statusCode, 403);
    await plan('MD', districtLeader, '2026-03-10');
    const march = await get('/api/v1/gatherings/compliance?unit=MD&from=2026-02&to=2026-03', districtLeader);
    const district = march.items.find((i: { unit: { code: string } }) => i.unit.code === 'MD');
    assert.deepEqual(district.months.map((m: { month: string; required: number; scheduled: { met: boolean } }) => [m.month, m.required, m.scheduled.met]), [['2026-02', 2, true], ['2026-03', 1, true]]);
    assert.equal(district.minimum.source, 'A new decree');
    assert.deepEqual(district.months.map((m: { judgedOn: string; met: boolean }) => [m.judgedOn, m.met]), [['held', false], ['held_and_planned', true]]);

    // Months to come are judged on the plan: Commune Two plans every Thursday of April and is not
    // flagged, though nothing is held yet; Commune One plans one Thursday and is.
    for (const day of ['2026-04-02', '2026-04-09', '2026-04-16', '2026-04-23', '2026-04-30']) await plan('MC2', c2, day);
    await plan('MC1', c1, '2026-04-02');
    const april = await get('/api/v1/gatherings/compliance?unit=MD&from=2026-04&to=2026-04', districtLeader);
    const aprilOf = (code: string) => april.items.find((i: { unit: { code: string } }) => i.unit.code === code);
    assert.deepEqual([aprilOf('MC2').months[0].judgedOn, aprilOf('MC2').months[0].met, aprilOf('MC2').short], ['schedule', true, false]);
    assert.deepEqual([aprilOf('MC1').months[0].met, aprilOf('MC1').short], [false, true]);
  });
});
