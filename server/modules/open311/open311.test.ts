/**
 * Open311 GeoReport v2 end to end over a real socket with a plain HTTP client (fetch) that
 * follows the specification: discovery, services, a definition with attributes, a posted
 * request read back by id, token and list, FixMyStreet's updates, and every refusal. Every
 * answer, JSON and XML, is validated against the specification's shapes.
 */
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { describeEachBackend } from '../../test/server.ts';
import { createOfficial, createSmallTree } from '../../test/factories.ts';
import { testOptions } from '../petitions/petitions.testing.ts';
import { assertSpec, type SpecAnswer } from './open311.spec.testing.ts';
import { canReadRequest, parseRequest, requestPage, requestRange } from './open311.policy.ts';

/** Code for America's Node client (npm `open311`), written by others from the same specification. */
type Callback = (error: unknown, data: unknown) => void;
interface Open311 {
  serviceList(done: Callback): void;
  serviceDefinition(code: string, done: Callback): void;
  submitRequest(data: Record<string, unknown>, done: Callback): void;
  serviceRequest(id: string, done: Callback): void;
  serviceRequests(params: Record<string, string>, done: Callback): void;
}
const Open311Client = createRequire(import.meta.url)('open311') as new (options: { endpoint: string; jurisdiction: string; apiKey: string; format: 'json' }) => Open311;
const clientCall = <T>(run: (done: Callback) => void) =>
  new Promise<T>((resolve, reject) => run((error, data) => (error ? reject(new Error(`${String(error)} ${String(data)}`)) : resolve(data as T))));

it('policy: a period defaults to the last 90 days and refuses one that ends before it starts', () => {
  const now = new Date('2026-03-02T00:00:00Z');
  assert.deepEqual(requestRange(undefined, undefined, now), { from: new Date('2025-12-02T00:00:00Z'), to: now });
  assert.deepEqual(requestRange('2026-03-01', '2026-02-01', now), { error: 'range' });
  assert.deepEqual(requestRange('yesterday', undefined, now), { error: 'start_date' });
});

it('policy: page_size and page are whole numbers; without page_size a page is the default 1,000', () => {
  assert.deepEqual(requestPage(undefined, undefined), { limit: 1000, offset: 0 });
  assert.deepEqual(requestPage('50', undefined), { limit: 50, offset: 0 });
  assert.deepEqual(requestPage('50', '3'), { limit: 50, offset: 100 });
  assert.deepEqual(requestPage(undefined, '2'), { limit: 1000, offset: 1000 });
  for (const bad of ['0', '1001', 'abc', '', '2.5', '-1', ' 5']) assert.deepEqual(requestPage(bad, undefined), { error: 'page_size', max: 1000 }, bad);
  for (const bad of ['0', 'x', '1.5', '1000001', '99999999']) assert.deepEqual(requestPage('10', bad), { error: 'page', max: 1_000_000 }, bad);
});

it('policy: a request needs a place and a description or attributes; list values must be listed', () => {
  const attrs = [{ code: 'size', datatype: 'singlevaluelist' as const, required: true, descriptions: { en: 'Size' }, order: 1, values: [{ key: 'small', names: { en: 'Small' } }] }];
  assert.deepEqual(parseRequest({ description: 'x' }, attrs), { errors: [{ field: 'lat', problem: 'required' }, { field: 'attribute[size]', problem: 'required' }] });
  assert.deepEqual(parseRequest({ lat: '21', long: '105', 'attribute[size]': 'huge' }, attrs), { errors: [{ field: 'attribute[size]', problem: 'invalid' }] });
  const ok = parseRequest({ address_string: 'Road 7', 'attribute[size]': 'small', email: 'A@B.VN' }, attrs);
  assert.ok('request' in ok && ok.request.email === 'a@b.vn' && ok.request.attributes.size === 'small');
});

