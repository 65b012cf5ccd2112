/**
 * The events other modules register: a gathering published, a matter resolved. A receiver that
 * checks every signature and fails the first attempt of each delivery still gets each event
 * once; a subscription hears only its own subtree; nothing personal of residents goes out (who
 * booked or attended, who proposed or co-signed, the texts only a council keeps).
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { createOfficial, createSmallTree } from '../../test/factories.ts';
import { deliverAll, uniqueDeliveries, webhookReceiver } from './webhooks.testing.ts';

type Headers = Record<string, string>;

describeEachBackend('webhooks: gatherings and matters', (t) => {
  const receiver = webhookReceiver(t, (_, attempt) => attempt === 1);
  const post = (url: string, headers: Headers | undefined, payload: unknown) =>
    t().app.inject({ method: 'POST', url, headers: { 'accept-language': 'en', ...headers }, payload: payload as object });
  let keys = 0;

  async function publishGathering(officer: { headers: Headers }, unit: string, title: string) {
    const planned = await post('/api/v1/gatherings', officer.headers, {
      unit, kind: 'reception_day', title, place: 'Trụ sở UBND xã', start: '2026-03-05T07:30', end: '2026-03-05T11:00', capacity: 20, topics: ['land'],
    });
    assert.equal(planned.statusCode, 201, planned.body);
    const id = planned.json().id as number;
    const booked = await post(`/api/v1/gatherings/${id}/bookings`, undefined, { phone: '0912345678', name: 'Trần Thị Bình' });
    assert.equal(booked.statusCode, 201, booked.body);
    const act = async (type: string, extra: object = {}) => {
      const res = await post(`/api/v1/gatherings/${id}/actions`, officer.headers, { type, ...extra });
      assert.equal(res.statusCode, 200, res.body);
    };
    await act('open');
    const entry = await post(`/api/v1/gatherings/${id}/entries`, officer.headers, { key: `wh${++keys}k${process.pid}0000`, type: 'attendance', names: ['Trần Thị Bình', 'Lê Văn Cường'] });
    assert.equal(entry.statusCode, 201, entry.body);
    await act('close', { minutes: 'Biên bản: bà Trần Thị Bình hỏi về sổ đỏ.' });
    await act('publish', { summary: 'Đã tiếp 2 công dân; hỏi thêm xin gọi 0987654321.', outcomes: 'Giải đáp tại chỗ 1 việc.' });
    return id;
  }

  it('delivers gathering.published and matter.resolved of the subtree once each, signed, despite a failed first attempt; nothing personal', async () => {
    await createSmallTree(t().ctx.db, 'WG');
    const admin = await createOfficial(t(), { roles: [{ unit: null, role: 'administrator' }] });
    const events = (await t().app.inject({ method: 'GET', url: '/api/v1/webhooks/events', headers: admin.headers })).json().items;
    assert.ok(events.includes('gathering.published') && events.includes('matter.resolved'), events.join());
    const subscribe = async (unit: string, path: string) => {
      const res = await post('/api/v1/webhooks', admin.headers, { url: `${receiver.url}${path}`, unit, events: ['gathering.published', 'matter.resolved'] });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: number; secret: string };
    };
    const commune = await subscribe('WGC1', '/commune-one');
    const other = await subscribe('WGC2', '/commune-two');
    receiver.secrets = { '/hook/commune-one': commune.secret, '/hook/commune-two': other.secret };
    t().clock.advance(1000);

    // Gatherings: one in each commune, and one cancelled (no event).
    const officer1 = await createOfficial(t(), { roles: [{ unit: 'WGC1', role: 'reception_officer' }] });
    const officer2 = await createOfficial(t(), { roles: [{ unit: 'WGC2', role: 'reception_officer' }] });
    const g1 = await publishGathering(officer1, 'WGC1', 'Tiếp công dân định kỳ tháng 3');
    const g2 = await publishGathering(officer2, 'WGC2', 'Tiếp công dân xã bên');
    const cancelled = await post('/api/v1/gatherings', officer1.headers, { unit: 'WGC1', kind: 'forum', title: 'Diễn đàn', start: '2026-03-06T08:00', end: '2026-03-06T10:00' });
    assert.equal((await post(`/api/v1/gatherings/${cancelled.json().id}/actions`, officer1.headers, { type: 'cancel', reason: 'Mưa bão' })).statusCode, 200);

    // A matter of a villager group below the commune, proposed by residents, resolved by its council.
    const secretary = await createOfficial(t(), { roles: [{ unit: 'WGV1', role: 'council_secretary' }] });
    const leader = await createOfficial(t(), { roles: [{ unit: 'WGC1', role: 'leader' }] });
    const group = await post('/api/v1/units/WGV1/subunits', leader.headers, { name: 'Tổ 1', level: 'group' });
    assert.equal(group.statusCode, 201, group.body);
    const members = ['A', 'B', 'C', 'D', 'E'].map((n, i) => ({ name: `Thành viên ${n}`, role: i === 0 ? 'chair' : i === 1 ? 'secretary' : 'member', electedOn: '2025-01-01', termUntil: '2029-12-31' }));
    const council = await post('/api/v1/councils', secretary.headers, { unit: group.json().code, kind: 'group_council', name: 'Hội đồng tổ 1', cosignersRequired: 2, members });
    assert.equal(council.statusCode, 201, council.body);
    const ids = council.json().members.map((m: { id: number }) => m.id);
    const proposed = await post(`/api/v1/councils/${council.json().id}/matters`, secretary.headers, {
      content: 'development', title: 'Bê tông hoá đường xóm', body: 'Ông Phan Văn Khải, điện thoại 0911222333, đề nghị làm đường.',
      proposer: 'residents', proposerName: 'Phan Văn Khải', cosigners: ['Hồ Thị Mai', 'Đỗ Văn Tâm'],
    });
    assert.equal(proposed.statusCode, 201, proposed.body);
    const matter = proposed.json().id as number;
    const act = async (who: { headers: Headers }, payload: Record<string, unknown>) => {
      const res = await post(`/api/v1/matters/${matter}/actions`, who.headers, payload);
      assert.equal(res.statusCode, 200, res.body);
    };
    await act(secretary, { type: 'open_evaluation' });
    await act(secretary, { type: 'submit_for_review' });
    await act(leader, { type: 'review', outcome: 'approved' });
    await act(secretary, { type: 'resolve', heldOn: '2026-03-01', present: ids.slice(0, 4), for: 3, against: 1, abstain: 0, minutes: 'Biên bản họp, ông Phan Văn Khải trình bày.' });

    await deliverAll(t());
    await deliverAll(t()); // a second scan finds nothing new

    assert.equal(receiver.bad, 0, 'every delivery was signed with the secret');
    const unique = uniqueDeliveries(receiver.seen);
    for (const r of unique) assert.equal(receiver.seen.filter((s) => s.id === r.id).length, 2, `${r.event}: failed once, then delivered`);
    for (const r of receiver.seen) assert.equal(r.raw, unique.find((u) => u.id === r.id)!.raw, 'a retry carries the same body');
    const got = unique.map((r) => `${r.path} ${r.event} ${String(r.body.data.gathering?.id ?? r.body.data.matter?.id)}`).sort();
    assert.deepEqual(got, [`/hook/commune-one gathering.published ${g1}`, `/hook/commune-one matter.resolved ${matter}`, `/hook/commune-two gathering.published ${g2}`].sort());

    const gathering = unique.find((r) => r.event === 'gathering.published' && r.path === '/hook/commune-one')!;
    assert.equal(gathering.body.unit, 'WGC1');
    assert.deepEqual(Object.keys(gathering.body.data.gathering).sort(), [
      'attendance', 'endsAt', 'id', 'kind', 'localStart', 'outcomes', 'place', 'startsAt', 'summary', 'timeZone', 'title', 'topics', 'unit',
    ]);
    assert.equal(gathering.body.data.gathering.attendance, 2);
    assert.equal(gathering.body.data.gathering.localStart, '2026-03-05 07:30');
    assert.doesNotMatch(gathering.raw, /0987654321|0912345678|Trần Thị Bình|Lê Văn Cường|Biên bản/, 'no phone, booking, attendee or minutes');

    const resolved = unique.find((r) => r.event === 'matter.resolved')!;
    assert.equal(resolved.body.unit, group.json().code);
    assert.deepEqual(resolved.body.data.matter, {
      id: matter, title: 'Bê tông hoá đường xóm', content: 'development', council: 'Hội đồng tổ 1', unit: group.json().code, passed: true, heldOn: '2026-03-01',
      votes: { members: 5, present: 4, for: 3, against: 1, abstain: 0 },
    });
    assert.doesNotMatch(resolved.raw, /Phan Văn Khải|0911222333|Hồ Thị Mai|Đỗ Văn Tâm|Thành viên|Biên bản/, 'no proposer, co-signer, member or minutes');

    const list = (await t().app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: admin.headers })).json().items as Array<{ id: number; deliveries: object }>;
    assert.deepEqual(list.find((s) => s.id === commune.id)?.deliveries, { delivered: 2, pending: 0, failed: 0 });
    assert.deepEqual(list.find((s) => s.id === other.id)?.deliveries, { delivered: 1, pending: 0, failed: 0 });
  });
});
