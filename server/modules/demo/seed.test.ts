import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { sql } from 'kysely';
import { describeEachBackend, type TestApp } from '../../test/server.ts';
import { demoAgencies, demoOfficials, demoServicePoints, demoUnits } from './demo.data.ts';
import { demoDeadlines, demoSignIns, seedDemo, seedDemoIfEmpty } from './seed.ts';
import { demoArticles } from './demo.articles.ts';
import { demoHistory } from './demo.history.ts';
import { figuresOk } from '../figures/figures.testing.ts';

/** Rows per table the seed writes to, and the audit trail. */
async function counts(t: TestApp) {
  const { rows } = await sql<Record<string, number>>`
    SELECT (SELECT count(*) FROM units)::int AS units,
           (SELECT count(*) FROM agencies)::int AS agencies,
           (SELECT count(*) FROM service_points)::int AS service_points,
           (SELECT count(*) FROM accounts)::int AS accounts,
           (SELECT count(*) FROM grants)::int AS grants,
           (SELECT count(*) FROM audit_events)::int AS audit_events,
           (SELECT count(*) FROM petitions)::int AS petitions,
           (SELECT count(*) FROM petition_events)::int AS petition_events,
           (SELECT max(updated_at) FROM petitions)::text AS petitions_updated,
           (SELECT max(updated_at) FROM units)::text AS units_updated`.execute(t.ctx.db);
  return rows[0];
}

function collector() {
  let text = '';
  return { write: (chunk: string) => ((text += chunk), true), text: () => text };
}

