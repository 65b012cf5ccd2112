/**
 * The audit trail shows of a petition what the petition view shows the same caller: the
 * events of a petition they may not see are not there, and within the events of one they see
 * without the resident's identity, whatever would lead to it is left out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describeEachBackend } from '../../test/server.ts';
import { createOfficial } from '../../test/factories.ts';
import { actOk, submitOk, testOptions, worldFor } from '../petitions/petitions.testing.ts';

describeEachBackend('audit trail and conduct reports', (t) => {
  const w = worldFor(t);

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
    // The auditor, who may read conduct reports, sees it; the commune's administrator, whom
    // the petition view answers 404, does not read its events either.
    assert.equal((await subjects(w.auditor, `subject=petition:${c.id}`)).length, 2);
    assert.equal((await t().app.inject({ method: 'GET', url: `/api/v1/petitions/${c.id}`, headers: colleague.headers })).statusCode, 404);
    assert.deepEqual(await subjects(colleague, `subject=petition:${c.id}`), []);
    assert.ok(!(await subjects(colleague, 'unit=TC1&limit=200')).includes(`petition:${c.id}`));
  });

  test('an administrator who may not see a conduct report reads none of its events, handler and leader ids included', async () => {
    const admin = await createOfficial(t(), { name: 'Deployment Admin', roles: [{ unit: null, role: 'administrator' }] });
    const c = await submitOk(t(), { unit: 'TC1', kind: 'conduct_report', body: 'The handler asked for a gift.', reportedOfficial: w.hand1b.id, anonymous: true });
    await actOk(t(), w.lead1, c.id, { type: 'accept' });
    await actOk(t(), w.lead1, c.id, { type: 'assign', handler: w.hand1.id, leader: w.lead1b.id, expectedResult: 'a finding' });
    assert.equal((await t().app.inject({ method: 'GET', url: `/api/v1/petitions/${c.id}`, headers: admin.headers })).statusCode, 404);
    const res = await t().app.inject({ method: 'GET', url: `/api/v1/audit?subject=petition:${c.id}`, headers: admin.headers });
    assert.deepEqual(res.json().items, []);
    // Pages stay full and follow on although hidden events sit between the visible ones.
    const all = await t().app.inject({ method: 'GET', url: '/api/v1/audit?limit=200', headers: admin.headers });
    assert.ok(!all.json().items.some((e: { subject: { id: string } }) => e.subject.id === String(c.id)));
    const seen: number[] = [];
    let cursor = '';
    for (let page = 0; page < 100; page++) {
      const body = (await t().app.inject({ method: 'GET', url: `/api/v1/audit?limit=2${cursor}`, headers: admin.headers })).json();
      seen.push(...body.items.map((e: { id: number }) => e.id));
      if (!body.next) break;
      assert.equal(body.items.length, 2, 'a page before the last is full');
      cursor = `&cursor=${body.next}`;
    }
    assert.deepEqual(seen, all.json().items.map((e: { id: number }) => e.id));
  });

  test('a hotline denunciation: its events do not say which official took the call, nor the hashes of its files, except to its handler and leader', async () => {
    const leaderAuditor = await createOfficial(t(), { name: 'Leader Auditor', roles: [{ unit: 'TC1', role: 'leader' }, { unit: 'TC1', role: 'auditor' }] });
    const d = await submitOk(t(), {
      unit: 'TC1',
      kind: 'denunciation',
      channel: 'hotline',
      body: 'The land officer asked me for money.',
      resident: { name: 'Người tố cáo', phone: '0915000999' },
    }, w.recep1);
    const file = Buffer.concat([
      Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
      Buffer.from('signed letter'),
    ]);
    const sha256 = crypto.createHash('sha256').update(file).digest('hex');
    const upload = await t().app.inject({
      method: 'POST',
      url: `/api/v1/petitions/${d.id}/attachments?filename=letter.png`,
      headers: { 'content-type': 'image/png', 'x-access-key': d.accessKey },
      payload: file,
    });
    assert.equal(upload.statusCode, 201, upload.body);
    const events = async (who: { headers: Record<string, string> }) => {
      const res = await t().app.inject({ method: 'GET', url: `/api/v1/audit?subject=petition:${d.id}`, headers: who.headers });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items as Array<{ action: string; actor: { id: number | null; label: string }; changes: Record<string, unknown> }>;
    };
    for (const who of [w.auditor, leaderAuditor]) {
      const seen = await events(who);
      assert.deepEqual(seen.map((e) => e.action), ['petition.attach', 'petition.submit']);
      const submit = seen.find((e) => e.action === 'petition.submit')!;
      assert.equal(submit.actor.id, null, 'the recording official is not named');
      assert.equal(submit.actor.label, 'official');
      assert.ok(!JSON.stringify(seen).includes(sha256), 'the file’s hash is not shown');
      assert.equal(seen.find((e) => e.action === 'petition.attach')!.changes.sha256, undefined);
    }
    await actOk(t(), w.disp1, d.id, { type: 'accept' });
    await actOk(t(), w.disp1, d.id, { type: 'assign', handler: w.hand1.id, leader: leaderAuditor.id, expectedResult: 'a conclusion' });
    // The case's leader knows who denounced: the events say it too.
    const known = await events(leaderAuditor);
    const submit = known.find((e) => e.action === 'petition.submit')!;
    assert.equal(submit.actor.id, w.recep1.id);
    assert.equal(known.find((e) => e.action === 'petition.attach')!.changes.sha256, sha256);
    // The province auditor still does not.
    assert.ok(!JSON.stringify(await events(w.auditor)).includes(sha256));
  });
}, testOptions);
