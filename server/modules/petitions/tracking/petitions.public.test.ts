import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../../test/server.ts';
import { createWorld, submitOk, testOptions } from '../petitions.testing.ts';
import { publicPetitions } from './tracking.queries.ts';

interface Item {
  trackingCode: string;
  excerpt: string;
  place: { lat: number; lng: number } | null;
}

describeEachBackend(
  "a unit's public petitions",
  (t) => {
    const list = async (query: string) => {
      const res = await t().app.inject({ method: 'GET', url: `/api/v1/petitions/public?${query}` });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as { items: Item[] }).items;
    };

    test('only what residents agreed to publish, never a complaint, denunciation or conduct report; no name, numbers masked, the place rounded', async () => {
      await createWorld(t());
      const resident = { name: 'Nguyễn Văn An', phone: '0912345678' };
      const shown = await submitOk(t(), {
        unit: 'TC1', kind: 'suggestion', body: 'Đèn đường ở ngã ba xóm 3 bị hỏng, gọi tôi 0912345678.', resident,
        consentToPublish: true, location: { lat: 18.733412, lng: 105.331178, address: 'Nhà số 12 xóm 3' },
      });
      const unpublished = await submitOk(t(), { unit: 'TC1', kind: 'question', body: 'Đèn đường xóm 3 có được sửa không?', resident });
      const complaint = await submitOk(t(), { unit: 'TC1', kind: 'complaint', body: 'Khiếu nại về đèn đường xóm 3.', resident, consentToPublish: true });
      const elsewhere = await submitOk(t(), { unit: 'TC2', kind: 'suggestion', body: 'Đèn đường xã bên cạnh.', resident, consentToPublish: true });

      const items = await list('unit=TC1');
      assert.deepEqual(items.map((i) => i.trackingCode), [shown.trackingCode]);
      for (const code of [unpublished.trackingCode, complaint.trackingCode, elsewhere.trackingCode]) {
        assert.ok(!items.some((i) => i.trackingCode === code), code);
      }
      assert.deepEqual(items[0].place, { lat: 18.733, lng: 105.331 });
      const text = JSON.stringify(items);
      for (const secret of ['Nguyễn Văn An', '0912345678', 'Nhà số 12']) assert.ok(!text.includes(secret), secret);
      assert.match(items[0].excerpt, /^Đèn đường ở ngã ba xóm 3 bị hỏng/);
      // The province lists what was raised anywhere below it.
      assert.deepEqual((await list('unit=TP')).map((i) => i.trackingCode).sort(), [shown.trackingCode, elsewhere.trackingCode].sort());
    });

    test('"is this already reported?": petitions sharing the words come first, none when nothing matches', async () => {
      const road = await submitOk(t(), { unit: 'TC1', kind: 'help_request', body: 'Cây đổ chắn ngang đường liên thôn sau bão.', consentToPublish: true });
      const found = await list(`unit=TC1&q=${encodeURIComponent('cây đổ chắn đường')}`);
      assert.equal(found[0].trackingCode, road.trackingCode);
      // The street-light suggestion shares one word ("đường") and comes after; the complaint that shares it never shows.
      assert.equal(found.length, 2);
      assert.match(found[1].excerpt, /^Đèn đường/);
      assert.deepEqual((await list(`unit=TC1&limit=1&q=${encodeURIComponent('cây đổ chắn đường')}`)).map((i) => i.trackingCode), [road.trackingCode]);
      assert.deepEqual(await list(`unit=TC1&q=${encodeURIComponent('học phí mầm non')}`), []);
      const unknown = await t().app.inject({ method: 'GET', url: '/api/v1/petitions/public?unit=NOPE' });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().error.code, 'unknown_unit');
    });

    test('the query itself rounds the place and leaves out complaints, denunciations and conduct reports', async () => {
      const province = await t().ctx.db.selectFrom('units').select('path').where('code', '=', 'TP').executeTakeFirstOrThrow();
      const place = { lat: 18.7004999, lng: 105.3315001, address: 'Ngõ 4' };
      const kept = await submitOk(t(), { unit: 'TC2', kind: 'question', body: 'Bao giờ sửa cống thoát nước ngõ 4?', consentToPublish: true, location: place });
      const hidden = [
        await submitOk(t(), { unit: 'TC2', kind: 'complaint', body: 'Khiếu nại cống thoát nước ngõ 4.', resident: { name: 'B', phone: '0912000001' }, consentToPublish: true, location: place }),
        await submitOk(t(), { unit: 'TC2', kind: 'denunciation', body: 'Tố cáo việc lấp cống ngõ 4.', resident: { name: 'C', phone: '0912000002' }, consentToPublish: true, location: place }),
      ];
      const rows = await publicPetitions(t().ctx.db, province.path, { limit: 200 });
      const row = rows.find((r) => r.tracking_code === kept.trackingCode);
      assert.ok(row);
      assert.deepEqual([row.place_lat, row.place_lng], [18.7, 105.332]);
      for (const r of rows) {
        assert.ok(!('location_lat' in r) && !('location_lng' in r), 'no exact place leaves the query');
        assert.ok(['question', 'suggestion', 'help_request'].includes(r.kind), r.kind);
      }
      for (const h of hidden) assert.ok(!rows.some((r) => r.tracking_code === h.trackingCode), h.trackingCode);
    });

    test('"is this already reported?" near a place: open petitions of the category within the radius, nearest first', async () => {
      const at = (lat: number, lng: number) => ({ lat, lng });
      const well = { lat: 18.8, lng: 105.4 };
      const submit = (body: string, category: string, place: { lat: number; lng: number }) =>
        submitOk(t(), { unit: 'TC1', kind: 'suggestion', body, category, consentToPublish: true, location: place });
      const near = await submit('Giếng nước công cộng bị đục.', 'water', at(18.8004, 105.4)); // ~45 m north
      const nearer = await submit('Nước giếng có mùi lạ.', 'water', at(18.8, 105.4002)); // ~21 m east
      const far = await submit('Giếng xóm bên bị cạn.', 'water', at(18.82, 105.4)); // ~2.2 km
      const otherCategory = await submit('Đèn đường cạnh giếng bị hỏng.', 'lighting', at(18.8001, 105.4001));
      const closed = await submit('Giếng nước bị đục từ năm ngoái.', 'water', at(18.8002, 105.4));
      await t().ctx.db.updateTable('petitions').set({ status: 'closed' }).where('tracking_code', '=', closed.trackingCode).execute();

      const found = await list(`unit=TC1&lat=${well.lat}&lng=${well.lng}&radius=300&category=water&open=true`);
      assert.deepEqual(found.map((i) => i.trackingCode), [nearer.trackingCode, near.trackingCode]);
      for (const code of [far.trackingCode, otherCategory.trackingCode, closed.trackingCode]) assert.ok(!found.some((i) => i.trackingCode === code));
      // A wider circle reaches the far one; without the category filter, the lamp too.
      assert.ok((await list(`unit=TC1&lat=${well.lat}&lng=${well.lng}&radius=3000&category=water&open=true`)).some((i) => i.trackingCode === far.trackingCode));
      assert.ok((await list(`unit=TC1&lat=${well.lat}&lng=${well.lng}&radius=300`)).some((i) => i.trackingCode === otherCategory.trackingCode));
      // Another unit's petitions at the same place are not this unit's.
      assert.deepEqual(await list(`unit=TC2&lat=${well.lat}&lng=${well.lng}&radius=300&category=water`), []);

      const half = await t().app.inject({ method: 'GET', url: `/api/v1/petitions/public?unit=TC1&lat=${well.lat}`, headers: { 'accept-language': 'vi' } });
      assert.equal(half.statusCode, 400);
      assert.equal(half.json().error.code, 'invalid_input');
    });
  },
  testOptions,
);
