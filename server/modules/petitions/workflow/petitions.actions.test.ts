import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../../test/server.ts';
import { createAgency } from '../../../test/factories.ts';
import { actOk, api, petitionInProgress, submitOk, testOptions, worldFor } from '../petitions.testing.ts';

describeEachBackend('petition actions', (t) => {
  const w = worldFor(t);
  const call = () => api(t());

  test('a petition goes received → accepted → assigned → in progress → answered → closed', async () => {
    const s = await submitOk(t(), {
      unit: 'TC1',
      kind: 'question',
      body: 'Can I level forest land to build a house?',
      resident: { name: 'Lê Văn Cường', phone: '0912 345 678' },
    });
    assert.equal(s.status, 'received');
    let v = await actOk(t(), w.disp1, s.id, { type: 'accept' });
    assert.equal(v.status, 'accepted');
    assert.ok(v.acceptedAt);
    v = await actOk(t(), w.disp1, s.id, {
      type: 'assign',
      handler: w.hand1.id,
      leader: w.lead1.id,
      expectedResult: 'an answer naming the procedure and the office',
    });
    assert.equal(v.status, 'assigned');
    v = await actOk(t(), w.hand1, s.id, { type: 'start' });
    assert.equal(v.status, 'in_progress');
    v = await actOk(t(), w.hand1, s.id, { type: 'answer', text: 'Apply to the land registry for a change of land use.', publish: true });
    assert.equal(v.status, 'answered');
    assert.equal(v.answer.text, 'Apply to the land registry for a change of land use.');
    assert.equal(v.answer.onTheSpot, false);
    assert.equal(v.resolved, true);
    assert.equal(v.resolvedOnTime, true);
    v = await actOk(t(), w.disp1, s.id, { type: 'close' });
    assert.equal(v.status, 'closed');
    assert.deepEqual(
      v.timeline.map((e: { type: string }) => e.type),
      ['submitted', 'accepted', 'assigned', 'started', 'answered', 'closed'],
    );
    // Each step is in the audit chain of the petition.
    const audit = await t().ctx.db
      .selectFrom('audit_events')
      .select(['action', 'seq'])
      .where('subject_type', '=', 'petition')
      .where('subject_id', '=', String(s.id))
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['petition.submit', 'petition.accept', 'petition.assign', 'petition.start', 'petition.answer', 'petition.close'],
    );
  });

  test('transitions the state does not allow answer 409 with a clear message', async () => {
    const s = await submitOk(t(), { unit: 'TC1', kind: 'complaint', body: 'The fence was built on my land.', resident: { name: 'Phạm Dũng', address: 'Xóm 3' } });
    // received: a handler cannot start, nobody can close or extend
    const early = await call().act(w.disp1, s.id, { type: 'close' });
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().error.code, 'transition_not_allowed');
    assert.match(early.json().error.message, /"received".*"close".*answered/);
    const vi = await call().act(w.disp1, s.id, { type: 'close' }, 'vi');
    assert.match(vi.json().error.message, /trạng thái "received"/);
    assert.equal((await call().act(w.lead1, s.id, { type: 'start' })).statusCode, 409);
    assert.equal((await call().act(w.disp1, s.id, { type: 'assign', handler: w.hand1.id, leader: w.lead1.id, expectedResult: 'x' })).statusCode, 409);
    // a complaint is never answered on the spot
    const spot = await call().act(w.disp1, s.id, { type: 'answer', text: 'no' });
    assert.equal(spot.statusCode, 400);
    assert.equal(spot.json().error.code, 'not_answerable_on_the_spot');
    await actOk(t(), w.disp1, s.id, { type: 'accept' });
    const twice = await call().act(w.disp1, s.id, { type: 'accept' });
    assert.equal(twice.statusCode, 409);
    const reject = await call().act(w.disp1, s.id, { type: 'reject', reason: 'too late' });
    assert.equal(reject.statusCode, 409);
    const answerEarly = await call().act(w.lead1, s.id, { type: 'answer', text: 'done' });
    assert.equal(answerEarly.statusCode, 409);
    const reopen = await call().act(w.lead1, s.id, { type: 'reopen', reason: 'x' });
    assert.equal(reopen.statusCode, 409);
  });

  test('rejecting needs a reason, which the resident sees', async () => {
    const s = await submitOk(t(), { unit: 'TC1', kind: 'suggestion', body: 'Paint the school gate blue' });
    const noReason = await call().act(w.disp1, s.id, { type: 'reject' }, 'zh');
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().error.code, 'field_required');
    assert.match(noReason.json().error.message, /reason/);
    const stray = await call().act(w.disp1, s.id, { type: 'accept', reason: 'x' });
    assert.equal(stray.statusCode, 400);
    assert.equal(stray.json().error.code, 'field_not_allowed');
    await actOk(t(), w.disp1, s.id, { type: 'reject', reason: 'The school belongs to the district.' });
    const track = (await call().track(s.trackingCode)).json();
    assert.equal(track.status, 'rejected');
    assert.equal(track.timeline.at(-1).reason, 'The school belongs to the district.');
  });

  test('assigning needs the five clear items, and the petition shows them', async () => {
    const s = await submitOk(t(), { unit: 'TC1', kind: 'help_request', body: 'My roof was blown off.', resident: { name: 'Hoa', phone: '0987654321' } });
    await actOk(t(), w.disp1, s.id, { type: 'accept' });
    const none = await call().act(w.disp1, s.id, { type: 'assign' });
    assert.equal(none.statusCode, 400);
    assert.equal(none.json().error.code, 'missing_clear_items');
    assert.deepEqual(none.json().error.details.missing, ['handler', 'leader', 'expectedResult']);
    const vi = await call().act(w.disp1, s.id, { type: 'assign', handler: w.hand1.id }, 'vi');
    assert.match(vi.json().error.message, /5 rõ.*leader, expectedResult/);
    // The leader must lead this unit or one above it; the handler must work here.
    const wrongLeader = await call().act(w.disp1, s.id, { type: 'assign', handler: w.hand1.id, leader: w.hand1b.id, expectedResult: 'x' });
    assert.equal(wrongLeader.json().error.code, 'leader_not_eligible');
    const wrongHandler = await call().act(w.disp1, s.id, { type: 'assign', handler: w.hand2.id, leader: w.lead1.id, expectedResult: 'x' });
    assert.equal(wrongHandler.json().error.code, 'handler_not_eligible');
    const late = await call().act(w.disp1, s.id, {
      type: 'assign',
      handler: w.hand1.id,
      leader: w.lead1.id,
      expectedResult: 'x',
      dueAt: '2030-01-01T00:00:00Z',
    });
    assert.equal(late.statusCode, 400);
    assert.equal(late.json().error.code, 'due_beyond_policy');
    const dueAt = new Date(t().clock.now().getTime() + 2 * 86_400_000).toISOString();
    const v = await actOk(t(), w.disp1, s.id, {
      type: 'assign',
      handler: w.hand1.id,
      leader: w.lead1.id,
      expectedResult: 'a tarpaulin and two workers today',
      content: 'Cover the roof of Ms Hoa before the rain',
      dueAt,
    });
    assert.deepEqual(v.clearItems, {
      content: 'Cover the roof of Ms Hoa before the rain',
      handler: { id: w.hand1.id, name: 'Handler One' },
      leader: { id: w.lead1.id, name: 'Leader One' },
      dueAt,
      expectedResult: 'a tarpaulin and two workers today',
      complete: true,
    });
    assert.equal(v.dueAt, dueAt);
    // The handler and the leader hear of it in their workspace.
    const notices = await t().ctx.db
      .selectFrom('official_notices')
      .select(['account_id', 'template'])
      .where('subject_id', '=', String(s.id))
      .orderBy('id')
      .execute();
    assert.deepEqual(notices, [
      { account_id: w.hand1.id, template: 'petition_assigned_handler' },
      { account_id: w.lead1.id, template: 'petition_assigned_leader' },
    ]);
    // A reassignment changes one item and keeps the others.
    const again = await actOk(t(), w.disp1, s.id, { type: 'assign', handler: w.hand1b.id });
    assert.equal(again.clearItems.handler.id, w.hand1b.id);
    assert.equal(again.clearItems.leader.id, w.lead1.id);
    assert.equal((await call().act(w.hand1, s.id, { type: 'start' })).statusCode, 404, 'the former handler no longer sees it');
  });

  test('an official of another commune can neither see nor act; roles limit what an official may do', async () => {
    const s = await submitOk(t(), { unit: 'TV1', kind: 'question', body: 'When is the next reception day?' });
    assert.equal((await call().get(w.disp2, s.id)).statusCode, 404);
    const act = await call().act(w.disp2, s.id, { type: 'accept' });
    assert.equal(act.statusCode, 403);
    assert.equal((await call().act(w.lead2, s.id, { type: 'note', text: 'x' })).statusCode, 403);
    // Commune one's dispatcher works on its village's petitions.
    assert.equal((await call().get(w.disp1, s.id)).statusCode, 200);
    // A handler with nothing assigned sees nothing and does nothing.
    assert.equal((await call().get(w.hand1, s.id)).statusCode, 404);
    assert.equal((await call().act(w.hand1, s.id, { type: 'accept' })).statusCode, 404);
    // An auditor reads and never acts.
    const audited = await call().get(w.auditor, s.id);
    assert.equal(audited.statusCode, 200);
    assert.deepEqual(audited.json().abilities, []);
    assert.equal((await call().act(w.auditor, s.id, { type: 'accept' })).statusCode, 403);
    // The province's dispatcher may act below it.
    assert.deepEqual((await call().get(w.disp1, s.id)).json().abilities, ['accept', 'reject', 'answer', 'escalate', 'transfer', 'merge', 'note']);
    await actOk(t(), w.provDisp, s.id, { type: 'accept' });
    // A dispatcher assigns but cannot extend: a leader's decision.
    await actOk(t(), w.disp1, s.id, { type: 'assign', handler: w.hand1.id, leader: w.lead1.id, expectedResult: 'the date' });
    const ext = { type: 'extend', dueAt: '2026-03-20T16:59:59.999Z', reason: 'waiting for the district' };
    assert.equal((await call().act(w.disp1, s.id, ext)).statusCode, 403);
    assert.equal((await call().act(w.hand1, s.id, ext)).statusCode, 403);
    const extended = await actOk(t(), w.lead1, s.id, ext);
    assert.equal(extended.dueAt, '2026-03-20T16:59:59.999Z');
    assert.equal(extended.counts.extensions, 1);
    // The handler answers only what is theirs; the dispatcher cannot answer a case in progress.
    await actOk(t(), w.hand1, s.id, { type: 'start' });
    assert.equal((await call().act(w.disp1, s.id, { type: 'answer', text: 'x' })).statusCode, 403);
    assert.equal((await call().act(w.hand1b, s.id, { type: 'answer', text: 'x' })).statusCode, 404);
    assert.deepEqual((await call().get(w.hand1, s.id)).json().abilities, ['answer', 'note']);
  });

  test('two actions on the same version: exactly one wins, the other gets 409', async () => {
    const s = await submitOk(t(), { unit: 'TC1', kind: 'question', body: 'Is the clinic open on Saturday?' });
    const v = await actOk(t(), w.disp1, s.id, { type: 'accept' });
    const results = await Promise.all([
      call().act(w.disp1, s.id, { type: 'assign', version: v.version, handler: w.hand1.id, leader: w.lead1.id, expectedResult: 'a' }),
      call().act(w.lead1, s.id, { type: 'assign', version: v.version, handler: w.hand1b.id, leader: w.lead1b.id, expectedResult: 'b' }),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    assert.deepEqual(codes, [200, 409]);
    assert.equal(results.find((r) => r.statusCode === 409)!.json().error.code, 'version_conflict');
    const after = (await call().get(w.disp1, s.id)).json();
    assert.equal(after.version, v.version + 1);
    assert.equal(after.timeline.filter((e: { type: string }) => e.type === 'assigned').length, 1);
    // Without a version, two acceptances at once: the second finds the state moved.
    const s2 = await submitOk(t(), { unit: 'TC1', kind: 'question', body: 'Is the library open on Sunday?' });
    const both = await Promise.all([call().act(w.disp1, s2.id, { type: 'accept' }), call().act(w.lead1, s2.id, { type: 'accept' })]);
    assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 409]);
    const events = await t().ctx.db.selectFrom('petition_events').select('type').where('petition_id', '=', s2.id).execute();
    assert.equal(events.filter((e) => e.type === 'accepted').length, 1);
  });

  test('escalation hands the case to the parent unit, is counted, and tells its dispatchers', async () => {
    const s = await petitionInProgress(t(), w);
    // The commune's leader no longer sees the case: the action answers only that it was done.
    const done = await actOk(t(), w.lead1, s.id, { type: 'escalate', reason: 'The land belongs to the province forest board.' });
    assert.deepEqual(Object.keys(done).sort(), ['id', 'message', 'status', 'visible']);
    assert.deepEqual([done.id, done.status, done.visible], [s.id, 'accepted', false]);
    assert.match(done.message, /no longer visible to you/);
    const v = (await call().get(w.provLead, s.id)).json();
    assert.equal(v.status, 'accepted');
    assert.equal(v.unit.code, 'TP');
    assert.equal(v.originUnit.code, 'TC1');
    assert.equal(v.clearItems.handler, null);
    assert.equal(v.counts.escalations, 1);
    const row = await t().ctx.db.selectFrom('petitions').selectAll().where('id', '=', s.id).executeTakeFirstOrThrow();
    assert.equal(row.escalation_count, 1);
    assert.equal(row.escalated_to_path, w.units.TP.path);
    assert.ok(row.escalated_at);
    const notices = await t().ctx.db
      .selectFrom('official_notices')
      .select('account_id')
      .where('subject_id', '=', String(s.id))
      .where('template', '=', 'petition_escalated_official')
      .execute();
    assert.deepEqual(notices.map((n) => n.account_id).sort(), [w.provDisp.id, w.provLead.id].sort());
    // The resident hears of it.
    const mail = await t().ctx.db
      .selectFrom('notification_outbox')
      .select(['recipient', 'template'])
      .where('template', '=', 'petition_escalated')
      .where('recipient', '=', 'binh@example.vn')
      .execute();
    assert.equal(mail.length, 1);
    // Commune one no longer holds it; the former handler loses it; the province assigns it.
    assert.equal((await call().get(w.disp1, s.id)).statusCode, 404);
    assert.equal((await call().get(w.hand1, s.id)).statusCode, 404);
    const track = (await call().track(s.trackingCode)).json();
    assert.equal(track.unit.code, 'TP');
    assert.equal(track.timeline.at(-1).reason, 'The land belongs to the province forest board.');
    // The top of the tree has nowhere to escalate to.
    const top = await call().act(w.provLead, s.id, { type: 'escalate', reason: 'x' });
    assert.equal(top.statusCode, 409);
    assert.equal(top.json().error.code, 'no_parent_unit');
  });

  test('transfer sends a petition sideways; the receiving unit accepts it; it is counted', async () => {
    const s = await submitOk(t(), { unit: 'TC1', kind: 'suggestion', body: 'Repair the bridge between the two communes', resident: { name: 'An', email: 'an@example.vn' } });
    const noTarget = await call().act(w.disp1, s.id, { type: 'transfer', reason: 'x' });
    assert.equal(noTarget.json().error.code, 'transfer_target_required');
    const done = await actOk(t(), w.disp1, s.id, { type: 'transfer', toUnit: 'TC2', reason: 'The bridge is in commune two.' });
    assert.deepEqual([done.status, done.visible], ['transferred', false]);
    assert.equal('counts' in done, false, 'nothing of the case leaves to an official who lost it');
    const v = (await call().get(w.disp2, s.id)).json();
    assert.equal(v.status, 'transferred');
    assert.equal(v.counts.transfers, 1);
    assert.equal((await call().get(w.disp1, s.id)).statusCode, 404);
    const accepted = await actOk(t(), w.disp2, s.id, { type: 'accept' });
    assert.equal(accepted.unit.code, 'TC2');
    assert.equal(accepted.originUnit.code, 'TC1');
    const row = await t().ctx.db.selectFrom('petitions').select(['transfer_count', 'transferred_at']).where('id', '=', s.id).executeTakeFirstOrThrow();
    assert.equal(row.transfer_count, 1);
    assert.ok(row.transferred_at);
  });

  test('transfer to an agency moves the petition to the agency\'s unit; assign names the agency', async () => {
    const registry = await createAgency(t().ctx.db, { unit: 'TC2', name: 'Land registry office', kind: 'land_registry' });
    const committee = await createAgency(t().ctx.db, { unit: 'TC1', name: 'People\'s Committee of commune one' });
    const s = await submitOk(t(), { unit: 'TC1', kind: 'question', body: 'Who measures my plot?' });
    const unknown = await call().act(w.disp1, s.id, { type: 'transfer', toAgency: 999999, reason: 'x' });
    assert.equal(unknown.json().error.code, 'unknown_agency');
    const both = await call().act(w.disp1, s.id, { type: 'transfer', toAgency: registry.id, toUnit: 'TC2', reason: 'x' });
    assert.equal(both.json().error.code, 'transfer_target_required');
    assert.equal((await actOk(t(), w.disp1, s.id, { type: 'transfer', toAgency: registry.id, reason: 'The land registry measures plots.' })).visible, false);
    const v = (await call().get(w.disp2, s.id)).json();
    assert.equal(v.unit.code, 'TC2');
    assert.deepEqual(v.agency, { id: registry.id, name: 'Land registry office' });
    assert.equal(v.counts.transfers, 1);
    await actOk(t(), w.disp2, s.id, { type: 'accept' });
    const wrongAgency = await call().act(w.disp2, s.id, { type: 'assign', agency: committee.id, handler: w.hand2.id, leader: w.lead2.id, expectedResult: 'x' });
    assert.equal(wrongAgency.statusCode, 400, 'an agency of another commune');
    assert.equal(wrongAgency.json().error.code, 'unknown_agency');
    const assigned = await actOk(t(), w.disp2, s.id, { type: 'assign', agency: registry.id, handler: w.hand2.id, leader: w.lead2.id, expectedResult: 'a measurement date' });
    assert.equal(assigned.agency.id, registry.id);
    // The history names whom the case went to, for the officials who see it; the tracking page names nobody.
    const transferred = assigned.timeline.find((e: { type: string }) => e.type === 'transferred');
    assert.deepEqual([transferred.unit.code, transferred.agency], ['TC2', { id: registry.id, name: 'Land registry office' }]);
    const given = assigned.timeline.find((e: { type: string }) => e.type === 'assigned');
    assert.deepEqual([given.handler, given.leader, given.agency], [
      { id: w.hand2.id, name: 'Handler Two' },
      { id: w.lead2.id, name: 'Leader Two' },
      { id: registry.id, name: 'Land registry office' },
    ]);
    const track = await call().track(s.trackingCode);
    assert.doesNotMatch(track.body, /Handler Two|Leader Two/);
  });

  test('notes are internal: in the officials\' timeline, never on the tracking page', async () => {
    const s = await petitionInProgress(t(), w);
    const v = await actOk(t(), w.hand1, s.id, { type: 'note', text: 'Called the resident; she will bring the papers on Monday.' });
    const note = v.timeline.find((e: { type: string }) => e.type === 'note');
    assert.equal(note.visibility, 'internal');
    assert.equal(note.actor.id, w.hand1.id);
    const track = await call().track(s.trackingCode);
    assert.doesNotMatch(track.body, /Called the resident/);
    assert.ok(!track.json().timeline.some((e: { type: string }) => e.type === 'note'));
  });

  test('notes change nothing of the case: they take no version, never conflict with each other or with a change made after them', async () => {
    const s = await petitionInProgress(t(), w);
    const seen = (await call().get(w.hand1, s.id)).json();
    // Five officials' notes at once, none with a version: all recorded.
    const notes = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => call().act(n % 2 ? w.hand1 : w.disp1, s.id, { type: 'note', text: `note ${n}` })),
    );
    assert.deepEqual(notes.map((r) => r.statusCode), [200, 200, 200, 200, 200], notes.map((r) => r.body).join('\n'));
    // A stale version on a note is not a conflict: the note does not depend on the state.
    assert.equal((await call().act(w.hand1, s.id, { type: 'note', text: 'late', version: seen.version - 1 })).statusCode, 200);
    const after = (await call().get(w.hand1, s.id)).json();
    assert.equal(after.timeline.filter((e: { type: string }) => e.type === 'note').length, 6);
    // The notes did not move the version: the handler who saw the case before them answers with it.
    assert.equal(after.version, seen.version);
    const answered = await call().act(w.hand1, s.id, { type: 'answer', text: 'Done.', version: seen.version });
    assert.equal(answered.statusCode, 200, answered.body);
    // A state change with the old version is still refused.
    assert.equal((await call().act(w.hand1, s.id, { type: 'note', text: 'after the answer' })).statusCode, 200);
    const stale = await call().act(w.lead1, s.id, { type: 'reopen', reason: 'x', version: seen.version });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'version_conflict');
  });

  test('denunciations may be extended twice, complaints once, each by at most the policy\'s days', async () => {
    const d = await submitOk(t(), { unit: 'TC1', kind: 'denunciation', body: 'The cadastral officer asked for money.', resident: { name: 'Vũ', phone: '0911111111' } });
    const accepted = await actOk(t(), w.disp1, d.id, { type: 'accept' });
    let due = new Date(accepted.dueAt);
    const tooLong = await call().act(w.lead1, d.id, { type: 'extend', dueAt: new Date(due.getTime() + 40 * 86_400_000).toISOString(), reason: 'x' });
    assert.equal(tooLong.statusCode, 400);
    assert.equal(tooLong.json().error.code, 'extension_too_long');
    const earlier = await call().act(w.lead1, d.id, { type: 'extend', dueAt: new Date(due.getTime() - 86_400_000).toISOString(), reason: 'x' });
    assert.equal(earlier.json().error.code, 'extension_not_later');
    for (let i = 1; i <= 2; i++) {
      due = new Date(due.getTime() + 30 * 86_400_000);
      const v = await actOk(t(), w.lead1, d.id, { type: 'extend', dueAt: due.toISOString(), reason: `complex case, ${i}` });
      assert.equal(v.counts.extensions, i);
    }
    const third = await call().act(w.lead1, d.id, { type: 'extend', dueAt: new Date(due.getTime() + 86_400_000).toISOString(), reason: 'x' });
    assert.equal(third.statusCode, 409);
    assert.equal(third.json().error.code, 'extension_limit');

    const c = await submitOk(t(), { unit: 'TC1', kind: 'complaint', body: 'The land decision is wrong.', resident: { name: 'Vũ', phone: '0911111111' } });
    const ca = await actOk(t(), w.disp1, c.id, { type: 'accept' });
    const to45 = new Date(new Date(ca.dueAt).getTime() + 15 * 86_400_000).toISOString();
    await actOk(t(), w.lead1, c.id, { type: 'extend', dueAt: to45, reason: 'complex: 45 days' });
    const again = await call().act(w.lead1, c.id, { type: 'extend', dueAt: new Date(Date.parse(to45) + 86_400_000).toISOString(), reason: 'x' });
    assert.equal(again.statusCode, 409);
  });

  test('an unknown petition, or one that is not a number, is 404 or 400, never 500', async () => {
    assert.equal((await call().get(w.disp1, 999999)).statusCode, 404);
    assert.equal((await call().act(w.disp1, 999999, { type: 'accept' })).statusCode, 404);
    const bad = await t().app.inject({ method: 'GET', url: '/api/v1/petitions/abc', headers: w.disp1.headers });
    assert.equal(bad.statusCode, 400);
    const badType = await call().act(w.disp1, 1, { type: 'fly' });
    assert.equal(badType.statusCode, 400);
    const anon = await t().app.inject({ method: 'POST', url: '/api/v1/petitions/1/actions', payload: { type: 'accept' } });
    assert.equal(anon.statusCode, 401);
  });
}, testOptions);
