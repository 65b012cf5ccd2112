/** The audit trail, like every other view, never shows a conduct report to the official it is about. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { createOfficial } from '../../test/factories.ts';
import { actOk, createWorld, submitOk, testOptions, type World } from '../petitions/petitions.testing.ts';

describeEachBackend('audit trail and conduct reports', (t) => {
  let w: World;

  test('setup', async () => {
    w = await createWorld(t());
  });

  test('the audit trail never shows an official the conduct report about them', async () => {
    const reported = await createOfficial(t(), { name: 'Commune Auditor', roles: [{ unit: 'TC1', role: 'auditor' }] });
    const colleague = await createOfficial(t(), { name: 'Commune Admin', roles: [{ unit: 'TC1', role: 'administrator' }] });
    const c = await submitOk(t(), { unit: 'TC1', kind: 'conduct_report', body: 'The auditor shouted at me.', reportedOfficial: reported.id, anonymous: true });
    await actOk(t(), w.lead1, c.id, { type: 'accept' });
    const plain = await submitOk(t(), { unit: 'TC1', kind: 'question', body: 'Opening hours?', anonymous: true });
    const audit = (who: { headers: Record<string, string> }, query: string) =>
      t().app.inject({ method: 'GET', url: `/api/v1/audit?${query}`, headers: who.headers });
    const subjects = async (who: { headers: Record<string, string> }, query: string) => {
      const res = await audit(who, query);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items.map((e: { subject: { type: string; id: string } }) => `${e.subject.type}:${e.subject.id}`);
    };
    assert.deepEqual(await subjects(reported, `subject=petition:${c.id}`), []);
    assert.ok(!(await subjects(reported, 'unit=TC1&limit=200')).includes(`petition:${c.id}`));
    assert.ok((await subjects(reported, 'unit=TC1&limit=200')).includes(`petition:${plain.id}`), 'the rest of the trail is still theirs');
    // Other readers of the trail see it.
    assert.equal((await subjects(colleague, `subject=petition:${c.id}`)).length, 2);
    assert.equal((await subjects(w.auditor, `subject=petition:${c.id}`)).length, 2);
  });
}, testOptions);
