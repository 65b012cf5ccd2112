import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { translate } from '../../platform/i18n.ts';
import { actOk, api, createWorld, submitOk, testOptions, type World } from './petitions.testing.ts';

const hour = 3600_000;

describeEachBackend(
  'the public tracking page',
  (t) => {
    let w: World;
    const call = () => api(t());

    test('setup', async () => {
      w = await createWorld(t());
    });

    test('a petition on its own: its state, unit, due times and public timeline in order, no internal notes', async () => {
      const s = await submitOk(t(), { unit: 'TC1', kind: 'question', body: 'When does the market open?', resident: { name: 'An' } });
      t().clock.advance(hour);
      await actOk(t(), w.disp1, s.id, { type: 'accept' });
      t().clock.advance(hour);
      await actOk(t(), w.disp1, s.id, { type: 'note', text: 'Asked the market board.' });
      const v = (await call().track(s.trackingCode)).json();
      assert.equal(v.trackingCode, s.trackingCode);
      assert.equal(v.status, 'accepted');
      assert.equal(v.merged, false);
      assert.deepEqual(v.unit, { code: 'TC1', name: 'T Commune One' });
      assert.equal(v.dueAt, s.dueAt);
      assert.deepEqual(v.timeline.map((e: { status: string | null }) => e.status), ['received', 'accepted']);
      assert.ok(v.timeline.every((e: { type: string }) => e.type !== 'note'));
      assert.ok(v.timeline[0].at < v.timeline[1].at);
      assert.equal(v.answer, null);
    });

    test("a merged petition shows its case's state, unit and answer, and the case's history from the merge on", async () => {
      const a = await submitOk(t(), { unit: 'TC1', kind: 'suggestion', body: 'Fix the pump at the well.', resident: { name: 'A' } });
      t().clock.advance(hour);
      await actOk(t(), w.disp1, a.id, { type: 'accept' }); // before the merge: not on b's page
      t().clock.advance(hour);
      const b = await submitOk(t(), { unit: 'TC1', kind: 'suggestion', body: 'The well pump is broken.', resident: { name: 'B' } });
      t().clock.advance(hour);
      await actOk(t(), w.disp1, b.id, { type: 'merge', into: a.id, reason: 'same pump' });
      t().clock.advance(hour);
      await actOk(t(), w.disp1, a.id, { type: 'assign', handler: w.hand1.id, leader: w.lead1.id, expectedResult: 'the pump works' });
      t().clock.advance(hour);
      await actOk(t(), w.hand1, a.id, { type: 'start' });
      t().clock.advance(hour);
      await actOk(t(), w.hand1, a.id, { type: 'answer', text: 'A new pump was fitted.' });

      const kase = (await call().track(a.trackingCode)).json();
      const v = (await call().track(b.trackingCode)).json();
      assert.equal(v.trackingCode, b.trackingCode);
      assert.equal(v.merged, true);
      assert.equal(v.status, 'answered');
      assert.deepEqual(v.answer, kase.answer);
      assert.equal(v.answer.text, 'A new pump was fitted.');
      assert.equal(v.dueAt, kase.dueAt);
      assert.deepEqual(v.unit, kase.unit);
      // Its own events (received, merged), then the case's since the merge; not the case's acceptance before it.
      const accepted = kase.timeline.find((e: { status: string }) => e.status === 'accepted');
      assert.ok(accepted, 'the case was accepted');
      assert.ok(!v.timeline.some((e: { at: string; status: string }) => e.status === 'accepted' && e.at === accepted.at));
      const statuses = v.timeline.map((e: { status: string | null }) => e.status);
      assert.deepEqual(statuses.slice(0, 2), ['received', 'merged']);
      for (const s of ['assigned', 'in_progress', 'answered']) assert.ok(statuses.includes(s), `${s} is on the merged petition's page`);
      const times = v.timeline.map((e: { at: string }) => e.at);
      assert.deepEqual(times, [...times].sort(), 'in time order');
      const answered = v.timeline.find((e: { type: string }) => e.type === 'answered');
      assert.equal(answered.text, 'A new pump was fitted.');
    });
  },
  testOptions,
);

describeEachBackend(
  'tracking lookups and ratings are rate limited per address',
  (t) => {
    test('over the limit: 429 in the caller\'s language, the one error shape; another address is counted apart', async () => {
      await createWorld(t());
      const s = await submitOk(t(), { unit: 'TC1', kind: 'question', body: 'Is the clinic open on Sunday?', resident: { name: 'C' } });
      const lookup = (remoteAddress: string, lang = 'en') =>
        t().app.inject({ method: 'GET', url: `/api/v1/petitions/track/${s.trackingCode}`, remoteAddress, headers: { 'accept-language': lang } });
      const guess = (remoteAddress: string) =>
        t().app.inject({ method: 'GET', url: '/api/v1/petitions/track/ZZZZZZZZ', remoteAddress });
      // Wrong guesses count as much as right ones.
      assert.equal((await guess('203.0.113.5')).statusCode, 404);
      assert.equal((await guess('203.0.113.5')).statusCode, 404);
      assert.equal((await lookup('203.0.113.5')).statusCode, 200);
      const limited = await lookup('203.0.113.5', 'vi');
      assert.equal(limited.statusCode, 429);
      const error = limited.json().error;
      assert.deepEqual(Object.keys(limited.json()), ['error']);
      assert.equal(error.code, 'too_many_requests');
      const seconds = Number(limited.headers['retry-after']);
      assert.ok(seconds > 0 && seconds <= 60, `retry-after ${limited.headers['retry-after']}`);
      assert.equal(error.message, translate('too_many_requests', 'vi', { seconds }));
      assert.equal((await lookup('198.51.100.9')).statusCode, 200, 'another address');

      // The rating route too (it would otherwise let a key be guessed at the anonymous-writes rate).
      const rate = () =>
        t().app.inject({
          method: 'POST',
          url: `/api/v1/petitions/track/${s.trackingCode}/rating`,
          payload: { accessKey: 'guess', score: 'satisfied' },
          remoteAddress: '192.0.2.44',
        });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await rate()).statusCode);
      assert.equal(statuses[3], 429, statuses.join(','));
      assert.ok(statuses.slice(0, 3).every((code) => code !== 429), statuses.join(','));
    });
  },
  { config: { rateLimits: { anonymousWritesPerMinute: 1000, trackingPerMinute: 3 } } },
);
