/** The settings the browser app reads from GET /api/v1/config: the map tiles. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, mapTiles, openStreetMapTiles } from '../../platform/config.ts';
import { createTestApp, type TestApp } from '../../test/server.ts';

test("the tile source defaults to OpenStreetMap's standard tiles with their credit", () => {
  assert.deepEqual(loadConfig({}).mapTiles, openStreetMapTiles);
  const own = loadConfig({ ZD_MAP_TILES_URL: 'https://{s}.tiles.example.vn/{z}/{x}/{y}.png', ZD_MAP_TILES_ATTRIBUTION: '© Bản đồ tỉnh' });
  assert.deepEqual(own.mapTiles, { url: 'https://{s}.tiles.example.vn/{z}/{x}/{y}.png', attribution: '© Bản đồ tỉnh' });
});

test('a tile URL that is not an http(s) template with {z}, {x} and {y} stops the start', () => {
  for (const url of ['tiles.example.vn/{z}/{x}/{y}.png', 'https://tiles.example.vn/{z}/{x}.png', 'javascript:alert(1)//{z}{x}{y}']) {
    assert.throws(() => mapTiles(url, undefined), /ZD_MAP_TILES_URL/, url);
  }
  assert.equal(mapTiles('/tiles/{z}/{x}/{y}.png', undefined).url, '/tiles/{z}/{x}/{y}.png');
});

describe('GET /api/v1/config', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp('pglite', {
      config: { mapTiles: { url: 'https://{s}.tiles.example.vn/{z}/{x}/{y}.png', attribution: '© Bản đồ tỉnh' } },
    });
  });
  after(async () => {
    await t?.close();
  });

  test('answers anyone the tile source, and the pages may load images from it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/config' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { map: { tilesUrl: 'https://{s}.tiles.example.vn/{z}/{x}/{y}.png', attribution: '© Bản đồ tỉnh' }, sso: null });
    const csp = res.headers['content-security-policy'] as string;
    const imgSrc = csp.split(';').find((d) => d.trim().startsWith('img-src'));
    assert.ok(imgSrc?.includes('https://*.tiles.example.vn'), csp);
  });
});