describeEachBackend('demo data', (t) => {
  /** A demo official's session headers. */
  const login = async (username: string) => {
    const password = demoOfficials.find((o) => o.username === username)!.password;
    const res = await t().app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    assert.equal(res.statusCode, 200, `${username}: ${res.body}`);
    return { authorization: `Bearer ${res.json().token}` };
  };

  it('seeds an empty database at start and prints the sign-ins; a database with units is left alone', async () => {
    const out = collector();
    const result = await seedDemoIfEmpty(t().ctx, out);
    assert.ok(result);
    assert.deepEqual(result.created, {
      units: demoUnits.length,
      agencies: demoAgencies.length,
      servicePoints: demoServicePoints.length,
      officials: demoOfficials.length,
      petitions: demoHistory(t().clock.now(), await demoDeadlines(t().ctx.db)).length,
      articles: demoArticles.length,
    });
    for (const s of demoSignIns) {
      assert.ok(out.text().includes(s.username) && out.text().includes(s.password), s.username);
    }
    const again = collector();
    assert.equal(await seedDemoIfEmpty(t().ctx, again), null);
    assert.equal(again.text(), '');
  });

  it('routes the history, trains the routing suggestion on it and flags the week of muddy water in Thanh Thinh', async () => {
    const admin = await login('demo.admin');
    const models = (await t().app.inject({ method: 'GET', url: '/api/v1/insight/routing', headers: admin })).json().models;
    assert.deepEqual(models.map((m: { target: string }) => m.target), ['agency', 'category']);
    for (const m of models) assert.ok(m.examples > 700 && m.accuracy > m.baseline, JSON.stringify(m));
    const hotspots = (await t().app.inject({ method: 'GET', url: '/api/v1/insight/hotspots', headers: admin })).json().items;
    const water = hotspots.find((h: { unit: { code: string }; category: string }) => h.unit.code === '17770' && h.category === 'water');
    assert.ok(water, JSON.stringify(hotspots));
    assert.equal(water.petitions.length, water.count);
  });

  it('creates the articles\' units with official codes, English names and the right parents', async () => {
    await seedDemo(t().ctx);
    const units = await t()
      .ctx.db.selectFrom('units as u')
      .leftJoin('units as p', 'p.id', 'u.parent_id')
      .select(['u.code', 'u.name', 'u.names', 'u.level', 'u.country', 'u.time_zone', 'u.path', 'p.code as parent', 'p.path as parentPath'])
      .where('u.code', 'in', demoUnits.map((u) => u.code))
      .execute();
    const byCode = new Map(units.map((u) => [u.code, u]));
    assert.equal(units.length, demoUnits.length);
    const expect = (code: string, name: string, level: string, parent: string | null) => {
      const u = byCode.get(code);
      assert.ok(u, code);
      assert.deepEqual([u.name, u.level, u.parent], [name, level, parent], code);
      assert.ok(u.names.en, `${code} has an English name`);
      if (u.parentPath) assert.ok(u.path.startsWith(u.parentPath), `${code} lies under its parent`);
    };
    expect('40', 'Tỉnh Nghệ An', 'province', null);
    expect('428', 'Huyện Thanh Chương', 'district', '40');
    expect('17719', 'Xã Thanh Nho', 'commune', '428');
    expect('17770', 'Xã Thanh Thịnh', 'commune', '428');
    expect('431', 'Huyện Hưng Nguyên', 'district', '40');
    expect('18001', 'Thị trấn Hưng Nguyên', 'commune', '431');
    expect('18001-K10', 'Khối 10', 'village', '18001');
    expect('424', 'Huyện Anh Sơn', 'district', '40');
    expect('17374', 'Xã Phúc Sơn', 'commune', '424');
    expect('430', 'Huyện Nam Đàn', 'district', '40');
    expect('38', 'Tỉnh Thanh Hóa', 'province', null);
    expect('390', 'Huyện Cẩm Thủy', 'district', '38');
    expect('15163', 'Xã Cẩm Tâm', 'commune', '390');
    expect('404', 'Huyện Nông Cống', 'district', '38');
    expect('16285', 'Xã Tân Thọ', 'commune', '404');
    expect('520000', '贵州省', 'province', null);
    expect('520300', '遵义市', 'city', '520000');
    expect('520327', '凤冈县', 'county', '520300');
    expect('520327108', '永安镇', 'township', '520327');
    expect('520327101', '进化镇', 'township', '520327');
    expect('520327101203', '临江村', 'village', '520327101');
    assert.equal(byCode.get('17719')!.names.vi, 'Xã Thanh Nho');
    assert.equal(byCode.get('520327')!.names.zh, '凤冈县');
    assert.equal(byCode.get('520327')!.time_zone, 'Asia/Shanghai');
    assert.equal(byCode.get('17719')!.country, 'VN');
  });

  it('gives each commune its offices and the district its shared ones', async () => {
    await seedDemo(t().ctx);
    const agencies = (unit: string) =>
      t().app.inject({ method: 'GET', url: `/api/v1/agencies?unit=${unit}&limit=200` }).then((r) => r.json().items as Array<{ kind: string; name: string; names: Record<string, string> }>);
    const thanhNho = await agencies('17719');
    assert.deepEqual(thanhNho.map((a) => a.kind).sort(), ['fatherland_front', 'one_stop_shop', 'people_committee', 'police']);
    assert.ok(thanhNho.some((a) => a.name === 'Ủy ban nhân dân xã Thanh Nho' && a.names.en === "Thanh Nho Commune People's Committee"));
    const thanhChuong = (await agencies('428')).map((a) => a.kind);
    for (const kind of ['land_registry', 'citizen_reception', 'social_insurance', 'mass_mobilization']) assert.ok(thanhChuong.includes(kind), kind);
    for (const commune of ['17770', '18001', '17374', '15163', '16285']) {
      assert.ok((await agencies(commune)).some((a) => a.kind === 'people_committee'), commune);
    }
    const fenggang = await agencies('520327');
    assert.ok(fenggang.some((a) => a.name === '凤冈县群众工作中心' && a.names.zh === '凤冈县群众工作中心'));
    assert.ok((await agencies('520327108')).some((a) => a.name === '永安镇群众工作站'));
  });

  it('shows Yong\'an\'s complete checklist and Linjiang\'s one gap', async () => {
    await seedDemo(t().ctx);
    const yongan = (await t().app.inject({ method: 'GET', url: '/api/v1/units/520327108/service-points' })).json();
    assert.equal(yongan.checklistLevel, 'township');
    assert.deepEqual(yongan.missingRequired, []);
    assert.equal(yongan.checklist.filter((c: { required: boolean }) => c.required).length, 7);
    const linjiang = (await t().app.inject({ method: 'GET', url: '/api/v1/units/520327101203/service-points' })).json();
    assert.deepEqual(linjiang.missingRequired, ['village.utilities_post_credit_service']);
    assert.equal(linjiang.items.length, 6);
  });

  it('creates one official per role who can sign in and act within their units', async () => {
    await seedDemo(t().ctx);
    const accounts = await t()
      .ctx.db.selectFrom('accounts as a')
      .innerJoin('grants as g', 'g.account_id', 'a.id')
      .leftJoin('units as u', 'u.id', 'g.unit_id')
      .leftJoin('agencies as ag', 'ag.id', 'a.agency_id')
      .select(['a.username', 'g.role', 'u.code', 'ag.name as agency'])
      .where('a.username', 'in', demoOfficials.map((o) => o.username))
      .execute();
    assert.deepEqual(
      accounts.map((a) => `${a.username} ${a.role}@${a.code ?? '*'}`).sort(),
      demoOfficials.map((o) => `${o.username} ${o.role}@${o.unit ?? '*'}`).sort(),
    );
    const roles = new Set(accounts.map((a) => a.role));
    for (const role of ['administrator', 'leader', 'dispatcher', 'handler', 'reception_officer', 'council_secretary', 'auditor']) {
      assert.ok(roles.has(role), role);
    }
    assert.equal(accounts.find((a) => a.username === 'fenggang.dispatcher')?.agency, '凤冈县群众工作中心');
    assert.equal(accounts.find((a) => a.username === 'fenggang.head' && a.role === 'leader')?.code, '520327', 'Fenggang has a leader');

    const leader = await login('thanhnho.leader');
    const add = (headers: Record<string, string>, unit: string) =>
      t().app.inject({ method: 'POST', url: '/api/v1/agencies', headers, payload: { unit, kind: 'youth_union', name: 'Đoàn Thanh niên' } });
    const own = await add(leader, '17719');
    assert.equal(own.statusCode, 201);
    assert.equal((await add(leader, '17770')).statusCode, 403, 'Thanh Thịnh is not the Thanh Nho leader\'s');

    // The auditor of Nghệ An sees the gaps of Nghệ An's communes, not Guizhou's.
    const auditor = await login('nghean.auditor');
    const gaps = await t().app.inject({ method: 'GET', url: '/api/v1/service-points/gaps?unit=40&limit=200', headers: auditor });
    assert.equal(gaps.statusCode, 200);
    const codes = gaps.json().items.map((g: { unit: { code: string } }) => g.unit.code);
    assert.ok(codes.includes('17719') && codes.includes('18001-K10'));
    assert.equal((await t().app.inject({ method: 'GET', url: '/api/v1/service-points/gaps?unit=520327', headers: auditor })).statusCode, 404);

    const admin = await login('demo.admin');
    const fenggang = await t().app.inject({ method: 'GET', url: '/api/v1/service-points/gaps?unit=520327', headers: admin });
    const byUnit = Object.fromEntries(fenggang.json().items.map((g: { unit: { code: string }; missing: string[] }) => [g.unit.code, g.missing]));
    assert.deepEqual(byUnit['520327101203'], ['village.utilities_post_credit_service']);
    assert.equal(byUnit['520327108'], undefined, 'Yong\'an lacks nothing');
    assert.equal(byUnit['520327101'].length, 7, 'Jinhua has recorded no service points');
  });

  it("lives: the articles' figures of 2023 and everyday cases, some overdue, some rated", async () => {
    await seedDemo(t().ctx);
    const year = { from: '2023-01-01', to: '2023-12-31' };
    const thanhNho = await figuresOk(t(), { unit: '17719', ...year });
    assert.deepEqual([thanhNho.received, thanhNho.resolved, thanhNho.escalated], [77, 70, 7], "Thanh Nho's forum");
    assert.equal(thanhNho.byChannel.forum.received, 77);
    const fenggang = await figuresOk(t(), { unit: '520327', ...year });
    assert.deepEqual([fenggang.received, fenggang.answered], [785, 741], "Fenggang's mailbox");
    const anhSon = await figuresOk(t(), { unit: '424', ...year });
    assert.equal(Math.round(anhSon.resolutionRate! * 1000) / 1000, 0.983, "Anh Sơn's handling rate");
    // The weeks before the demo was seeded: work waiting, work late, answers rated.
    const recent = await figuresOk(t(), { from: '2025-12-01', to: '2026-03-02' });
    assert.ok(recent.received >= 15, `${recent.received} everyday cases`);
    assert.ok(recent.overdue >= 3, `${recent.overdue} overdue`);
    // Thanh Nho's, Thanh Thịnh's and Fenggang's (3, 1, 1) and Nam Đàn town's one-stop counter's (5, 2, 1).
    assert.deepEqual([recent.satisfied, recent.acceptable, recent.unsatisfied], [8, 3, 2]);
    // The forum's opinions and what residents wrote online are in the communes' public lists.
    const published = await t().app.inject({ method: 'GET', url: '/api/v1/petitions/public?unit=17719&limit=50' });
    const items = published.json().items as Array<{ kind: string; place: { lat: number; lng: number } | null }>;
    assert.ok(items.length >= 20, `${items.length} public petitions in Thanh Nho`);
    // On the unit's map, near the commune, rounded.
    assert.ok(items.every((i) => i.place && Math.abs(i.place.lat - 18.7334) < 0.02 && Math.abs(i.place.lng - 105.3311) < 0.02), 'placed near Thanh Nho');
    assert.ok(items.every((i) => Math.round(i.place!.lat * 1000) / 1000 === i.place!.lat), 'rounded');
    assert.ok(items.every((i) => ['question', 'suggestion', 'help_request'].includes(i.kind)), 'never a complaint');
    // Every petition has its resident and its timeline; each of the history's has one seed audit
    // event (those raised at the demo's gatherings came through intake, with intake's events).
    const { rows } = await sql<{ petitions: number; without: number; audited: number }>`
      SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM gathering_petitions gp WHERE gp.petition_id = p.id))::int AS petitions,
             count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM petitioners r WHERE r.petition_id = p.id)
                               OR NOT EXISTS (SELECT 1 FROM petition_events e WHERE e.petition_id = p.id))::int AS without,
             (SELECT count(*) FROM audit_events WHERE action = 'petition.seed')::int AS audited
        FROM petitions p`.execute(t().ctx.db);
    assert.deepEqual(rows[0], { petitions: demoHistory(t().clock.now(), await demoDeadlines(t().ctx.db)).length, without: 0, audited: rows[0].petitions });
  });

  it('the same complaint is due per Vietnamese law in Thanh Nho and per Chinese law in 临江村, each in its own calendar', async () => {
    await seedDemo(t().ctx);
    const saved = t().clock.now();
    // Friday 24 April 2026, 10:00 at each place.
    const submit = async (unit: string, offset: number) => {
      t().clock.set(new Date(Date.parse('2026-04-24T10:00:00Z') - offset * 3600_000));
      const res = await t().app.inject({
        method: 'POST',
        url: '/api/v1/petitions',
        payload: { unit, kind: 'complaint', body: 'Thửa đất bị đo sai ranh giới. / 宅基地界址测量有误。', resident: { name: 'Lê Văn An', address: 'Xóm 3' } },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { ackDueAt: string; dueAt: string };
    };
    const endOfDay = (day: string, offset: number) => new Date(Date.parse(`${day}T23:59:59.999Z`) - offset * 3600_000).toISOString();
    try {
      const thanhNho = await submit('17719', 7);
      // Acceptance: 2 working days; Monday 27 April is the day off in lieu of the Hùng Kings' day.
      assert.equal(thanhNho.ackDueAt, endOfDay('2026-04-29', 7));
      // Law on Complaints art. 28: 30 days, ending Sunday 24 May, so on Monday 25 May.
      assert.equal(thanhNho.dueAt, endOfDay('2026-05-25', 7));
      const linjiang = await submit('520327101203', 8);
      // 信访: told within 15 days: Saturday 9 May, a make-up working day (劳动节调休上班), so it ends there.
      assert.equal(linjiang.ackDueAt, endOfDay('2026-05-09', 8));
      // Handled within 60 days: Tuesday 23 June.
      assert.equal(linjiang.dueAt, endOfDay('2026-06-23', 8));
    } finally {
      t().clock.set(saved);
    }
    // The demo's Fenggang cases carry the Chinese limits too: due 60 days after acceptance, or
    // on the next working day when the 60th is a day off (the Spring Festival's nine days at most).
    const daysToDue = async (hotline: boolean) =>
      (await sql<{ days: number }>`
        SELECT DISTINCT round(extract(epoch FROM p.due_at - p.accepted_at) / 86400)::int AS days
          FROM petitions p WHERE p.origin_unit_path LIKE (SELECT path FROM units WHERE code = '520327') || '%'
           AND p.accepted_at IS NOT NULL AND p.escalated_at IS NULL AND p.answered_on_the_spot = false
           AND (p.channel = 'hotline') = ${hotline}`.execute(t().ctx.db)).rows.map((r) => r.days);
    const regulation = await daysToDue(false);
    assert.ok(regulation.length > 0 && regulation.every((d) => d >= 60 && d <= 69), JSON.stringify(regulation));
    // What came by the 12345 hotline follows the county's own, shorter limit: 7 days.
    const hotline = await daysToDue(true);
    assert.ok(hotline.length > 0 && hotline.every((d) => d >= 7 && d <= 9), JSON.stringify(hotline));
    const policies = await t().app.inject({ method: 'GET', url: '/api/v1/deadline-policies?unit=520327101203', headers: await login('fenggang.head') });
    const local = policies.json().items.filter((p: { channel: string | null }) => p.channel === 'hotline');
    assert.deepEqual(local.map((p: { kind: string; unit: { code: string } }) => [p.kind, p.unit.code]), [['question', '520327'], ['suggestion', '520327'], ['help_request', '520327']]);
    assert.match(local[0].legalSource, /本县规定/);
  });

  it("has Nam Đàn's scorecard frameworks per job position, IT use weighted highest in each", async () => {
    const res = await t().app.inject({ method: 'GET', url: '/api/v1/scorecard-frameworks?unit=430', headers: await login('nghean.auditor') });
    assert.equal(res.statusCode, 200, res.body);
    const items: { position: string | null; criteria: { measure: string; weight: number }[] }[] = res.json().items;
    assert.deepEqual(items.map((f) => f.position).sort(), ['Chủ tịch UBND', 'Công chức một cửa', null].sort());
    for (const f of items) {
      const top = Math.max(...f.criteria.map((c) => c.weight));
      assert.deepEqual(f.criteria.filter((c) => c.weight === top).map((c) => c.measure), ['online_share'], String(f.position));
    }
  });

  it("gives Nam Đàn's one-stop counter official a scorecard with real numbers under the district's framework for the position", async () => {
    const headers = await login('namdan.onestop');
    const me = await t().ctx.db.selectFrom('accounts').select(['id', 'position']).where('username', '=', 'namdan.onestop').executeTakeFirstOrThrow();
    assert.equal(me.position, 'Công chức một cửa');
    const period = String(t().clock.now().getUTCFullYear());
    const res = await t().app.inject({ method: 'GET', url: `/api/v1/scorecards/officials/${me.id}?period=${period}`, headers });
    assert.equal(res.statusCode, 200, res.body);
    const card = res.json();
    assert.deepEqual([card.framework.unit, card.framework.position], [{ code: '430', name: 'Huyện Nam Đàn' }, 'Công chức một cửa']);
    const criterion = (m: string) => card.criteria.find((c: { measure: string }) => c.measure === m);
    // Nine cases answered, two of them late; seven arrived and were handled online.
    assert.deepEqual([criterion('on_time_rate').numerator, criterion('on_time_rate').denominator], [7, 9]);
    assert.deepEqual([criterion('online_share').numerator, criterion('online_share').denominator], [7, 9]);
    // Eight answers rated by residents and nine taps on the counter tablet naming the official.
    assert.equal(criterion('satisfaction').denominator, 17);
    assert.equal(criterion('online_share').weight, Math.max(...card.criteria.map((c: { weight: number | null }) => c.weight ?? 0)), 'IT use weighs most');
    assert.ok(typeof card.total === 'number' && card.grade, `a total and a grade: ${card.total} ${card.grade}`);
    const cases = await t().app.inject({ method: 'GET', url: `/api/v1/scorecards/officials/${me.id}/cases?period=${period}&measure=on_time_rate`, headers });
    assert.equal(cases.statusCode, 200, cases.body);
    assert.equal(cases.json().items.filter((c: { counts: boolean }) => !c.counts).length, 2, 'the late answers are among the cases behind the rate');
  });

  it('changes nothing when run again', async () => {
    await seedDemo(t().ctx);
    const before = await counts(t());
    t().clock.advance(3600_000);
    const result = await seedDemo(t().ctx);
    assert.deepEqual(result.created, { units: 0, agencies: 0, servicePoints: 0, officials: 0, petitions: 0, articles: 0 });
    assert.deepEqual(await counts(t()), before);
  });

  it('keeps an existing account\'s password and a renamed unit\'s name', async () => {
    await seedDemo(t().ctx);
    await t().ctx.db.updateTable('units').set({ name: 'Xã Thanh Nho (đổi tên)' }).where('code', '=', '17719').execute();
    await t().ctx.db.updateTable('accounts').set({ password_hash: 'changed' }).where('username', '=', 'thanhnho.handler').execute();
    await seedDemo(t().ctx);
    const unit = await t().ctx.db.selectFrom('units').select('name').where('code', '=', '17719').executeTakeFirstOrThrow();
    assert.equal(unit.name, 'Xã Thanh Nho (đổi tên)');
    const account = await t().ctx.db.selectFrom('accounts').select('password_hash').where('username', '=', 'thanhnho.handler').executeTakeFirstOrThrow();
    assert.equal(account.password_hash, 'changed');
  });
});

it('README.md lists every demo sign-in', () => {
  const readme = fs.readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Demo sign-ins'));
  assert.ok(readme.includes('## Demo sign-ins'));
  for (const s of demoSignIns) {
    const row = section.split('\n').find((line) => line.includes(`\`${s.username}\``));
    assert.ok(row, `${s.username} is listed`);
    assert.ok(row.includes(`\`${s.password}\``), `${s.username}'s password`);
    assert.ok(row.includes(s.role), `${s.username}'s role`);
    assert.ok(row.includes(s.unit ? s.unit.code : 'whole deployment'), `${s.username}'s unit`);
  }
});
