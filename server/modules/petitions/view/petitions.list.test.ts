import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../../test/server.ts';
import { toTsquery } from './list.params.ts';
import { listPetitions, type ListFilters } from './list.queries.ts';
import { resolveSession } from '../../../platform/sessions.ts';
import type { Official } from '../../../platform/access.ts';
import { actOk, api, createWorld, submitOk, testOptions, type Submitted, type Who, type World } from '../petitions.testing.ts';

describeEachBackend("the officials' list", (t) => {
  let w: World;
  const call = () => api(t());
  const ids = async (who: Who, query: string) => {
    const res = await call().list(who, query);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items.map((i: { id: number }) => i.id) as number[];
  };
  let land: Submitted, road: Submitted, chinese: Submitted, hotline: Submitted, village: Submitted, other: Submitted;

  test('setup', async () => {
    w = await createWorld(t());
    land = await submitOk(t(), {
      unit: 'TC1',
      kind: 'question',
      category: 'land',
      title: 'San lấp đất rừng ở Thanh Chương',
      body: 'Tôi muốn san lấp đất rừng để làm nhà: có được không, thủ tục thế nào?',
      resident: { name: 'Nguyễn Văn Lâm', phone: '0912 111 222' },
    });
    road = await submitOk(t(), { unit: 'TC1', kind: 'suggestion', category: 'roads', body: 'The road to the market needs lights.', urgent: true });
    chinese = await submitOk(t(), { unit: 'TC1', kind: 'question', category: 'land', body: '我想平整林地建房，需要什么手续？' });
    hotline = await submitOk(t(), { unit: 'TC1', kind: 'help_request', channel: 'hotline', body: 'My mother needs a wheelchair.', resident: { name: 'X', phone: '+84912111222' } }, w.recep1);
    village = await submitOk(t(), { unit: 'TV1', kind: 'complaint', body: 'Village fee', resident: { name: 'Y', address: 'Z' } });
    other = await submitOk(t(), { unit: 'TC2', kind: 'question', body: 'Thanh Chương forest land in commune two' });
    await actOk(t(), w.disp1, road.id, { type: 'accept' });
    await actOk(t(), w.disp1, road.id, { type: 'assign', handler: w.hand1.id, leader: w.lead1.id, expectedResult: 'lights installed' });
  });

  test('filters by unit subtree, status, kind, category, channel and assignee', async () => {
    assert.deepEqual(await ids(w.disp1, ''), [village.id, hotline.id, chinese.id, road.id, land.id], 'newest first, only commune one');
    assert.deepEqual(await ids(w.disp1, 'unit=TV1'), [village.id]);
    assert.deepEqual(await ids(w.provDisp, 'unit=TC2'), [other.id]);
    assert.deepEqual(await ids(w.disp2, 'unit=TC1'), [], 'a foreign unit filter does not widen the scope');
    assert.deepEqual(await ids(w.disp1, 'status=assigned'), [road.id]);
    assert.deepEqual(await ids(w.disp1, 'status=received,assigned&kind=suggestion,complaint'), [village.id, road.id]);
    assert.deepEqual(await ids(w.disp1, 'category=land'), [chinese.id, land.id]);
    assert.deepEqual(await ids(w.disp1, 'channel=hotline'), [hotline.id]);
    assert.deepEqual(await ids(w.hand1, 'assignedTo=me'), [road.id]);
    assert.deepEqual(await ids(w.disp1, 'assignedTo=me'), []);
    assert.deepEqual(await ids(w.lead1, 'leader=me'), [road.id], 'the cases the leader answers for');
    assert.deepEqual(await ids(w.lead1b, 'leader=me'), [], 'another leader of the same unit does not answer for it');
  });

  test('finds by phone in any spelling, and by words with or without diacritics, in Vietnamese and Chinese', async () => {
    assert.deepEqual(await ids(w.disp1, 'phone=0912111222'), [hotline.id, land.id]);
    assert.deepEqual(await ids(w.disp1, `phone=${encodeURIComponent('+84 912 111 222')}`), [hotline.id, land.id]);
    assert.deepEqual(await ids(w.disp1, `q=${encodeURIComponent('thanh chuong')}`), [land.id]);
    assert.deepEqual(await ids(w.disp1, `q=${encodeURIComponent('THANH CHƯƠNG đất')}`), [land.id]);
    assert.deepEqual(await ids(w.disp1, `q=${encodeURIComponent('san lap')}`), [land.id], 'prefixes match');
    assert.deepEqual(await ids(w.disp1, `q=${encodeURIComponent('手续')}`), [chinese.id]);
    assert.deepEqual(await ids(w.disp1, `q=${encodeURIComponent('wheelchair')}`), [hotline.id]);
    assert.deepEqual(await ids(w.disp1, `q=${encodeURIComponent('!!!')}`), []);
    assert.deepEqual(await ids(w.provDisp, `q=${encodeURIComponent('thanh chuong')}`), [other.id, land.id]);
    assert.deepEqual(await ids(w.disp1, `q=lights&status=assigned`), [road.id]);
    assert.equal(toTsquery("it's (Thanh) Chương"), "'it':* & 's':* & 'thanh':* & 'chuong':*");
  });

  test('due filters and the most urgent first', async () => {
    const byDue = (await call().list(w.disp1, 'sort=due')).json().items as Array<{ id: number; dueAt: string }>;
    const dues = byDue.map((i) => i.dueAt);
    assert.deepEqual(dues, [...dues].sort(), 'ordered by due time');
    assert.deepEqual(await ids(w.disp1, 'dueBefore=2026-03-10'), [hotline.id], 'only the help request is due by then (5 working days)');
    assert.deepEqual(await ids(w.disp1, `dueBefore=${encodeURIComponent('2026-03-12T00:00:00+07:00')}`), [hotline.id, chinese.id, land.id]);
  });

  test('pages with a cursor, without gaps or repeats, in both orders', async () => {
    for (const sort of ['newest', 'due']) {
      const seen: number[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const res = await call().list(w.provLead, `limit=2&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(res.statusCode, 200);
        const page = res.json();
        assert.ok(page.items.length <= 2);
        seen.push(...page.items.map((i: { id: number }) => i.id));
        cursor = page.next;
        pages++;
      } while (cursor && pages < 10);
      assert.equal(pages, 3, sort);
      assert.deepEqual([...seen].sort((a, b) => a - b), [land.id, road.id, chinese.id, hotline.id, village.id, other.id].sort((a, b) => a - b));
    }
  });

  test('dense matches take the ordered walk and give the same pages as the probe', async () => {
    const filterSets: Array<Partial<ListFilters>> = [{}, { sort: 'due' }, { statuses: ['received'] }, { tsquery: toTsquery('thanh chuong') }, { kinds: ['question'], sort: 'due' }];
    for (const who of [w.disp1, w.provLead, w.hand1]) {
      const session = await resolveSession(t().ctx.db, who.token, t().clock.now());
      const actor = session!.actor as Official;
      for (const filters of filterSets) {
        const f: ListFilters = { sort: 'newest', limit: 3, now: t().clock.now(), ...filters };
        const probed: number[] = (await listPetitions(t().ctx.db, actor, f)).map((r) => r.id);
        const walked: number[] = (await listPetitions(t().ctx.db, actor, { ...f, probeLimit: 0 })).map((r) => r.id);
        assert.ok(probed.length > 0 || who === w.hand1, `${JSON.stringify(filters)} finds something`);
        assert.deepEqual(walked, probed, JSON.stringify(filters));
      }
    }
  });

  test("a province's plain newest-first list looks at the most recent first, and gives the same pages as the probe", async () => {
    for (const who of [w.provLead, w.provDisp, w.disp1]) {
      const session = await resolveSession(t().ctx.db, who.token, t().clock.now());
      const actor = session!.actor as Official;
      let after: ListFilters['after'];
      for (let page = 0; page < 3; page++) {
        const f: ListFilters = { sort: 'newest', limit: 2, now: t().clock.now(), after };
        const probed = (await listPetitions(t().ctx.db, actor, { ...f, walkFirst: 0 })).map((r) => r.id);
        // All recent rows looked at, or too few of them to hold a page (the probe takes over).
        for (const walkFirst of [1000, 1]) {
          assert.deepEqual((await listPetitions(t().ctx.db, actor, { ...f, walkFirst })).map((r) => r.id), probed, `page ${page}, ${walkFirst}`);
        }
        if (probed.length < 2) break;
        after = { id: probed[1] };
      }
    }
  });

  test('bad filters are 400 with a message, never 500', async () => {
    for (const [query, code] of [
      ['status=done', 'invalid_filter'],
      ['kind=gossip', 'invalid_filter'],
      ['channel=fax', 'invalid_filter'],
      ['dueBefore=tomorrow', 'invalid_date'],
      ['cursor=notacursor', 'invalid_cursor'],
      ['phone=abc', 'invalid_phone'],
      ['unit=NOPE', 'unknown_unit'],
      ['limit=1000', 'invalid_input'],
      ['assignedTo=you', 'invalid_input'],
      ['overdue=perhaps', 'invalid_input'],
      ['colour=red', 'invalid_input'],
    ]) {
      const res = await t().app.inject({ method: 'GET', url: `/api/v1/petitions?${query}`, headers: { ...w.disp1.headers, 'accept-language': 'vi' } });
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
      assert.equal(res.json().error.code, code, query);
    }
    const vi = await t().app.inject({ method: 'GET', url: '/api/v1/petitions?status=done', headers: { ...w.disp1.headers, 'accept-language': 'vi' } });
    assert.match(vi.json().error.message, /không phải giá trị hợp lệ/);
    assert.equal((await t().app.inject({ method: 'GET', url: '/api/v1/petitions' })).statusCode, 401, 'officials only');
  });

  test("a handler's search finds their cases, the long ones too, and no one else's", async () => {
    // Words repeated with numbers: a search vector too long for an index entry (the table is read for it).
    const long = Array.from({ length: 400 }, (_, i) => `Mương M${i * 7} đội Đ${i * 13} bị bồi lắng`).join('. ').slice(0, 20000);
    const cases: Submitted[] = [];
    for (const body of [long, 'Mương thoát nước bị bồi lắng sau lũ.', 'Mương đầu xóm bị bồi lắng.']) {
      cases.push(await submitOk(t(), { unit: 'TC1', kind: 'suggestion', category: 'roads', body }));
    }
    for (const c of cases.slice(0, 2)) {
      await actOk(t(), w.disp1, c.id, { type: 'accept' });
      await actOk(t(), w.disp1, c.id, { type: 'assign', handler: w.hand1.id, leader: w.lead1.id, expectedResult: 'dredged' });
    }
    const found = await ids(w.hand1, `q=${encodeURIComponent('bồi lắng')}`);
    assert.deepEqual(found, [cases[1].id, cases[0].id], 'their two cases, newest first; not the third, which is not theirs');
    assert.deepEqual(await ids(w.hand1, `q=${encodeURIComponent('M2737')}`), [cases[0].id], 'a word deep in the long text');
  });
}, testOptions);