it('policy: a complaint is readable only by the client that sent it', () => {
  const complaint = { kind: 'complaint' as const, status: 'received' as const, consent_to_publish: false, case_id: null, api_key_id: 7 };
  assert.equal(canReadRequest(complaint, ['question', 'suggestion', 'help_request'], undefined), false);
  assert.equal(canReadRequest(complaint, ['question', 'suggestion', 'help_request'], 7), true);
  assert.equal(canReadRequest({ ...complaint, kind: 'suggestion', consent_to_publish: true, api_key_id: null }, ['suggestion'], undefined), true);
});

describeEachBackend('Open311 GeoReport v2', (t) => {
  let base = '';
  let key = '';
  let narrowKey = '';
  let adminHeaders: Record<string, string> = {};

  /** GET or POST with fetch, checked against the specification's shape of `answer`. */
  async function call(answer: SpecAnswer, path: string, opts: { form?: Record<string, string | string[]>; status?: number; lang?: string } = {}) {
    const format = path.includes('.xml') ? 'xml' : 'json';
    let body: string | undefined;
    if (opts.form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(opts.form)) for (const one of [v].flat()) params.append(k, one);
      body = params.toString();
    }
    const res = await fetch(`${base}${path}`, {
      method: opts.form ? 'POST' : 'GET',
      headers: { ...(opts.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), 'accept-language': opts.lang ?? 'en' },
      body,
    });
    const text = await res.text();
    assert.equal(res.status, opts.status ?? (opts.form ? 201 : 200), text);
    assert.match(res.headers.get('content-type') ?? '', format === 'xml' ? /^text\/xml/ : /^application\/json/);
    return { value: assertSpec(res.status >= 400 ? 'errors' : answer, format, text), text };
  }

  before(async () => {
    await t().app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t().app.server.address() as AddressInfo).port}/open311/v2`;
    await createSmallTree(t().ctx.db, 'O');
    const admin = await createOfficial(t(), { roles: [{ unit: null, role: 'administrator' }] });
    adminHeaders = admin.headers;
    const issued = await t().app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: adminHeaders, payload: { client: 'FixMyStreet Nghệ An', unit: 'OP', perMinute: 1000 } });
    assert.equal(issued.statusCode, 201, issued.body);
    key = issued.json().key;
    const op = await t().ctx.db.selectFrom('units').select('name').where('code', '=', 'OP').executeTakeFirstOrThrow();
    assert.deepEqual(issued.json().unit, { code: 'OP', name: op.name }, 'the key names its unit as { code, name }');
    narrowKey = (await t().app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: adminHeaders, payload: { client: 'Village app', unit: 'OC2' } })).json().key;
    const service = await t().app.inject({
      method: 'POST',
      url: '/api/v1/open311/services',
      headers: adminHeaders,
      payload: {
        unit: 'OC1',
        code: 'pothole',
        names: { en: 'Pothole', vi: 'Ổ gà', zh: '路面坑洞' },
        kind: 'suggestion',
        category: 'roads',
        group: 'roads',
        attributes: [
          { code: 'size', datatype: 'singlevaluelist', required: true, descriptions: { en: 'How big is it?', vi: 'Kích thước?' }, order: 1, values: [{ key: 'small', names: { en: 'Small', vi: 'Nhỏ' } }, { key: 'large', names: { en: 'Large', vi: 'Lớn' } }] },
          { code: 'lanes', datatype: 'number', required: false, descriptions: { en: 'Lanes blocked' }, order: 2 },
        ],
      },
    });
    assert.equal(service.statusCode, 201, service.body);
    assert.equal(service.json().unit.code, 'OC1');
    const complaint = await t().app.inject({
      method: 'POST',
      url: '/api/v1/open311/services',
      headers: adminHeaders,
      payload: { unit: 'OC1', code: 'land_dispute', names: { en: 'Land dispute' }, kind: 'complaint', category: 'land' },
    });
    assert.equal(complaint.statusCode, 201, complaint.body);
  });

  it('discovery and services answer in JSON and XML as the specification says', async () => {
    for (const f of ['json', 'xml']) await call('discovery', `/discovery.${f}`);
    const services = (await call('services', '/services.json?jurisdiction_id=OV1')).value as Array<{ service_code: string; metadata: boolean }>;
    assert.ok(services.some((s) => s.service_code === 'pothole' && s.metadata), "a village sees its commune's services");
    assert.ok(services.some((s) => s.service_code === 'roads'), "and the deployment's");
    const other = (await call('services', '/services.json?jurisdiction_id=OC2')).value as Array<{ service_code: string }>;
    assert.ok(!other.some((s) => s.service_code === 'pothole'), 'not another commune');
    const xml = await call('services', '/services.xml?jurisdiction_id=OC1', { lang: 'vi' });
    assert.match(xml.text, /<service_name>Ổ gà<\/service_name>/);
    const def = (await call('service_definition', '/services/pothole.json?jurisdiction_id=OC1')).value;
    assert.deepEqual(def.attributes.map((a: { code: string }) => a.code), ['size', 'lanes']);
    assert.deepEqual(def.attributes[0].values, [{ key: 'small', name: 'Small' }, { key: 'large', name: 'Large' }]);
    await call('service_definition', '/services/pothole.xml?jurisdiction_id=OC1');
    await call('errors', '/services/nothing.json?jurisdiction_id=OC1', { status: 404 });
    await call('errors', '/services.xml?jurisdiction_id=NOPE', { status: 404 });
    await call('errors', '/services.json', { status: 400 });
    const res = await fetch(`${base}/services.csv?jurisdiction_id=OC1`);
    assert.equal(res.status, 404);
  });

  it('a request posted with attributes is read back by id, token and list, without personal data', async () => {
    const form = {
      api_key: key,
      jurisdiction_id: 'OC1',
      service_code: 'pothole',
      lat: '18.679812',
      long: '105.681234',
      description: 'A deep hole on road 7, call me at 0912345678',
      'attribute[size]': 'large',
      'attribute[lanes]': '1',
      email: 'resident@example.vn',
      first_name: 'Nguyễn',
      last_name: 'Văn A',
      phone: '0912345678',
      media_url: 'https://fixmystreet.example/photo/1.jpeg',
    };
    const posted = (await call('posted', '/requests.json', { form })).value[0];
    assert.equal(typeof posted.service_request_id, 'string');
    const xmlPosted = (await call('posted', '/requests.xml', { form: { ...form, 'attribute[size]': 'small' } })).value.request[0];
    assert.equal(typeof xmlPosted.service_request_id, 'string');

    const byToken = (await call('token', `/tokens/${posted.token}.json`)).value[0];
    assert.equal(byToken.service_request_id, posted.service_request_id);
    await call('token', `/tokens/${posted.token}.xml`);

    const one = await call('requests', `/requests/${posted.service_request_id}.json`);
    const r = one.value[0];
    assert.equal(r.status, 'open');
    assert.equal(r.service_code, 'pothole');
    assert.equal(r.service_name, 'Pothole');
    assert.equal(r.lat, 18.68);
    assert.equal(r.media_url, form.media_url);
    assert.ok(r.expected_datetime, 'the due time is the expected time');
    for (const at of [r.requested_datetime, r.updated_datetime, r.expected_datetime]) {
      assert.equal(new Date(at).toISOString(), at, 'times are ISO 8601 in UTC with milliseconds');
    }
    assert.ok(Date.parse(r.expected_datetime) > Date.parse(r.requested_datetime), 'due after it was made');
    assert.equal(r.agency_responsible, 'O Commune One');
    assert.match(r.description, /How big is it\?: Large/);
    for (const secret of ['resident@example.vn', 'Nguyễn', '0912345678', '912345678']) assert.ok(!one.text.includes(secret), `${secret} does not leave`);
    await call('requests', `/requests/${posted.service_request_id}.xml`);

    const listed = (await call('requests', '/requests.json?jurisdiction_id=OP')).value as Array<{ service_request_id: string }>;
    assert.ok(listed.some((x) => x.service_request_id === posted.service_request_id));
    const xmlList = await call('requests', '/requests.xml?jurisdiction_id=OP');
    assert.ok(!xmlList.text.includes('resident@example.vn'));
    const byIds = (await call('requests', `/requests.json?jurisdiction_id=OP&service_request_id=${posted.service_request_id},${xmlPosted.service_request_id}`)).value;
    assert.equal(byIds.length, 2);
    assert.equal((await call('requests', '/requests.json?jurisdiction_id=OP&service_code=roads')).value.length, 0);
    assert.equal((await call('requests', '/requests.json?jurisdiction_id=OP&status=closed')).value.length, 0);
    assert.equal((await call('requests', '/requests.json?jurisdiction_id=OP&status=open&service_code=pothole')).value.length, 2);
    assert.equal((await call('requests', '/requests.json?jurisdiction_id=OC2')).value.length, 0);
    assert.equal((await call('requests', '/requests.json?jurisdiction_id=OP&start_date=2027-01-01T00:00:00Z&end_date=2027-02-01T00:00:00Z')).value.length, 0);
    await call('errors', '/requests.json?jurisdiction_id=OP&start_date=soon', { status: 400 });
    await call('errors', '/requests.xml?jurisdiction_id=OP&status=pending', { status: 400 });

    // The petition is an ordinary one for the officials of the commune.
    const petition = await t().ctx.db.selectFrom('petitions').select(['kind', 'category', 'channel', 'consent_to_publish']).where('tracking_code', '=', posted.service_request_id).executeTakeFirstOrThrow();
    assert.deepEqual(petition, { kind: 'suggestion', category: 'roads', channel: 'web', consent_to_publish: true });
  });

  it("Code for America's Open311 client lists services, posts a request with attributes and reads it back", async () => {
    const client = new Open311Client({ endpoint: `${base}/`, jurisdiction: 'OC1', apiKey: key, format: 'json' });
    const services = await clientCall<Array<{ service_code: string; metadata: boolean }>>((done) => client.serviceList(done));
    assertSpec('services', 'json', JSON.stringify(services));
    assert.ok(services.some((s) => s.service_code === 'pothole' && s.metadata));
    const definition = await clientCall<{ attributes: Array<{ code: string }> }>((done) => client.serviceDefinition('pothole', done));
    assert.deepEqual(definition.attributes.map((a) => a.code), ['size', 'lanes']);

    // The client sends `attribute[size]=small` and the key as the specification says.
    const posted = await clientCall<Array<{ service_request_id: string }>>((done) =>
      client.submitRequest({ service_code: 'pothole', lat: 18.6801, long: 105.6815, description: 'Broken kerb by the school gate', attributes: { size: 'small' } }, done),
    );
    assertSpec('posted', 'json', JSON.stringify(posted));
    const id = posted[0].service_request_id;
    const [read] = await clientCall<Array<{ service_request_id: string; status: string; service_code: string; description: string; requested_datetime: Date }>>((done) => client.serviceRequest(id, done));
    assert.equal(read.service_request_id, id);
    assert.equal(read.status, 'open');
    assert.equal(read.service_code, 'pothole');
    assert.match(read.description, /How big is it\?: Small/);
    assert.ok(read.requested_datetime instanceof Date && !Number.isNaN(read.requested_datetime.getTime()), 'the client reads the time the specification\'s way');
    const listed = await clientCall<Array<{ service_request_id: string }>>((done) => client.serviceRequests({ service_code: 'pothole' }, done));
    assert.ok(listed.some((r) => r.service_request_id === id));

    // A refusal reaches the client as an error, not as data.
    const refused = new Open311Client({ endpoint: `${base}/`, jurisdiction: 'OC1', apiKey: 'not-a-key', format: 'json' });
    await assert.rejects(clientCall((done) => refused.submitRequest({ service_code: 'pothole', address_string: 'Road 7', attributes: { size: 'small' } }, done)), /403|401/);
  });

  it('a complaint never appears in a public list; only its client reads it', async () => {
    const form = { api_key: key, jurisdiction_id: 'OC1', service_code: 'land_dispute', address_string: 'Plot 12', description: 'My neighbour took my land', first_name: 'Trần', email: 'tran@example.vn' };
    const posted = (await call('posted', '/requests.json', { form })).value[0];
    const listed = (await call('requests', '/requests.json?jurisdiction_id=OP')).value as Array<{ service_request_id: string }>;
    assert.ok(!listed.some((x) => x.service_request_id === posted.service_request_id));
    const byId = (await call('requests', `/requests.json?jurisdiction_id=OP&service_request_id=${posted.service_request_id}`)).value;
    assert.equal(byId.length, 0);
    await call('errors', `/requests/${posted.service_request_id}.json`, { status: 404 });
    await call('requests', `/requests/${posted.service_request_id}.json?api_key=${encodeURIComponent(key)}`);
  });

  it('refuses what the specification says to refuse, with [{code, description}]', async () => {
    const form = { jurisdiction_id: 'OC1', service_code: 'pothole', lat: '18.6', long: '105.6', 'attribute[size]': 'small', description: 'x' };
    await call('errors', '/requests.json', { form, status: 403 });
    await call('errors', '/requests.xml', { form: { ...form, api_key: 'zd_wrong' }, status: 403 });
    const scoped = await call('errors', '/requests.json', { form: { ...form, api_key: narrowKey }, status: 403 });
    assert.match(scoped.value[0].description, /does not reach unit OC1/);
    const missing = await call('errors', '/requests.json', { form: { ...form, api_key: key, 'attribute[size]': '' }, status: 400, lang: 'vi' });
    assert.match(missing.value[0].description, /attribute\[size\]/);
    await call('errors', '/requests.json', { form: { ...form, api_key: key, service_code: 'nothing' }, status: 404 });
    await call('errors', '/requests.json', { form: { ...form, api_key: key, lat: '', long: '' }, status: 400 });
    await call('errors', '/requests.json', { form: { ...form, api_key: key, email: 'not-an-address' }, status: 400 });
  });

  it('an API key is limited per minute, and refused once revoked', async () => {
    const issued = (await t().app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: adminHeaders, payload: { client: 'Slow client', perMinute: 2 } })).json();
    const form = { api_key: issued.key, jurisdiction_id: 'OC1', service_code: 'roads', lat: '18.6', long: '105.6', description: 'Broken light' };
    await call('posted', '/requests.json', { form });
    await call('posted', '/requests.json', { form });
    await call('errors', '/requests.json', { form, status: 429 });
    t().clock.advance(60_000);
    await call('posted', '/requests.json', { form });
    const revoked = await t().app.inject({ method: 'POST', url: `/api/v1/api-keys/${issued.id}/revoke`, headers: adminHeaders });
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.ok(revoked.json().revokedAt);
    await call('errors', '/requests.json', { form, status: 403 });
    const list = (await t().app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: adminHeaders })).json();
    const listed = list.items.find((k: { id: number }) => k.id === issued.id);
    assert.ok(listed.revokedAt && listed.lastUsedAt && !('key' in listed), 'the key itself is never listed');
    assert.equal(listed.prefix, issued.key.slice(0, 11));
    assert.equal(listed.unit, null, 'a key without a unit reaches the whole deployment');
    const stored = await t().ctx.db.selectFrom('api_keys').select('key_hash').where('id', '=', issued.id).executeTakeFirstOrThrow();
    assert.notEqual(stored.key_hash, issued.key, 'only a hash is stored');
  });

  it("exchanges updates the way FixMyStreet does", async () => {
    const form = { api_key: key, jurisdiction_id: 'OC1', service_code: 'roads', lat: '18.6', long: '105.6', description: 'Flooded road' };
    const posted = (await call('posted', '/requests.json', { form })).value[0];
    const dispatcher = await createOfficial(t(), { roles: [{ unit: 'OC1', role: 'dispatcher' }] });
    const p = await t().ctx.db.selectFrom('petitions').select('id').where('tracking_code', '=', posted.service_request_id).executeTakeFirstOrThrow();
    t().clock.advance(60_000);
    const accepted = await t().app.inject({ method: 'POST', url: `/api/v1/petitions/${p.id}/actions`, headers: dispatcher.headers, payload: { type: 'accept' } });
    assert.equal(accepted.statusCode, 200, accepted.body);
    const updates = (await call('updates', `/servicerequestupdates.json?api_key=${encodeURIComponent(key)}`)).value as Array<{ service_request_id: string; status: string }>;
    assert.ok(updates.some((u) => u.service_request_id === posted.service_request_id && u.status === 'open'));
    await call('updates', `/servicerequestupdates.xml?api_key=${encodeURIComponent(key)}`);
    await call('errors', '/servicerequestupdates.json', { status: 403 });

    const update = { api_key: key, jurisdiction_id: 'OC1', update_id: 'fms-991', service_request_id: posted.service_request_id, status: 'FIXED', updated_datetime: '2026-03-02T03:00:00Z', description: 'Residents say it is dry now', first_name: 'Lê' };
    const first = (await call('posted_update', '/servicerequestupdates.xml', { form: update, status: 200 })).value.request_update[0].update_id;
    const again = (await call('posted_update', '/servicerequestupdates.json', { form: update, status: 200 })).value[0].update_id;
    assert.equal(again, first, 'a repeated update is the same update');
    await call('errors', '/servicerequestupdates.json', { form: { ...update, status: 'MAYBE' }, status: 400 });
    await call('errors', '/servicerequestupdates.json', { form: { ...update, api_key: narrowKey }, status: 404 });
  });

  it('pages a list with the pagination extension: page_size and page, newest first, without overlap', async () => {
    const form = { api_key: narrowKey, jurisdiction_id: 'OC2', service_code: 'roads', lat: '18.6', long: '105.6' };
    const newest: string[] = [];
    for (let i = 1; i <= 5; i++) {
      t().clock.advance(1000);
      newest.unshift((await call('posted', '/requests.json', { form: { ...form, description: `Street light ${i} is out` } })).value[0].service_request_id);
    }
    const ids = async (query: string) =>
      ((await call('requests', `/requests.json?jurisdiction_id=OC2${query}`)).value as Array<{ service_request_id: string }>).map((r) => r.service_request_id);
    assert.deepEqual(await ids(''), newest, 'without page_size the answer is as before: all of them, newest first');
    assert.deepEqual(await ids('&page_size=2'), newest.slice(0, 2), 'the 2 newest');
    assert.deepEqual(await ids('&page_size=2&page=2'), newest.slice(2, 4), 'the next 2');
    assert.deepEqual(await ids('&page=3&page_size=2'), newest.slice(4));
    assert.deepEqual(await ids('&page_size=2&page=4'), [], 'past the last page, an empty list');
    assert.deepEqual(await ids('&page=1'), newest);
    assert.deepEqual(await ids('&status=open&page_size=1&page=5'), newest.slice(4), 'with the other filters');
    const xml = await call('requests', '/requests.xml?jurisdiction_id=OC2&page_size=1&page=2');
    assert.deepEqual((xml.value.request as Array<{ service_request_id: string }>).map((r) => r.service_request_id), [newest[1]]);

    const refusals: Array<[string, string]> = [
      ['page_size=0', 'page_size'],
      ['page_size=1001', 'page_size'],
      ['page_size=abc', 'page_size'],
      ['page=0', 'page'],
      ['page_size=2&page=1.5', 'page'],
      ['page=1000001', 'page'],
    ];
    for (const [query, field] of refusals) {
      const refused = await call('errors', `/requests.json?jurisdiction_id=OC2&${query}`, { status: 400 });
      assert.equal(refused.value.length, 1);
      assert.equal(refused.value[0].code, 400);
      assert.match(refused.value[0].description, new RegExp(`^${field} must be a whole number from 1 to \\d+\\.$`), query);
    }
    const vi = await call('errors', '/requests.xml?jurisdiction_id=OC2&page_size=0', { status: 400, lang: 'vi' });
    assert.match(vi.text, /<description>page_size phải là số nguyên từ 1 đến 1000\.<\/description>/);
  });
}, testOptions);
