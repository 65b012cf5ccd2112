import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { seedDemo } from './seed.ts';

describeEachBackend('demo data: codes of conduct and satisfaction', (t) => {
  it('the articles’ codes of conduct in three languages, the enrolled counter tablets of Thanh Nho and Nam Đàn town and their ratings, once', async () => {
    await seedDemo(t().ctx);
    await seedDemo(t().ctx);
    const camTam = (await t().app.inject({ url: '/api/v1/units/15163/norm-sets' })).json().items;
    assert.deepEqual(camTam.map((s: { key: string; norms: unknown[] }) => [s.key, s.norms.length]), [
      ['5-biet-4-tang-4-the-hien-3-khong', 16],
      ['muoi-nguyen-tac', 10],
    ]);
    const thanhNho = (await t().app.inject({ url: '/api/v1/units/17719/norm-sets' })).json().items;
    assert.deepEqual(thanhNho.map((s: { key: string; unit: { code: string }; norms: unknown[] }) => [s.key, s.unit.code, s.norms.length]), [['3-can-3-dung-3-khong-3-chong-3-quyet-tam', '428', 15]], 'the district’s set holds in its commune');
    for (const set of [...camTam, ...thanhNho]) {
      for (const text of [set.names, ...set.norms.map((n: { texts: unknown }) => n.texts)]) {
        assert.deepEqual(Object.keys(text).sort(), ['en', 'vi', 'zh'], `${set.key}: every text in vi, zh and en`);
      }
    }
    assert.equal(camTam.find((s: { key: string }) => s.key === 'muoi-nguyen-tac').norms[0].texts.vi, 'Dân đến được chào hỏi');

    const devices = await t().ctx.db.selectFrom('satisfaction_devices').select(['enrolled_at', 'revoked_at']).execute();
    assert.equal(devices.length, 2);
    assert.ok(devices.every((d) => d.enrolled_at && !d.revoked_at), 'the demo tablets are enrolled');
    const ratings = await t().ctx.db
      .selectFrom('satisfaction_ratings as r')
      .leftJoin('service_points as sp', 'sp.id', 'r.service_point_id')
      .leftJoin('units as u', 'u.id', 'sp.unit_id')
      .select(['r.source', 'r.norm_ids', 'r.official_id', 'r.gathering_id', 'u.code'])
      .execute();
    assert.deepEqual([ratings.filter((r) => r.code === '17719').length, ratings.filter((r) => r.code === '17950').length], [7, 10]);
    assert.ok(ratings.filter((r) => r.code === '17950').every((r) => r.source === 'kiosk'), 'Nam Đàn town rates at the counter tablet');
    assert.equal(ratings.length, 22, 'seven at Thanh Nho\'s counter, ten at Nam Đàn town\'s and five of a forum, each added once');
    assert.ok(ratings.some((r) => r.source === 'link') && ratings.some((r) => r.source === 'kiosk'));
    const ofForum = ratings.filter((r) => r.source === 'gathering');
    assert.equal(ofForum.length, 5);
    const forum = await t().ctx.db
      .selectFrom('gatherings as g')
      .innerJoin('accounts as a', 'a.id', 'g.host_id')
      .select(['g.id', 'g.kind', 'g.state', 'a.username'])
      .where('g.id', '=', Number(ofForum[0].gathering_id))
      .executeTakeFirstOrThrow();
    assert.deepEqual([forum.kind, forum.state, forum.username], ['forum', 'published', 'thanhnho.leader'], 'a held forum, rated for the leader who hosted it');
    assert.ok(ofForum.every((r) => Number(r.gathering_id) === Number(forum.id) && Number(r.official_id) === Number(ofForum[0].official_id)));
    const booked = await t().ctx.db.selectFrom('gathering_bookings').select('id').where('gathering_id', '=', Number(forum.id)).execute();
    assert.equal(booked.length, 5, 'each rating with its own booking code');
    assert.ok(ratings.some((r) => r.norm_ids.length > 0), 'some ratings give reasons tied to norms');
    const kiosk = await t().ctx.db.selectFrom('service_point_duty as d').innerJoin('accounts as a', 'a.id', 'd.official_id').select('a.username').execute();
    assert.deepEqual(kiosk.map((d) => d.username).sort(), ['namdan.onestop', 'thanhnho.dispatcher'], 'an official is on duty at each counter');
    const staff = (await t().app.inject({ url: '/api/v1/units/17719/staff' })).json().items as Array<{ name: string; photo: string | null }>;
    const withPhoto = staff.filter((s) => s.photo);
    assert.equal(withPhoto.length, 2, 'two officials show a photo in the directory');
    const served = await t().app.inject({ url: withPhoto[0].photo! });
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers['content-type'], 'image/png');
  });
});
