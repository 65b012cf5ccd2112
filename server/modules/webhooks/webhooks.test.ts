/**
 * Webhooks end to end: a receiver on a socket checks every signature, fails its first
 * attempts (after it has seen them: a receiver that crashed mid-way), and still sees each
 * event exactly once, for retries carry the same delivery id. Deliveries never speak of a
 * denunciation, nor of another subtree.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { createOfficial } from '../../test/factories.ts';
import { runDueJobs } from '../../platform/jobs.ts';
import { actOk, createWorld, petitionInProgress, submitOk, testOptions } from '../petitions/petitions.testing.ts';
import { signWebhook, verifyWebhook, webhookHeaders } from './webhooks.signature.ts';
import { deliverAll as deliverAllOf, webhookReceiver } from './webhooks.testing.ts';
import { scanWebhookEvents } from './webhooks.scan.ts';
import { subscriptionWants, acceptableUrl } from './webhooks.policy.ts';
import { deliveryBackoffMs } from './webhooks.deliver.ts';

it('signature: HMAC-SHA256 over timestamp and body, refused outside the replay window or when altered', () => {
  const headers = { [webhookHeaders.timestamp]: '1700000000', [webhookHeaders.signature]: signWebhook('s3cret', 1700000000, '{"a":1}') };
  assert.equal(verifyWebhook('s3cret', headers, '{"a":1}', 1700000100), true);
  assert.equal(verifyWebhook('s3cret', headers, '{"a":2}', 1700000100), false);
  assert.equal(verifyWebhook('other', headers, '{"a":1}', 1700000100), false);
  assert.equal(verifyWebhook('s3cret', headers, '{"a":1}', 1700000000 + 301), false);
});

it('policy: subtree, time, URLs and backoff', () => {
  const s = { unit_path: '/1/2/', created_at: new Date('2026-03-01') };
  assert.equal(subscriptionWants(s, { unit_path: '/1/2/3/', occurred_at: new Date('2026-03-02') }), true);
  assert.equal(subscriptionWants(s, { unit_path: '/1/4/', occurred_at: new Date('2026-03-02') }), false);
  assert.equal(subscriptionWants(s, { unit_path: '/1/2/', occurred_at: new Date('2026-02-28') }), false);
  assert.equal(acceptableUrl('https://example.org/hook'), true);
  assert.equal(acceptableUrl('https://user:pw@example.org/hook'), false);
  assert.equal(acceptableUrl('ftp://example.org'), false);
  assert.deepEqual([1, 2, 3].map(deliveryBackoffMs), [10_000, 20_000, 40_000]);
});

describeEachBackend('webhooks', (t) => {
  // It stores the first two attempts it sees, then fails before answering: the sender must try again.
  let failuresLeft = 2;
  const receiver = webhookReceiver(t, () => failuresLeft-- > 0);
  const { seen } = receiver;
  const deliverAll = () => deliverAllOf(t());

  it('delivers each event of the subtree once, signed, despite failures; never a denunciation', async () => {
    const w = await createWorld(t(), 'W');
    const admin = await createOfficial(t(), { roles: [{ unit: null, role: 'administrator' }] });
    const events = (await t().app.inject({ method: 'GET', url: '/api/v1/webhooks/events', headers: admin.headers })).json().items;
    for (const e of ['petition.received', 'petition.assigned', 'petition.answered', 'petition.overdue', 'petition.escalated']) assert.ok(events.includes(e), e);

    const made = await t().app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: admin.headers, payload: { url: receiver.url, unit: 'WP', events, description: 'district dashboard' } });
    assert.equal(made.statusCode, 201, made.body);
    receiver.secret = made.json().secret;
    assert.match(receiver.secret, /^whsec_/);
    const wp = await t().ctx.db.selectFrom('units').select('name').where('code', '=', 'WP').executeTakeFirstOrThrow();
    assert.deepEqual(made.json().unit, { code: 'WP', name: wp.name }, 'the subscription names its unit as { code, name }');
    const other = await t().app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: admin.headers, payload: { url: `${receiver.url}/other`, unit: 'WC2', events: ['petition.received'] } });
    assert.equal(other.statusCode, 201);
    const refused = await t().app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: admin.headers, payload: { url: receiver.url, events: ['petition.dreamt'] } });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().error.code, 'webhook_unknown_event');
    const leader = await t().app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: w.lead1.headers, payload: { url: receiver.url, events } });
    assert.equal(leader.statusCode, 403, 'administrators only');

    t().clock.advance(1000);
    const s = await petitionInProgress(t(), w, {}, 'W');
    await actOk(t(), w.hand1, s.id, { type: 'answer', text: 'Bring the household book and your identity card.' });
    const up = await submitOk(t(), { unit: 'WC1', kind: 'suggestion', body: 'The bridge needs a railing.', anonymous: true });
    await actOk(t(), w.disp1, up.id, { type: 'escalate', reason: 'beyond the commune', cause: 'beyond_competence' });
    await submitOk(t(), { unit: 'WC1', kind: 'denunciation', body: 'The cashier takes bribes.', resident: { name: 'Lý Văn Tố', phone: '0912345678' } });

    await deliverAll();
    await deliverAll(); // a second scan finds nothing new

    assert.equal(receiver.bad, 0, 'every delivery was signed with the secret');
    const unique = new Map(seen.map((r) => [r.id, r]));
    assert.ok(seen.length > unique.size, 'the receiver saw retries');
    for (const r of seen) assert.equal(r.raw, unique.get(r.id)!.raw, 'a retry carries the same body');
    const got = [...unique.values()].map((r) => `${r.event}:${r.body.data.petition.trackingCode}`).sort();
    assert.deepEqual(got, [
      `petition.answered:${s.trackingCode}`,
      `petition.assigned:${s.trackingCode}`,
      `petition.escalated:${up.trackingCode}`,
      `petition.received:${s.trackingCode}`,
      `petition.received:${up.trackingCode}`,
    ].sort());
    for (const r of unique.values()) {
      assert.equal(r.body.id, r.id);
      assert.deepEqual(Object.keys(r.body.data.petition).sort(), ['category', 'dueAt', 'kind', 'status', 'trackingCode', 'unit', 'urgent']);
      assert.ok(!r.raw.includes('Trần Thị Bình') && !r.raw.includes('household book'), 'no personal data, no text');
    }

    const list = (await t().app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: admin.headers })).json().items;
    const mine = list.find((x: { id: number }) => x.id === made.json().id);
    assert.deepEqual(mine.deliveries, { delivered: 5, pending: 0, failed: 0 });
    assert.equal(mine.lastStatus, 204);
    assert.ok(!('secret' in mine));
    const theOther = list.find((x: { id: number }) => x.id === other.json().id);
    assert.deepEqual(theOther.deliveries, { delivered: 0, pending: 0, failed: 0 }, 'another subtree hears nothing');
    const deliveries = (await t().app.inject({ method: 'GET', url: `/api/v1/webhooks/${made.json().id}/deliveries`, headers: admin.headers })).json().items;
    assert.equal(deliveries.length, 5);
    assert.ok(deliveries.some((d: { attempts: number; lastStatus: number }) => d.attempts > 1 && d.lastStatus === 204));

    // Overdue: the deadline sweep's notice is an event too.
    t().clock.advance(90 * 86_400_000);
    await runDueJobs(t().ctx);
    await deliverAll();
    assert.ok([...new Map(seen.map((r) => [r.id, r])).values()].some((r) => r.event === 'petition.overdue'));
  });

  it('a stopped subscription gets nothing more; a receiver that never answers ends failed', async () => {
    const admin = await createOfficial(t(), { roles: [{ unit: null, role: 'administrator' }] });
    const dead = await t().app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: admin.headers, payload: { url: 'http://127.0.0.1:9/nothing', events: ['petition.received'] } });
    assert.equal(dead.statusCode, 201);
    const stopped = await t().app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: admin.headers, payload: { url: `${receiver.url}/stopped`, events: ['petition.received'] } });
    const stop = await t().app.inject({ method: 'POST', url: `/api/v1/webhooks/${stopped.json().id}/stop`, headers: admin.headers });
    assert.equal(stop.statusCode, 200);
    assert.ok(stop.json().disabledAt);
    t().clock.advance(1000);
    await submitOk(t(), { unit: 'WC1', kind: 'question', body: 'When is the reception day?', anonymous: true });
    await scanWebhookEvents(t().ctx);
    for (let i = 0; i < 14; i++) {
      await runDueJobs(t().ctx);
      t().clock.advance(3 * 3_600_000);
    }
    const deadList = (await t().app.inject({ method: 'GET', url: `/api/v1/webhooks/${dead.json().id}/deliveries`, headers: admin.headers })).json().items;
    assert.equal(deadList.length, 1);
    assert.equal(deadList[0].attempts, 12);
    assert.ok(deadList[0].failedAt && deadList[0].lastError);
    assert.equal(seen.filter((r) => r.path === '/hook/stopped').length, 0, 'the stopped one heard nothing');
    assert.ok(seen.some((r) => r.path === '/hook' && r.body.data.petition.kind === 'question'), 'the live one did');
  });
}, testOptions);
