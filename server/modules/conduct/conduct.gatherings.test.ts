/** Residents rate a gathering they booked with the booking code: the rating joins the satisfaction pool. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { createOfficial } from '../../test/factories.ts';
import { createWorld, testOptions, type World } from '../petitions/petitions.testing.ts';
import { floodLimits, gatheringRatable, phoneNumberWait } from './conduct.policy.ts';
import { ratedGatheringKinds } from '../../contract/domain.ts';

const texts = (en: string) => ({ vi: `${en} (vi)`, zh: `${en}（中）`, en });

test('policy: residents rate the gatherings where they are served, once held; a phone number a few times a day', () => {
  for (const kind of ['reception_day', 'outreach_day', 'forum', 'dialogue', 'service_day']) {
    assert.ok((ratedGatheringKinds as readonly string[]).includes(kind), kind);
    assert.equal(gatheringRatable({ kind, state: 'closed' }), 'ok');
    assert.equal(gatheringRatable({ kind, state: 'published' }), 'ok');
    for (const state of ['planned', 'open', 'cancelled']) assert.equal(gatheringRatable({ kind, state }), 'not_held', `${kind} ${state}`);
  }
  assert.equal(gatheringRatable({ kind: 'working_session', state: 'closed' }), 'kind');
  assert.equal(phoneNumberWait(floodLimits.phoneNumber.perDay - 1), 0);
  assert.ok(phoneNumberWait(floodLimits.phoneNumber.perDay) > 0);
});

describeEachBackend(
  'gatherings rated with the booking code',
  (t) => {
    let w: World;
    let norm: number;
    const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      t().app.inject({ method: 'POST', url, payload: payload as Record<string, unknown>, headers: { 'accept-language': 'en', ...headers } });
    const get = (url: string, headers: Record<string, string> = {}) => t().app.inject({ method: 'GET', url, headers });
    let day = 0;
    /** A gathering of TC1 hosted by Leader One, a few days ahead (each one on its own day). */
    const plan = async (kind = 'forum') => {
      day += 1;
      const d = `2026-03-${String(10 + day).padStart(2, '0')}`;
      const res = await post('/api/v1/gatherings', { unit: 'TC1', kind, title: `${kind} ${day}`, host: w.lead1.id, hostRole: 'chairman', start: `${d}T08:00`, end: `${d}T10:00` }, w.recep1.headers);
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as number;
    };
    const book = async (id: number, phone: string) => {
      const res = await post(`/api/v1/gatherings/${id}/bookings`, { phone });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().code as string;
    };
    const hold = async (id: number) => {
      assert.equal((await post(`/api/v1/gatherings/${id}/actions`, { type: 'open' }, w.recep1.headers)).statusCode, 200);
      assert.equal((await post(`/api/v1/gatherings/${id}/actions`, { type: 'close', minutes: 'Biên bản' }, w.recep1.headers)).statusCode, 200);
    };
    /** A fresh browser each time unless a cookie is given. */
    const rate = (payload: Record<string, unknown>, cookie?: string, lang = 'en') =>
      post('/api/v1/rate/gatherings', payload, { 'accept-language': lang, ...(cookie ? { cookie } : {}) });

    test('setup', async () => {
      w = await createWorld(t());
      const a = await createOfficial(t(), { roles: [{ unit: 'TP', role: 'administrator' }] });
      const set = await post('/api/v1/norm-sets', { unit: 'TC1', key: 'principles', names: texts('Principles'), norms: [{ code: 'P1', texts: texts('Listened to me') }] }, a.headers);
      assert.equal(set.statusCode, 201, set.body);
      norm = set.json().norms[0].id;
    });

    test('a booking rates its forum once, after it is held; the rating is the host’s and the unit’s, audited, in the scorecard', async () => {
      const id = await plan('forum');
      const code = await book(id, '0912000001');

      const early = await rate({ code, score: 5 });
      assert.equal(early.statusCode, 409);
      assert.equal(early.json().error.code, 'gathering_not_held');
      const before = (await get(`/api/v1/rate/gatherings/${code}`)).json();
      assert.equal(before.status, 'not_held');
      assert.equal(before.gathering.id, id);
      assert.deepEqual(before.host, { id: w.lead1.id, name: 'Leader One' });
      assert.deepEqual(before.normSets[0].norms.map((n: { id: number }) => n.id), [norm], 'the norms in force at the gathering’s unit');
      await post(`/api/v1/gatherings/${id}/actions`, { type: 'open' }, w.recep1.headers);
      assert.equal((await rate({ code, score: 5 })).json().error.code, 'gathering_not_held', 'not while it runs');
      await post(`/api/v1/gatherings/${id}/actions`, { type: 'close', minutes: 'Biên bản' }, w.recep1.headers);
      assert.equal((await get(`/api/v1/rate/gatherings/${code}`)).json().status, 'open');

      const card = async () =>
        (await get(`/api/v1/scorecards/officials/${w.lead1.id}?period=2026-03`, w.lead1.headers)).json().criteria.find((c: { measure: string }) => c.measure === 'satisfaction');
      const without = await card();
      assert.equal(without.value, null, 'no rating of the leader yet');

      const rated = await rate({ code: code.toLowerCase(), score: 1, norms: [norm], comment: 'Chưa được trả lời' });
      assert.equal(rated.statusCode, 201, rated.body);
      const row = await t().ctx.db.selectFrom('satisfaction_ratings').selectAll().where('id', '=', rated.json().id).executeTakeFirstOrThrow();
      assert.equal(row.source, 'gathering');
      assert.equal(Number(row.gathering_id), id);
      assert.equal(Number(row.official_id), w.lead1.id, 'the official who hosted it');
      assert.equal(row.unit_path, w.units.TC1.path);
      assert.equal(row.service_point_id, null);
      assert.deepEqual(row.norm_ids.map(Number), [norm]);

      const withRating = await card();
      assert.equal(withRating.denominator, 1, 'the scorecard counts the gathering’s rating');
      assert.equal(withRating.value, 0, 'a very unhappy face');

      const again = await rate({ code, score: 5 }, undefined, 'vi');
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'gathering_already_rated');
      assert.match(again.json().error.message, /đã được dùng để đánh giá/);
      assert.equal((await get(`/api/v1/rate/gatherings/${code}`)).json().status, 'rated');
      assert.equal((await card()).denominator, 1, 'the second rating changed nothing');

      const audit = await t().ctx.db.selectFrom('audit_events').select(['action', 'changes']).where('subject_type', '=', 'gathering').where('subject_id', '=', String(id)).where('action', '=', 'gathering.rated').execute();
      assert.equal(audit.length, 1);
      assert.equal(JSON.stringify(audit[0].changes).includes('0912000001'), false, 'the audit names the booking, not the phone number');
    });

    test('a wrong code is 404 whether or not the gathering exists; a cancelled booking no longer rates', async () => {
      for (const code of ['ZZZZZZZZ', 'ABCD2345']) {
        const res = await rate({ code, score: 4 }, undefined, 'zh');
        assert.equal(res.statusCode, 404);
        assert.equal(res.json().error.code, 'rating_booking_unknown');
        assert.match(res.json().error.message, /预约/);
        assert.equal((await get(`/api/v1/rate/gatherings/${code}`)).statusCode, 404);
      }
      const id = await plan('reception_day');
      const code = await book(id, '0912000002');
      assert.equal((await post(`/api/v1/gatherings/${id}/bookings/${code}/cancel`, { phone: '0912000002' })).statusCode, 204);
      await hold(id);
      assert.equal((await rate({ code, score: 4 })).json().error.code, 'rating_booking_unknown');
    });

    test('working sessions are not rated by residents; a norm not in force is refused', async () => {
      const id = await plan('working_session');
      const code = await book(id, '0912000003');
      await hold(id);
      const res = await rate({ code, score: 3 });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, 'gathering_not_rated');
      assert.equal((await get(`/api/v1/rate/gatherings/${code}`)).json().status, 'not_rated');

      const forum = await plan('dialogue');
      const ok = await book(forum, '0912000004');
      await hold(forum);
      assert.equal((await rate({ code: ok, score: 3, norms: [999999] })).json().error.code, 'norm_not_in_force');
    });

    test('a phone number and a phone’s browser rate a few times a day', async () => {
      const phone = '0912000005';
      const codes: string[] = [];
      for (let i = 0; i <= floodLimits.phoneNumber.perDay; i++) {
        const id = await plan('outreach_day');
        codes.push(await book(id, phone));
        await hold(id);
      }
      for (const code of codes.slice(0, floodLimits.phoneNumber.perDay)) assert.equal((await rate({ code, score: 4 })).statusCode, 201);
      const flood = await rate({ code: codes.at(-1), score: 4 });
      assert.equal(flood.statusCode, 429, 'the same phone number from a fresh browser');
      assert.equal(flood.json().error.code, 'rating_flood');
      t().clock.advance(86_400_000 + 1000);
      assert.equal((await rate({ code: codes.at(-1), score: 4 })).statusCode, 201, 'the next day');

      // One browser, several phone numbers.
      const first = await rate({ code: 'NOSUCH99', score: 4 });
      const cookie = String(first.headers['set-cookie']).split(';')[0];
      assert.match(cookie, /^zd_rater=/);
      let last = first;
      for (let i = 0; i <= floodLimits.link.perDay; i++) {
        const id = await plan('service_day');
        const code = await book(id, `09130000${String(i).padStart(2, '0')}`);
        await hold(id);
        last = await rate({ code, score: 5 }, cookie);
        if (i < floodLimits.link.perDay) assert.equal(last.statusCode, 201, last.body);
      }
      assert.equal(last.statusCode, 429, 'the same browser with another phone number');
    });
  },
  testOptions,
);
