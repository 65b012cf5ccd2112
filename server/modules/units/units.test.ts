import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeEachBackend } from '../../test/server.ts';
import { createOfficial } from '../../test/factories.ts';
import { AppError } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n.ts';
import { parseUnitsCsv } from './units.csv.ts';
import { importUnits } from './commands/importUnits.ts';
import { getUnitByCode, resolveUnit } from './units.queries.ts';
import { system } from './test-support.ts';

const header = 'code,name,level,parent_code';
const csv = (...lines: string[]) => lines.join('\n') + '\n';

/** Runs fn and answers the AppError it throws. */
async function refusal(fn: () => unknown): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    assert.ok(e instanceof AppError, `expected an AppError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a refusal');
}

describe('the unit CSV file', () => {
  test('codes stay text with their leading zeros; optional columns are read', () => {
    const rows = parseUnitsCsv(
      csv(
        'code,name,level,parent_code,name_en,name_zh,valid_to,replaced_by',
        '01,Thành phố Hà Nội,province,,Hanoi,河内市,,',
        '001,Quận Ba Đình,district,01,Ba Dinh District,,2025-07-01,00004',
      ),
    );
    assert.equal(rows[0].code, '01');
    assert.equal(rows[0].parentCode, null);
    assert.deepEqual(rows[0].names, { en: 'Hanoi', zh: '河内市' });
    assert.equal(rows[0].validTo, null, 'an empty cell of a present column clears the value');
    assert.equal(rows[1].parentCode, '01');
    assert.equal(rows[1].validTo, '2025-07-01');
    assert.equal(rows[1].replacedBy, '00004');
    assert.equal(rows[1].line, 3);
    // An absent column leaves stored values alone.
    assert.equal(parseUnitsCsv(csv(header, '01,Hà Nội,province,'))[0].validTo, undefined);
  });

  test('a missing column, an unknown column, a broken line or an empty file is refused clearly', async () => {
    const missing = await refusal(() => parseUnitsCsv(csv('code,name,level', '01,Hà Nội,province')));
    assert.equal(missing.code, 'unit_import_missing_columns');
    assert.match(translate(missing.code, 'en', missing.params), /lacks the column\(s\) parent_code/);

    const unknown = await refusal(() => parseUnitsCsv(csv(`${header},name_vn`, '01,Hà Nội,province,,x')));
    assert.equal(unknown.code, 'unit_import_unknown_columns');
    assert.match(translate(unknown.code, 'en', unknown.params), /name_vn/);

    const broken = await refusal(() => parseUnitsCsv(csv(header, '01,Hà Nội,province,', '02,Hà Giang')));
    assert.equal(broken.code, 'unit_import_csv_malformed');
    assert.equal(broken.params.line, 3);

    assert.equal((await refusal(() => parseUnitsCsv(csv(header)))).code, 'unit_import_empty');
  });
});

describeEachBackend('units', (t) => {
  const opts = () => ({ now: t().clock.now(), actor: system });
  const count = async (like: string) =>
    Number((await sql<{ n: number }>`SELECT count(*) AS n FROM units WHERE code LIKE ${like}`.execute(t().ctx.db)).rows[0].n);
  const importEvents = async () =>
    Number((await sql<{ n: number }>`SELECT count(*) AS n FROM audit_events WHERE subject_type = 'unit_import'`.execute(t().ctx.db)).rows[0].n);

  test('a row whose parent is neither in the file nor stored is refused by line, and nothing is stored', async () => {
    const eventsBefore = await importEvents();
    const rows = parseUnitsCsv(csv(header, 'E1,Tỉnh Một,province,', 'E11,Xã Một,commune,E1', 'E12,Xã Hai,commune,E9'));
    const error = await refusal(() => importUnits(t().ctx.db, rows, opts()));
    assert.equal(error.status, 400);
    assert.equal(error.code, 'unit_import_unknown_parent');
    assert.deepEqual({ line: error.params.line, code: error.params.code, parent: error.params.parent }, { line: 4, code: 'E12', parent: 'E9' });
    assert.equal(translate(error.code, 'en', error.params), 'Line 4: the parent E9 of unit E12 is neither in the file nor in the database.');
    assert.equal(await count('E%'), 0, 'the valid rows before it were not stored either');
    assert.equal(await importEvents(), eventsBefore);
  });

  test('duplicate codes, bad dates and parent loops are refused, every problem listed', async () => {
    const rows = parseUnitsCsv(
      csv(
        `${header},valid_from`,
        'F1,Tỉnh,province,,2025-13-01',
        'F1,Tỉnh lặp,province,,',
        'F2,Xã A,commune,F3,',
        'F3,Xã B,commune,F2,',
      ),
    );
    const error = await refusal(() => importUnits(t().ctx.db, rows, opts()));
    const problems = (error.details as Array<{ problem: string; line: number }>).map((d) => `${d.line} ${d.problem}`);
    assert.deepEqual(problems, ['2 unit_import_bad_date', '3 unit_import_duplicate_code']);
    const loop = await refusal(() => importUnits(t().ctx.db, rows.slice(2), opts()));
    assert.equal(loop.code, 'unit_import_cycle');
    assert.equal(await count('F%'), 0);
  });

  test('an import creates, then updates only what changed, with one audit event per run', async () => {
    const first = await importUnits(
      t().ctx.db,
      parseUnitsCsv(csv(`${header},name_en`, 'A1,Tỉnh Nghệ An,province,,Nghe An Province', 'A11,Huyện Đô Lương,district,A1,', 'A111,Xã Đặng Sơn,commune,A11,')),
      { ...opts(), source: 'small.csv' },
    );
    assert.equal(first.created, 3);
    const event = await t().ctx.db.selectFrom('audit_events').selectAll().where('subject_type', '=', 'unit_import')
      .where('subject_id', '=', first.importId!).executeTakeFirstOrThrow();
    assert.equal(event.action, 'units.imported');
    assert.equal(event.actor_label, 'system:test');
    const changes = event.changes as unknown as { source: string; created: string[] };
    assert.equal(changes.source, 'small.csv');
    assert.deepEqual(changes.created.sort(), ['A1', 'A11', 'A111']);

    const second = await importUnits(
      t().ctx.db,
      parseUnitsCsv(csv(`${header},name_en`, 'A1,Tỉnh Nghệ An,province,,Nghe An Province', 'A11,Huyện Đô Lương,district,A1,', 'A111,Xã Đặng Sơn Mới,commune,A11,')),
      opts(),
    );
    assert.deepEqual({ created: second.created, updated: second.updated, unchanged: second.unchanged }, { created: 0, updated: 1, unchanged: 2 });
    const update = await t().ctx.db.selectFrom('audit_events').select('changes').where('subject_id', '=', second.importId!).executeTakeFirstOrThrow();
    const updated = (update.changes as unknown as { updated: Record<string, Record<string, unknown>> }).updated;
    assert.deepEqual(updated.A111.name, ['Xã Đặng Sơn', 'Xã Đặng Sơn Mới']);
    assert.equal((await getUnitByCode(t().ctx.db, 'A1'))!.names.en, 'Nghe An Province');
  });

  test('a unit moved to another parent takes its stored subtree along', async () => {
    await importUnits(
      t().ctx.db,
      parseUnitsCsv(csv(header, 'B1,Tỉnh B,province,', 'B2,Tỉnh C,province,', 'B11,Huyện B,district,B1', 'B111,Xã B,commune,B11')),
      opts(),
    );
    // Only the district is in the second file; its commune is not.
    const moved = await importUnits(t().ctx.db, parseUnitsCsv(csv(header, 'B11,Huyện B,district,B2')), opts());
    assert.equal(moved.updated, 1);
    const [b2, b11, b111] = await Promise.all(['B2', 'B11', 'B111'].map((c) => getUnitByCode(t().ctx.db, c)));
    assert.equal(b11!.path, `${b2!.path}${b11!.id}/`);
    assert.equal(b111!.path, `${b11!.path}${b111!.id}/`);
    assert.equal(b111!.depth, 2);
    const detail = await t().app.inject({ url: '/api/v1/units/B111' });
    assert.deepEqual(detail.json().ancestors.map((a: { code: string }) => a.code), ['B2', 'B11']);
    // Moving a unit below its own descendant is refused.
    const loop = await refusal(() => importUnits(t().ctx.db, parseUnitsCsv(csv(header, 'B11,Huyện B,district,B111')), opts()));
    assert.equal(loop.code, 'unit_import_cycle');
  });

  test('merged units: the old code still answers, with what replaced it; lists show current units', async () => {
    // Two communes merged into a new one on 1 July 2025; the new one comes later in the file.
    const merge = parseUnitsCsv(
      csv(
        `${header},valid_from,valid_to,replaced_by`,
        'M1,Tỉnh Hợp Nhất,province,,,,',
        'M11,Xã Thanh Nho,commune,M1,,2025-07-01,M13',
        'M12,Xã Thanh Thịnh,commune,M1,,2025-07-01,M13',
        'M13,Xã Đại Đồng,commune,M1,2025-07-01,,',
      ),
    );
    assert.equal((await importUnits(t().ctx.db, merge, opts())).created, 4);
    assert.equal((await importUnits(t().ctx.db, merge, opts())).unchanged, 4, 'dates and replacements compare equal');
    const old = await t().app.inject({ url: '/api/v1/units/M11' });
    assert.equal(old.statusCode, 200);
    assert.equal(old.json().current, false);
    assert.equal(old.json().validTo, '2025-07-01');
    assert.deepEqual(old.json().replacedBy, { code: 'M13', name: 'Xã Đại Đồng' });
    assert.equal((await t().app.inject({ url: '/api/v1/units/M13' })).json().validFrom, '2025-07-01');

    const children = await t().app.inject({ url: '/api/v1/units?parent=M1' });
    assert.deepEqual(children.json().items.map((u: { code: string }) => u.code), ['M13']);
    const all = await t().app.inject({ url: '/api/v1/units?parent=M1&includeFormer=true' });
    assert.deepEqual(all.json().items.map((u: { code: string }) => u.code), ['M11', 'M12', 'M13']);
    const search = await t().app.inject({ url: '/api/v1/units?q=thanh nho' });
    assert.equal(search.json().items.some((u: { code: string }) => u.code === 'M11'), false);
    const former = await t().app.inject({ url: '/api/v1/units?q=thanh nho&includeFormer=true' });
    assert.equal(former.json().items[0].code, 'M11');
    assert.equal((await t().app.inject({ url: '/api/v1/units/M1' })).json().childCount, 1);

    // Another module given an old code works on the unit that exists today.
    assert.equal((await resolveUnit(t().ctx.db, 'M11', t().clock.now()))!.code, 'M13');
    assert.equal((await resolveUnit(t().ctx.db, 'M13', t().clock.now()))!.code, 'M13');
    assert.equal(await resolveUnit(t().ctx.db, 'no-such-code', t().clock.now()), undefined);
    // A second merge: the replacement chain is followed to its end.
    await importUnits(t().ctx.db, parseUnitsCsv(csv(`${header},valid_to,replaced_by`, 'M14,Xã Mới,commune,M1,,', 'M13,Xã Đại Đồng,commune,M1,2026-01-01,M14')), opts());
    assert.equal((await resolveUnit(t().ctx.db, 'M11', t().clock.now()))!.code, 'M14');
    // A replacement that comes back to where it started is refused.
    const circle = await refusal(() => importUnits(t().ctx.db, parseUnitsCsv(csv(`${header},replaced_by`, 'M14,Xã Mới,commune,M1,M11')), opts()));
    assert.equal(circle.code, 'unit_import_replacement_cycle');
    assert.equal((await resolveUnit(t().ctx.db, 'M11', t().clock.now()))!.code, 'M14');
  });

  test('a unit stops being current when its last day has ended in its own time zone', async () => {
    await importUnits(t().ctx.db, parseUnitsCsv(csv(`${header},valid_to`, 'Z1,Tỉnh Giờ,province,,2026-03-03')), opts());
    const current = async () => (await t().app.inject({ url: '/api/v1/units/Z1' })).json().current;
    const saved = t().clock.now();
    try {
      t().clock.set('2026-03-02T16:59:00Z'); // 23:59 on 2 March in Hà Nội
      assert.equal(await current(), true);
      t().clock.set('2026-03-02T17:00:00Z'); // midnight in Hà Nội, still 2 March in UTC
      assert.equal(await current(), false);
    } finally {
      t().clock.set(saved);
    }
  });

  test('search matches any locale, ranks whole and leading matches first, and pages without gaps', async () => {
    await importUnits(
      t().ctx.db,
      parseUnitsCsv(
        csv(
          `${header},name_en`,
          'S1,Tỉnh Sơn Tra,province,,',
          'S11,Xã Sơn Tra Đông,commune,S1,',
          'S12,Sơn Tra,commune,S1,Son Tra Ward',
          'S13,Xã Bắc Sơn Tra,commune,S1,',
          'S14,Xã Tây,commune,S1,Western Seaside',
        ),
      ),
      opts(),
    );
    const codes = async (url: string) => (await t().app.inject({ url })).json().items.map((u: { code: string }) => u.code);
    assert.deepEqual(await codes('/api/v1/units?q=son tra'), ['S12', 'S1', 'S13', 'S11']);
    assert.deepEqual(await codes('/api/v1/units?q=seaside'), ['S14'], 'an English name is found');
    assert.deepEqual(await codes('/api/v1/units?q=S13'), ['S13'], 'a code is found');

    const seen: string[] = [];
    let url = '/api/v1/units?q=son tra&limit=1';
    for (let page = 0; page < 10; page++) {
      const body = (await t().app.inject({ url })).json();
      seen.push(...body.items.map((u: { code: string }) => u.code));
      if (!body.next) break;
      url = `/api/v1/units?q=son tra&limit=1&cursor=${body.next}`;
    }
    assert.deepEqual(seen, ['S12', 'S1', 'S13', 'S11']);

    const byCode: string[] = [];
    url = '/api/v1/units?parent=S1&limit=2';
    for (let page = 0; page < 10; page++) {
      const body = (await t().app.inject({ url })).json();
      byCode.push(...body.items.map((u: { code: string }) => u.code));
      if (!body.next) break;
      url = `/api/v1/units?parent=S1&limit=2&cursor=${body.next}`;
    }
    assert.deepEqual(byCode, ['S11', 'S12', 'S13', 'S14']);
    // A cursor of a search does not continue a list by code.
    const searchPage = (await t().app.inject({ url: '/api/v1/units?q=son tra&limit=1' })).json();
    const mixed = await t().app.inject({ url: `/api/v1/units?parent=S1&cursor=${searchPage.next}` });
    assert.equal(mixed.statusCode, 400);
  });

  test('unknown codes answer 404, and bad parameters 400', async () => {
    const unknown = await t().app.inject({ url: '/api/v1/units/NOPE', headers: { 'accept-language': 'vi' } });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().error.code, 'not_found');
    assert.equal((await t().app.inject({ url: '/api/v1/units?parent=NOPE' })).statusCode, 404);
    const cursor = await t().app.inject({ url: '/api/v1/units?cursor=garbage' });
    assert.equal(cursor.statusCode, 400);
    assert.equal(cursor.json().error.code, 'invalid_cursor');
    assert.equal((await t().app.inject({ url: '/api/v1/units?limit=100000' })).statusCode, 400);
    assert.equal((await t().app.inject({ url: '/api/v1/units?color=red' })).statusCode, 400);
  });

  test('a code from another country is never overwritten by an import', async () => {
    await importUnits(t().ctx.db, parseUnitsCsv(csv(header, 'C52,Tỉnh Bình Định,province,')), opts());
    const error = await refusal(() =>
      importUnits(t().ctx.db, [{ code: 'C52', name: '贵州省', level: 'province', parentCode: null, country: 'CN' }], opts()),
    );
    assert.equal(error.code, 'unit_import_country_conflict');
    assert.equal((await getUnitByCode(t().ctx.db, 'C52'))!.name, 'Tỉnh Bình Định');
  });

  test('POST /units/import: administrators only, and only within the units they administer', async () => {
    const body = { csv: csv(header, 'P1,Tỉnh Phép,province,', 'P11,Xã Phép,commune,P1') };
    assert.equal((await t().app.inject({ method: 'POST', url: '/api/v1/units/import', payload: body })).statusCode, 401);
    await importUnits(t().ctx.db, parseUnitsCsv(csv(header, 'P2,Tỉnh Khác,province,')), opts());
    const handler = await createOfficial(t(), { roles: [{ unit: 'P2', role: 'handler' }] });
    const denied = await t().app.inject({ method: 'POST', url: '/api/v1/units/import', payload: body, headers: handler.headers });
    assert.equal(denied.statusCode, 403);

    const admin = await createOfficial(t(), { roles: [{ unit: null, role: 'administrator' }] });
    const done = await t().app.inject({ method: 'POST', url: '/api/v1/units/import', payload: body, headers: admin.headers });
    assert.equal(done.statusCode, 200);
    const { importId, ...counts } = done.json() as { importId: string; total: number };
    assert.match(importId, /^[0-9a-f-]{36}$/);
    assert.deepEqual(counts, { total: 2, created: 2, updated: 0, unchanged: 0 });
    const event = await t().ctx.db.selectFrom('audit_events').select('actor_label').where('subject_id', '=', importId).executeTakeFirstOrThrow();
    assert.equal(event.actor_label, `official:${admin.username}`);

    // An administrator of P2 may add below P2, not below P1.
    const local = await createOfficial(t(), { roles: [{ unit: 'P2', role: 'administrator' }] });
    const inside = await t().app.inject({
      method: 'POST', url: '/api/v1/units/import', headers: local.headers,
      payload: { csv: csv(header, 'P21,Xã Trong,commune,P2') },
    });
    assert.equal(inside.statusCode, 200);
    const outside = await t().app.inject({
      method: 'POST', url: '/api/v1/units/import', headers: { ...local.headers, 'accept-language': 'vi' },
      payload: { csv: csv(header, 'P22,Xã Trong Nữa,commune,P2', 'P12,Xã Ngoài,commune,P1') },
    });
    assert.equal(outside.statusCode, 403);
    assert.equal(outside.json().error.code, 'unit_import_out_of_scope');
    assert.match(outside.json().error.message, /Dòng 3: đơn vị P12 nằm ngoài/);
    assert.equal(await count('P22'), 0, 'nothing of a refused file is stored');

    const bad = await t().app.inject({
      method: 'POST', url: '/api/v1/units/import', headers: { ...admin.headers, 'accept-language': 'zh' },
      payload: { csv: csv('code,name,level', 'X,Y,Z') },
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /文件缺少列 parent_code/);
    const extra = await t().app.inject({
      method: 'POST', url: '/api/v1/units/import', headers: admin.headers, payload: { ...body, dryRun: true },
    });
    assert.equal(extra.statusCode, 400);
  });
});
