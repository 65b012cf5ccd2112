import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { addDays, localDay } from '../../platform/calendar.ts';
import { createSession } from '../../platform/sessions.ts';
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

    // Thanh Nho's weekly reception day: a date to come cancelled, the next moved to the Friday.
    const adminId = (await t().ctx.db.selectFrom('accounts').select('id').where('username', '=', 'demo.admin').executeTakeFirstOrThrow()).id;
    const session = await createSession(t().ctx.db, adminId, now, t().ctx.config.sessionHours);
    const headers = { authorization: `Bearer ${session.token}` };
    const series = (await t().app.inject({ url: '/api/v1/gathering-series?unit=17719', headers })).json().items as Array<{
      kind: string; exceptions: Array<{ day: string; movedTo: { day: string } | null }>;
    }>;
    const reception = series.find((x) => x.kind === 'reception_day');
    assert.deepEqual(reception?.exceptions.map((e) => e.movedTo === null), [true, false]);
    assert.equal(reception?.exceptions[1].movedTo?.day, addDays(reception!.exceptions[1].day, 1), 'moved to the next day');
    // Its follow-ups: one overdue, one due within the fortnight.
    const due = (await t().app.inject({ url: `/api/v1/gatherings/records?unit=17719&dueBy=${addDays(today, 14)}`, headers })).json().items as Array<{ overdue: boolean }>;
    assert.ok(due.some((r) => r.overdue), 'an overdue follow-up');
    // The forum held three weeks ago shows its signed minutes.
    const forums = of('17719', 'forum').filter((g) => g.state === 'published') as unknown as Array<{ id: number }>;
    const pages = await Promise.all(forums.map((g) => get(`/api/v1/gatherings/${g.id}/public`)));
    assert.deepEqual(pages.flatMap((p) => p.attachments.map((a: { filename: string; contentType: string }) => [a.filename, a.contentType])), [['bien-ban-dien-dan.pdf', 'application/pdf']]);
  });
});
