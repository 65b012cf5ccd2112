import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { seedDemo } from './seed.ts';

describeEachBackend('demo data: reports', (t) => {
  it("Tân Thọ's 16-member committee with its 9-article regulation, and its archived monthly reports of 2023, seeded once", async () => {
    await seedDemo(t().ctx);
    await seedDemo(t().ctx);
    const committee = await t().ctx.db.selectFrom('steering_committees').select('id').where('name', 'like', '%Tân Thọ%').execute();
    assert.equal(committee.length, 1);
    const members = await t().ctx.db.selectFrom('steering_members').select('role').where('committee_id', '=', committee[0].id).execute();
    assert.equal(members.length, 16);
    const regulation = await t().ctx.db.selectFrom('steering_regulations').select('articles').where('committee_id', '=', committee[0].id).execute();
    assert.equal((regulation[0].articles as unknown as unknown[]).length, 9);
    const archive = (await t().app.inject({ url: '/api/v1/reports/archive?unit=16285' })).json().items;
    assert.deepEqual(archive.map((r: { period: string }) => r.period).sort(), Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`));
  });

  it("Tân Thọ's follow-ups: one done, one due soon, one overdue and escalated by the sweep; its targets of 2023; its leader signs in with an e-mail address", async () => {
    await seedDemo(t().ctx);
    const signIn = await t().app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'tantho.leader', password: 'demo-tantho-leader-2023' } });
    assert.equal(signIn.statusCode, 200, signIn.body);
    const account = await t().ctx.db.selectFrom('accounts').select('email').where('username', '=', 'tantho.leader').executeTakeFirstOrThrow();
    assert.equal(account.email, 'tantho.leader@tantho.demo.example');
    const headers = { authorization: `Bearer ${signIn.json().token}` };
    const c = (await t().app.inject({ url: '/api/v1/steering-committees?unit=16285', headers })).json();
    assert.equal(c.meetings.length, 2);
    const now = t().clock.now().getTime();
    const state = (d: { status: string; escalatedTo: { code: string } | null; overdue: boolean; dueAt: string }) =>
      d.status === 'done' ? 'done' : d.escalatedTo ? `escalated to ${d.escalatedTo.code}` : d.overdue ? 'overdue' : Date.parse(d.dueAt) - now < 7 * 86_400_000 ? 'due soon' : 'open';
    assert.deepEqual(c.decisions.map(state).sort(), ['done', 'due soon', 'escalated to 404']);
    const targets = (await t().app.inject({ url: '/api/v1/reports?unit=16285&period=2023-12' })).json().targets;
    assert.deepEqual(targets, { setBy: { code: '16285', name: 'Xã Tân Thọ' }, year: 2023, resolutionRate: 0.9, onTimeRate: 0.85, satisfactionRate: 0.8 });
    const notices = await t().ctx.db.selectFrom('audit_events').select('action').where('action', 'in', ['steering.decision_overdue', 'steering.decision_escalated']).execute();
    assert.equal(notices.length, 2, 'marked overdue and escalated once, however often the demo is seeded');
  });
});
