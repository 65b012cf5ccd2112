/**
 * Petitions as files: officials get what their scope lets them see (filtered in SQL), never who
 * sent a petition; the public gets what the public list shows without text or names; both come
 * out page after page, and a CSV cell cannot become a spreadsheet formula.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { describeEachBackend } from '../../../test/server.ts';
import { createWorld, submitOk, testOptions, type World } from '../petitions.testing.ts';
import { csvCell, exportStream } from '../../../platform/export.ts';

test('CSV cells: quoted when needed, formulas defused; the stream asks for a page only after writing the last', async () => {
  assert.equal(csvCell('a,"b"'), '"a,""b"""');
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvCell(-3), '-3');
  assert.equal(csvCell(null), '');
  const asked: number[] = [];
  async function* pages() {
    for (let i = 0; i < 3; i++) {
      asked.push(i);
      yield [{ n: i, s: `line ${i}` }];
    }
  }
  const stream = exportStream('json', ['n', 's'], pages());
  const chunks: string[] = [];
  for await (const c of stream) {
    chunks.push(String(c));
    // The header, then one chunk per page: never more pages asked for than written out.
    assert.ok(asked.length <= chunks.length);
  }
  assert.deepEqual(JSON.parse(chunks.join('')), [{ n: 0, s: 'line 0' }, { n: 1, s: 'line 1' }, { n: 2, s: 'line 2' }]);
});

describeEachBackend(
  'petition exports',
  (t) => {
    let w: World;
    const resident = { name: 'Trần Thị Bình', phone: '0912345678' };
    const codes: Record<string, string> = {};
    before(async () => {
      w = await createWorld(t());
      codes.question = (await submitOk(t(), { unit: 'TC1', kind: 'question', title: '=1+1 đèn đường', body: 'Đèn đường xóm 3 hỏng, gọi 0912345678.', resident, consentToPublish: true })).trackingCode;
      codes.unpublished = (await submitOk(t(), { unit: 'TC1', kind: 'suggestion', body: 'Làm thêm bãi đỗ xe.', resident })).trackingCode;
      codes.denunciation = (await submitOk(t(), { unit: 'TC1', kind: 'denunciation', body: 'Tố cáo lấn chiếm đất công.', resident })).trackingCode;
      codes.conduct = (await submitOk(t(), { unit: 'TC1', kind: 'conduct_report', body: 'Cán bộ một cửa thái độ không đúng mực.', resident })).trackingCode;
      codes.otherCommune = (await submitOk(t(), { unit: 'TC2', kind: 'question', body: 'Hỏi về cấp sổ đỏ.', resident, consentToPublish: true })).trackingCode;
    });

    const get = (url: string, headers: Record<string, string> = {}) => t().app.inject({ method: 'GET', url, headers });
    const csvRows = (body: string) => parse(body.replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;

    test("a commune's dispatcher gets its petitions but no conduct report and nothing of the commune next door; no petitioner data", async () => {
      const res = await get('/api/v1/petitions/export?format=csv', w.disp1.headers);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      assert.match(String(res.headers['content-disposition']), /attachment; filename="petitions-\d{4}-\d{2}-\d{2}\.csv"/);
      const rows = csvRows(res.body);
      const got = new Set(rows.map((r) => r.trackingCode));
      for (const c of [codes.question, codes.unpublished, codes.denunciation]) assert.ok(got.has(c), c);
      assert.ok(!got.has(codes.conduct), 'conduct reports go to leaders and auditors only');
      assert.ok(!got.has(codes.otherCommune), 'another commune');
      assert.doesNotMatch(res.body, /Trần Thị Bình|0912345678/);
      assert.equal(rows.find((r) => r.trackingCode === codes.question)?.title, "'=1+1 đèn đường");
    });

    test("the province's auditor gets both communes and the conduct report; a unit narrows it; JSON has the same rows", async () => {
      const all = await get('/api/v1/petitions/export?format=json', w.auditor.headers);
      assert.equal(all.statusCode, 200, all.body);
      const items = all.json() as Array<Record<string, unknown>>;
      const got = new Set(items.map((r) => r.trackingCode));
      for (const c of Object.values(codes)) assert.ok(got.has(c), c);
      const narrowed = (await get('/api/v1/petitions/export?format=json&unit=TC2', w.auditor.headers)).json() as Array<Record<string, unknown>>;
      assert.deepEqual(narrowed.map((r) => r.trackingCode), [codes.otherCommune]);
      assert.equal(narrowed[0].unit, 'TC2');
    });

    test('a period outside the petitions gives an empty file; residents and visitors may not export staff data', async () => {
      const empty = await get('/api/v1/petitions/export?format=json&from=2020-01-01&to=2020-12-31', w.auditor.headers);
      assert.deepEqual(empty.json(), []);
      assert.equal((await get('/api/v1/petitions/export')).statusCode, 401);
      assert.equal((await get('/api/v1/petitions/export?format=json&from=2026-03-05&to=2026-03-01', w.auditor.headers)).statusCode, 400);
    });

    test('the public export: only what the public list shows, no text, names or contacts', async () => {
      const res = await get('/api/v1/petitions/public/export?unit=TP&format=csv');
      assert.equal(res.statusCode, 200, res.body);
      const rows = csvRows(res.body);
      assert.deepEqual(rows.map((r) => r.trackingCode).sort(), [codes.question, codes.otherCommune].sort());
      assert.deepEqual(Object.keys(rows[0]), ['trackingCode', 'kind', 'category', 'status', 'unit', 'submittedAt', 'answeredAt', 'closedAt']);
      assert.doesNotMatch(res.body, /Trần|0912345678|đèn đường/i);
      assert.equal((await get('/api/v1/petitions/public/export?unit=NOPE')).statusCode, 400);
    });

    test('the figures per unit and period: the unit by month, then the communes below', async () => {
      const res = await get('/api/v1/stats/export?unit=TP&from=2026-01-01&to=2026-03-31&format=json');
      assert.equal(res.statusCode, 200, res.body);
      const rows = res.json() as Array<Record<string, unknown>>;
      assert.deepEqual(rows.slice(0, 4).map((r) => r.period), ['2026-01-01/2026-03-31', '2026-01', '2026-02', '2026-03']);
      assert.equal(rows[0].received, 5);
      assert.equal(rows[3].received, 5);
      const communes = rows.slice(4);
      assert.deepEqual(communes.map((r) => [r.unit, r.received]), [['TC1', 4], ['TC2', 1]]);
      const csv = await get('/api/v1/stats/export?unit=TP&from=2026-01-01&to=2026-03-31');
      assert.equal(csvRows(csv.body).length, rows.length);
    });
  },
  testOptions,
);
