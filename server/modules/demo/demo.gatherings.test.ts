import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { localDay } from '../../platform/calendar.ts';
import { seedDemo } from './seed.ts';

describeEachBackend('demo data: gatherings', (t) => {
  it("Anh Sơn's reception days, Thanh Nho's forums, Thanh Thịnh's People's Saturdays and the land registry's service days, held and to come", async () => {
    await seedDemo(t().ctx);
    await seedDemo(t().ctx);
    const now = t().ctx.clock.now();
    const today = localDay(now, 'Asia/Ho_Chi_Minh');
    const get = async (url: string) => (await t().app.inject({ url })).json();
    const year = (n: number) => `${Number(today.slice(0, 4)) + n}`;
    const all = (await get(`/api/v1/gatherings/public?unit=40&from=${year(-1)}-01-01&to=${year(1)}-12-31&limit=500`)).items as Array<{
      kind: string; unit: { code: string }; state: string; localStart: string; title: string;
    }>;
    const of = (code: string, kind: string) => all.filter((g) => g.unit.code === code && g.kind === kind);
    for (const [code, kind] of [['424', 'reception_day'], ['17719', 'forum'], ['17770', 'outreach_day'], ['17374', 'service_day']]) {
      const items = of(code, kind);
      assert.ok(items.some((g) => g.state === 'published'), `${code} ${kind}: some held and published`);
      assert.ok(items.some((g) => g.state === 'planned' && g.localStart.slice(0, 10) > today), `${code} ${kind}: some to come`);
    }
    // A second run added nothing.
    assert.equal(of('17719', 'forum').length, 3);
    // People's Saturday falls on the second Saturday of its month.
    for (const g of of('17770', 'outreach_day')) {
      const day = g.localStart.slice(0, 10);
      assert.equal(new Date(`${day}T00:00:00Z`).getUTCDay(), 6, day);
      assert.ok(Number(day.slice(8)) >= 8 && Number(day.slice(8)) <= 14, day);
    }
    const figures = await get(`/api/v1/gatherings/figures?unit=40&from=${year(-1)}-01-01&to=${today}`);
    assert.ok(figures.totals.sessions >= 6);
    assert.equal(figures.opinions.raised > 0, true);
    assert.ok(figures.services.some((s: { type: string; count: number }) => s.type === 'certificates_handed_over' && s.count > 0));
    assert.ok(figures.records.total > 0);
  });
});
