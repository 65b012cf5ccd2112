/**
 * The facts each petition row keeps for the public figures: counted with plain SQL over
 * `petitions`, a replay of an article's forum gives the article's numbers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeEachBackend } from '../../test/server.ts';
import { actOk, api, submitOk, testOptions, worldFor } from './petitions.testing.ts';

describeEachBackend('petition facts for the figures', (t) => {
  const w = worldFor(t);

  test('Thanh Nho\'s forum: 77 opinions, 70 resolved, 7 handled by higher levels', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 77; i++) {
      const answerNow = i < 63 ? { answerNow: { text: `Answered at the forum (${i})` } } : {};
      const s = await submitOk(t(), { unit: 'TV1', kind: i % 2 ? 'question' : 'suggestion', channel: 'forum', body: `Opinion ${i}`, ...answerNow }, w.disp1);
      ids.push(s.id);
    }
    // 7 answered after the forum by the commune's handlers, 7 sent up to the district level.
    for (const id of ids.slice(63, 70)) {
      await actOk(t(), w.disp1, id, { type: 'accept' });
      await actOk(t(), w.disp1, id, { type: 'assign', handler: w.hand1.id, leader: w.lead1.id, expectedResult: 'an answer' });
      await actOk(t(), w.hand1, id, { type: 'start' });
      await actOk(t(), w.hand1, id, { type: 'answer', text: 'Answered later' });
    }
    for (const id of ids.slice(70)) await actOk(t(), w.disp1, id, { type: 'escalate', reason: 'beyond the commune', cause: 'beyond_competence' });
    const tv1 = w.units.TV1.path;
    const r = await sql<{ received: number; resolved: number; on_time: number; escalated: number; on_the_spot: number }>`
      select count(*)::int as received,
             count(*) filter (where resolved)::int as resolved,
             count(*) filter (where resolved_on_time)::int as on_time,
             count(*) filter (where escalated_to_path is not null and length(escalated_to_path) < length(${tv1}))::int as escalated,
             count(*) filter (where answered_on_the_spot)::int as on_the_spot
        from petitions where origin_unit_path like ${`${tv1}%`} and channel = 'forum'`.execute(t().ctx.db);
    assert.deepEqual(r.rows[0], { received: 77, resolved: 70, on_time: 70, escalated: 7, on_the_spot: 63 });
  });

  test('late answers are resolved but not on time; a reopened case is unresolved again, with what is merged into it', async () => {
    const a = await submitOk(t(), { unit: 'TC1', kind: 'question', body: 'a' });
    const b = await submitOk(t(), { unit: 'TC1', kind: 'question', body: 'b', resident: { name: 'B', email: 'b@example.vn' } });
    await actOk(t(), w.disp1, a.id, { type: 'accept' });
    await actOk(t(), w.disp1, b.id, { type: 'merge', into: a.id });
    await actOk(t(), w.disp1, a.id, { type: 'assign', handler: w.hand1.id, leader: w.lead1.id, expectedResult: 'x' });
    await actOk(t(), w.hand1, a.id, { type: 'start' });
    t().clock.set('2026-04-01T02:00:00Z'); // weeks after the 7 working days
    try {
      await actOk(t(), w.hand1, a.id, { type: 'answer', text: 'Late, sorry.' });
      const facts = async () =>
        t().ctx.db.selectFrom('petitions').select(['id', 'resolved', 'resolved_on_time', 'answered_at', 'reopen_count', 'escalation_count', 'due_at'])
          .where('id', 'in', [a.id, b.id]).orderBy('id').execute();
      let rows = await facts();
      assert.deepEqual(rows.map((r) => [r.resolved, r.resolved_on_time]), [[true, false], [true, false]]);
      const reopened = await api(t()).rate(b.trackingCode, { accessKey: b.accessKey, score: 'unsatisfied', reopen: true, comment: 'too late and too short' });
      assert.equal(reopened.statusCode, 200, reopened.body);
      rows = await facts();
      assert.deepEqual(rows.map((r) => [r.resolved, r.resolved_on_time, r.reopen_count]), [[false, null, 1], [false, null, 1]]);
      assert.equal(rows[0].due_at.getTime(), rows[1].due_at.getTime(), 'the merged petition follows the case\'s due time');
      await actOk(t(), w.lead1, a.id, { type: 'escalate', reason: 'the resident appeals', cause: 'resident_appeal' });
      rows = await facts();
      assert.deepEqual(rows.map((r) => r.escalation_count), [1, 1]);
    } finally {
      t().clock.set('2026-03-02T02:00:00Z');
    }
  });
}, testOptions);
