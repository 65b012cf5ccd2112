/** The built app: its first-load weight, and how the server hands it out. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createTestApp, type TestApp } from '../../server/test/server.ts';
import { describeFirstLoad, firstLoadBudgetBytes, firstLoadWeight, webDist } from '../build.ts';
import { buildOnce } from './harness.ts';

before(async () => {
  await buildOnce();
});

test('the resident pages load at most 150 KB of gzipped JavaScript', () => {
  const weight = firstLoadWeight();
  console.log(describeFirstLoad(weight));
  assert.ok(weight.files.length >= 2, 'the entry and at least one locale are counted');
  assert.ok(weight.gzipBytes <= firstLoadBudgetBytes, describeFirstLoad(weight));
});

test('the charts library is not part of the first load', () => {
  const weight = firstLoadWeight();
  for (const file of weight.files) {
    const code = fs.readFileSync(path.join(webDist, file.file), 'utf8');
    assert.ok(!code.includes('zrender'), `${file.file} carries ECharts`);
  }
});

test('the map library is not part of the first load: it comes with the pages that draw a map', () => {
  const weight = firstLoadWeight();
  for (const file of weight.files) {
    const code = fs.readFileSync(path.join(webDist, file.file), 'utf8');
    assert.ok(!code.includes('leaflet-container'), `${file.file} carries Leaflet`);
  }
});

describe('serving the web app', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp('pglite');
  });
  after(async () => {
    await t?.close();
  });

  test('any path of the app answers index.html, never cached', async () => {
    for (const url of ['/', '/track/ABC123', '/staff/petitions/5?x=1']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.match(res.headers['content-type'] as string, /text\/html/);
      assert.equal(res.headers['cache-control'], 'no-cache');
      assert.match(res.body, /<div id="app">/);
    }
  });

  test('hashed assets are cached for a year and sent compressed when the browser accepts it', async () => {
    const html = (await t.app.inject({ method: 'GET', url: '/' })).body;
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    assert.ok(script, 'index.html names its script');
    const res = await t.app.inject({ method: 'GET', url: script, headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(res.headers['content-encoding'], 'br');
    assert.match(res.headers['content-type'] as string, /javascript/);
  });

  test('unknown API paths and missing assets stay JSON 404s, not the app', async () => {
    for (const url of ['/api/v1/nothing-here', '/api/nope', '/assets/missing-abc.js']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'vi' } });
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().error.code, 'route_not_found');
    }
  });
});
