/** The public staff directory, and conduct reports that name one of its entries. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { api, createWorld, submitOk, testOptions, type World } from '../petitions/petitions.testing.ts';
import { createOfficial } from '../../test/factories.ts';
import { tinyPng } from '../../robustness/world.ts';
import { photoMaxBytes } from './directory.policy.ts';

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
    assert.deepEqual(leader, { id: w.lead1.id, name: 'Leader One', position: 'Chủ tịch UBND xã', agency: null, roles: ['leader'], photo: null });
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

  test('an official sets and removes their own photo, an administrator of their unit may too; images only, size-limited, nothing stored on refusal', async () => {
    const put = (id: number, headers: Record<string, string>, payload: Buffer, type = 'image/png') =>
      t().app.inject({ method: 'PUT', url: `/api/v1/officials/${id}/photo`, payload, headers: { ...headers, 'content-type': type } });
    const count = async () => Number((await t().ctx.db.selectFrom('official_photos').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const contents = async () => Number((await t().ctx.db.selectFrom('attachment_contents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await contents();

    const pdf = await t().app.inject({ method: 'PUT', url: `/api/v1/officials/${w.hand1.id}/photo`, payload: Buffer.from('%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'), headers: { ...w.hand1.headers, 'content-type': 'application/pdf', 'accept-language': 'vi' } });
    assert.equal(pdf.statusCode, 415, pdf.body);
    assert.equal(pdf.json().error.code, 'photo_type');
    assert.match(pdf.json().error.message, /ảnh JPEG, PNG hoặc WebP/);
    const big = await put(w.hand1.id, w.hand1.headers, Buffer.concat([tinyPng, Buffer.alloc(photoMaxBytes)]));
    assert.equal(big.statusCode, 413, big.body);
    assert.equal((await put(w.hand1.id, w.hand2.headers, tinyPng)).statusCode, 403, 'another official cannot');
    assert.equal((await put(w.hand1.id, w.lead1.headers, tinyPng)).statusCode, 403, 'nor their leader');
    assert.equal((await put(w.hand1.id, {}, tinyPng)).statusCode, 401);
    assert.equal(await count(), 0);
    assert.equal(await contents(), before, 'nothing stored on refusal');

    const own = await put(w.hand1.id, w.hand1.headers, tinyPng);
    assert.equal(own.statusCode, 200, own.body);
    const entry = (await staff('TC1')).json().items.find((e: { id: number }) => e.id === w.hand1.id);
    assert.equal(entry.photo, own.json().photo);
    const served = await t().app.inject({ url: entry.photo });
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers['content-type'], 'image/png');
    assert.deepEqual(served.rawPayload, tinyPng);

    const admin = await createOfficial(t(), { roles: [{ unit: 'TP', role: 'administrator' }] });
    assert.equal((await t().app.inject({ method: 'DELETE', url: `/api/v1/officials/${w.hand1.id}/photo`, headers: admin.headers })).statusCode, 204, 'an administrator of the unit removes it');
    assert.equal((await t().app.inject({ url: entry.photo })).statusCode, 404);
    assert.equal((await put(w.hand1.id, admin.headers, tinyPng)).statusCode, 200, 'and sets one');
    await t().ctx.db.updateTable('accounts').set({ disabled_at: new Date('2026-01-02T00:00:00Z') }).where('id', '=', w.hand1.id).execute();
    assert.equal((await t().app.inject({ url: `/api/v1/officials/${w.hand1.id}/photo` })).statusCode, 404, 'served only while listed in a directory');
    await t().ctx.db.updateTable('accounts').set({ disabled_at: null }).where('id', '=', w.hand1.id).execute();
    const audit = await t().ctx.db.selectFrom('audit_events').select('action').where('subject_type', '=', 'account').where('subject_id', '=', String(w.hand1.id)).where('action', 'like', 'official_photo.%').orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => a.action), ['official_photo.set', 'official_photo.removed', 'official_photo.set']);
  });
}, testOptions);
