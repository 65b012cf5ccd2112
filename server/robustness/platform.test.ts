/**
 * The platform's answers to input no module should ever meet: text PostgreSQL cannot store,
 * URLs that do not decode, path segments over the router's limit, bodies of a type nobody reads.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonDepthExceeds, unstorableTextAt } from '../platform/http.ts';
import { describeEachBackend } from '../test/server.ts';
import { createOfficial, createSmallTree } from '../test/factories.ts';
import { errorShapeProblem } from './checks.ts';

describe('unstorableTextAt', () => {
  test('finds a NUL or an unpaired surrogate anywhere, and names where', () => {
    assert.equal(unstorableTextAt({ resident: { name: 'a\u0000b' } }, 'body'), 'body.resident.name');
    assert.equal(unstorableTextAt({ reasons: ['ok', 'x\ud800'] }, 'body'), 'body.reasons.1');
    assert.equal(unstorableTextAt({ ['k\u0000']: 1 }, 'body'), 'body');
    assert.equal(unstorableTextAt('\udc00', 'path'), 'path');
  });

  test('lets every real text through: Vietnamese, Chinese, emoji (paired surrogates), files', () => {
    assert.equal(unstorableTextAt({ name: 'Thanh Chương', zh: '凤冈县', note: '👩🏽‍🌾 🙂', n: 1, b: null }, 'body'), undefined);
    assert.equal(unstorableTextAt(Buffer.from([0, 0xd8, 0]), 'body'), undefined);
  });
});

describe('jsonDepthExceeds', () => {
  test('counts arrays and objects, not brackets inside strings or after escapes', () => {
    assert.equal(jsonDepthExceeds('[[[]]]', 3), false);
    assert.equal(jsonDepthExceeds('[[[[]]]]', 3), true);
    assert.equal(jsonDepthExceeds('{"a":{"b":[1]}}', 3), false);
    assert.equal(jsonDepthExceeds('{"a":{"b":[{}]}}', 3), true);
    assert.equal(jsonDepthExceeds(JSON.stringify({ a: '[[[[[[', b: '\\"[[[[', c: '"{{{{' }), 1), false);
    assert.equal(jsonDepthExceeds('[' + '"\\\\"'.repeat(3) + ',[[[' + ']]]]', 3), true);
  });
});

describeEachBackend('the platform refuses input that would fail in SQL or in the router', (t) => {
  test('text with a NUL or an unpaired surrogate: 400 invalid_text naming the field, nothing stored', async () => {
    await createSmallTree(t().ctx.db, 'PX');
    const admin = await createOfficial(t(), { roles: [{ unit: null, role: 'administrator' }] });
    const before = await t().ctx.db.selectFrom('agencies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const body = await t().app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: { ...admin.headers, 'accept-language': 'vi' },
      payload: { unit: 'PXC1', kind: 'police', name: 'Công an\u0000' },
    });
    assert.equal(body.statusCode, 400);
    assert.equal(body.json().error.code, 'invalid_text');
    assert.match(body.json().error.message, /không được chứa/);
    assert.match(body.json().error.message, /body\.name/);
    const surrogate = await t().app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: '{"unit":"PXC1","kind":"police","name":"x","names":{"vi":"\\ud800"}}',
    });
    assert.equal(surrogate.statusCode, 400);
    assert.match(surrogate.json().error.message, /body\.names\.vi/);
    const after = await t().ctx.db.selectFrom('agencies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));

    const query = await t().app.inject({ method: 'GET', url: '/api/v1/units?q=a%00b', headers: { 'accept-language': 'zh-CN' } });
    assert.equal(query.statusCode, 400);
    assert.equal(query.json().error.code, 'invalid_text');
    assert.match(query.json().error.message, /query\.q/);
    const path = await t().app.inject({ method: 'GET', url: '/api/v1/units/%00' });
    assert.equal(path.statusCode, 400);
    assert.match(path.json().error.message, /path\.code/);
  });

  test('a URL that does not decode, or a path segment over the limit: the one error shape, in the caller’s language', async () => {
    const bad = await t().app.inject({ method: 'GET', url: '/api/v1/units/%ZZ', headers: { 'accept-language': 'vi' } });
    assert.equal(bad.statusCode, 400);
    assert.equal(errorShapeProblem(bad.json()), undefined, bad.body);
    assert.equal(bad.json().error.code, 'invalid_url');
    assert.match(bad.json().error.message, /Địa chỉ không hợp lệ/);
    // (A GET falls through to the web app's catch-all and is not found; a POST has none.)
    const long = await t().app.inject({ method: 'POST', url: `/api/v1/petitions/${'1'.repeat(1000)}/actions`, payload: { type: 'accept' } });
    assert.equal(long.statusCode, 414);
    assert.equal(errorShapeProblem(long.json()), undefined, long.body);
    assert.equal(long.json().error.code, 'url_too_long');
  });

  test('JSON nested deeper than any route takes: 400 too_deep before anything walks it, anonymously, on every JSON route', async () => {
    // 4,000 open brackets in a field once overflowed the stack of the text check: a 500.
    for (const [label, payload] of [
      ['arrays in a field', `{"unit":"PXC1","kind":"question","body":${'['.repeat(4000)}${']'.repeat(4000)}}`],
      ['objects in a field', `{"body":${'{"a":'.repeat(4000)}1${'}'.repeat(4000)}}`],
      ['unclosed arrays', '['.repeat(100_000)],
    ]) {
      const res = await t().app.inject({ method: 'POST', url: '/api/v1/petitions', headers: { 'content-type': 'application/json', 'accept-language': 'vi' }, payload });
      assert.equal(res.statusCode, 400, `${label}: ${res.body.slice(0, 200)}`);
      assert.equal(res.json().error.code, 'too_deep', label);
      assert.match(res.json().error.message, /32/);
    }
    // Brackets inside a string are text, not nesting.
    const text = await t().app.inject({
      method: 'POST',
      url: '/api/v1/petitions',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ unit: 'PXC1', kind: 'question', body: `[{"\\"${'['.repeat(5000)}`, fuzz: 1 }),
    });
    assert.equal(text.statusCode, 400);
    assert.equal(text.json().error.code, 'invalid_input', 'the brackets in the text were not counted as nesting');
  });

  test('a body of a type the route does not read: 415 naming the type sent', async () => {
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/v1/petitions',
      headers: { 'content-type': 'application/xml; charset=utf-8' },
      payload: '<petition/>',
    });
    assert.equal(res.statusCode, 415);
    assert.equal(res.json().error.code, 'unsupported_media_type');
    assert.match(res.json().error.message, /application\/xml\./);
  });
});
