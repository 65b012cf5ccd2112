/**
 * The web app in a real browser (Debian's Chromium) against the real server on a fresh
 * embedded database with the demo world: residents raise, track and rate; officials accept,
 * assign and answer; the hotline; languages; accessibility of every page; screenshots.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { sql } from 'kysely';
import { desktop, phone, screenshot } from './harness.ts';
import { act, checkPage, chooseOfficial, demo, figure, signIn, signOut, strings, thanhNho, useStack } from './steps.ts';

const vi = strings('vi');
const zh = strings('zh-Hans');
const en = strings('en');

const residentPhone = '0912 345 678';
// A 1×1 PNG: the photo a resident attaches.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const { stack, browsing } = useStack();
const open = (locale: string, viewport = phone): Promise<Page> => browsing.open(locale, viewport);

describe('a resident and the officials of Thanh Nho, in Vietnamese', { timeout: 240_000 }, () => {
  let resident: Page;
  let trackingCode = '';
  let petitionUrl = '';
  let baseline = { received: 0, rated: 0 };

  test('the resident finds the commune without diacritics and raises a petition with a photo', async () => {
    resident = await open('vi-VN');
    await resident.goto(`/figures?unit=${thanhNho}`);
    await resident.locator('[data-figure="received"]').waitFor();
    baseline = { received: await figure(resident, 'received'), rated: await figure(resident, 'rated') };
    await resident.goto('/');
    await resident.getByRole('heading', { level: 1, name: vi['home.heading'] }).waitFor();
    assert.equal(await resident.locator('html').getAttribute('lang'), 'vi');
    await resident.getByLabel(vi['home.searchLabel']).fill('thanh nho');
    await resident.getByRole('link', { name: /Thanh Nho/ }).click();
    await resident.getByRole('heading', { level: 1, name: 'Xã Thanh Nho' }).waitFor();
    await checkPage(resident, 'unit page');
    await screenshot(resident, 'unit-360');

    await resident.locator('main').getByRole('link', { name: vi['home.raise'], exact: true }).click();
    await resident.getByRole('heading', { level: 1, name: vi['raise.title'] }).waitFor();
    const unitField = resident.getByRole('combobox', { name: vi['raise.unit'] });
    await assert.doesNotReject(async () => {
      await resident.waitForFunction(() => (document.querySelector('[role="combobox"]') as HTMLInputElement | null)?.value === 'Xã Thanh Nho');
    });
    assert.equal(await unitField.inputValue(), 'Xã Thanh Nho');

    // Sending it empty names every problem, and each field says what is wrong with it.
    await resident.getByRole('button', { name: vi['raise.submit'] }).click();
    await resident.getByRole('alert').first().waitFor();
    const body = resident.getByLabel(vi['raise.body']);
    assert.equal(await body.getAttribute('aria-invalid'), 'true');
    const described = (await body.getAttribute('aria-describedby')) ?? '';
    const errorText = await resident.locator(`[id="${described.split(' ').pop()}"]`).innerText();
    assert.equal(errorText, vi['raise.errors.body'].replace('{{min}}', '10'));
    await checkPage(resident, 'raise form with errors');
    await screenshot(resident, 'raise-errors-360');

    await resident.getByRole('radio', { name: new RegExp(vi['kind.question']) }).check();
    await resident.getByLabel(vi['raise.category']).selectOption('land');
    await body.fill('Tôi muốn san lấp đất rừng để làm nhà ở: có được phép không, cần làm thủ tục gì?');
    await resident.getByLabel(vi['raise.name']).fill('Nguyễn Thị Hoa');
    await resident.getByLabel(vi['raise.phone']).fill(residentPhone);
    await resident.getByLabel(vi['raise.photos']).setInputFiles({ name: 'dat-rung.png', mimeType: 'image/png', buffer: png });
    await resident.getByRole('button', { name: vi['raise.submit'] }).click();

    const code = resident.getByTestId('tracking-code');
    await code.waitFor();
    trackingCode = (await code.innerText()).trim();
    assert.match(trackingCode, /^[A-Z0-9-]{6,}$/);
    await resident.getByRole('button', { name: vi['raise.copyCode'], exact: true }).waitFor();
    assert.match(await resident.getByTestId('access-key').innerText(), /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/, 'the access key is shown with the code');
    assert.equal(await resident.getByRole('alert').count(), 0, 'the photo went up without a warning');
    await checkPage(resident, 'petition sent');
    await screenshot(resident, 'raise-success-360');
  });

  test('the resident follows it by its tracking code', async () => {
    await resident.getByRole('link', { name: vi['raise.followIt'] }).click();
    await resident.waitForURL(`**/track/${trackingCode}`);
    await resident.locator('.badge', { hasText: vi['status.received'] }).waitFor();
    await resident.getByText(vi['kind.question'], { exact: true }).waitFor();
    await checkPage(resident, 'track page');
    await screenshot(resident, 'track-received-360');

    // An unknown code gets the server's own message, in Vietnamese.
    await resident.goto('/track/ZZZZ-0000');
    const alert = resident.getByRole('alert');
    await alert.waitFor();
    assert.ok((await alert.innerText()).length > 5);
    assert.doesNotMatch(await alert.innerText(), /not_found|Error/);
  });

  test('the dispatcher accepts it and assigns it with the five clear items', async () => {
    const page = await open('vi-VN', desktop);
    await signIn(page, demo.dispatcher, vi);
    await checkPage(page, 'inbox');
    await page.getByRole('link', { name: new RegExp(vi['inbox.view.new']) }).click();
    await page.getByRole('link', { name: trackingCode }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(trackingCode) }).waitFor();
    petitionUrl = new URL(page.url()).pathname;
    assert.match(await page.locator('.case-side').innerText(), /912\s?345\s?678/, 'the dispatcher sees who sent it');
    await page.getByRole('link', { name: 'dat-rung.png' }).waitFor();
    await checkPage(page, 'case page');
    await screenshot(page, 'case-received-1280');

    await act(page, vi, 'accept');
    await act(page, vi, 'assign', async () => {
      await chooseOfficial(page, vi['case.handler'], demo.handler.name);
      await chooseOfficial(page, vi['case.leader'], demo.leader.name);
      await page.getByLabel(vi['case.agency']).selectOption({ index: 1 });
      await page.getByLabel(vi['case.expectedResult']).fill('Trả lời bằng văn bản về thủ tục chuyển mục đích sử dụng đất.');
      await checkPage(page, 'assign form');
    });
    await page.locator('.case-status .badge', { hasText: vi['status.assigned'] }).waitFor();
    const five = await page.locator('.five-clear').innerText();
    for (const part of [demo.handler.name, demo.leader.name, 'văn bản']) assert.ok(five.includes(part), five);
    await signOut(page, vi);
  });

  test('the handler starts and answers it', async () => {
    const page = await open('vi-VN', desktop);
    await signIn(page, demo.handler, vi);
    await page.getByRole('link', { name: new RegExp(vi['inbox.view.mine']) }).click();
    await page.getByRole('link', { name: trackingCode }).waitFor();
    await page.goto(petitionUrl);
    await act(page, vi, 'start');
    await page.locator('.case-status .badge', { hasText: vi['status.in_progress'] }).waitFor();
    await act(page, vi, 'answer', async () => {
      await page.getByLabel(vi['case.answerText']).fill('Đất rừng sản xuất phải được chuyển mục đích sử dụng trước khi xây nhà. Mời ông/bà đến bộ phận một cửa xã.');
    });
    await page.locator('.case-status .badge', { hasText: vi['status.answered'] }).waitFor();
    await checkPage(page, 'answered case');
    await screenshot(page, 'case-answered-1280');
  });

  test('the resident reads the answer, rates it, and the public figures count it', async () => {
    await resident.goto(`/track/${trackingCode}`);
    await resident.getByTestId('answer').waitFor();
    assert.match(await resident.getByTestId('answer').innerText(), /một cửa/);
    await resident.getByRole('radio', { name: vi['score.satisfied'], exact: true }).check();
    await checkPage(resident, 'rating form');
    await resident.getByRole('button', { name: vi['track.sendRating'] }).click();
    await resident.getByText(vi['track.thanks']).waitFor();
    await screenshot(resident, 'track-rated-360');

    await resident.goto(`/figures?unit=${thanhNho}`);
    await resident.locator('[data-figure="received"]').waitFor();
    assert.equal(await figure(resident, 'received'), baseline.received + 1);
    assert.equal(await figure(resident, 'rated'), baseline.rated + 1);
    await resident.locator('.chart svg').first().waitFor();
    await checkPage(resident, 'figures (charts)');
    await screenshot(resident, 'figures-charts-360');
    await resident.getByRole('button', { name: vi['figures.table'] }).click();
    await resident.getByRole('table').first().waitFor();
    await checkPage(resident, 'figures (table)');
    await screenshot(resident, 'figures-table-360');
  });

  test('a resident reports an official’s conduct, picking them from the commune’s public staff list', async () => {
    const page = await open('vi-VN');
    await page.goto(`/petitions/new?unit=${thanhNho}`);
    await page.waitForFunction(() => (document.querySelector('[role="combobox"]') as HTMLInputElement | null)?.value === 'Xã Thanh Nho');
    await page.getByRole('radio', { name: new RegExp(vi['kind.conduct_report']) }).check();
    const picker = page.getByLabel(vi['raise.reportedOfficial']);
    await page.waitForFunction(() => ((document.querySelector('[data-testid="reported-official"]') as HTMLSelectElement | null)?.options.length ?? 0) > 1);
    const entries = await picker.locator('option').allInnerTexts();
    assert.equal(entries[0], vi['raise.reportedOfficialNone']);
    assert.ok(!entries.join(' ').match(/@|\+84|0\d{9}/), `no contact data in the list: ${entries.join(' | ')}`);
    await picker.selectOption({ index: 1 });
    await page.getByLabel(vi['raise.body']).fill('Cán bộ tiếp dân quát tháo khi tôi đến hỏi thủ tục đất đai.');
    await page.getByLabel(vi['raise.anonymous']).check();
    await checkPage(page, 'conduct report form');
    await page.getByRole('button', { name: vi['raise.submit'] }).click();
    await page.getByTestId('tracking-code').waitFor();
    await page.close();
  });
});

describe('the same flow in Chinese, in Fenggang county', { timeout: 240_000 }, () => {
  test('a resident raises a petition in Chinese; the county dispatcher handles and answers it; the resident rates it', async () => {
    const resident = await open('zh-CN');
    await resident.goto('/');
    await resident.getByRole('heading', { level: 1, name: zh['home.heading'] }).waitFor();
    assert.equal(await resident.locator('html').getAttribute('lang'), 'zh-Hans');
    await resident.getByLabel(zh['home.searchLabel']).fill('永安');
    await resident.getByRole('link', { name: /永安镇/ }).click();
    await resident.getByRole('heading', { level: 1, name: '永安镇' }).waitFor();
    await resident.locator('main').getByRole('link', { name: zh['home.raise'], exact: true }).click();
    await resident.waitForFunction(() => (document.querySelector('[role="combobox"]') as HTMLInputElement | null)?.value === '永安镇');
    await resident.getByRole('radio', { name: new RegExp(zh['kind.help_request']) }).check();
    await resident.getByLabel(zh['raise.body']).fill('村里的饮水管道破裂已经三天，请尽快派人维修。');
    await resident.getByLabel(zh['raise.phone']).fill('13800138000');
    await resident.getByRole('button', { name: zh['raise.submit'] }).click();
    const trackingCode = (await resident.getByTestId('tracking-code').innerText()).trim();
    await checkPage(resident, 'zh: petition sent');
    await screenshot(resident, 'zh-raise-success-360');

    // The administrator adds a second leader for Fenggang on the administration page; the case is then given to that one.
    const admin = await open('zh-CN', desktop);
    await signIn(admin, demo.admin, zh);
    await admin.getByRole('link', { name: zh['nav.admin'] }).click();
    await admin.getByRole('link', { name: zh['admin.section.officials'] }).click();
    await admin.getByRole('combobox', { name: zh['admin.unit'] }).fill('凤冈');
    await admin.locator('[role="option"]', { hasText: '凤冈县' }).click();
    // The form of a new official (each listed official has its own role field too).
    const newOfficial = admin.locator('form', { has: admin.getByRole('heading', { name: zh['admin.newOfficial'] }) });
    await newOfficial.getByLabel(zh['admin.name']).fill('张伟');
    await newOfficial.getByLabel(zh['signIn.username']).fill('fenggang.leader');
    // No password: the new leader gets a setup code on their own phone and chooses one.
    await newOfficial.getByLabel(zh['admin.contact']).fill('13900139000');
    await newOfficial.getByLabel(zh['admin.role']).selectOption('leader');
    await newOfficial.getByRole('button', { name: zh['admin.add'] }).click();
    await admin.getByText(zh['admin.officialCreated'].replace('{{name}}', '张伟').replace('{{contact}}', '+86•••••••9000')).waitFor();
    await admin.getByRole('cell', { name: 'fenggang.leader' }).waitFor();
    await checkPage(admin, 'zh: administration, officials');
    await screenshot(admin, 'zh-admin-officials-1280');

    const official = await open('zh-CN', desktop);
    await signIn(official, demo.fenggang, zh);
    await official.getByRole('link', { name: new RegExp(zh['inbox.view.new']) }).click();
    await official.getByRole('link', { name: trackingCode }).click();
    await act(official, zh, 'accept');
    await act(official, zh, 'assign', async () => {
      await chooseOfficial(official, zh['case.handler'], demo.fenggang.name);
      await chooseOfficial(official, zh['case.leader'], '张伟');
      await official.getByLabel(zh['case.expectedResult']).fill('三日内修复饮水管道');
    });
    await act(official, zh, 'start');
    await act(official, zh, 'answer', async () => {
      await official.getByLabel(zh['case.answerText']).fill('维修队已于今日修复管道，恢复供水。');
    });
    await official.locator('.case-status .badge', { hasText: zh['status.answered'] }).waitFor();
    await checkPage(official, 'zh: answered case');
    await screenshot(official, 'zh-case-answered-1280');

    await resident.goto(`/track/${trackingCode}`);
    await resident.getByTestId('answer').waitFor();
    await resident.getByRole('radio', { name: zh['score.acceptable'], exact: true }).check();
    await resident.getByRole('button', { name: zh['track.sendRating'] }).click();
    await resident.getByText(zh['track.thanks']).waitFor();
    await checkPage(resident, 'zh: rated');
    await screenshot(resident, 'zh-track-rated-360');
  });
});

describe('hotline quick entry', { timeout: 120_000 }, () => {
  test('an operator types the number, sees the earlier petition, and records an answered call with the keyboard only', async () => {
    const page = await open('vi-VN', desktop);
    await signIn(page, demo.reception, vi);
    await page.goto('/staff/hotline');
    const phoneField = page.getByLabel(vi['hotline.phone']);
    await phoneField.waitFor();
    assert.ok(await phoneField.evaluate((el) => el === document.activeElement), 'the number field has the focus');
    await page.keyboard.type(residentPhone);
    await page.locator('.earlier-list li').first().waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type('Nguyễn Thị Hoa');
    await page.keyboard.press('Tab');
    // The unit: type, pick with the arrow keys and Enter.
    await page.keyboard.press('Control+a');
    await page.keyboard.type('thanh nho');
    await page.locator('[role="option"]', { hasText: 'Thanh Nho' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    assert.equal(await page.getByRole('combobox', { name: vi['raise.unit'] }).inputValue(), 'Xã Thanh Nho');
    await page.keyboard.press('Tab'); // kind: a question is preselected
    await page.keyboard.press('Tab');
    await page.keyboard.type('Hỏi lịch tiếp công dân của xã trong tháng này.');
    await page.keyboard.press('Tab'); // urgent
    await page.keyboard.press('Tab'); // answered on the phone
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Xã tiếp công dân vào sáng thứ Bảy thứ hai của tháng tại trụ sở UBND xã.');
    await checkPage(page, 'hotline form');
    await screenshot(page, 'hotline-1280');
    await page.keyboard.press('Control+Enter');
    const done = page.getByRole('status').filter({ hasText: vi['hotline.recordedAnswered'].split('{{')[0].trim() });
    await done.waitFor();
    assert.ok(await phoneField.evaluate((el) => el === document.activeElement), 'ready for the next call');
    assert.equal(await phoneField.inputValue(), '');
  });
});

describe('recording at a forum', { timeout: 120_000 }, () => {
  test('an official records questions one after another at a forum; each gets its codes large, the venue stays', async () => {
    const zhHant = strings('zh-Hant');
    const page = await open('zh-TW', desktop);
    await signIn(page, demo.reception, zhHant);
    // The operator's own unit (the default) arrives only once the typed search has gone out: what
    // was typed must win over the late default.
    let searched!: () => void;
    const searchSent = new Promise<void>((resolve) => (searched = resolve));
    page.on('request', (r) => /\/api\/v1\/units\?q=/.test(r.url()) && searched());
    await page.route(/\/api\/v1\/units\/[^/?]+$/, async (route) => {
      await searchSent;
      await route.continue();
    });
    await page.goto('/staff/record');
    await page.getByLabel(zhHant['record.channel']).selectOption('forum');
    await page.getByRole('combobox', { name: zhHant['raise.unit'] }).fill('thanh nho');
    await page.locator('[role="option"]', { hasText: 'Thanh Nho' }).first().click();
    await page.getByLabel(zhHant['record.venue']).fill('Nhà văn hóa xóm 3');
    // The venue on the map too: it stays for every question of the gathering.
    await page.locator('[data-testid="map"][data-ready]').waitFor();
    await page.getByTestId('map').click();
    await page.getByTestId('map-place').waitFor();
    for (const question of ['Khi nào sửa đường liên xóm?', 'Thủ tục tách hộ khẩu thế nào?']) {
      await page.getByLabel(zhHant['record.body']).fill(question);
      await page.getByLabel(zhHant['raise.category']).selectOption('procedures');
      await page.getByRole('button', { name: zhHant['record.recordNext'] }).click();
      const codes = page.locator('.receipt .big-code');
      await codes.nth(1).waitFor();
      const [code, key] = await codes.allInnerTexts();
      const tracked = await (await fetch(`${stack().url}/api/v1/petitions/track/${code.trim()}`)).json();
      assert.equal(tracked.status, 'received');
      const placed = await sql<{ lat: number | null }>`SELECT location_lat AS lat FROM petitions WHERE tracking_code = ${code.trim()}`.execute(stack().server.ctx.db);
      assert.notEqual(placed.rows[0].lat, null, 'recorded with the place picked on the map');
      assert.ok(key.trim().length >= 8, key);
      // Ready for the next question: the text is cleared, the gathering's details stay.
      assert.equal(await page.getByLabel(zhHant['record.body']).inputValue(), '');
      assert.equal(await page.getByLabel(zhHant['record.venue']).inputValue(), 'Nhà văn hóa xóm 3');
      assert.equal(await page.getByLabel(zhHant['record.channel']).inputValue(), 'forum');
    }
    await checkPage(page, 'zh-Hant: recorded at a forum');
    await screenshot(page, 'zh-Hant-record-forum-1280');
  });
});

describe('figures of a district', { timeout: 120_000 }, () => {
  test('each figure says what it counts, and the communes below compare by the three rates, sortable', async () => {
    const page = await browsing.open('en-GB', desktop);
    const figuresRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/figures')) figuresRequests.push(new URL(r.url()).pathname + new URL(r.url()).search);
    });
    await page.goto('/figures?unit=428');
    await page.locator('[data-figure="received"]').waitFor();
    assert.equal(await page.locator('.numbers dd.definition').first().innerText(), en['figures.def.received']);
    assert.doesNotMatch(await page.locator('.numbers').innerText(), /\b0 hours\b/);
    const compared = page.locator('section.child-units');
    await compared.getByRole('row', { name: /Thanh Nho/ }).waitFor();
    const onTime = compared.getByRole('columnheader', { name: new RegExp(en['figures.onTimeRate']) });
    assert.equal(await onTime.getAttribute('aria-sort'), 'descending');
    await onTime.getByRole('button').click();
    assert.equal(await onTime.getAttribute('aria-sort'), 'ascending');
    await compared.getByRole('columnheader', { name: new RegExp(en['figures.satisfactionRate']) }).getByRole('button').click();
    assert.equal(await onTime.getAttribute('aria-sort'), 'none');
    await checkPage(page, 'en: district figures with its communes');
    await screenshot(page, 'en-figures-district-1280');
    // The communes come in one request, not one per commune.
    assert.equal(figuresRequests.filter((u) => u.startsWith('/api/v1/figures/children?')).length, 1, figuresRequests.join('\n'));
    assert.equal(figuresRequests.filter((u) => u.startsWith('/api/v1/figures?') && !u.includes('unit=428')).length, 0, figuresRequests.join('\n'));
    // The demo's 2023 is one click away: its own button, from the years the district has figures for.
    await page.getByRole('button', { name: '2023', exact: true }).click();
    await page.waitForURL(/from=2023-01-01&to=2023-12-31/);
    await page.locator('[data-figure-of="17719:received"]', { hasText: /^77$/ }).waitFor();
  });
});

describe('languages', { timeout: 120_000 }, () => {
  test('a first visit follows the browser language; a choice is kept across visits', async () => {
    const page = await open('zh-TW');
    await page.goto('/');
    // The locale's strings load before the first render: wait for them, then read the language.
    await page.getByRole('heading', { level: 1, name: strings('zh-Hant')['home.heading'] }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hant');
    await page.getByLabel(strings('zh-Hant')['shell.language']).selectOption('en');
    await page.getByRole('heading', { level: 1, name: en['home.heading'] }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: en['home.heading'] }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    // Server messages follow the interface language too.
    await page.goto('/track/NOPE-0000');
    const alert = await page.getByRole('alert').innerText();
    assert.match(alert, /[a-z]/i);
    await checkPage(page, 'en: track not found');
  });
});

describe('the session', { timeout: 120_000 }, () => {
  test('a staff page opened directly names the official in its header, even when effects run late', async () => {
    const page = await open('vi-VN', desktop);
    await signIn(page, demo.handler, vi);
    // A busy phone runs effects late (Preact waits for a frame, at most 100 ms): the answer of
    // /auth/session then arrives before the header listens for it, and must not be lost.
    await page.addInitScript(() => {
      window.requestAnimationFrame = () => 0;
    });
    await page.goto('/staff');
    await page.getByRole('heading', { level: 1, name: vi['inbox.title'] }).waitFor();
    await page.getByRole('button', { name: vi['shell.signOut'], exact: true }).waitFor({ timeout: 5_000 });
    await signOut(page, vi);
  });
});

describe('every page', { timeout: 300_000 }, () => {
  test('has no serious accessibility violation and is screenshotted at 360 and 1280 px', async () => {
    const publicPages: Array<[string, string]> = [
      ['home', '/'],
      ['unit', `/units/${thanhNho}`],
      ['raise', `/petitions/new?unit=${thanhNho}`],
      ['track', '/track'],
      ['sign-in', '/sign-in'],
      ['not-found', '/no-such-page'],
      ['figures', `/figures?unit=${thanhNho}`],
    ];
    for (const viewport of [phone, desktop]) {
      const page = await open('vi-VN', viewport);
      for (const [name, url] of publicPages) {
        await page.goto(url);
        await page.locator('h1').first().waitFor();
        await checkPage(page, `${name} @${viewport.width}`);
        await screenshot(page, `${name}-${viewport.width}`);
      }
      await signIn(page, demo.admin, vi);
      const staffPages: Array<[string, string]> = [
        ['inbox', '/staff?view=all'],
        ['hotline', '/staff/hotline'],
        ['admin-units', '/staff/admin?section=units'],
        ['admin-deadlines', '/staff/admin?section=deadlines'],
        ['admin-agencies', '/staff/admin?section=agencies'],
        ['staff-figures', `/staff/figures?unit=${thanhNho}`],
      ];
      for (const [name, url] of staffPages) {
        await page.goto(url);
        await page.locator('h1').first().waitFor();
        await checkPage(page, `${name} @${viewport.width}`);
        await screenshot(page, `${name}-${viewport.width}`);
      }
      // A case page as the administrator sees it.
      await page.goto('/staff?view=all');
      await page.locator('.list-table a.code').first().click();
      await page.locator('.case-layout').waitFor();
      await checkPage(page, `case @${viewport.width}`);
      await screenshot(page, `case-${viewport.width}`);
    }
  });

  test('no page raised a script error or got a server error', () => {
    assert.deepEqual(browsing.pageErrors, []);
  });
});
