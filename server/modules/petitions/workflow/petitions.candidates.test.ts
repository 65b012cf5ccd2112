/**
 * GET /api/v1/petitions/{id}/candidates lists exactly the officials the assign action takes:
 * both ask the policy (handlerGrant, leaderGrant), and this test tries every official of the
 * world against the command to hold them together.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../../test/server.ts';
import { createOfficial, type CreatedOfficial } from '../../../test/factories.ts';
import { actOk, api, createWorld, submitOk, testOptions, type Submitted, type World } from '../petitions.testing.ts';

describeEachBackend(
  'petition candidates',
  (t) => {
    let w: World;
    let village: Submitted;
    let villageHead: CreatedOfficial;
    let disabled: CreatedOfficial;
    const call = () => api(t());
    const candidates = async (who: { headers: Record<string, string> }, id: number, role: string) =>
      t().app.inject({ url: `/api/v1/petitions/${id}/candidates?role=${role}`, headers: who.headers });
    const ids = async (role: string) => {
      const res = await candidates(w.disp1, village.id, role);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items.map((c: { id: number }) => c.id) as number[];
    };

    before(async () => {
      w = await createWorld(t());
      villageHead = await createOfficial(t(), { name: 'Village Head', roles: [{ unit: 'TV1', role: 'leader' }] });
      disabled = await createOfficial(t(), { name: 'Gone', roles: [{ unit: 'TC1', role: 'handler' }] });
      await t().ctx.db.updateTable('accounts').set({ disabled_at: t().clock.now() }).where('id', '=', disabled.id).execute();
      // A village case: its leaders are the village's, the commune's and the province's.
      village = await submitOk(t(), { unit: 'TV1', kind: 'question', body: 'When is the village road repaired?' });
      await actOk(t(), w.disp1, village.id, { type: 'accept' });
    });

    test('a village case may be led from two levels up, and handled by anyone working on its branch', async () => {
      assert.deepEqual(
        (await ids('leader')).sort(),
        [villageHead.id, w.lead1.id, w.lead1b.id, w.provLead.id].sort(),
      );
      assert.deepEqual(
        (await ids('handler')).sort(),
        [villageHead.id, w.disp1.id, w.lead1.id, w.lead1b.id, w.hand1.id, w.hand1b.id, w.recep1.id, w.provDisp.id, w.provLead.id].sort(),
      );
      const head = (await candidates(w.disp1, village.id, 'leader')).json().items.find((c: { id: number }) => c.id === w.provLead.id);
      assert.deepEqual(head, { id: w.provLead.id, name: 'Province Leader', role: 'leader', unit: { code: 'TP', name: 'T Province' }, openCases: 0 });
    });

    test('the assign action takes exactly the officials the list offers', async () => {
      const everyone = [...Object.values(w).filter((v): v is CreatedOfficial => typeof v === 'object' && 'token' in v), villageHead, disabled];
      for (const role of ['handler', 'leader'] as const) {
        const offered = new Set(await ids(role));
        for (const o of everyone) {
          const res = await call().act(w.disp1, village.id, {
            type: 'assign',
            handler: role === 'handler' ? o.id : w.hand1.id,
            leader: role === 'leader' ? o.id : w.lead1.id,
            expectedResult: 'a date for the repair',
          });
          assert.equal(res.statusCode === 200, offered.has(o.id), `${role} ${o.id}: ${res.statusCode} ${res.body}`);
        }
      }
    });

    test('the load counts open cases, least loaded first', async () => {
      await actOk(t(), w.disp1, village.id, { type: 'assign', handler: w.hand1b.id, leader: w.lead1b.id, expectedResult: 'a date' });
      const items = (await candidates(w.disp1, village.id, 'handler')).json().items as Array<{ id: number; openCases: number }>;
      assert.equal(items.find((c) => c.id === w.hand1b.id)!.openCases, 1);
      assert.equal(items.at(-1)!.openCases, 1);
    });

    test('only officials who may assign the case see its candidates; the reported official is never one', async () => {
      assert.equal((await candidates(w.recep1, village.id, 'handler')).statusCode, 403, 'sees the case, may not assign it');
      assert.equal((await candidates(w.hand1, village.id, 'handler')).statusCode, 404, 'no longer its handler');
      assert.equal((await candidates(w.disp2, village.id, 'handler')).statusCode, 404, 'another commune');
      assert.equal((await candidates(w.disp1, 999999, 'handler')).statusCode, 404);
      assert.equal((await candidates(w.disp1, village.id, 'auditor')).statusCode, 400);
      const report = await submitOk(t(), {
        unit: 'TC1',
        kind: 'conduct_report',
        body: 'The handler shouted at me.',
        reportedOfficial: w.hand1.id,
        resident: { name: 'Lê Văn Cường', phone: '0912345678' },
      });
      await actOk(t(), w.lead1, report.id, { type: 'accept' });
      const offered = (await candidates(w.lead1, report.id, 'handler')).json().items.map((c: { id: number }) => c.id);
      assert.ok(offered.length > 0);
      assert.equal(offered.includes(w.hand1.id), false);
    });
  },
  testOptions,
);
