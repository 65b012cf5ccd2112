import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../../test/server.ts';
import { actOk, createWorld, submitOk, testOptions } from '../petitions.testing.ts';

describeEachBackend(
  'merge candidates',
  (t) => {
    it('proposes a duplicate typed with other words, and one reported at the same place, as merge candidates', async () => {
      const w = await createWorld(t(), 'SM');
      const first = await submitOk(t(), {
        unit: 'SMC1',
        kind: 'suggestion',
        body: 'Đường liên xóm 3 bị sạt lở nghiêm trọng sau mưa lũ, xe máy không đi qua được, đề nghị xã sửa chữa.',
        location: { lat: 18.7334, lng: 105.3311 },
      });
      await submitOk(t(), { unit: 'SMC1', kind: 'question', body: 'Xin hỏi thủ tục tách hộ khẩu cần những giấy tờ gì?' });
      await submitOk(t(), { unit: 'SMC1', kind: 'suggestion', body: 'Đề nghị lắp thêm đèn chiếu sáng ở ngã ba chợ.' });
      const elsewhere = await submitOk(t(), { unit: 'SMC2', kind: 'suggestion', body: 'Đường xóm 3 sạt lở sau mưa lũ.' });
      const nearby = await submitOk(t(), { unit: 'SMC1', kind: 'help_request', body: 'Nhà tôi bị nứt tường, xin hỗ trợ.', location: { lat: 18.7344, lng: 105.3311 } });
      const merged = await submitOk(t(), { unit: 'SMC1', kind: 'suggestion', body: 'Sạt lở đường xóm 3.' });
      await actOk(t(), w.disp1, merged.id, { type: 'merge', into: first.id });

      // Other words, same road: "landslide on the hamlet 3 road after the heavy rain, cannot pass".
      const dup = await submitOk(t(), {
        unit: 'SMC1',
        kind: 'suggestion',
        body: 'Sau trận mưa lớn vừa rồi, đoạn đường ở xóm 3 bị sạt, bà con đi lại rất khó khăn.',
        location: { lat: 18.7335, lng: 105.3312 },
      });
      const res = await t().app.inject({ method: 'GET', url: `/api/v1/petitions/${dup.id}/similar`, headers: w.disp1.headers });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.mayMerge, true);
      assert.equal(body.items[0].id, first.id, 'the same road comes first');
      assert.ok(body.items[0].metres < 50);
      const ids = body.items.map((i: { id: number }) => i.id);
      assert.ok(ids.includes(nearby.id), 'a petition about a place 110 m away is a candidate too');
      assert.ok(!ids.includes(elsewhere.id), 'another commune\'s petition is not');
      assert.ok(!ids.includes(merged.id), 'a merged petition is not');
      assert.ok(!ids.includes(dup.id));

      // The dispatcher merges it through the merge action.
      const after = await actOk(t(), w.disp1, dup.id, { type: 'merge', into: first.id });
      assert.equal(after.status, 'merged');

      assert.equal((await t().app.inject({ method: 'GET', url: `/api/v1/petitions/${first.id}/similar`, headers: w.disp2.headers })).statusCode, 404, "another commune does not learn it exists");
      const denunciation = await submitOk(t(), { unit: 'SMC1', kind: 'denunciation', body: 'Đường xóm 3 sạt lở vì thầu làm ẩu.', resident: { name: 'A', phone: '0912345678' } });
      const none = await t().app.inject({ method: 'GET', url: `/api/v1/petitions/${denunciation.id}/similar`, headers: w.lead1.headers });
      assert.deepEqual(none.json().items, [], 'a denunciation is never offered others to merge with');
    });
  },
  testOptions,
);
