import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { createOfficial, createResident, createSmallTree } from '../../test/factories.ts';

const electorate = ['ref,name,phone', 'H01,Hộ ông Nguyễn Văn An,0912000001', 'H02,Hộ bà Trần Thị Bình,0912000002', 'H03,Hộ ông Lê Văn Cường,0912000003', 'H04,Hộ bà Phạm Thị Dung,'].join('\n');

describeEachBackend('consultations: Block 10 chooses a cemetery site', (t) => {
  const post = (url: string, headers: Record<string, string> | undefined, payload: object) => t().app.inject({ method: 'POST', url, headers, payload });
  const codeFor = async (phone: string) => {
    const row = await t().ctx.db.selectFrom('notification_outbox').select('params').where('recipient', '=', phone).where('template', '=', 'consultation_vote_code').orderBy('id', 'desc').executeTakeFirstOrThrow();
    return (row.params as unknown as { code: string }).code;
  };
  const counts = async () => {
    const [b, v, a] = await Promise.all([
      t().ctx.db.selectFrom('consultation_ballots').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      t().ctx.db.selectFrom('consultation_voters').select((eb) => eb.fn.count<number>('voted_at').as('n')).executeTakeFirstOrThrow(),
      t().ctx.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return [Number(b.n), Number(v.n), Number(a.n)];
  };

  it('three sites, an imported electorate, votes by code and on paper; the tally equals the ballots and the audit trail', async () => {
    await createSmallTree(t().ctx.db, 'KA');
    const staff = await createOfficial(t(), { roles: [{ unit: 'KAV1', role: 'council_secretary' }] });
    const created = await post('/api/v1/consultations', staff.headers, {
      unit: 'KAV1',
      title: 'Chọn địa điểm di dời nghĩa trang',
      electorate: 'household',
      closesAt: '2026-03-10T10:00:00Z',
      options: [
        { title: 'Vùng Cồn Cát', placeName: 'Cồn Cát', lat: 18.67, lng: 105.63, documents: [{ title: 'Bản đồ', url: 'https://example.vn/a.pdf' }] },
        { title: 'Đồng Bàu', lat: 18.68, lng: 105.64 },
        { title: 'Rú Cồn', lat: 18.66, lng: 105.62 },
      ],
    });
    assert.equal(created.statusCode, 201, created.body);
    const k = created.json();
    assert.equal(k.status, 'draft');
    assert.deepEqual(k.unit, { code: 'KAV1', name: 'KA Village One' });
    assert.equal(k.options[0].documents.length, 1);
    const [o1, o2, o3] = k.options.map((o: { id: number }) => o.id);
    assert.equal((await t().app.inject({ url: `/api/v1/consultations/${k.id}` })).statusCode, 404, 'a draft is not public');
    assert.deepEqual((await t().app.inject({ url: '/api/v1/consultations?unit=KAP' })).json().items, [], 'nor listed');
    assert.equal((await t().app.inject({ url: '/api/v1/consultations?unit=KAP', headers: staff.headers })).json().items.length, 1, 'but its staff see it');

    assert.equal((await post(`/api/v1/consultations/${k.id}/actions`, staff.headers, { type: 'open' })).json().error.code, 'consultation_empty_electorate');
    const bad = await post(`/api/v1/consultations/${k.id}/electorate`, staff.headers, { csv: 'ref,name,phone\nH01,A,not-a-phone' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'electorate_csv');
    const imported = await post(`/api/v1/consultations/${k.id}/electorate`, staff.headers, { csv: electorate });
    assert.deepEqual(imported.json(), { added: 4, updated: 0, total: 4 });
    assert.equal((await post(`/api/v1/consultations/${k.id}/actions`, staff.headers, { type: 'open' })).json().status, 'open');
    const follower = await createResident(t());
    const followed = await t().app.inject({ method: 'PUT', url: `/api/v1/consultations/${k.id}/follow`, headers: follower.headers });
    assert.equal(followed.json().following, true);
    assert.equal((await post(`/api/v1/consultations/${k.id}/electorate`, staff.headers, { csv: electorate })).statusCode, 409);

    // Outside the electorate: no code, no vote.
    const outsider = await post(`/api/v1/consultations/${k.id}/codes`, undefined, { phone: '0912999999' });
    assert.equal(outsider.statusCode, 403);
    assert.equal(outsider.json().error.code, 'not_in_electorate');

    for (const [phone, option] of [['+84912000001', o1], ['+84912000002', o1], ['+84912000003', o2]] as const) {
      assert.equal((await post(`/api/v1/consultations/${k.id}/codes`, undefined, { phone: phone.replace('+84', '0') })).statusCode, 200);
      const vote = await post(`/api/v1/consultations/${k.id}/votes`, undefined, { phone, code: await codeFor(phone), option });
      assert.equal(vote.statusCode, 200, vote.body);
      assert.equal(vote.json().receipt, null, 'no receipt where votes cannot change');
    }
    const paper = await post(`/api/v1/consultations/${k.id}/paper-ballots`, staff.headers, { voter: 'H04', option: o3 });
    assert.equal(paper.statusCode, 200, paper.body);

    // Refusals change nothing.
    const before = await counts();
    await post(`/api/v1/consultations/${k.id}/codes`, undefined, { phone: '0912000001' }).then((r) => assert.equal(r.json().error.code, 'already_voted'));
    const wrong = await post(`/api/v1/consultations/${k.id}/votes`, undefined, { phone: '0912000001', code: '000000', option: o2 });
    assert.equal(wrong.statusCode, 400);
    assert.equal((await post(`/api/v1/consultations/${k.id}/paper-ballots`, staff.headers, { voter: 'H01', option: o2 })).json().error.code, 'already_voted');
    assert.equal((await post(`/api/v1/consultations/${k.id}/paper-ballots`, staff.headers, { voter: 'H99', option: o2 })).json().error.code, 'not_in_electorate');
    assert.equal((await post(`/api/v1/consultations/${k.id}/votes`, undefined, { phone: '0912999999', code: '123456', option: o2 })).statusCode, 403);
    assert.deepEqual(await counts(), before);

    const turnout = (await t().app.inject({ url: `/api/v1/consultations/${k.id}/turnout`, headers: staff.headers })).json();
    assert.deepEqual(turnout, { electorate: 4, voted: 4, byChannel: { code: 3, paper: 1 }, ballots: 4 });
    assert.equal((await t().app.inject({ url: `/api/v1/consultations/${k.id}/results` })).json().error.code, 'results_after_close');
    assert.equal((await t().app.inject({ url: `/api/v1/consultations/${k.id}` })).json().results, null);

    // The ballots name no voter.
    const ballots = await t().ctx.db.selectFrom('consultation_ballots').selectAll().execute();
    assert.deepEqual(Object.keys(ballots[0]).sort(), ['consultation_id', 'id', 'option_id', 'receipt_hash']);

    assert.equal((await post(`/api/v1/consultations/${k.id}/actions`, staff.headers, { type: 'close' })).json().status, 'closed');
    const results = (await t().app.inject({ url: `/api/v1/consultations/${k.id}/results` })).json();
    assert.deepEqual(results.tally.map((r: { votes: number }) => r.votes), [2, 1, 1]);
    assert.equal(results.tally.reduce((s: number, r: { votes: number }) => s + r.votes, 0), results.ballots);
    assert.deepEqual(results.fromAudit, results.tally.map((r: { option: number; votes: number }) => ({ option: r.option, votes: r.votes })));

    // After close: no vote.
    const late = await post(`/api/v1/consultations/${k.id}/paper-ballots`, staff.headers, { voter: 'H04', option: o1 });
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().error.code, 'consultation_not_open');
    assert.deepEqual(await counts().then((c) => c.slice(0, 2)), before.slice(0, 2));
    const figures = (await t().app.inject({ url: '/api/v1/deliberation/figures?unit=KAP' })).json();
    assert.deepEqual([figures.consultations, figures.electorate, figures.voted], [1, 4, 4]);
  });

  it('a changeable vote changes with its receipt until close; after the closing time nobody votes', async () => {
    await createSmallTree(t().ctx.db, 'KB');
    const staff = await createOfficial(t(), { roles: [{ unit: 'KBV1', role: 'leader' }] });
    const k = (await post('/api/v1/consultations', staff.headers, { unit: 'KBV1', title: 'Giờ họp', electorate: 'resident', changeable: true, closesAt: '2026-03-02T03:00:00Z', options: [{ title: 'Sáng' }, { title: 'Tối' }] })).json();
    await post(`/api/v1/consultations/${k.id}/electorate`, staff.headers, { csv: 'ref,name,phone\nR1,An,0912000011' });
    await post(`/api/v1/consultations/${k.id}/actions`, staff.headers, { type: 'open' });
    const [a, b] = k.options.map((o: { id: number }) => o.id);
    await post(`/api/v1/consultations/${k.id}/codes`, undefined, { phone: '0912000011' });
    const first = (await post(`/api/v1/consultations/${k.id}/votes`, undefined, { phone: '0912000011', code: await codeFor('+84912000011'), option: a })).json();
    assert.ok(first.receipt);
    await post(`/api/v1/consultations/${k.id}/codes`, undefined, { phone: '0912000011' });
    const noReceipt = await post(`/api/v1/consultations/${k.id}/votes`, undefined, { phone: '0912000011', code: await codeFor('+84912000011'), option: b });
    assert.equal(noReceipt.json().error.code, 'receipt_required');
    const changed = await post(`/api/v1/consultations/${k.id}/votes`, undefined, { phone: '0912000011', code: await codeFor('+84912000011'), option: b, receipt: first.receipt });
    assert.deepEqual(changed.json(), { receipt: first.receipt, changed: true });
    t().clock.set(new Date('2026-03-02T03:00:00Z'));
    const late = await post(`/api/v1/consultations/${k.id}/codes`, undefined, { phone: '0912000011' });
    assert.equal(late.json().error.code, 'consultation_not_open');
    const results = (await t().app.inject({ url: `/api/v1/consultations/${k.id}/results` })).json();
    assert.deepEqual(results.tally.map((r: { votes: number }) => r.votes), [0, 1]);
    assert.deepEqual(results.fromAudit.map((r: { votes: number }) => r.votes), [0, 1]);
  });
});
