/**
 * Satisfaction where people are served and conduct reports, end to end: an administrator enrols
 * a counter tablet and prints a QR code, a resident rates at the tablet with a reason tied to the
 * code of conduct, another from the QR code on their phone until the phone's daily allowance is
 * used up (and is told so), and a resident reports an official picked from the staff directory.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { desktop } from './harness.ts';
import { checkPage, demo, signIn, strings, thanhNho, useStack } from './steps.ts';
import { floodLimits } from '../../server/modules/conduct/conduct.policy.ts';
import { portraitPng } from '../../server/modules/demo/demo.photo.ts';

const en = strings('en');
const vi = strings('vi');
const tablet = { width: 1024, height: 768 };
const counter = 'Bộ phận Một cửa UBND xã Thanh Nho';

const { stack, browsing } = useStack();

test('a tablet enrolled at the counter, ratings from it and from a QR code, a conduct report naming an official', async () => {
  const db = stack().server.ctx.db;
  const handlerId = Number((await db.selectFrom('accounts').select('id').where('username', '=', demo.handler.username).executeTakeFirstOrThrow()).id);

  // The administrator sees Thanh Nho's codes of conduct (the district's, inherited) and enrols a tablet.
  const admin = await browsing.open('en-US', desktop);
  await signIn(admin, demo.admin, en);
  await admin.goto(`/staff/conduct?unit=${thanhNho}`);
  await admin.locator('#norms-heading').waitFor();
  await admin.getByText('3 needs, 3 rights, 3 no’s, 3 against, 3 determinations').waitFor();
  const kiosks = admin.locator('section[aria-labelledby="kiosks-heading"]');
  await kiosks.getByRole('combobox', { name: en['conduct.servicePoint'] }).selectOption({ label: counter });
  await kiosks.getByRole('textbox', { name: en['conduct.kioskName'] }).fill('Counter 2 tablet');
  await admin.getByRole('button', { name: en['conduct.enrolKiosk'] }).click();
  const code = (await admin.getByTestId('enrolment-code').innerText()).trim();
  assert.match(code, /^[A-Z2-9]{10}$/);
  await admin.getByRole('row', { name: /Counter 2 tablet/ }).getByRole('cell', { name: en['conduct.state.waiting'] }).waitFor();
  await checkPage(admin, 'conduct administration');
  // Who is on duty is the server's: the administrator puts the handler on duty at the counter.
  const duty = admin.locator('section[aria-labelledby="duty-heading"]');
  await duty.getByRole('combobox', { name: en['conduct.onDuty'] }).selectOption({ label: demo.handler.name });
  await duty.getByRole('button', { name: en['conduct.dutySet'] }).click();
  await duty.locator('p', { hasText: `${demo.handler.name},` }).waitFor();

  // The tablet at the counter takes the code once; a resident taps a face and gives a reason.
  const kiosk = await browsing.open('vi-VN', tablet);
  await kiosk.goto('/kiosk');
  // Kiosk mode: nothing to wander off to, no header, navigation, sign-in link or footer.
  const noChrome = async (state: string) => {
    for (const selector of ['header', 'nav', 'footer', 'a[href^="/sign-in"]', '.skip-link']) {
      assert.equal(await kiosk.locator(selector).count(), 0, `${state}: no ${selector}`);
    }
  };
  await kiosk.getByLabel(vi['conduct.enrolCode']).waitFor();
  await noChrome('before enrolment');
  // Not yet a kiosk: whoever holds the tablet may go back to the site.
  await kiosk.getByRole('link', { name: vi['conduct.kioskToSite'] }).waitFor();
  await kiosk.getByLabel(vi['conduct.enrolCode']).fill(code.toLowerCase());
  await kiosk.getByRole('button', { name: vi['conduct.enrol'] }).click();
  await kiosk.getByRole('heading', { level: 1, name: vi['conduct.rateTitle'] }).waitFor();
  await kiosk.getByTestId('kiosk-serving').getByText(demo.handler.name).waitFor();
  await noChrome('enrolled');
  assert.equal(await kiosk.getByRole('link', { name: vi['conduct.kioskToSite'] }).count(), 0, 'an enrolled tablet offers no way back to the site');
  // The faces are big enough for a finger on a cheap tablet.
  const face = await kiosk.getByRole('button', { name: vi['conduct.face3'], exact: true }).boundingBox();
  assert.ok(face && face.height >= 96 && face.width >= 96, `a face is ${face?.width}×${face?.height}`);
  // The resident names nobody: the rating is the official's on duty.
  await kiosk.getByRole('button', { name: vi['conduct.face5'], exact: true }).click();
  await kiosk.getByLabel('Đúng hẹn với dân').check();
  await checkPage(kiosk, 'kiosk rating');
  await kiosk.getByRole('button', { name: vi['conduct.send'] }).click();
  await kiosk.getByText(vi['conduct.thanks']).waitFor();
  // It resets for the next resident.
  await kiosk.getByRole('button', { name: vi['conduct.face1'], exact: true }).waitFor({ timeout: 15_000 });
  const fromKiosk = await sql<{ id: number; score: number; official_id: number; norms: number }>`
    SELECT r.id, r.score, r.official_id, cardinality(r.norm_ids) AS norms FROM satisfaction_ratings r
      JOIN satisfaction_devices d ON d.id = r.device_id WHERE d.name = 'Counter 2 tablet'`.execute(db);
  assert.equal(fromKiosk.rows.length, 1);
  assert.deepEqual([fromKiosk.rows[0].score, Number(fromKiosk.rows[0].official_id), Number(fromKiosk.rows[0].norms)], [5, handlerId, 1]);
  // It counts in the pool of the handler's satisfaction, as the commune's leader reads it.
  const pool = await stack().server.app.inject({
    method: 'GET',
    url: `/api/v1/scorecards/officials/${handlerId}/cases?period=${new Date().getFullYear()}&measure=satisfaction`,
    headers: { authorization: `Bearer ${(await stack().server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: demo.leader.username, password: demo.leader.password } })).json().token}` },
  });
  assert.equal(pool.statusCode, 200, pool.body);
  assert.ok(pool.json().items.some((c: { ref: string; detail: string | null }) => c.ref === `kiosk-${fromKiosk.rows[0].id}` && c.detail === 'kiosk 5/5'), pool.body);

  // Leaving kiosk mode takes an official's own sign-in: a wrong password leaves the kiosk as it is.
  await kiosk.getByRole('button', { name: vi['conduct.kioskStaff'] }).click();
  await kiosk.getByLabel(vi['signIn.username']).fill(demo.handler.username);
  await kiosk.getByLabel(vi['signIn.password']).fill('not-the-password-1');
  await kiosk.getByRole('button', { name: vi['conduct.kioskLeave'] }).click();
  await kiosk.getByRole('alert').waitFor();
  assert.equal(new URL(kiosk.url()).pathname, '/kiosk');
  await noChrome('a refused way out');
  await kiosk.getByLabel(vi['signIn.password']).fill(demo.handler.password);
  await kiosk.getByRole('button', { name: vi['conduct.kioskLeave'] }).click();
  await kiosk.waitForURL((url) => url.pathname === '/staff/conduct');
  await kiosk.locator('header').waitFor();
  await admin.reload();
  await admin.getByRole('row', { name: /Counter 2 tablet/ }).getByRole('cell', { name: en['conduct.state.enrolled'] }).waitFor();

  // A QR code for the handler at the counter; the resident's phone opens it.
  const qr = admin.locator('section[aria-labelledby="qr-heading"]');
  await qr.getByRole('combobox', { name: en['conduct.servicePoint'] }).selectOption({ label: counter });
  await qr.getByRole('combobox', { name: en['conduct.qrOfficial'] }).selectOption({ label: demo.handler.name });
  await admin.getByRole('button', { name: en['conduct.makeQr'] }).click();
  await admin.getByRole('img', { name: new RegExp(counter) }).waitFor();
  const path = await admin.getByTestId('rating-link').getAttribute('href');
  assert.match(path ?? '', /^\/rate\/\d+\.\d+\.[A-Za-z0-9_-]{32}$/);

  const phone = await browsing.open('vi-VN');
  await phone.goto(path!);
  await phone.getByText(vi['conduct.servedBy'].replace('{{name}}', demo.handler.name)).waitFor();
  await phone.getByRole('button', { name: vi['conduct.face4'], exact: true }).click();
  await checkPage(phone, 'QR rating on a phone');
  await phone.getByRole('button', { name: vi['conduct.send'] }).click();
  await phone.getByText(vi['conduct.thanks']).waitFor();
  // The same phone uses up its daily allowance; the next try is refused, and said so plainly.
  for (let i = 1; i < floodLimits.link.perDay; i++) {
    const res = await phone.request.post(`/api/v1${path}`, { data: { score: 3 } });
    assert.equal(res.status(), 201);
  }
  await phone.reload();
  await phone.getByRole('button', { name: vi['conduct.face2'], exact: true }).click();
  await phone.getByRole('button', { name: vi['conduct.send'] }).click();
  const limited = phone.getByTestId('rating-limited');
  await limited.waitFor();
  assert.match(await limited.innerText(), /Xin cảm ơn: thiết bị vừa ghi nhận một đánh giá|Vui lòng đợi/);
  const links = await sql<{ n: number }>`SELECT count(*)::int AS n FROM satisfaction_ratings WHERE source = 'link' AND official_id = ${handlerId} AND created_at > now() - interval '1 hour'`.execute(db);
  assert.equal(links.rows[0].n, floodLimits.link.perDay);

  // The handler gives their own photo for the public staff directory.
  const handler = await browsing.open('en-US', desktop);
  await signIn(handler, demo.handler, en);
  await handler.goto(`/staff/conduct?unit=${thanhNho}`);
  const photo = handler.locator('section[aria-labelledby="photo-heading"]');
  await photo.getByLabel(en['conduct.photoFile']).setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: portraitPng([20, 120, 60]) });
  await photo.getByRole('button', { name: en['conduct.photoUpload'] }).click();
  await photo.getByText(en['conduct.photoSaved']).waitFor();

  // A resident finds the official, with the photo, in the commune's staff directory and reports their conduct, naming a norm.
  const resident = await browsing.open('vi-VN');
  await resident.goto(`/units/${thanhNho}/staff`);
  const shown = resident.getByRole('img', { name: vi['conduct.photoOf'].replace('{{name}}', demo.handler.name) });
  await shown.waitFor();
  assert.ok(await shown.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth === 64), 'the photo loads from the server');
  await resident.getByRole('link', { name: vi['conduct.reportThis'].replace('{{name}}', demo.handler.name) }).click();
  await resident.getByRole('heading', { level: 1, name: vi['raise.title'] }).waitFor();
  await resident.waitForFunction(() => (document.querySelector('[role="combobox"]') as HTMLInputElement | null)?.value === 'Xã Thanh Nho');
  await resident.getByTestId('reported-official').locator(`option[value="${handlerId}"]`).waitFor({ state: 'attached' });
  assert.equal(await resident.getByTestId('reported-official').inputValue(), String(handlerId));
  await resident.getByLabel('Không gây phiền hà, sách nhiễu nhân dân').check();
  await resident.getByLabel(vi['raise.body']).fill('Cán bộ hẹn ba lần vẫn chưa trả hồ sơ và gợi ý phải "bồi dưỡng".');
  await resident.getByLabel(vi['raise.name']).fill('Phạm Thị Hoa');
  await checkPage(resident, 'conduct report');
  await resident.getByRole('button', { name: vi['raise.submit'] }).click();
  const tracking = (await resident.getByTestId('tracking-code').innerText()).trim();
  const report = await sql<{ reported_official_id: number; code: string }>`
    SELECT p.reported_official_id, n.code FROM petitions p
      JOIN petition_reported_norms r ON r.petition_id = p.id JOIN norms n ON n.id = r.norm_id
     WHERE p.tracking_code = ${tracking}`.execute(db);
  assert.deepEqual(report.rows.map((r) => [Number(r.reported_official_id), r.code]), [[handlerId, 'K1']]);

  assert.deepEqual(browsing.pageErrors, []);
});
