/** Codes of conduct per unit (inherited, versioned), counter kiosks and rating links, conduct reports and their findings. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend, type TestApp } from '../../test/server.ts';
import { createOfficial } from '../../test/factories.ts';
import { actOk, api, createWorld, submitOk, testOptions, type World } from '../petitions/petitions.testing.ts';
import { kioskWait, linkWait, floodLimits } from './conduct.policy.ts';

const texts = (en: string) => ({ vi: `${en} (vi)`, zh: `${en}（中）`, en });

test('policy: a kiosk waits between ratings and stops after its hourly allowance; a phone after its daily one', () => {
  const now = new Date('2026-03-02T02:00:00Z');
  assert.equal(kioskWait(now, null, 0), 0);
  assert.equal(kioskWait(now, new Date(now.getTime() - 3_000), 1), floodLimits.kiosk.minSecondsApart - 3);
  assert.equal(kioskWait(now, new Date(now.getTime() - 60_000), floodLimits.kiosk.perHour), 3600);
  assert.equal(linkWait(floodLimits.link.perDay - 1), 0);
  assert.ok(linkWait(floodLimits.link.perDay) > 0);
});

async function servicePoint(t: TestApp, unit: string): Promise<number> {
  const u = await t.ctx.db.selectFrom('units').select('id').where('code', '=', unit).executeTakeFirstOrThrow();
  const row = await t.ctx.db
    .insertInto('service_points')
    .values({ unit_id: u.id, kind: 'township.government_service_centre', name: `One-stop counter ${unit}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

describeEachBackend('codes of conduct and satisfaction where people are served', (t) => {
  let w: World;
  let admin: Awaited<ReturnType<typeof createOfficial>>;
  let point: number;
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    t().app.inject({ method: 'POST', url, payload: payload as Record<string, unknown>, headers });
  const get = (url: string, headers: Record<string, string> = {}) => t().app.inject({ method: 'GET', url, headers });

  test('setup', async () => {
    w = await createWorld(t());
    admin = await createOfficial(t(), { roles: [{ unit: 'TP', role: 'administrator' }] });
    point = await servicePoint(t(), 'TC1');
  });

  test('a province’s set holds in its communes, a commune adds its own; an edit is a new version and the old one stays readable', async () => {
    const province = await post('/api/v1/norm-sets', { unit: 'TP', key: 'three-nos', names: texts('3 nos'), norms: [{ code: 'N1', texts: texts('No harassment') }, { code: 'N2', texts: texts('No avoiding responsibility') }] }, admin.headers);
    assert.equal(province.statusCode, 201, province.body);
    assert.equal(province.json().version, 1);
    assert.deepEqual(province.json().unit, { code: 'TP', name: 'T Province' });
    const commune = await post('/api/v1/norm-sets', { unit: 'TC1', key: 'ten-principles', names: texts('10 principles'), norms: [{ code: 'P1', texts: texts('Greeted on arrival') }] }, admin.headers);
    assert.equal(commune.statusCode, 201);
    assert.equal((await post('/api/v1/norm-sets', { unit: 'TC1', key: 'ten-principles', names: texts('again'), norms: [{ code: 'P1', texts: texts('x') }] }, admin.headers)).json().error.code, 'norm_set_exists');
    assert.equal((await post('/api/v1/norm-sets', { unit: 'TC2', key: 'dup', names: texts('dup'), norms: [{ code: 'A', texts: texts('x') }, { code: 'A', texts: texts('y') }] }, admin.headers)).json().error.code, 'norm_code_repeated');
    const noVi = await post('/api/v1/norm-sets', { unit: 'TC2', key: 'partial', names: { en: 'x' }, norms: [{ code: 'A', texts: texts('x') }] }, admin.headers);
    assert.equal(noVi.statusCode, 400, 'every norm set speaks the three languages');
    assert.equal((await post('/api/v1/norm-sets', { unit: 'TC1', key: 'mine', names: texts('mine'), norms: [{ code: 'A', texts: texts('x') }] }, w.lead1.headers)).statusCode, 403);

    const atVillage = (await get('/api/v1/units/TV1/norm-sets')).json().items;
    assert.deepEqual(atVillage.map((s: { key: string }) => s.key), ['three-nos', 'ten-principles'], 'inherited down the tree, the higher unit first');
    assert.deepEqual(atVillage.map((s: { unit: unknown }) => s.unit), [{ code: 'TP', name: 'T Province' }, { code: 'TC1', name: 'T Commune One' }], 'each names the unit whose set it is');
    assert.deepEqual((await get('/api/v1/units/TC2/norm-sets')).json().items.map((s: { key: string }) => s.key), ['three-nos']);

    t().clock.advance(60_000);
    const edited = await t().app.inject({ method: 'PUT', url: `/api/v1/norm-sets/${province.json().id}`, headers: admin.headers, payload: { names: texts('3 nos'), norms: [{ code: 'N1', texts: texts('No harassment of residents') }, { code: 'N2', texts: texts('No avoiding responsibility') }, { code: 'N3', texts: texts('No missed appointments') }] } });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(edited.json().version, 2);
    const v1 = (await get(`/api/v1/norm-sets/${province.json().id}/versions/1`)).json();
    assert.equal(v1.norms.length, 2);
    assert.equal(v1.norms[0].texts.en, 'No harassment');
    assert.equal((await get('/api/v1/units/TC1/norm-sets')).json().items[0].norms.length, 3, 'the new version is in force');
    const audit = await t().ctx.db.selectFrom('audit_events').select('action').where('subject_type', '=', 'norm_set').where('subject_id', '=', String(province.json().id)).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => a.action), ['norm_set.created', 'norm_set.versioned']);
  });

  test('a counter tablet is enrolled once with its code; residents rate without signing in; a flood from one device is limited', async () => {
    const created = await post('/api/v1/satisfaction/devices', { servicePoint: point, name: 'Counter 1 tablet' }, admin.headers);
    assert.equal(created.statusCode, 201, created.body);
    const code: string = created.json().enrolmentCode;
    assert.equal((await post('/api/v1/satisfaction/devices', { servicePoint: point, name: 'x' }, w.lead1.headers)).statusCode, 403);
    const stored = await t().ctx.db.selectFrom('satisfaction_devices').selectAll().where('id', '=', created.json().id).executeTakeFirstOrThrow();
    assert.notEqual(stored.enrolment_code_hash, code, 'only a hash of the code is kept');

    assert.equal((await get('/api/v1/kiosk')).json().error.code, 'device_not_enrolled');
    const enrol = await post('/api/v1/kiosk/enrol', { code: code.toLowerCase() });
    assert.equal(enrol.statusCode, 200, enrol.body);
    const cookie = enrol.cookies.find((c) => c.name === 'zd_kiosk')!;
    assert.ok(cookie.httpOnly);
    assert.equal((await post('/api/v1/kiosk/enrol', { code }, {})).json().error.code, 'enrolment_code_invalid', 'the code works once');
    const device = { cookie: `zd_kiosk=${cookie.value}` };
    const stored2 = await t().ctx.db.selectFrom('satisfaction_devices').select(['token_hash', 'enrolment_code_hash']).where('id', '=', created.json().id).executeTakeFirstOrThrow();
    assert.notEqual(stored2.token_hash, cookie.value);
    assert.equal(stored2.enrolment_code_hash, null);

    const place = (await get('/api/v1/kiosk', device)).json();
    assert.equal(place.servicePoint.id, point);
    const norm = place.normSets[1].norms[0].id;
    const first = await post('/api/v1/kiosk/ratings', { score: 5, official: w.hand1.id, procedure: 'household registration', norms: [norm] }, device);
    assert.equal(first.statusCode, 201, first.body);
    assert.equal((await post('/api/v1/kiosk/ratings', { score: 4, official: w.hand2.id }, device)).json().error.code, 'official_not_at_service_point');
    assert.equal((await post('/api/v1/kiosk/ratings', { score: 4, norms: [987654] }, device)).json().error.code, 'norm_not_in_force');

    // Flooded from one device: the second rating within seconds is refused, in the caller's language.
    const flood = await t().app.inject({ method: 'POST', url: '/api/v1/kiosk/ratings', payload: { score: 1 }, headers: { ...device, 'accept-language': 'vi' } });
    assert.equal(flood.statusCode, 429);
    assert.equal(flood.json().error.code, 'rating_flood');
    assert.match(flood.json().error.message, /Vui lòng đợi/);
    let accepted = 1;
    for (let i = 0; i < floodLimits.kiosk.perHour + 5; i++) {
      t().clock.advance(floodLimits.kiosk.minSecondsApart * 1000);
      const res = await post('/api/v1/kiosk/ratings', { score: 1 }, device);
      if (res.statusCode === 201) accepted++;
      else assert.equal(res.statusCode, 429);
    }
    assert.ok(accepted <= floodLimits.kiosk.perHour, `at most ${floodLimits.kiosk.perHour} an hour, got ${accepted}`);

    const revoke = await t().app.inject({ method: 'DELETE', url: `/api/v1/satisfaction/devices/${created.json().id}`, headers: admin.headers });
    assert.equal(revoke.statusCode, 204);
    assert.equal((await post('/api/v1/kiosk/ratings', { score: 5 }, device)).statusCode, 401);
  });

  test('the server holds who is on duty at a counter; a kiosk rating naming nobody goes to the official on duty at that moment', async () => {
    const put = (official: number | null, headers: Record<string, string>) =>
      t().app.inject({ method: 'PUT', url: `/api/v1/satisfaction/service-points/${point}/duty`, payload: { official }, headers });
    const created = await post('/api/v1/satisfaction/devices', { servicePoint: point, name: 'Counter 2 tablet' }, admin.headers);
    const enrol = await post('/api/v1/kiosk/enrol', { code: created.json().enrolmentCode });
    const device = { cookie: `zd_kiosk=${enrol.cookies.find((c) => c.name === 'zd_kiosk')!.value}` };
    assert.equal((await get('/api/v1/kiosk', device)).json().official, null, 'nobody on duty yet');

    assert.equal((await put(w.hand2.id, w.hand2.headers)).statusCode, 404, 'an official of another unit cannot set it');
    assert.equal((await put(w.hand2.id, w.lead2.headers)).statusCode, 404, 'nor a leader of another unit');
    assert.equal((await get(`/api/v1/satisfaction/service-points/${point}/duty`, w.lead2.headers)).statusCode, 404);
    assert.equal((await put(w.hand1.id, {})).statusCode, 401);
    assert.equal((await put(w.hand1b.id, w.hand1.headers)).statusCode, 403, 'an official of the unit puts only themselves on duty');
    assert.equal((await put(w.hand2.id, w.lead1.headers)).json().error.code, 'official_not_at_service_point');

    const self = await put(w.hand1.id, w.hand1.headers);
    assert.equal(self.statusCode, 200, self.body);
    assert.deepEqual(self.json().official, { id: w.hand1.id, name: 'Handler One' });
    assert.equal(self.json().canSetAnyone, false);
    assert.equal((await get('/api/v1/kiosk', device)).json().official.name, 'Handler One', 'the kiosk shows who is serving');
    const first = await post('/api/v1/kiosk/ratings', { score: 5 }, device);
    assert.equal(first.statusCode, 201, first.body);

    t().clock.advance(60_000);
    const changed = await put(w.hand1b.id, w.lead1.headers);
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().canSetAnyone, true);
    const second = await post('/api/v1/kiosk/ratings', { score: 2 }, device);
    assert.equal(second.statusCode, 201, second.body);
    t().clock.advance(60_000);
    const named = await post('/api/v1/kiosk/ratings', { score: 4, official: w.hand1.id }, device);
    assert.equal(named.statusCode, 201, 'a resident may still name who served them');
    assert.equal((await put(null, w.hand1.headers)).statusCode, 403, 'an official takes only themselves off duty');

    const byId = async (id: number) => Number((await t().ctx.db.selectFrom('satisfaction_ratings').select('official_id').where('id', '=', id).executeTakeFirstOrThrow()).official_id);
    assert.equal(await byId(first.json().id), w.hand1.id);
    assert.equal(await byId(second.json().id), w.hand1b.id, 'after the change of duty the rating goes to the new official');
    assert.equal(await byId(named.json().id), w.hand1.id);
    const audit = await t().ctx.db.selectFrom('audit_events').select(['action', 'changes']).where('action', '=', 'counter_duty.set').orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => (a.changes as { official: number; before: number | null })), [{ official: w.hand1.id, before: null }, { official: w.hand1b.id, before: w.hand1.id }]);
  });

  test('a signed QR link per counter or official; a phone rates a few times a day; a forged link is refused', async () => {
    const own = await get(`/api/v1/satisfaction/links?servicePoint=${point}&official=${w.hand1.id}`, w.hand1.headers);
    assert.equal(own.statusCode, 200, own.body);
    assert.equal((await get(`/api/v1/satisfaction/links?servicePoint=${point}&official=${w.hand1b.id}`, w.hand1.headers)).statusCode, 404, 'an official makes only their own');
    const token: string = own.json().token;
    const forged = token.replace(/^(\d+)\.(\d+)\./, `$1.${w.hand1b.id}.`);
    assert.equal((await get(`/api/v1/rate/${forged}`)).json().error.code, 'rating_link_invalid');
    const page = await get(`/api/v1/rate/${token}`);
    assert.equal(page.statusCode, 200);
    assert.equal(page.json().official.name, 'Handler One');
    const phone = { cookie: `zd_rater=${page.cookies.find((c) => c.name === 'zd_rater')!.value}` };
    for (let i = 0; i < floodLimits.link.perDay; i++) assert.equal((await post(`/api/v1/rate/${token}`, { score: 4 }, phone)).statusCode, 201);
    assert.equal((await post(`/api/v1/rate/${token}`, { score: 4 }, phone)).statusCode, 429);
    const rows = await t().ctx.db.selectFrom('satisfaction_ratings').select(['official_id', 'source']).where('source', '=', 'link').execute();
    assert.equal(rows.length, floodLimits.link.perDay);
    assert.ok(rows.every((r) => Number(r.official_id) === w.hand1.id), 'the link names the official; the body cannot change it');
  });

  test('a conduct report names the official and the norms breached; only the case leader records the finding', async () => {
    const norms = (await get('/api/v1/units/TC1/norm-sets')).json().items[0].norms;
    const badKind = await api(t()).submit({ unit: 'TC1', kind: 'question', body: 'Which papers?', norms: [norms[0].id], anonymous: true });
    assert.equal(badKind.json().error.code, 'norms_only_conduct');
    const report = await submitOk(t(), { unit: 'TC1', kind: 'conduct_report', body: 'The clerk asked for money.', reportedOfficial: w.hand1.id, norms: [norms[0].id], anonymous: true });
    await actOk(t(), w.lead1, report.id, { type: 'accept' });
    await actOk(t(), w.lead1, report.id, { type: 'assign', handler: w.hand1b.id, leader: w.lead1b.id, expectedResult: 'a finding' });
    const before = await get(`/api/v1/conduct/reports/${report.id}`, w.lead1b.headers);
    assert.equal(before.statusCode, 200, before.body);
    assert.deepEqual(before.json().official, { id: w.hand1.id, name: 'Handler One' }, 'the case page names the reported official');
    assert.equal(before.json().canRecord, true);
    assert.ok(before.json().normSets.some((s: { norms: Array<{ id: number }> }) => s.norms.some((n) => n.id === norms[0].id)), 'the norms a finding may cite');
    assert.equal((await get(`/api/v1/conduct/reports/${report.id}`, w.auditor.headers)).json().canRecord, false, 'the auditor reads, does not record');
    const finding = { petition: report.id, outcome: 'upheld', norms: [norms[0].id], reasons: 'Two witnesses confirmed it.' };
    assert.equal((await post('/api/v1/conduct/findings', finding, w.lead1.headers)).json().error.code, 'finding_not_leader');
    const ok = await post('/api/v1/conduct/findings', finding, w.lead1b.headers);
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().reported[0].code, 'N1');
    assert.equal(ok.json().finding.outcome, 'upheld');
    assert.equal(ok.json().finding.norms[0].version, 2, 'the finding cites the version in force');
    assert.equal(ok.json().canRecord, false, 'recorded once');
    assert.equal((await post('/api/v1/conduct/findings', finding, w.lead1b.headers)).statusCode, 409);
    const audit = await t().ctx.db.selectFrom('audit_events').select(['action', 'changes']).where('subject_type', '=', 'conduct_finding').execute();
    assert.equal(audit.length, 1);
    assert.equal((await get(`/api/v1/conduct/reports/${report.id}`, w.auditor.headers)).statusCode, 200);
    assert.equal((await get(`/api/v1/conduct/reports/${report.id}`, w.lead2.headers)).statusCode, 404);
  });
}, testOptions);
