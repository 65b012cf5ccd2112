/**
 * Merging must not carry a denouncer's identity or a conduct report into a case that others
 * (or the official reported) see.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../../test/server.ts';
import { createOfficial } from '../../../test/factories.ts';
import { actOk, api, submitOk, testOptions, worldFor } from '../petitions.testing.ts';

describeEachBackend('merging and confidentiality', (t) => {
  const w = worldFor(t);
  const call = () => api(t());

  test('a denunciation merges only with denunciations: its denouncer is never named in a plain case', async () => {
    const denouncer = { name: 'Lò Văn Kín', phone: '0915000111' };
    const d = await submitOk(t(), { unit: 'TC1', kind: 'denunciation', body: 'The market board takes bribes.', resident: denouncer });
    const q = await submitOk(t(), { unit: 'TC1', kind: 'complaint', body: 'The market fees went up.', resident: { name: 'Other', phone: '0915000222' } });
    for (const [from, into] of [[d.id, q.id], [q.id, d.id]]) {
      const res = await call().act(w.disp1, from, { type: 'merge', into });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, 'merge_protected_kind');
    }
    const view = await call().get(w.disp1, q.id);
    assert.ok(!view.body.includes('Lò Văn Kín') && !view.body.includes('915000111'), 'the dispatcher does not learn the denouncer');

    // Two denunciations of the same matter do merge, and the case still hides both denouncers.
    const d2 = await submitOk(t(), { unit: 'TC1', kind: 'denunciation', body: 'Bribes at the market, again.', resident: { name: 'Hà Thị Kín', phone: '0915000333' } });
    await actOk(t(), w.disp1, d2.id, { type: 'merge', into: d.id });
    const kase = (await call().get(w.disp1, d.id)).json();
    assert.equal(kase.identityHidden, true);
    assert.deepEqual(kase.petitioners, []);
  });

  test('a conduct report merges only with conduct reports about the same official', async () => {
    const c1 = await submitOk(t(), { unit: 'TC1', kind: 'conduct_report', body: 'Rude at the counter.', reportedOfficial: w.hand1.id, anonymous: true });
    const c2 = await submitOk(t(), { unit: 'TC1', kind: 'conduct_report', body: 'Asked for money.', reportedOfficial: w.hand1b.id, anonymous: true });
    const plain = await submitOk(t(), { unit: 'TC1', kind: 'question', body: 'When is the counter open?', anonymous: true });
    // Into a question the reported handler could handle, the report would reach them.
    for (const [from, into] of [[c1.id, plain.id], [plain.id, c1.id], [c1.id, c2.id]]) {
      const res = await call().act(w.lead1, from, { type: 'merge', into });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, 'merge_protected_kind');
    }
    const c3 = await submitOk(t(), { unit: 'TC1', kind: 'conduct_report', body: 'Rude again.', reportedOfficial: w.hand1.id, anonymous: true });
    await actOk(t(), w.lead1, c3.id, { type: 'merge', into: c1.id });
    assert.equal((await call().get(w.hand1, c1.id)).statusCode, 404);
  });

  test('an auditor only reads: no petition recorded on a resident\'s behalf, no action, no file', async () => {
    const recorded = await call().submit({ unit: 'TC1', kind: 'question', channel: 'hotline', body: 'Called about the bridge.', anonymous: true }, w.auditor);
    assert.equal(recorded.statusCode, 403, recorded.body);
    const s = await submitOk(t(), { unit: 'TC1', kind: 'question', body: 'The bridge is broken.', anonymous: true });
    assert.equal((await call().get(w.auditor, s.id)).statusCode, 200);
    assert.deepEqual((await call().get(w.auditor, s.id)).json().abilities, []);
    for (const payload of [{ type: 'accept' }, { type: 'note', text: 'x' }, { type: 'reject', reason: 'x' }]) {
      assert.equal((await call().act(w.auditor, s.id, payload)).statusCode, 403, JSON.stringify(payload));
    }
    const file = await t().app.inject({
      method: 'POST',
      url: `/api/v1/petitions/${s.id}/attachments?filename=a.pdf`,
      headers: { ...w.auditor.headers, 'content-type': 'application/pdf' },
      payload: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    assert.equal(file.statusCode, 403);
  });

  test('a conduct report is never transferred to where the reported official leads, and escalated past them unseen', async () => {
    // Works at commune one, leads commune two: the report goes to commune one.
    const y = await createOfficial(t(), { name: 'Two Hats', roles: [{ unit: 'TC1', role: 'handler' }, { unit: 'TC2', role: 'leader' }] });
    const c = await submitOk(t(), { unit: 'TC1', kind: 'conduct_report', body: 'Two Hats was rude.', reportedOfficial: y.id, anonymous: true });
    const notices = async () =>
      (await t().ctx.db.selectFrom('official_notices').select(['account_id', 'template']).where('subject_id', '=', String(c.id)).execute());
    const before = await call().get(w.lead1, c.id);
    const transfer = await call().act(w.lead1, c.id, { type: 'transfer', toUnit: 'TC2', reason: 'The official works for commune two.', version: before.json().version });
    assert.equal(transfer.statusCode, 400, transfer.body);
    assert.equal(transfer.json().error.code, 'transfer_within_reported_reach');
    const after = await call().get(w.lead1, c.id);
    assert.equal(after.json().version, before.json().version, 'nothing changed');
    assert.ok(!(await notices()).some((n) => n.account_id === w.lead2.id || n.account_id === y.id), 'commune two never hears of it');
    assert.equal((await call().get(y, c.id)).statusCode, 404);
    // Escalated from commune one to the province; then a second hat makes the reported official a
    // province leader too: a fellow leader of the province may then no longer act on it.
    await actOk(t(), w.lead1, c.id, { type: 'escalate', reason: 'The province decides.' });
    const told = await notices();
    assert.ok(told.some((n) => n.account_id === w.provLead.id && n.template === 'petition_escalated_official'), 'the province leaders hear of it');
    assert.ok(!told.some((n) => n.account_id === y.id), 'the reported official is not told');
    await t().ctx.db.insertInto('grants').values({ account_id: y.id, unit_id: w.units.TP.id, role: 'leader' }).execute();
    const note = await call().act(w.provLead, c.id, { type: 'note', text: 'Still watching.' });
    assert.equal(note.statusCode, 403, note.body);
    assert.equal(note.json().error.code, 'conduct_report_within_reach');
    assert.equal((await call().get(y, c.id)).statusCode, 404);
    assert.ok(!(await call().list(y, 'limit=100')).json().items.some((i: { id: number }) => i.id === c.id));
  });

  test("a denunciation's files go with the identity: only the handler, the leader and the resident get them", async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const d = await submitOk(t(), { unit: 'TC1', kind: 'denunciation', body: 'See my signed letter.', resident: { name: 'Mã Văn Thư', phone: '0915000444' } });
    const up = await t().app.inject({
      method: 'POST',
      url: `/api/v1/petitions/${d.id}/attachments?filename=don-to-cao-ma-van-thu.png`,
      headers: { 'content-type': 'image/png', 'x-access-key': d.accessKey },
      payload: png,
    });
    assert.equal(up.statusCode, 201, up.body);
    const fileId = up.json().id as number;
    const download = (headers: Record<string, string>) =>
      t().app.inject({ method: 'GET', url: `/api/v1/petitions/${d.id}/attachments/${fileId}`, headers });
    for (const who of [w.disp1, w.lead1, w.auditor]) {
      const view = await call().get(who, d.id);
      assert.equal(view.statusCode, 200);
      assert.deepEqual(view.json().attachments, []);
      assert.ok(!view.body.includes('ma-van-thu'));
      assert.equal((await download(who.headers)).statusCode, 404);
    }
    assert.equal((await download({ 'x-access-key': d.accessKey })).statusCode, 200, 'the resident keeps their file');
    await actOk(t(), w.disp1, d.id, { type: 'accept' });
    await actOk(t(), w.disp1, d.id, { type: 'assign', handler: w.hand1.id, leader: w.lead1b.id, expectedResult: 'a conclusion' });
    for (const who of [w.hand1, w.lead1b]) {
      assert.equal((await call().get(who, d.id)).json().attachments.length, 1);
      assert.equal((await download(who.headers)).statusCode, 200);
    }
    assert.equal((await download(w.disp1.headers)).statusCode, 404, 'the dispatcher still does not');
  });
}, testOptions);
