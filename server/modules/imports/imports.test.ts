/**
 * CSV imports: a dry run lists every bad row with its line and writes nothing; one bad row
 * among good ones means nothing is written and the line is named; a clean file is written
 * whole, audited, through the same permission checks as the forms.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { createAgency, createOfficial, createSmallTree } from '../../test/factories.ts';

describeEachBackend('CSV imports', (t) => {
  let admin: Awaited<ReturnType<typeof createOfficial>>;
  let leader: Awaited<ReturnType<typeof createOfficial>>;
  before(async () => {
    await createSmallTree(t().ctx.db, 'IM');
    admin = await createOfficial(t(), { roles: [{ unit: 'IMP', role: 'administrator' }] });
    leader = await createOfficial(t(), { roles: [{ unit: 'IMC1', role: 'leader' }] });
  });
  const post = (kind: string, csv: string, dryRun: boolean, who = admin, lang = 'en') =>
    t().app.inject({ method: 'POST', url: `/api/v1/imports/${kind}`, payload: { csv, dryRun }, headers: { ...who.headers, 'accept-language': lang } });
  const count = async (table: 'agencies' | 'service_points' | 'accounts') =>
    Number((await t().ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  test('agencies: one bad row among good ones writes nothing and names its line; the dry run lists every error', async () => {
    const before = await count('agencies');
    const csv = [
      'unit,kind,name,name_vi,phone',
      'IMC1,one_stop_shop,One-stop shop of IM Commune One,Bộ phận một cửa,0238 3871 234',
      'IMC2,one_stop_shop,One-stop shop of IM Commune Two,,',
      'NOWHERE,one_stop_shop,Office of a unit that does not exist,,',
      'IMC1,no_such_kind,Office of an unknown kind,,',
      '"IMC2",land_registry,"Land registry, branch ""two""",,',
      'IMC1,one_stop_shop,One-stop shop of IM Commune One,,',
    ].join('\n');
    const dry = await post('agencies', csv, true);
    assert.equal(dry.statusCode, 200, dry.body);
    const result = dry.json();
    assert.equal(result.rows, 6);
    assert.equal(result.written, 0);
    assert.deepEqual(result.errors.map((e: { line: number; code: string }) => [e.line, e.code]), [
      [4, 'unknown_unit'],
      [5, 'agency_unknown_kind'],
      [7, 'import_duplicate'],
    ]);
    assert.match(result.errors[2].message, /line 2/);
    const real = await post('agencies', csv, false);
    assert.equal(real.json().written, 0);
    assert.equal(real.json().errors.length, 3);
    assert.equal(await count('agencies'), before, 'nothing written');

    const good = csv.split('\n').filter((_, i) => ![3, 4, 6].includes(i)).join('\n');
    const done = await post('agencies', good, false);
    assert.deepEqual(done.json().errors, []);
    assert.equal(done.json().written, 3);
    assert.equal(await count('agencies'), before + 3);
    const audited = await t().ctx.db.selectFrom('audit_events').select('id').where('action', '=', 'agency.created').execute();
    assert.ok(audited.length >= 3);
    // The same file again: every row now exists.
    assert.equal((await post('agencies', good, true)).json().errors.length, 3);
  });

  test('a leader imports only within their units; the refusal is a row error in their language', async () => {
    const res = await post('service-points', 'unit,kind,name\nIMC1,township.mass_work_station,Trạm công tác quần chúng\nIMC2,township.mass_work_station,Trạm xã bên\n', true, leader, 'vi');
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().errors.map((e: { line: number; code: string }) => [e.line, e.code]), [[3, 'forbidden']]);
  });

  test('service points: the kind must fit the level; a clean file is written', async () => {
    const before = await count('service_points');
    const bad = await post('service-points', 'unit,kind,name,address\nIMV1,township.mass_work_station,Wrong level,\nIMC1,township.mass_work_station,Mass work station,Xóm 1\n', false);
    assert.deepEqual(bad.json().errors.map((e: { line: number }) => e.line), [2]);
    assert.equal(await count('service_points'), before);
    const ok = await post('service-points', 'unit,kind,name,address\nIMC1,township.mass_work_station,Mass work station,Xóm 1\n', false);
    assert.equal(ok.json().written, 1);
    assert.equal(await count('service_points'), before + 1);
  });

  test('officials: a taken username, an unknown role and a missing contact are each named; nobody is created until all pass', async () => {
    const before = await count('accounts');
    const csv = [
      'username,name,contact,unit,roles,locale',
      'im.handler,Lê Văn Cường,0912000111,IMC1,handler,vi',
      `${admin.username},Someone Else,someone@example.vn,IMC1,handler,`,
      'im.boss,Nguyễn Văn An,an@example.vn,IMC1,chief,',
      'im.nocontact,Phạm Thị Dung,,IMC1,dispatcher,',
    ].join('\r\n');
    const res = await post('officials', csv, false);
    assert.deepEqual(res.json().errors.map((e: { line: number; code: string }) => [e.line, e.code]), [
      [3, 'username_taken'],
      [4, 'import_bad_field'],
      [5, 'import_missing_field'],
    ]);
    assert.equal(await count('accounts'), before);
    const ok = await post('officials', 'username,name,contact,unit,roles\nim.handler,Lê Văn Cường,0912000111,IMC1,handler;reception_officer\n', false);
    assert.equal(ok.json().written, 1, ok.body);
    const grants = await t().ctx.db.selectFrom('grants').innerJoin('accounts', 'accounts.id', 'grants.account_id').select('grants.role').where('accounts.username', '=', 'im.handler').execute();
    assert.deepEqual(grants.map((g) => g.role).sort(), ['handler', 'reception_officer']);
  });

  test("officials: the agency by its name within the row's unit, in any of its languages; an unknown or ambiguous name is the row's error", async () => {
    const shop = await createAgency(t().ctx.db, { unit: 'IMC1', name: 'Văn phòng Ủy ban', kind: 'one_stop_shop' });
    await t().ctx.db.updateTable('agencies').set({ names: JSON.stringify({ en: 'Office of the Committee', zh: '委员会办公室' }) }).where('id', '=', shop.id).execute();
    await createAgency(t().ctx.db, { unit: 'IMC1', name: 'Công an xã' });
    await createAgency(t().ctx.db, { unit: 'IMC1', name: 'Công an  xã' });
    await createAgency(t().ctx.db, { unit: 'IMC2', name: 'Tư pháp' });
    const before = await count('accounts');
    const csv = [
      'username,name,contact,unit,roles,agency',
      'im.shop1,Hoàng Văn Nam,0912000201,IMC1,reception_officer,văn phòng  ỦY BAN',
      'im.shop2,Lưu Thị Lan,0912000202,IMC1,handler,委员会办公室',
      'im.police,Đặng Văn Hùng,0912000203,IMC1,handler,Công an xã',
      'im.justice,Vũ Thị Hoa,0912000204,IMC1,handler,Tư pháp',
      `im.byid,Trịnh Văn Sơn,0912000205,IMC1,handler,${shop.id}`,
    ].join('\n');
    const dry = await post('officials', csv, true);
    assert.equal(dry.statusCode, 200, dry.body);
    assert.deepEqual(dry.json().errors.map((e: { line: number; code: string }) => [e.line, e.code]), [
      [4, 'import_ambiguous_agency'],
      [5, 'import_unknown_agency'],
    ]);
    assert.match(dry.json().errors[0].message, /2 agencies of IM Commune One are called “Công an xã”/);
    const vi = await post('officials', csv, false, admin, 'vi');
    assert.match(vi.json().errors[1].message, /Không có cơ quan nào của IM Commune One tên là “Tư pháp”/);
    assert.equal(vi.json().written, 0);
    assert.equal(await count('accounts'), before, 'nothing written');

    const good = csv.split('\n').filter((_, i) => i !== 3 && i !== 4).join('\n');
    const done = await post('officials', good, false);
    assert.deepEqual(done.json().errors, [], done.body);
    assert.equal(done.json().written, 3);
    const placed = await t().ctx.db.selectFrom('accounts').select(['username', 'agency_id']).where('username', 'in', ['im.shop1', 'im.shop2', 'im.byid']).execute();
    assert.deepEqual(placed.map((a) => Number(a.agency_id)), [shop.id, shop.id, shop.id]);
  });

  test('a header without the required columns, or text that is not CSV, is refused whole', async () => {
    const res = await post('agencies', 'unit,name\nIMC1,Office\n', true);
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'import_missing_columns');
    const broken = await post('agencies', 'unit,kind,name\nIMC1,"one_stop_shop,Office\n', true);
    assert.equal(broken.statusCode, 400);
    assert.equal(broken.json().error.code, 'import_csv');
    const resident = await t().app.inject({ method: 'POST', url: '/api/v1/imports/agencies', payload: { csv: 'unit,kind,name\n', dryRun: true } });
    assert.equal(resident.statusCode, 401);
  });
});
