import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../../test/server.ts';
import { actOk, api, petitionInProgress, testOptions, worldFor, type Who } from '../petitions.testing.ts';

describeEachBackend("answers that wait for the leader's approval", (t) => {
  const w = worldFor(t);
  const call = () => api(t());
  const setApproval = (who: Who, unit: string, required: boolean, lang = 'en') =>
    t().app.inject({ method: 'PUT', url: `/api/v1/answer-approval/${unit}`, payload: { required }, headers: { ...who.headers, 'accept-language': lang } });
  const answerMails = (id: number) =>
    t()
      .ctx.db.selectFrom('notification_outbox')
      .select('template')
      .where('template', '=', 'petition_answered')
      .where('dedupe_key', 'like', `petition:${id}:%`)
      .execute();
  const notices = (id: number, template: string) =>
    t()
      .ctx.db.selectFrom('official_notices')
      .select('account_id')
      .where('subject_id', '=', String(id))
      .where('template', '=', template)
      .execute()
      .then((rows) => rows.map((r) => r.account_id));

  test('only the unit\'s administrators and leaders set the rule, which holds for the units below and is audited', async () => {
    const byHandler = await setApproval(w.hand1, 'TC1', true);
    assert.equal(byHandler.statusCode, 403);
    const foreign = await setApproval(w.lead2, 'TC1', true);
    assert.equal(foreign.statusCode, 403, 'a leader of commune two cannot set it for commune one');
    const unknown = await setApproval(w.lead1, 'NOPE', true, 'vi');
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.json().error.message, /Không có đơn vị/);
    const set = await setApproval(w.lead1, 'TC1', true);
    assert.equal(set.statusCode, 200, set.body);
    const tc1 = await t().ctx.db.selectFrom('units').select('name').where('code', '=', 'TC1').executeTakeFirstOrThrow();
    assert.deepEqual(set.json(), { unit: { code: 'TC1', name: tc1.name }, required: true, setAt: { code: 'TC1', name: tc1.name } });
    const below = await t().app.inject({ method: 'GET', url: '/api/v1/answer-approval?unit=TV1', headers: w.hand1.headers });
    assert.equal(below.json().required, true, 'a village of commune one follows the commune');
    assert.equal(below.json().setAt.code, 'TC1');
    const other = await t().app.inject({ method: 'GET', url: '/api/v1/answer-approval?unit=TC2', headers: w.hand2.headers });
    assert.equal(other.json().required, false);
    const audit = await t().ctx.db.selectFrom('audit_events').select(['action', 'changes']).where('action', '=', 'answer_approval.set').execute();
    assert.equal(audit.length, 1);
  });

  test("a handler's answer is held: the resident is not told, the leader is; the leader approves and only then it is sent", async () => {
    const s = await petitionInProgress(t(), w);
    const held = await actOk(t(), w.hand1, s.id, { type: 'answer', text: 'Bring the household book and both identity cards.' });
    assert.equal(held.status, 'in_progress', 'not answered yet');
    assert.equal(held.pendingAnswer.text, 'Bring the household book and both identity cards.');
    assert.equal(held.pendingAnswer.by.id, w.hand1.id);
    assert.deepEqual(held.abilities.filter((a: string) => ['answer', 'approve', 'return'].includes(a)), [], 'the handler can neither answer again nor approve');
    assert.deepEqual(await answerMails(s.id), [], 'the resident has heard nothing');
    const track = (await call().track(s.trackingCode)).json();
    assert.equal(track.status, 'in_progress');
    assert.equal(track.answer, null);
    assert.doesNotMatch(JSON.stringify(track), /household book/, 'the held answer is not on the tracking page');
    assert.deepEqual(await notices(s.id, 'petition_answer_to_approve'), [w.lead1.id], 'the responsible leader is told');

    const again = await call().act(w.hand1, s.id, { type: 'answer', text: 'Another answer' });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'answer_awaiting_approval');
    const byHandler = await call().act(w.hand1, s.id, { type: 'approve' });
    assert.equal(byHandler.statusCode, 403, 'the handler cannot approve their own answer');
    const inbox = (await call().list(w.lead1, 'leader=me&awaitingApproval=true')).json().items;
    assert.deepEqual(inbox.map((i: { id: number; awaitingApproval: boolean }) => [i.id, i.awaitingApproval]), [[s.id, true]]);

    const leaderView = (await call().get(w.lead1, s.id)).json();
    assert.ok(leaderView.abilities.includes('approve') && leaderView.abilities.includes('return'));
    const approved = await actOk(t(), w.lead1, s.id, { type: 'approve' });
    assert.equal(approved.status, 'answered');
    assert.equal(approved.answer.text, 'Bring the household book and both identity cards.');
    assert.equal(approved.answer.by.id, w.hand1.id, 'the answer stays the handler\'s');
    assert.equal(approved.pendingAnswer, null);
    assert.equal((await answerMails(s.id)).length, 1, 'the resident is told now');
    const actions = await t().ctx.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('subject_type', '=', 'petition')
      .where('subject_id', '=', String(s.id))
      .where('action', 'in', ['petition.submit_answer', 'petition.answer'])
      .orderBy('seq')
      .execute();
    assert.deepEqual(actions, [
      { action: 'petition.submit_answer', actor_id: w.hand1.id },
      { action: 'petition.answer', actor_id: w.lead1.id },
    ]);
    assert.equal((await call().act(w.lead1, s.id, { type: 'approve' })).statusCode, 409, 'nothing left to approve');
  });

  test('the leader returns an answer with a reason; the handler is told and may answer again', async () => {
    const s = await petitionInProgress(t(), w);
    await actOk(t(), w.hand1, s.id, { type: 'answer', text: 'Come to the office.' });
    const noReason = await call().act(w.lead1, s.id, { type: 'return' });
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().error.code, 'field_required');
    const returned = await actOk(t(), w.lead1, s.id, { type: 'return', reason: 'List the papers; do not make her come twice.' });
    assert.equal(returned.status, 'in_progress');
    assert.equal(returned.pendingAnswer, null);
    const entry = returned.timeline.find((e: { type: string }) => e.type === 'answer_returned');
    assert.equal(entry.visibility, 'internal');
    assert.equal(entry.reason, 'List the papers; do not make her come twice.');
    assert.deepEqual(await notices(s.id, 'petition_answer_returned'), [w.hand1.id]);
    assert.deepEqual(await answerMails(s.id), []);
    const track = await call().track(s.trackingCode);
    assert.doesNotMatch(track.body, /Come to the office|do not make her come twice/);
    const held = await actOk(t(), w.hand1, s.id, { type: 'answer', text: 'Bring the household book and both identity cards.' });
    assert.equal(held.status, 'in_progress', 'held again');
  });

  test("the leader's own answer needs no approval; where the rule is lifted, the handler's answer goes out at once", async () => {
    const s = await petitionInProgress(t(), w);
    const own = await actOk(t(), w.lead1, s.id, { type: 'answer', text: 'Answered by the leader.' });
    assert.equal(own.status, 'answered');
    const lifted = await setApproval(w.lead1, 'TC1', false);
    assert.equal(lifted.json().required, false);
    const s2 = await petitionInProgress(t(), w);
    const direct = await actOk(t(), w.hand1, s2.id, { type: 'answer', text: 'Sent at once.' });
    assert.equal(direct.status, 'answered');
    assert.equal((await answerMails(s2.id)).length, 1);
  });
}, testOptions);
