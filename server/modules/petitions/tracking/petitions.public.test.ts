import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../../test/server.ts';
import { createWorld, submitOk, testOptions } from '../petitions.testing.ts';

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
      assert.deepEqual(await list(`unit=TC1&q=${encodeURIComponent('học phí mầm non')}`), []);
      const unknown = await t().app.inject({ method: 'GET', url: '/api/v1/petitions/public?unit=NOPE' });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().error.code, 'unknown_unit');
    });
  },
  testOptions,
);
