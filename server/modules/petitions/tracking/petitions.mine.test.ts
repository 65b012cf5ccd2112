import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../../test/server.ts';
import { createResident } from '../../../test/factories.ts';
import type { SignedIn } from '../../../test/factories.ts';
import { actOk, createWorld, submitOk, testOptions, type Submitted, type World } from '../petitions.testing.ts';

describeEachBackend("a resident's own petitions", (t) => {
  let w: World;
  let lan: SignedIn, minh: SignedIn;
  let first: Submitted, second: Submitted, third: Submitted, minhs: Submitted, anonymous: Submitted, byContact: Submitted;
  const mine = (headers: Record<string, string> | undefined, query = '') =>
    t().app.inject({ method: 'GET', url: `/api/v1/petitions/mine${query ? `?${query}` : ''}`, headers: headers ?? {} });
  const codes = (items: Array<{ trackingCode: string }>) => items.map((i) => i.trackingCode);

  test('setup', async () => {
    w = await createWorld(t());
    lan = await createResident(t(), { phone: '+84977000201', name: 'Lê Thị Lan' });
    minh = await createResident(t(), { phone: '+84977000202', name: 'Phạm Văn Minh' });
    first = await submitOk(t(), { unit: 'TC1', kind: 'question', category: 'land', body: 'May I build on my garden plot?' }, lan);
    minhs = await submitOk(t(), { unit: 'TC1', kind: 'suggestion', body: 'More benches in the park.' }, minh);
    anonymous = await submitOk(t(), { unit: 'TC1', kind: 'question', body: 'When does the market open?', anonymous: true });
    // Same phone as Lan's account but not signed in: not linked, so not hers in the list.
    byContact = await submitOk(t(), { unit: 'TC1', kind: 'question', body: 'Water pressure is low.', resident: { name: 'Lê Thị Lan', phone: '0977000201' } });
    second = await submitOk(t(), { unit: 'TC2', kind: 'help_request', body: 'My roof leaks after the storm.' }, lan);
    third = await submitOk(t(), { unit: 'TC1', kind: 'suggestion', body: 'The benches need painting too.' }, lan);
  });

  test('a resident sees exactly the petitions raised from their account, newest first, with the tracking facts only', async () => {
    const res = await mine(lan.headers);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.deepEqual(codes(body.items), [third.trackingCode, second.trackingCode, first.trackingCode]);
    assert.equal(body.next, undefined);
    const roof = body.items[1];
    assert.deepEqual(Object.keys(roof).sort(), ['category', 'dueAt', 'kind', 'status', 'submittedAt', 'trackingCode', 'unit']);
    assert.equal(roof.kind, 'help_request');
    const tc2 = await t().ctx.db.selectFrom('units').select('name').where('code', '=', 'TC2').executeTakeFirstOrThrow();
    assert.deepEqual(roof.unit, { code: 'TC2', name: tc2.name });
    assert.equal(roof.status, 'received');
    assert.equal(roof.dueAt, second.dueAt);
    assert.ok(!res.body.includes('roof leaks'), 'no content in the list');
    const minhsList = (await mine(minh.headers)).json();
    assert.deepEqual(codes(minhsList.items), [minhs.trackingCode]);
    for (const other of [anonymous, byContact, minhs]) assert.ok(!codes(body.items).includes(other.trackingCode));
    const stranger = await createResident(t(), { phone: '+84977000203' });
    assert.deepEqual((await mine(stranger.headers)).json(), { items: [] });
  });

  test('officials get 403, callers not signed in 401', async () => {
    assert.equal((await mine(w.disp1.headers)).statusCode, 403);
    assert.equal((await mine(w.provLead.headers)).statusCode, 403);
    assert.equal((await mine(undefined)).statusCode, 401);
  });

  test('pages with the cursor, and refuses a bad one', async () => {
    const one = (await mine(lan.headers, 'limit=2')).json();
    assert.deepEqual(codes(one.items), [third.trackingCode, second.trackingCode]);
    assert.ok(one.next);
    const two = (await mine(lan.headers, `limit=2&cursor=${one.next}`)).json();
    assert.deepEqual(codes(two.items), [first.trackingCode]);
    assert.equal(two.next, undefined);
    const bad = await mine(lan.headers, 'cursor=not-a-cursor');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'invalid_cursor');
    const huge = Buffer.from('{"id":99999999999999999999}').toString('base64url');
    assert.equal((await mine(lan.headers, `cursor=${huge}`)).statusCode, 400, 'an id past bigint is refused, not sent to SQL');
    assert.equal((await mine(lan.headers, 'limit=0')).statusCode, 400);
  });

  test('an answer shows with whether it was rated; a merged petition shows its case', async () => {
    await actOk(t(), w.disp1, first.id, { type: 'accept' });
    await actOk(t(), w.disp1, third.id, { type: 'merge', into: first.id, reason: 'same resident, same place' });
    await actOk(t(), w.disp1, first.id, { type: 'assign', handler: w.hand1.id, leader: w.lead1.id, expectedResult: 'an answer' });
    const assigned = (await mine(lan.headers)).json().items;
    assert.equal(assigned[0].trackingCode, third.trackingCode);
    assert.equal(assigned[0].status, 'assigned', "the merged petition reads its case's state");
    assert.equal(assigned[0].kind, 'suggestion', 'but keeps its own kind');
    await actOk(t(), w.hand1, first.id, { type: 'start' });
    await actOk(t(), w.hand1, first.id, { type: 'answer', text: 'Yes, with a permit from the commune.' });
    let items = (await mine(lan.headers)).json().items;
    for (const i of [items[0], items[2]]) {
      assert.equal(i.status, 'answered');
      assert.ok(i.answeredAt);
      assert.equal(i.rated, false);
    }
    assert.equal(items[1].answeredAt, undefined);
    assert.equal(items[1].rated, undefined);
    const rated = await t().app.inject({
      method: 'POST',
      url: `/api/v1/petitions/track/${first.trackingCode}/rating`,
      payload: { accessKey: first.accessKey, score: 'satisfied' },
    });
    assert.equal(rated.statusCode, 200, rated.body);
    items = (await mine(lan.headers)).json().items;
    assert.equal(items[2].rated, true);
    assert.equal(items[0].rated, false, 'each petitioner rates with their own key');
  });
}, testOptions);
