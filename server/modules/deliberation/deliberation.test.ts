import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend, type TestApp } from '../../test/server.ts';
import { createOfficial, createResident, createSmallTree } from '../../test/factories.ts';

type Headers = Record<string, string>;

describeEachBackend('deliberation: a matter through its stages', (t) => {
  const post = (url: string, headers: Headers | undefined, payload: unknown) => t().app.inject({ method: 'POST', url, headers, payload: payload as object });
  const act = (id: number, headers: Headers | undefined, payload: Record<string, unknown>) => post(`/api/v1/matters/${id}/actions`, headers, payload);

  async function setup(t: TestApp, prefix: string) {
    await createSmallTree(t.ctx.db, prefix);
    const secretary = await createOfficial(t, { roles: [{ unit: `${prefix}V1`, role: 'council_secretary' }] });
    const commune = await createOfficial(t, { roles: [{ unit: `${prefix}C1`, role: 'leader' }] });
    const group = await t.app.inject({ method: 'POST', url: `/api/v1/units/${prefix}V1/subunits`, headers: commune.headers, payload: { name: 'Tổ 1', level: 'group' } });
    assert.equal(group.statusCode, 201, group.body);
    const members = ['A', 'B', 'C', 'D', 'E'].map((n, i) => ({ name: `Member ${n}`, role: i === 0 ? 'chair' : i === 1 ? 'secretary' : 'member', electedOn: '2025-01-01', termUntil: '2029-12-31' }));
    const council = await t.app.inject({
      method: 'POST',
      url: '/api/v1/councils',
      headers: secretary.headers,
      payload: { unit: group.json().code, kind: 'group_council', name: 'Hội đồng tổ 1', cosignersRequired: 3, members },
    });
    assert.equal(council.statusCode, 201, council.body);
    return { secretary, commune, group: group.json().code as string, council: council.json() };
  }

  it('proposal → evaluation → review → resolution → implementation → inspection → completed, each step audited', async () => {
    const { secretary, commune, group, council } = await setup(t(), 'DA');
    assert.deepEqual(council.unit, { code: group, name: 'Tổ 1' });
    assert.equal(council.members.length, 5);
    assert.deepEqual(council.quorum, { num: 1, den: 2, strict: true });
    const ids = council.members.map((m: { id: number }) => m.id);

    const proposed = await post(`/api/v1/councils/${council.id}/matters`, secretary.headers, {
      content: 'development',
      title: 'Bê tông hoá đường xóm',
      proposer: 'residents',
      proposerName: 'Nguyễn Văn A',
      cosigners: ['B', 'C', 'D'],
      documents: [{ title: 'Dự toán', url: 'https://example.vn/du-toan.pdf' }],
    });
    assert.equal(proposed.statusCode, 201, proposed.body);
    const m = proposed.json();
    assert.equal(m.stage, 'proposal');
    assert.equal(m.cosigners, 3);
    assert.equal(m.documents.length, 1);

    // A skipped stage: straight to the resolution.
    const skipped = await act(m.id, secretary.headers, { type: 'resolve', heldOn: '2026-03-01', present: ids, for: 5, against: 0, abstain: 0 });
    assert.equal(skipped.statusCode, 409);
    assert.equal(skipped.json().error.code, 'matter_stage');

    assert.equal((await act(m.id, secretary.headers, { type: 'open_evaluation' })).json().stage, 'evaluation');
    const resident = await createResident(t());
    const commented = await act(m.id, resident.headers, { type: 'comment', body: 'Đồng ý, xin làm trước mùa mưa' });
    assert.equal(commented.statusCode, 200, commented.body);
    assert.equal((await act(m.id, secretary.headers, { type: 'evaluate', member: ids[2], body: 'Khả thi' })).statusCode, 200);
    const evaluated = (await t().app.inject({ url: `/api/v1/matters/${m.id}` })).json();
    assert.deepEqual(evaluated.comments.map((c: { kind: string }) => c.kind), ['comment', 'evaluation']);
    assert.equal(evaluated.comments[0].author, '', 'a resident\'s name is not public');

    // The secretary may not review; the commune's leader may.
    assert.equal((await act(m.id, secretary.headers, { type: 'submit_for_review' })).json().stage, 'review');
    assert.equal((await act(m.id, secretary.headers, { type: 'review', outcome: 'approved' })).statusCode, 403);
    const noReason = await act(m.id, commune.headers, { type: 'review', outcome: 'returned' });
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().error.code, 'review_reason_required');
    const returned = await act(m.id, commune.headers, { type: 'review', outcome: 'returned', reason: 'Thiếu dự toán chi tiết' });
    assert.equal(returned.json().stage, 'proposal');
    assert.equal(returned.json().revision, 2);
    await act(m.id, secretary.headers, { type: 'open_evaluation' });
    await act(m.id, secretary.headers, { type: 'submit_for_review' });
    assert.equal((await act(m.id, commune.headers, { type: 'review', outcome: 'approved' })).json().stage, 'resolution');

    // Without quorum: 2 of 5 present is not more than half.
    const before = await t().ctx.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const noQuorum = await act(m.id, secretary.headers, { type: 'resolve', heldOn: '2026-03-01', present: ids.slice(0, 2), for: 2, against: 0, abstain: 0 });
    assert.equal(noQuorum.statusCode, 422);
    assert.equal(noQuorum.json().error.code, 'quorum_not_met');
    const badSum = await act(m.id, secretary.headers, { type: 'resolve', heldOn: '2026-03-01', present: ids.slice(0, 3), for: 1, against: 0, abstain: 0 });
    assert.equal(badSum.json().error.code, 'votes_do_not_add_up');
    const after = await t().ctx.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n), 'nothing is recorded on a refusal');
    assert.equal((await t().app.inject({ url: `/api/v1/matters/${m.id}` })).json().stage, 'resolution');

    const resolved = await act(m.id, secretary.headers, { type: 'resolve', heldOn: '2026-03-01', present: ids.slice(0, 4), for: 3, against: 1, abstain: 0, minutes: 'Biên bản' });
    assert.equal(resolved.statusCode, 200, resolved.body);
    assert.equal(resolved.json().stage, 'implementation');
    assert.equal(resolved.json().meeting.passed, true);
    assert.deepEqual(resolved.json().meeting.present, ['Member A', 'Member B', 'Member C', 'Member D']);

    const tasked = await act(m.id, secretary.headers, { type: 'add_task', title: 'Đổ bê tông 200 m', owner: 'Tổ trưởng', dueOn: '2026-04-30' });
    const task = tasked.json().tasks[0].id;
    assert.equal((await act(m.id, secretary.headers, { type: 'submit_for_inspection' })).json().error.code, 'tasks_not_done');
    await act(m.id, secretary.headers, { type: 'report_progress', task, progress: 60, spent: 30000000, photos: ['https://example.vn/p1.jpg'], note: 'Đã đổ 120 m' });
    await act(m.id, secretary.headers, { type: 'report_progress', task, progress: 100, spent: 20000000 });
    assert.equal((await act(m.id, secretary.headers, { type: 'submit_for_inspection' })).json().stage, 'inspection');

    const contested = await act(m.id, resident.headers, { type: 'inspect', verdicts: [{ task, verdict: 'contested', note: 'Mặt đường nứt' }] });
    assert.equal(contested.json().stage, 'implementation');
    assert.equal(contested.json().tasks[0].status, 'contested');
    await act(m.id, secretary.headers, { type: 'report_progress', task, progress: 100, note: 'Đã sửa' });
    await act(m.id, secretary.headers, { type: 'submit_for_inspection' });
    const done = await act(m.id, resident.headers, { type: 'inspect', verdicts: [{ task, verdict: 'accepted' }] });
    assert.equal(done.json().stage, 'completed');
    assert.equal(done.json().tasks[0].spent, '50000000.00');
    assert.equal(done.json().tasks[0].reports.length, 3);

    const audit = await t().ctx.db.selectFrom('audit_events').select('action').where('subject_type', '=', 'matter').where('subject_id', '=', String(m.id)).orderBy('seq').execute();
    assert.equal(audit[0].action, 'matter.proposed');
    assert.ok(audit.some((a) => a.action === 'matter.resolve'));
    assert.equal(audit.at(-1)!.action, 'matter.inspect');

    const figures = (await t().app.inject({ url: `/api/v1/deliberation/figures?unit=DAC1` })).json();
    assert.deepEqual(figures.unit, { code: 'DAC1', name: 'DA Commune One' });
    assert.equal(figures.councils, 1);
    assert.equal(figures.members, 5);
    assert.equal(figures.mattersByContent.development, 1);
    assert.equal(figures.mattersByStage.completed, 1);
    assert.equal(figures.resolutionsPassed, 1);
    assert.equal(figures.tasksDone, 1);
    assert.equal(figures.inspectionsAccepted, 1);
    assert.equal(figures.inspectionsContested, 1);
    assert.equal((await t().app.inject({ url: `/api/v1/deliberation/figures?unit=DAC2` })).json().matters, 0);
    const list = (await t().app.inject({ url: `/api/v1/matters?unit=${group}` })).json();
    assert.equal(list.items.length, 1);
    assert.deepEqual(list.items[0].unit, { code: group, name: 'Tổ 1' });
    assert.deepEqual((await t().app.inject({ url: `/api/v1/matters/${m.id}` })).json().unit, { code: group, name: 'Tổ 1' });
  });

  it('refuses too few co-signers, a stranger\'s council, a failed vote ends the matter', async () => {
    const { secretary, council } = await setup(t(), 'DB');
    const other = await createOfficial(t(), { roles: [{ unit: 'DBV2', role: 'council_secretary' }] });
    const few = await post(`/api/v1/councils/${council.id}/matters`, secretary.headers, { content: 'law', title: 'X', proposer: 'residents', proposerName: 'A', cosigners: ['B'] });
    assert.equal(few.statusCode, 400);
    assert.equal(few.json().error.code, 'too_few_cosigners');
    assert.equal((await post(`/api/v1/councils/${council.id}/matters`, other.headers, { content: 'law', title: 'X', proposer: 'member', member: council.members[0].id })).statusCode, 403);
    const m = (await post(`/api/v1/councils/${council.id}/matters`, secretary.headers, { content: 'customs', title: 'Tiệc cưới tiết kiệm', proposer: 'member', member: council.members[0].id })).json();
    assert.equal(m.proposerName, 'Member A');
    const commune = await createOfficial(t(), { roles: [{ unit: 'DBC1', role: 'leader' }] });
    await act(m.id, secretary.headers, { type: 'open_evaluation' });
    await act(m.id, secretary.headers, { type: 'submit_for_review' });
    await act(m.id, commune.headers, { type: 'review', outcome: 'approved' });
    const ids = council.members.map((x: { id: number }) => x.id);
    const failed = await act(m.id, secretary.headers, { type: 'resolve', heldOn: '2026-03-01', present: ids, for: 2, against: 2, abstain: 1 });
    assert.equal(failed.json().stage, 'not_passed');
    assert.equal((await act(m.id, secretary.headers, { type: 'add_task', title: 'x', owner: 'y', dueOn: '2026-05-01' })).statusCode, 409);
    const rejected = (await post(`/api/v1/councils/${council.id}/matters`, secretary.headers, { content: 'harmony', title: 'Y', proposer: 'member', member: ids[1] })).json();
    await act(rejected.id, secretary.headers, { type: 'open_evaluation' });
    await act(rejected.id, secretary.headers, { type: 'submit_for_review' });
    const r = await act(rejected.id, commune.headers, { type: 'review', outcome: 'rejected', reason: 'Trái pháp luật' });
    assert.equal(r.json().stage, 'rejected');
    assert.deepEqual(r.json().review, { outcome: 'rejected', reason: 'Trái pháp luật' });
    const f = (await t().app.inject({ url: `/api/v1/deliberation/figures?unit=DBP` })).json();
    assert.equal(f.resolutionsFailed, 1);
    assert.equal(f.mattersByStage.rejected, 1);
  });

  it('a follower is told by SMS when the matter moves; documents are added by staff only', async () => {
    const { secretary, council } = await setup(t(), 'DC');
    const m = (await post(`/api/v1/councils/${council.id}/matters`, secretary.headers, { content: 'development', title: 'Đèn đường', proposer: 'member', member: council.members[0].id })).json();
    const resident = await createResident(t(), { phone: '+84912777001' });
    const followed = await t().app.inject({ method: 'PUT', url: `/api/v1/matters/${m.id}/follow`, headers: resident.headers });
    assert.equal(followed.statusCode, 200, followed.body);
    assert.equal(followed.json().following, true);
    assert.equal((await t().app.inject({ method: 'PUT', url: `/api/v1/matters/${m.id}/follow`, headers: secretary.headers })).statusCode, 403);
    await act(m.id, secretary.headers, { type: 'open_evaluation' });
    const sms = await t().ctx.db.selectFrom('notification_outbox').select(['template', 'params']).where('recipient', '=', '+84912777001').execute();
    assert.deepEqual(sms.map((r) => r.template), ['matter_stage_changed']);
    assert.equal((sms[0].params as unknown as { stage: string }).stage, 'evaluation');
    // A comment (no stage change) tells nobody.
    await act(m.id, resident.headers, { type: 'comment', body: 'Nên lắp đèn năng lượng mặt trời' });
    assert.equal((await t().ctx.db.selectFrom('notification_outbox').select('id').where('recipient', '=', '+84912777001').execute()).length, 1);
    await t().app.inject({ method: 'DELETE', url: `/api/v1/matters/${m.id}/follow`, headers: resident.headers });
    await act(m.id, secretary.headers, { type: 'submit_for_review' });
    assert.equal((await t().ctx.db.selectFrom('notification_outbox').select('id').where('recipient', '=', '+84912777001').execute()).length, 1);

    const doc = await post(`/api/v1/matters/${m.id}/documents`, secretary.headers, { title: 'Bản vẽ', url: 'https://example.vn/ban-ve.pdf' });
    assert.equal(doc.statusCode, 200, doc.body);
    assert.deepEqual(doc.json().documents.map((d: { title: string }) => d.title), ['Bản vẽ']);
    assert.equal((await post(`/api/v1/matters/${m.id}/documents`, resident.headers, { title: 'X', url: 'https://example.vn/x.pdf' })).statusCode, 403);
    // The comment period has an end: after it, residents' comments are refused.
    const late = (await post(`/api/v1/councils/${council.id}/matters`, secretary.headers, { content: 'law', title: 'Quy ước', proposer: 'member', member: council.members[1].id })).json();
    await act(late.id, secretary.headers, { type: 'open_evaluation' });
    t().clock.advance(8 * 86_400_000);
    const closed = await act(late.id, (await createResident(t())).headers, { type: 'comment', body: 'Muộn' });
    assert.equal(closed.statusCode, 409);
    assert.equal(closed.json().error.code, 'comment_period_closed');
  });

  it('a resident proposes with co-signers; too few are refused; officials record proposals elsewhere', async () => {
    const { secretary, council } = await setup(t(), 'DD');
    const resident = await createResident(t(), { name: 'Trần Văn Sơn' });
    const propose = (headers: Record<string, string>, cosigners: string[]) =>
      post(`/api/v1/councils/${council.id}/resident-proposals`, headers, { content: 'harmony', title: 'Hoà giải tranh chấp lối đi', cosigners });
    const few = await propose(resident.headers, ['A']);
    assert.equal(few.statusCode, 400);
    assert.equal(few.json().error.code, 'too_few_cosigners');
    const ok = await propose(resident.headers, ['A', 'B', 'C']);
    assert.equal(ok.statusCode, 201, ok.body);
    assert.deepEqual([ok.json().proposer, ok.json().proposerName, ok.json().cosigners, ok.json().stage], ['residents', 'Trần Văn Sơn', 3, 'proposal']);
    assert.equal((await propose(secretary.headers, ['A', 'B', 'C'])).statusCode, 403);
    const audit = await t().ctx.db.selectFrom('audit_events').select('actor_label').where('subject_type', '=', 'matter').where('subject_id', '=', String(ok.json().id)).executeTakeFirstOrThrow();
    assert.equal(audit.actor_label, `resident:${resident.id}`);
  });
});
