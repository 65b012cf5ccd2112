import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeEachBackend } from '../../test/server.ts';
import { createAgency, createOfficial } from '../../test/factories.ts';
import { actOk, createWorld, submitOk, testOptions, type Who, type World } from '../petitions/petitions.testing.ts';
import { runDueJobs } from '../../platform/jobs.ts';
import { addDays, localDay } from '../../platform/calendar.ts';
import { flagHotspots } from './commands/flagHotspots.ts';
import { judgeWeek } from './insight.hotspots.ts';
import { seeded } from './insight.generated.ts';

const land = ['Xin cấp giấy chứng nhận quyền sử dụng đất cho thửa đất ở', 'Tranh chấp ranh giới thửa đất với nhà hàng xóm', 'Chuyển mục đích sử dụng đất nông nghiệp sang đất ở', 'Đo đạc lại diện tích đất trên sổ đỏ'];
const security = ['Xe máy bị trộm cắp trong đêm', 'Thanh niên tụ tập đua xe gây mất trật tự', 'Đánh bạc công khai trong xóm', 'Lừa đảo qua điện thoại lấy tiền'];

it('hotspots: a spike is flagged; Poisson noise around a steady mean and a few petitions in a quiet category are not', () => {
  assert.ok(judgeWeek([9, 1, 2, 1, 0, 1, 2, 1, 1]), 'nine against about one a week');
  assert.equal(judgeWeek([3, 0, 0, 0, 0, 0, 0, 0, 0]), null, 'three is too few to call a rise');
  assert.equal(judgeWeek([6, 4, 5, 3, 6, 4, 5, 4, 5]), null, 'an ordinary busy week');
  // 10,000 ordinary weeks of a category with about four petitions a week: hardly any flagged.
  const random = seeded(5);
  const poisson = (mean: number) => {
    let k = 0;
    for (let p = Math.exp(-mean), s = p, u = random(); u > s; k++) s += p = (p * mean) / (k + 1);
    return k;
  };
  let falseFlags = 0;
  let spikesFound = 0;
  for (let i = 0; i < 10_000; i++) {
    const weeks = Array.from({ length: 9 }, () => poisson(4));
    if (judgeWeek(weeks)) falseFlags++;
    if (judgeWeek([weeks[0] + 15, ...weeks.slice(1)])) spikesFound++;
  }
  assert.ok(falseFlags < 20, `${falseFlags} of 10,000 ordinary weeks flagged`);
  assert.ok(spikesFound > 9_900, `${spikesFound} of 10,000 weeks with fifteen more petitions flagged`);
});

