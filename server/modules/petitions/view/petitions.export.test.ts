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
      // A day PostgreSQL cannot hold, with a unit or without: bad input, not a server error.
      assert.equal((await get('/api/v1/petitions/export?format=json&from=0000-01-01', w.auditor.headers)).statusCode, 400);
      assert.equal((await get('/api/v1/petitions/public/export?unit=TP&to=0000-12-31')).statusCode, 400);
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
      const res = await get('/api/v1/figures/export?unit=TP&from=2026-01-01&to=2026-03-31&format=json');
      assert.equal(res.statusCode, 200, res.body);
      const rows = res.json() as Array<Record<string, unknown>>;
      assert.deepEqual(rows.slice(0, 4).map((r) => r.period), ['2026-01-01/2026-03-31', '2026-01', '2026-02', '2026-03']);
      assert.equal(rows[0].received, 5);
      assert.equal(rows[3].received, 5);
      const communes = rows.slice(4);
      assert.deepEqual(communes.map((r) => [r.unit, r.received]), [['TC1', 4], ['TC2', 1]]);
      const csv = await get('/api/v1/figures/export?unit=TP&from=2026-01-01&to=2026-03-31');
      assert.equal(csvRows(csv.body).length, rows.length);
    });

    test("days are the unit's local days: 23:30 in Vinh (16:30 UTC) and 23:30 in Fenggang (15:30 UTC) fall on that day, 00:30 on the next", async () => {
      const vn = await createWorld(t(), 'E');
      const cn = await createWorld(t(), 'Z', 'CN');
      const at = async (instant: string, unit: string, body: string) => {
        t().clock.set(instant);
        return (await submitOk(t(), { unit, kind: 'question', body, resident, consentToPublish: true })).trackingCode;
      };
      const dawn = await at('2026-06-09T23:30:00Z', 'EC1', 'Hỏi lúc 6 giờ 30 sáng ngày 10.'); // 06:30 on 10 June in Vinh
      const late = await at('2026-06-10T16:30:00Z', 'EC1', 'Hỏi lúc 23 giờ 30 ngày 10.'); // 23:30 on 10 June in Vinh
      const next = await at('2026-06-10T17:30:00Z', 'EC2', 'Hỏi lúc 0 giờ 30 ngày 11.'); // 00:30 on 11 June in Vinh
      const cnLate = await at('2026-06-10T15:30:00Z', 'ZC1', '6月10日23点30分的问题。'); // 23:30 on 10 June in Fenggang
      const cnNext = await at('2026-06-10T16:30:00Z', 'ZC1', '6月11日0点30分的问题。'); // 00:30 on 11 June in Fenggang
      const codesOf = async (url: string, headers: Record<string, string> = {}) => {
        const res = await get(url, headers);
        assert.equal(res.statusCode, 200, res.body);
        return (res.json() as Array<{ trackingCode: string }>).map((r) => r.trackingCode).sort();
      };

      assert.deepEqual(await codesOf('/api/v1/petitions/export?format=json&unit=EP&from=2026-06-10&to=2026-06-10', vn.auditor.headers), [dawn, late].sort());
      assert.deepEqual(await codesOf('/api/v1/petitions/export?format=json&unit=EP&from=2026-06-11', vn.auditor.headers), [next]);
      // Without a unit: each petition's own unit's days.
      assert.deepEqual(await codesOf('/api/v1/petitions/export?format=json&from=2026-06-10&to=2026-06-10', vn.auditor.headers), [dawn, late].sort());
      assert.deepEqual(await codesOf('/api/v1/petitions/export?format=json&to=2026-06-10', cn.auditor.headers), [cnLate]);
      assert.deepEqual(await codesOf('/api/v1/petitions/public/export?format=json&unit=EP&from=2026-06-10&to=2026-06-10'), [dawn, late].sort());
      assert.deepEqual(await codesOf('/api/v1/petitions/public/export?format=json&unit=ZP&from=2026-06-10&to=2026-06-10'), [cnLate]);
      assert.deepEqual(await codesOf('/api/v1/petitions/public/export?format=json&unit=ZP&from=2026-06-11&to=2026-06-11'), [cnNext]);

      // The figures count the same days.
      const figures = async (unit: string, day: string) =>
        ((await get(`/api/v1/figures/export?unit=${unit}&from=${day}&to=${day}&format=json`)).json() as Array<{ received: number }>)[0].received;
      assert.deepEqual([await figures('EP', '2026-06-10'), await figures('EP', '2026-06-11')], [2, 1]);
      assert.deepEqual([await figures('ZP', '2026-06-10'), await figures('ZP', '2026-06-11')], [1, 1]);
    });
  },
  testOptions,
);
