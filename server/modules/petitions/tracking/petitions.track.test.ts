import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../../test/server.ts';
import { translate } from '../../../platform/i18n.ts';
import { actOk, api, createWorld, submitOk, testOptions, worldFor } from '../petitions.testing.ts';
import { hashAccessKey } from '../intake/petitions.codes.ts';
import { accessKeyFailuresAllowed } from '../petitions.policy.ts';

const hour = 3600_000;

describeEachBackend(
  'the public tracking page',
  (t) => {
    const w = worldFor(t);
    const call = () => api(t());

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

    /** A petition answered by the commune, ready to be rated. */
    async function answered(body: string) {
      const s = await submitOk(t(), { unit: 'TC1', kind: 'question', body, resident: { name: 'An' } });
      await actOk(t(), w.disp1, s.id, { type: 'accept' });
      await actOk(t(), w.disp1, s.id, { type: 'assign', handler: w.hand1.id, leader: w.lead1.id, expectedResult: 'an answer' });
      await actOk(t(), w.hand1, s.id, { type: 'start' });
      await actOk(t(), w.hand1, s.id, { type: 'answer', text: 'Yes.' });
      return s;
    }

    test('the access key is 8 characters in two groups, typed back in any case, with or without the dash', async () => {
      const s = await answered('Is the clinic open on Sunday?');
      assert.match(s.accessKey, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      const typed = ` ${s.accessKey.replace('-', ' ').toLowerCase()} `;
      const res = await call().rate(s.trackingCode, { accessKey: typed, score: 'satisfied' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, 'answered');
    });

    test('with its access key the tracking page shows what the resident sent; without it, or with another key, nothing of it', async () => {
      const s = await submitOk(t(), { unit: 'TC1', kind: 'suggestion', title: 'Pump', body: 'The pump by house 12 leaks.', resident: { name: 'An', phone: '0912345678' }, location: { address: 'House 12, Hamlet 3' } });
      const other = await submitOk(t(), { unit: 'TC1', kind: 'question', body: 'Another question.' });
      const look = (key?: string) =>
        t().app.inject({ method: 'GET', url: `/api/v1/petitions/track/${s.trackingCode}`, headers: key === undefined ? {} : { 'x-access-key': key } });
      const mine = (await look(s.accessKey.toLowerCase())).json();
      assert.deepEqual(mine.own, { id: s.id, title: 'Pump', body: 'The pump by house 12 leaks.', address: 'House 12, Hamlet 3', attachments: [] });
      assert.ok(!JSON.stringify(mine).includes('0912345678'), 'the phone number is not shown back');
      const open = await look();
      assert.equal(open.statusCode, 200);
      assert.equal(open.json().own, undefined);
      assert.ok(!open.body.includes('leaks'));
      const wrong = await look(other.accessKey);
      assert.equal(wrong.statusCode, 403);
      assert.equal(wrong.json().error.code, 'invalid_access_key');
    });

    test('a long access key of an earlier version still rates, exactly as it was given', async () => {
      const s = await answered('Where do I renew my ID card?');
      const longKey = 'Zx9-aB3_kLm2Qr7sT0uV4wXy6Zc8dEf1';
      await t().ctx.db.updateTable('petitioners').set({ access_key_hash: hashAccessKey(longKey) }).where('petition_id', '=', s.id).execute();
      assert.equal((await call().rate(s.trackingCode, { accessKey: longKey.toLowerCase(), score: 'satisfied' })).statusCode, 403, 'case matters');
      assert.equal((await call().rate(s.trackingCode, { accessKey: longKey, score: 'satisfied' })).statusCode, 200);
    });

    test(`after ${accessKeyFailuresAllowed} wrong keys in a day a petition takes no key, from any address, until the day has passed`, async () => {
      const s = await answered('When is the water bill due?');
      const other = await answered('When is the electricity bill due?');
      for (let i = 0; i < accessKeyFailuresAllowed; i++) {
        const res = await call().rate(s.trackingCode, { accessKey: `WRNG-${'23456789AB'[i]}KEY`.slice(0, 9), score: 'unsatisfied' });
        assert.equal(res.statusCode, 403, res.body);
        assert.equal(res.json().error.code, 'invalid_access_key');
      }
      const locked = await call().rate(s.trackingCode, { accessKey: s.accessKey, score: 'satisfied' }, 'vi');
      assert.equal(locked.statusCode, 429, locked.body);
      assert.equal(locked.json().error.code, 'access_key_attempts');
      assert.equal(locked.json().error.message, translate('access_key_attempts', 'vi', { count: accessKeyFailuresAllowed, hours: 24 }));
      // Attachments take no key either; another petition is not affected.
      const attach = await t().app.inject({
        method: 'GET', url: `/api/v1/petitions/${s.id}/attachments/1`, headers: { 'x-access-key': s.accessKey },
      });
      assert.equal(attach.statusCode, 429);
      assert.equal((await call().rate(other.trackingCode, { accessKey: other.accessKey, score: 'satisfied' })).statusCode, 200);
      t().clock.advance(24 * hour + 1000);
      const later = await call().rate(s.trackingCode, { accessKey: s.accessKey, score: 'satisfied' });
      assert.equal(later.statusCode, 200, later.body);
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