describeEachBackend(
  'insight',
  (t) => {
    let w: World;
    let registry: number;
    let police: number;
    let otherPolice: number;
    const get = (who: Who, url: string) => t().app.inject({ method: 'GET', url, headers: { ...who.headers, 'accept-language': 'en' } });
    const post = (who: Who, url: string, payload: Record<string, unknown> = {}) =>
      t().app.inject({ method: 'POST', url, payload, headers: { ...who.headers, 'accept-language': 'en' } });

    it('learns from the routed history in the background and suggests the category and the agency of a new case, one click applies it', async () => {
      w = await createWorld(t(), 'R');
      registry = (await createAgency(t().ctx.db, { unit: 'RC1', name: 'Land registry office', kind: 'land_registry' })).id;
      police = (await createAgency(t().ctx.db, { unit: 'RC1', name: 'Commune police', kind: 'police' })).id;
      otherPolice = (await createAgency(t().ctx.db, { unit: 'RC2', name: 'Commune Two police', kind: 'police' })).id;
      // The routed history: 60 cases the dispatchers gave a category and an agency.
      for (let i = 0; i < 60; i++) {
        const isLand = i % 2 === 0;
        const s = await submitOk(t(), { unit: 'RC1', kind: 'help_request', body: `${(isLand ? land : security)[i % 4]} ở xóm ${i}` });
        const r = await post(w.disp1, `/api/v1/petitions/${s.id}/routing`, { category: isLand ? 'land' : 'security', agency: isLand ? registry : police });
        assert.equal(r.statusCode, 200, r.body);
        t().clock.advance(60_000);
      }
      const before = await get(w.disp1, `/api/v1/petitions/1/routing-suggestion`);
      assert.equal(before.statusCode, 200, before.body);
      assert.deepEqual(before.json().categories, [], 'no model before the first training');

      t().clock.advance(3_600_000);
      await runDueJobs(t().ctx);
      const figures = await get(w.provDisp, '/api/v1/insight/routing');
      assert.equal(figures.statusCode, 403, 'administrators only');
      const admin = await createOfficial(t(), { name: 'Admin', roles: [{ unit: 'RP', role: 'administrator' }] });
      const models = (await get(admin, '/api/v1/insight/routing')).json().models;
      assert.deepEqual(models.map((m: { target: string }) => m.target), ['agency', 'category']);
      for (const m of models) {
        assert.equal(m.examples, 60);
        assert.equal(m.heldOut, 12);
        assert.ok(m.accuracy >= 0.9, `${m.target} accuracy ${m.accuracy}`);
      }

      const fresh = await submitOk(t(), { unit: 'RV1', kind: 'help_request', body: 'Đêm qua nhà tôi bị trộm mất xe máy, đề nghị công an xã điều tra' });
      const res = await get(w.disp1, `/api/v1/petitions/${fresh.id}/routing-suggestion`);
      assert.equal(res.statusCode, 200, res.body);
      const s = res.json();
      assert.equal(s.categories[0].category, 'security');
      assert.ok(s.categories[0].confidence > 0.8);
      assert.deepEqual(s.agencies.map((a: { id: number }) => a.id), [police, registry], 'agencies of the case\'s branch only, the police first');
      assert.equal(s.agencies[0].name, 'Commune police');
      const rc1 = await t().ctx.db.selectFrom('units').select('name').where('code', '=', 'RC1').executeTakeFirstOrThrow();
      assert.deepEqual(s.agencies[0].unit, { code: 'RC1', name: rc1.name }, 'each agency names its unit as the other responses do');
      assert.equal(s.accuracy.category, models.find((m: { target: string }) => m.target === 'category').accuracy);

      // Who may see it: the case's dispatchers and leaders, nobody outside its branch.
      assert.equal((await get(w.hand1, `/api/v1/petitions/${fresh.id}/routing-suggestion`)).statusCode, 403);
      assert.equal((await get(w.disp2, `/api/v1/petitions/${fresh.id}/routing-suggestion`)).statusCode, 404, 'not found or no access');

      // One click applies it; an agency of another commune is refused.
      const wrong = await post(w.disp1, `/api/v1/petitions/${fresh.id}/routing`, { agency: otherPolice });
      assert.equal(wrong.statusCode, 400);
      assert.equal(wrong.json().error.code, 'unknown_agency');
      const applied = await post(w.disp1, `/api/v1/petitions/${fresh.id}/routing`, { category: 'security', agency: police, version: s.version });
      assert.equal(applied.statusCode, 200, applied.body);
      assert.deepEqual(applied.json(), { category: 'security', agency: police });
      const view = (await get(w.disp1, `/api/v1/petitions/${fresh.id}`)).json();
      assert.equal(view.category, 'security');
      assert.ok(view.timeline.some((e: { type: string }) => e.type === 'routed'));
      const audit = await t().ctx.db.selectFrom('audit_events').select('action').where('subject_type', '=', 'petition').where('subject_id', '=', String(fresh.id)).execute();
      assert.ok(audit.some((a) => a.action === 'petition.route'), JSON.stringify(audit));
      const stale = await post(w.disp1, `/api/v1/petitions/${fresh.id}/routing`, { category: 'land', version: s.version });
      assert.equal(stale.statusCode, 409, 'the version moved on');
      assert.equal((await post(w.hand1, `/api/v1/petitions/${fresh.id}/routing`, { category: 'land' })).statusCode, 403);

      // A case no longer open is not routed any more.
      await actOk(t(), w.disp1, fresh.id, { type: 'reject', reason: 'Reported twice' });
      const closed = await post(w.disp1, `/api/v1/petitions/${fresh.id}/routing`, { category: 'land' });
      assert.equal(closed.statusCode, 409);
      assert.equal(closed.json().error.code, 'routing_closed_case');

      // Nothing routed since: the hourly job leaves the models alone; "train now" trains again.
      const trainedAt = models[0].trainedAt;
      t().clock.advance(3_600_000);
      await runDueJobs(t().ctx);
      assert.equal((await get(admin, '/api/v1/insight/routing')).json().models[0].trainedAt, trainedAt);
      const now = await post(admin, '/api/v1/insight/routing/train');
      assert.equal(now.statusCode, 202);
      await runDueJobs(t().ctx);
      assert.notEqual((await get(admin, '/api/v1/insight/routing')).json().models[0].trainedAt, trainedAt);
    });

    it('flags a spike of a category to the leaders of the unit, with the petitions behind it, and not ordinary noise', async () => {
      // The routed history above (a spike of its own) lies out of the nine weeks looked at.
      t().clock.advance(10 * 7 * 86_400_000);
      const end = new Date(t().clock.now().getTime() + 60_000);
      const week = 7 * 86_400_000;
      const at = async (id: number, weeksAgo: number, i: number) =>
        sql`UPDATE petitions SET submitted_at = ${new Date(end.getTime() - weeksAgo * week - (i + 1) * 3_600_000)} WHERE id = ${id}`.execute(t().ctx.db);
      const submit = async (unit: string, category: string, weeksAgo: number, i: number) => {
        const s = await submitOk(t(), { unit, kind: 'help_request', category, body: `Đường ngập và hỏng ở ${unit}, lần ${weeksAgo}-${i}` });
        await at(s.id, weeksAgo, i);
        return s.id;
      };
      // RV1 roads: one a week for eight weeks, then nine in the last week.
      const spike: number[] = [];
      for (let k = 1; k <= 8; k++) await submit('RV1', 'roads', k, 0);
      for (let i = 0; i < 9; i++) spike.push(await submit('RV1', 'roads', 0, i));
      // RV2 environment: four or five every week, the last one too.
      for (let k = 0; k <= 8; k++) for (let i = 0; i < 4 + (k % 2); i++) await submit('RV2', 'environment', k, i);
      // RV2 health: three in the last week, none before.
      for (let i = 0; i < 3; i++) await submit('RV2', 'health', 0, i);

      const flagged = await flagHotspots(t().ctx, end);
      const units = await t().ctx.db.selectFrom('units').select(['id', 'code']).execute();
      const code = new Map(units.map((u) => [Number(u.id), u.code]));
      const seen = flagged.map((f) => `${code.get(f.unitId)}:${f.category}`).sort();
      assert.deepEqual(seen, ['RC1:roads', 'RP:roads', 'RV1:roads']);
      assert.deepEqual(await flagHotspots(t().ctx, end), [], 'flagged once');

      // The commune's leaders hear of it.
      const notices = await get(w.lead1, '/api/v1/notices');
      assert.equal(notices.statusCode, 200, notices.body);
      const notice = notices.json().items.find((n: { subject: { type: string } | null }) => n.subject?.type === 'hotspot');
      assert.ok(notice, notices.body);
      assert.match(notice.title, /R Commune One: 9 petitions about roads/);
      const lead2Notices = (await get(w.lead2, '/api/v1/notices')).json().items;
      assert.ok(!lead2Notices.some((n: { subject: { type: string } | null }) => n.subject?.type === 'hotspot'));

      // The staff page's list: within the caller's units, with the petitions behind each.
      const list = await get(w.lead1, '/api/v1/insight/hotspots');
      assert.equal(list.statusCode, 200, list.body);
      const items = list.json().items;
      assert.deepEqual(items.map((h: { unit: { code: string } }) => h.unit.code).sort(), ['RC1', 'RV1']);
      const commune = items.find((h: { unit: { code: string } }) => h.unit.code === 'RC1');
      assert.equal(commune.count, 9);
      assert.equal(commune.baseline, 1);
      assert.deepEqual(commune.petitions.map((p: { id: number }) => p.id).sort((a: number, b: number) => a - b), spike);
      assert.equal((await get(w.lead2, '/api/v1/insight/hotspots')).json().items.length, 0);
      assert.equal((await get(w.hand1, '/api/v1/insight/hotspots')).statusCode, 403);
      assert.equal((await get(w.provLead, '/api/v1/insight/hotspots?unit=RC1')).json().items.length, 2);

      // A period of days: the hotspots whose week ended in it, in the unit's local days.
      const tz = (await t().ctx.db.selectFrom('units').select('time_zone').where('code', '=', 'RC1').executeTakeFirstOrThrow()).time_zone;
      const day = localDay(end, tz);
      const ids = (res: { json(): { items: Array<{ id: number }> } }) => res.json().items.map((h) => h.id).sort((a, b) => a - b);
      const onTheDay = await get(w.provLead, `/api/v1/insight/hotspots?unit=RC1&from=${day}&to=${day}`);
      assert.equal(onTheDay.statusCode, 200, onTheDay.body);
      assert.deepEqual(ids(onTheDay), ids(await get(w.provLead, '/api/v1/insight/hotspots?unit=RC1')));
      assert.equal(ids(onTheDay).length, 2);
      assert.equal((await get(w.provLead, `/api/v1/insight/hotspots?unit=RC1&from=${addDays(day, 1)}&to=${addDays(day, 30)}`)).json().items.length, 0);
      assert.equal((await get(w.provLead, `/api/v1/insight/hotspots?unit=RC1&from=${addDays(day, -30)}&to=${addDays(day, -1)}`)).json().items.length, 0);
      assert.equal((await get(w.lead2, `/api/v1/insight/hotspots?from=${day}&to=${day}`)).json().items.length, 0, "only the caller's units");
      for (const q of [`from=${day}`, `to=${day}`, `from=${addDays(day, 1)}&to=${day}`, `from=${day}&to=${day}&weeks=2`, 'from=2020-01-01&to=2026-01-02']) {
        const bad = await get(w.provLead, `/api/v1/insight/hotspots?${q}`);
        assert.equal(bad.statusCode, 400, q);
        assert.equal(bad.json().error.code, 'hotspot_invalid_period', q);
      }
      const vi = await t().app.inject({ method: 'GET', url: `/api/v1/insight/hotspots?from=${day}`, headers: { ...w.provLead.headers, 'accept-language': 'vi' } });
      assert.match(vi.json().error.message, /ngày bắt đầu và ngày kết thúc/);
    });
  },
  testOptions,
);
