import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../../test/server.ts';
import { createOfficial, createResident } from '../../../test/factories.ts';
import { actOk, api, createWorld, submitOk, testOptions, worldFor, type Who } from '../petitions.testing.ts';

describeEachBackend('petition confidentiality', (t) => {
  const w = worldFor(t);
  const call = () => api(t());

  async function listAll(who: Who, query = ''): Promise<number[]> {
    const ids: number[] = [];
    let cursor: string | undefined;
    do {
      const res = await call().list(who, [query, 'limit=100', cursor ? `cursor=${cursor}` : ''].filter(Boolean).join('&'));
      assert.equal(res.statusCode, 200, res.body);
      ids.push(...res.json().items.map((i: { id: number }) => i.id));
      cursor = res.json().next;
    } while (cursor);
    return ids;
  }

  test('a denouncer is known only to the case\'s handler and responsible leader', async () => {
    const s = await submitOk(t(), {
      unit: 'TC1',
      kind: 'denunciation',
      channel: 'reception',
      body: 'The head of the cadastral office took money for a land certificate.',
      resident: { name: 'Quách Văn Tín', phone: '0915222333', email: 'tin@example.vn', address: 'Thôn Đông' },
    }, w.recep1);
    const secrets = ['Quách', 'Tín', '0915222333', '+84915222333', 'tin@example', 'Thôn Đông'];
    const hidden = async (who: Who, label: string) => {
      const res = await call().get(who, s.id);
      assert.equal(res.statusCode, 200, `${label} sees the petition`);
      assert.equal(res.json().identityHidden, true, `${label}: identity hidden`);
      assert.deepEqual(res.json().petitioners, []);
      assert.equal(res.json().recordedBy, null);
      for (const secret of secrets) assert.ok(!res.body.includes(secret), `${label} does not get ${secret}`);
      const list = await call().list(who, 'limit=100');
      for (const secret of secrets) assert.ok(!list.body.includes(secret), `${label}'s list does not carry ${secret}`);
      const byPhone = await call().list(who, 'phone=0915222333');
      assert.deepEqual(byPhone.json().items, [], `${label} cannot find the denouncer by phone`);
    };
    for (const [who, label] of [[w.disp1, 'dispatcher'], [w.lead1, 'a leader'], [w.recep1, 'the reception officer'], [w.auditor, 'the auditor'], [w.provLead, 'the province leader']] as const) {
      await hidden(who, label);
    }
    await actOk(t(), w.disp1, s.id, { type: 'accept' });
    await actOk(t(), w.disp1, s.id, { type: 'assign', handler: w.hand1.id, leader: w.lead1b.id, expectedResult: 'a conclusion on the denunciation' });
    for (const who of [w.hand1, w.lead1b]) {
      const res = (await call().get(who, s.id)).json();
      assert.equal(res.identityHidden, false);
      assert.deepEqual(res.petitioners.map((p: { name: string; phone: string }) => [p.name, p.phone]), [['Quách Văn Tín', '+84915222333']]);
      const byPhone = (await call().list(who, 'phone=0915222333')).json();
      assert.deepEqual(byPhone.items.map((i: { id: number }) => i.id), [s.id]);
    }
    // Other leaders of the unit, the dispatcher and the auditor still do not know.
    await hidden(w.lead1, 'another leader');
    await hidden(w.disp1, 'the dispatcher, after assigning');
    await hidden(w.auditor, 'the auditor, after assigning');
  });

  test('the audit trail does not name a resident who denounces, nor whom a conduct report is about', async () => {
    const resident = await createResident(t(), { phone: '+84915999000', name: 'Người Tố Cáo' });
    const d = await submitOk(t(), { unit: 'TC1', kind: 'denunciation', body: 'Bribes at the market board.' }, resident);
    const c = await submitOk(t(), { unit: 'TC1', kind: 'conduct_report', body: 'Rude.', reportedOfficial: w.hand1b.id }, resident);
    const q = await submitOk(t(), { unit: 'TC1', kind: 'question', body: 'A plain question.' }, resident);
    const events = (id: number) =>
      t().ctx.db.selectFrom('audit_events').select(['actor_id', 'actor_label', 'changes'])
        .where('subject_type', '=', 'petition').where('subject_id', '=', String(id)).execute();
    for (const id of [d.id, c.id]) {
      const trail = await events(id);
      assert.deepEqual(trail.map((e) => [e.actor_id, e.actor_label]), [[null, 'anonymous']]);
      assert.doesNotMatch(JSON.stringify(trail[0].changes), /reported/i);
    }
    assert.deepEqual((await events(q.id)).map((e) => e.actor_label), [`resident:${resident.id}`]);
  });

  test('a conduct report goes to the reported official\'s supervisors and never to the official', async () => {
    // The resident names an entry of the commune's staff directory.
    const s = await submitOk(t(), {
      unit: 'TC1',
      kind: 'conduct_report',
      body: 'The handler at the counter was rude and asked for a coffee.',
      reportedOfficial: w.hand1.id,
      resident: { name: 'Kiều', phone: '0916444555' },
    });
    const row = await t().ctx.db.selectFrom('petitions').select(['unit_id', 'reported_official_id']).where('id', '=', s.id).executeTakeFirstOrThrow();
    assert.equal(row.unit_id, w.units.TC1.id, 'routed to the unit of the official\'s grant');
    // Never visible to the official: not in lists, not by id, not by search, not by action.
    assert.equal((await call().get(w.hand1, s.id)).statusCode, 404);
    assert.equal((await call().act(w.hand1, s.id, { type: 'note', text: 'who is this' })).statusCode, 404);
    assert.ok(!(await listAll(w.hand1)).includes(s.id));
    assert.ok(!(await listAll(w.hand1, 'q=coffee')).includes(s.id));
    const file = await t().app.inject({ method: 'GET', url: `/api/v1/petitions/${s.id}/attachments/1`, headers: w.hand1.headers });
    assert.equal(file.statusCode, 404);
    // Dispatchers and reception officers do not receive conduct reports; the leaders do.
    assert.equal((await call().get(w.disp1, s.id)).statusCode, 404);
    assert.equal((await call().get(w.recep1, s.id)).statusCode, 404);
    assert.ok(!(await listAll(w.disp1)).includes(s.id));
    const seen = await call().get(w.lead1, s.id);
    assert.equal(seen.statusCode, 200);
    assert.deepEqual(seen.json().reportedOfficial, { id: w.hand1.id, name: 'Handler One' });
    assert.deepEqual(seen.json().petitioners, [], 'the reporter is protected like a denouncer');
    const notices = await t().ctx.db
      .selectFrom('official_notices')
      .select('account_id')
      .where('subject_id', '=', String(s.id))
      .where('template', '=', 'petition_conduct_report_official')
      .execute();
    assert.deepEqual(notices.map((n) => n.account_id).sort(), [w.lead1.id, w.lead1b.id].sort());
    // The reported official can be neither its handler nor its leader.
    await actOk(t(), w.lead1, s.id, { type: 'accept' });
    const self = await call().act(w.lead1, s.id, { type: 'assign', handler: w.hand1.id, leader: w.lead1.id, expectedResult: 'x' });
    assert.equal(self.statusCode, 400);
    assert.equal(self.json().error.code, 'reported_official_cannot_handle');
    await actOk(t(), w.lead1, s.id, { type: 'assign', handler: w.hand1b.id, leader: w.lead1.id, expectedResult: 'a talk with the official and an apology' });
    assert.equal((await call().get(w.hand1b, s.id)).statusCode, 200);
    assert.equal((await call().get(w.hand1, s.id)).statusCode, 404);
  });

  test('a conduct report about a leader goes to the unit above; the reported leader never sees it', async () => {
    const s = await submitOk(t(), {
      unit: 'TC1',
      kind: 'conduct_report',
      body: 'The chairman skipped the reception day again.',
      reportedOfficial: w.lead1.id,
      anonymous: true,
    });
    const v = await call().get(w.provLead, s.id);
    assert.equal(v.statusCode, 200);
    assert.equal(v.json().unit.code, 'TP');
    assert.equal((await call().get(w.lead1, s.id)).statusCode, 404);
    assert.equal((await call().get(w.lead1b, s.id)).statusCode, 404, 'a leader of the same commune is no supervisor');
    assert.equal((await call().get(w.provDisp, s.id)).statusCode, 404);
    // At the top of the tree it stays there, still hidden from the official it is about.
    const top = await submitOk(t(), { unit: 'TP', kind: 'conduct_report', body: 'x', reportedOfficial: w.provLead.id, anonymous: true });
    assert.equal((await call().get(w.provLead, top.id)).statusCode, 404);
    assert.equal((await call().get(w.auditor, top.id)).statusCode, 200);
  });

  test('nobody within the reported official’s reach steers a conduct report, and nobody can take over a handler’s account', async () => {
    // The report about the commune one leader goes to the province.
    const s = await submitOk(t(), {
      unit: 'TC1',
      kind: 'conduct_report',
      body: 'The chairman shouted at a widow at the reception day.',
      reportedOfficial: w.lead1.id,
      resident: { name: 'Đinh Thị Hoa', phone: '0916777888' },
    });
    await actOk(t(), w.provLead, s.id, { type: 'accept' });
    // The picker offers nobody the reported leader has power over, and the command takes nobody of them.
    const candidates = async (role: string) => (await t().app.inject({
      method: 'GET', url: `/api/v1/petitions/${s.id}/candidates?role=${role}`, headers: w.provLead.headers,
    })).json().items.map((c: { id: number }) => c.id) as number[];
    const handlers = await candidates('handler');
    assert.ok(handlers.includes(w.hand2.id), 'a handler of the other commune is offered');
    for (const o of [w.hand1, w.hand1b, w.disp1, w.lead1b, w.lead1]) assert.ok(!handlers.includes(o.id), `official ${o.id} is not offered`);
    assert.ok((await candidates('leader')).includes(w.provLead.id));
    // Not to a handler of the reported leader's own commune: the leader could change their account.
    const underLeader = await call().act(w.provLead, s.id, { type: 'assign', handler: w.hand1.id, leader: w.provLead.id, expectedResult: 'a finding' });
    assert.equal(underLeader.statusCode, 400, underLeader.body);
    assert.equal(underLeader.json().error.code, 'chosen_within_reported_reach');
    const back = await call().act(w.provLead, s.id, { type: 'transfer', toUnit: 'TC1', reason: 'theirs to look at' });
    assert.equal(back.statusCode, 400);
    assert.equal(back.json().error.code, 'transfer_within_reported_reach');
    await actOk(t(), w.provLead, s.id, { type: 'assign', handler: w.hand2.id, leader: w.provLead.id, expectedResult: 'a finding' });

    // The reported leader resets a commune handler's password: no working password reaches them.
    const communeHandler = await createOfficial(t(), { name: 'Commune Handler', phone: '+84912000111', roles: [{ unit: 'TC1', role: 'handler' }] });
    const reset = await t().app.inject({
      method: 'POST', url: `/api/v1/officials/${communeHandler.id}/actions`, headers: w.lead1.headers, payload: { type: 'reset_password' },
    });
    assert.equal(reset.statusCode, 200, reset.body);
    const code = (await t().ctx.db.selectFrom('notification_outbox').select('params').where('recipient', '=', '+84912000111').executeTakeFirstOrThrow()).params as { code: string };
    assert.doesNotMatch(reset.body, new RegExp(code.code));
    const asHandler = await t().app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: communeHandler.username, password: communeHandler.password } });
    assert.equal(asHandler.statusCode, 401, 'the old password is gone too');
    assert.equal((await call().get(w.lead1, s.id)).statusCode, 404);
    const handler = (await call().get(w.hand2, s.id)).json();
    assert.equal(handler.identityHidden, false, 'the handler outside their reach knows the reporter');
  });

  test('officials whose account the reported official can change may not act on the report', async () => {
    // A report about a province leader stays at the province, where a fellow leader reads it.
    const fellow = await createOfficial(t(), { name: 'Province Deputy Leader', roles: [{ unit: 'TP', role: 'leader' }] });
    const s = await submitOk(t(), { unit: 'TP', kind: 'conduct_report', body: 'The leader takes gifts at the reception day.', reportedOfficial: w.provLead.id });
    const view = await call().get(fellow, s.id);
    assert.equal(view.statusCode, 200);
    assert.deepEqual(view.json().abilities, [], 'the fellow leader sees it but may do nothing');
    const refused = await call().act(fellow, s.id, { type: 'accept' }, 'vi');
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.code, 'conduct_report_within_reach');
    assert.match(refused.json().error.message, /cấp trên/);
    // A report about a handler is steered by the commune's leaders as before.
    const h = await submitOk(t(), { unit: 'TC1', kind: 'conduct_report', body: 'Rude at the counter.', reportedOfficial: w.hand1b.id });
    assert.ok((await call().get(w.lead1, h.id)).json().abilities.includes('accept'));
  });

  test('the list shows exactly the petitions each official may open', async () => {
    // A few more, across the tree and states.
    await submitOk(t(), { unit: 'TV2', kind: 'question', body: 'village two' });
    await submitOk(t(), { unit: 'TC2', kind: 'complaint', body: 'commune two', resident: { name: 'A', address: 'B' } });
    await submitOk(t(), { unit: 'TP', kind: 'suggestion', body: 'province' });
    const all = await t().ctx.db.selectFrom('petitions').select('id').execute();
    const officials = [w.disp1, w.lead1, w.lead1b, w.hand1, w.hand1b, w.recep1, w.disp2, w.lead2, w.hand2, w.provDisp, w.provLead, w.auditor];
    for (const who of officials) {
      const listed = (await listAll(who)).sort((a, b) => a - b);
      const openable: number[] = [];
      for (const { id } of all) if ((await call().get(who, id)).statusCode === 200) openable.push(id);
      assert.deepEqual(listed, openable.sort((a, b) => a - b), `official ${who.id}`);
    }
  });

  test('phone and identity numbers written into a denunciation are masked for everybody who may not know who wrote it', async () => {
    const cn = await createWorld(t(), 'G', 'CN');
    const id = '520327199003151234';
    const mobile = '13812345678';
    const s = await submitOk(t(), {
      unit: 'GC1',
      kind: 'denunciation',
      body: `村干部截留低保金。举报人身份证号${id}，电话${mobile}，请勿泄露。`,
      resident: { name: '张某', phone: mobile },
    });
    const masked = '村干部截留低保金。举报人身份证号520*************34，电话138******78，请勿泄露。';
    for (const who of [cn.disp1, cn.lead1, cn.auditor]) {
      const view = await call().get(who, s.id);
      assert.equal(view.json().body, masked);
      assert.ok(!view.body.includes(id) && !view.body.includes(mobile));
      const list = await call().list(who, 'limit=100');
      assert.ok(list.json().items.some((i: { id: number; excerpt: string }) => i.id === s.id && i.excerpt === masked));
      assert.ok(!list.body.includes(id) && !list.body.includes(mobile));
      assert.ok(!(await listAll(who, `q=${id}`)).includes(s.id), 'the number is not in the search index');
    }
    await actOk(t(), cn.disp1, s.id, { type: 'accept' });
    await actOk(t(), cn.disp1, s.id, { type: 'assign', handler: cn.hand1.id, leader: cn.lead1b.id, expectedResult: '核查结论' });
    await actOk(t(), cn.hand1, s.id, { type: 'start' });
    // The case's handler and responsible leader read it as it was written.
    for (const who of [cn.hand1, cn.lead1b]) assert.match((await call().get(who, s.id)).json().body, new RegExp(id));
    await actOk(t(), cn.hand1, s.id, { type: 'answer', text: `已核实，已与举报人（${mobile}）联系。` });
    const track = (await call().track(s.trackingCode)).json();
    assert.equal(track.answer.text, '已核实，已与举报人（138******78）联系。', 'the public tracking page masks the answer');
    // A question is not protected: whoever sees it sees who sent it, and the text as written.
    const q = await submitOk(t(), { unit: 'GC1', kind: 'question', body: `请回电${mobile}`, resident: { name: '李四', phone: mobile } });
    assert.equal((await call().get(cn.disp1, q.id)).json().body, `请回电${mobile}`);
  });
}, testOptions);
