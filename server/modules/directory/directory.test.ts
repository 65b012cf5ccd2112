/** The public staff directory, and conduct reports that name one of its entries. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { api, createWorld, submitOk, testOptions, type World } from '../petitions/petitions.testing.ts';

describeEachBackend('the public staff directory', (t) => {
  let w: World;
  const staff = (code: string, lang = 'en') => t().app.inject({ method: 'GET', url: `/api/v1/units/${code}/staff`, headers: { 'accept-language': lang } });

  test('setup', async () => {
    w = await createWorld(t());
    await t().ctx.db.updateTable('accounts').set({ position: 'Chủ tịch UBND xã', phone: '+84911000111', email: 'lead1@tc1.vn' }).where('id', '=', w.lead1.id).execute();
    await t().ctx.db.updateTable('accounts').set({ disabled_at: new Date('2026-01-01T00:00:00Z') }).where('id', '=', w.hand1b.id).execute();
  });

  test('anyone reads who works at a unit and what they handle, without any contact data', async () => {
    const res = await staff('TC1');
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.deepEqual(body.unit.code, 'TC1');
    const ids = body.items.map((e: { id: number }) => e.id).sort((a: number, b: number) => a - b);
    const placed = [w.disp1, w.lead1, w.lead1b, w.hand1, w.recep1].map((o) => o.id).sort((a, b) => a - b);
    assert.deepEqual(ids, placed, 'the officials placed at the commune; not those of the villages, other communes or the province; not a disabled one');
    const leader = body.items.find((e: { id: number }) => e.id === w.lead1.id);
    assert.deepEqual(leader, { id: w.lead1.id, name: 'Leader One', position: 'Chủ tịch UBND xã', agency: null, roles: ['leader'] });
    for (const secret of ['+84911000111', 'lead1@tc1.vn', 'username', 'phone', 'email']) assert.ok(!res.body.includes(secret), secret);
    assert.equal((await staff('NO_SUCH_UNIT')).statusCode, 404);
  });

  test('a conduct report names an entry of the chosen unit’s directory; an unknown id and another unit’s official get the same answer as any bad field', async () => {
    const report = (reportedOfficial: number) =>
      api(t()).submit({ unit: 'TC1', kind: 'conduct_report', body: 'The clerk shouted at me.', reportedOfficial, anonymous: true }, undefined, 'vi');
    const unknown = await report(987654);
    const elsewhere = await report(w.hand2.id);
    const disabled = await report(w.hand1b.id);
    for (const res of [unknown, elsewhere, disabled]) {
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'invalid_input');
    }
    assert.equal(unknown.body, elsewhere.body, 'nothing tells an id that exists from one that does not');
    assert.equal(unknown.body, disabled.body);
    const ok = await submitOk(t(), { unit: 'TC1', kind: 'conduct_report', body: 'The clerk shouted at me.', reportedOfficial: w.hand1.id, anonymous: true });
    assert.equal(ok.status, 'received');
  });
}, testOptions);
