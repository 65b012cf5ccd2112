/**
 * Every page in every language shows words, not translation keys, and a visitor's pages log no
 * error in the browser console; and a resident who raised a petition on one device rates it
 * on another with nothing but what the success page showed them.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConsoleMessage, Page } from 'playwright-core';
import { sql } from 'kysely';
import { desktop, newContext, phone, screenshot } from './harness.ts';
import { demo, signIn, strings, thanhNho, useStack } from './steps.ts';
import { acceptPetition } from '../../server/modules/petitions/workflow/acceptPetition.ts';
import { assignPetition } from '../../server/modules/petitions/workflow/assignPetition.ts';
import { startPetition } from '../../server/modules/petitions/workflow/startPetition.ts';
import { answerPetition } from '../../server/modules/petitions/workflow/answerPetition.ts';

/** A grey 1×1 PNG: the photo a resident attaches. */
const tinyPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGO4e/cuAAUyApjDDfqPAAAAAElFTkSuQmCC', 'base64');

const locales = ['vi-VN', 'zh-CN', 'zh-TW', 'en-US'];
const localeFile: Record<string, string> = { 'vi-VN': 'vi', 'zh-CN': 'zh-Hans', 'zh-TW': 'zh-Hant', 'en-US': 'en' };

const { stack } = useStack();

/** Every translation key, and the first part of each ("raise"), to know a raw key when one shows. */
const keys = new Set(Object.keys(strings('en')));
const namespaces = new Set([...keys].map((k) => k.split('.')[0]));

/** Words of the page that are translation keys (a known key, or an unknown one of a known namespace). */
async function rawKeys(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const labels = [...document.querySelectorAll('[aria-label], [placeholder], [title]')].map((el) =>
      ['aria-label', 'placeholder', 'title'].map((a) => el.getAttribute(a) ?? '').join(' '),
    );
    return `${document.body.innerText} ${document.title} ${labels.join(' ')}`;
  });
  const found = text.match(/\b[a-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+\b/g) ?? [];
  const raw = found.filter((w) => keys.has(w) || (namespaces.has(w.split('.')[0]) && !/^\d/.test(w.split('.')[1])));
  if (/\{\{\s*\w+\s*\}\}/.test(text)) raw.push('an unfilled {{placeholder}}');
  return [...new Set(raw)];
}

/** Console errors (a failed request is one: "Failed to load resource: … 401") and script errors. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  return errors;
}

async function visit(page: Page, url: string, ready: () => Promise<unknown>): Promise<void> {
  await page.goto(url);
  await ready();
  await page.waitForLoadState('networkidle');
}

describe('every page, every language', { timeout: 300_000 }, () => {
  // A petition of the demo's history that Thanh Nho answered at its forum.
  const answered = { id: 0, trackingCode: '' };
  before(async () => {
    const { rows } = await sql<{ id: number; tracking_code: string }>`
      SELECT id, tracking_code FROM petitions WHERE channel = 'forum' AND status = 'closed' ORDER BY id LIMIT 1`.execute(stack().server.ctx.db);
    Object.assign(answered, { id: Number(rows[0].id), trackingCode: rows[0].tracking_code });
  });

  for (const locale of locales) {
    const t = strings(localeFile[locale]);

    test(`${locale}: a visitor's pages show no translation key and log no console error`, async () => {
      const context = await newContext(stack(), locale, phone);
      await context.grantPermissions(['geolocation']);
      await context.setGeolocation({ latitude: 18.7334, longitude: 105.3311 });
      const page = await context.newPage();
      const errors = consoleErrors(page);
      const h1 = () => page.getByRole('heading', { level: 1 }).first().waitFor();
      const problems: string[] = [];
      const check = async (name: string) => {
        for (const k of await rawKeys(page)) problems.push(`${name}: ${k}`);
      };
      try {
        await visit(page, '/', h1);
        await check('home');
        await visit(page, `/units/${thanhNho}`, () => page.locator('.public-petitions li').first().waitFor());
        await check('unit, with its public petitions');
        await visit(page, `/petitions/new?unit=${thanhNho}`, h1);
        await page.getByRole('button', { name: t['raise.useLocation'] }).click();
        // The point is set when its "remove" button shows; what it reads is checked with the rest.
        await page.getByRole('button', { name: t['common.remove'] }).waitFor();
        await check('raise, with a location');
        assert.deepEqual(problems, [], 'translation keys shown instead of words');
        assert.match(await page.locator('main').innerText(), /18\.73340/);
        // "Already reported?": the forum's opinion about the same road shows as the text is written.
        await page.getByLabel(t['raise.body']).fill('Đoạn đường liên xóm bị sạt lở sau mưa lũ');
        await page.getByRole('heading', { name: t['raise.similarHeading'] }).waitFor();
        await page.getByRole('button', { name: t['raise.submit'] }).click();
        await page.getByRole('alert').first().waitFor();
        await check('raise, already reported, and the errors of an unfinished form');
        await visit(page, '/knowledge?q=t%C3%A1ch%20h%E1%BB%99', () => page.locator('.article-list li').first().waitFor());
        await check('knowledge base, a search');
        await page.locator('.article-list a').first().click();
        await page.getByTestId('article').waitFor();
        await check('an article');
        await visit(page, `/subscribe`, h1);
        await check('subscribe');
        await visit(page, '/track', h1);
        await check('track');
        await visit(page, `/track/${answered.trackingCode}`, () => page.getByTestId('answer').waitFor());
        await check('track, an answered petition');
        await visit(page, `/figures?unit=${thanhNho}&from=2023-01-01&to=2023-12-31`, () => page.locator('[data-figure="received"]').waitFor());
        await check('figures');
        await visit(page, '/deliberation?unit=18001-K10', () => page.locator('main ul.cards li').first().waitFor());
        await check('deliberation, a block\'s consultations and matters');
        await visit(page, '/sign-in', h1);
        await check('sign-in');
        assert.deepEqual(problems, [], 'translation keys shown instead of words');
        assert.deepEqual(errors, [], 'console errors on a visitor\'s pages');
      } finally {
        await context.close();
      }
    });

    test(`${locale}: the officials' pages show no translation key`, async () => {
      const context = await newContext(stack(), locale, desktop);
      const page = await context.newPage();
      const problems: string[] = [];
      const check = async (name: string) => {
        for (const k of await rawKeys(page)) problems.push(`${name}: ${k}`);
      };
      try {
        await signIn(page, demo.admin, t);
        await check('inbox');
        await visit(page, `/staff/petitions/${answered.id}`, () => page.getByRole('heading', { level: 1 }).first().waitFor());
        await check('case');
        for (const path of ['/staff/figures', '/staff/admin', '/staff/councils', '/staff/knowledge', '/staff/hotspots', '/staff/reception-minimums', '/staff/gathering-follow-ups?unit=17719']) {
          await visit(page, path, () => page.getByRole('heading', { level: 1 }).first().waitFor());
          await check(path);
        }
        await page.goto('/sign-in');
        await signIn(page, demo.dispatcher, t);
        await visit(page, '/staff/hotline', () => page.getByRole('heading', { level: 1 }).first().waitFor());
        await check('hotline');
        assert.deepEqual(problems, [], 'translation keys shown instead of words');
      } finally {
        await context.close();
      }
    });
  }
});

test('raised on a phone, rated on a laptop with only the tracking code and the access key shown', { timeout: 120_000 }, async () => {
  const vi = strings('vi');
  const en = strings('en');
  const phoneContext = await newContext(stack(), 'vi-VN', phone);
  const laptopContext = await newContext(stack(), 'en-US', desktop);
  try {
    const resident = await phoneContext.newPage();
    await resident.goto(`/petitions/new?unit=${thanhNho}`);
    await resident.waitForFunction(() => (document.querySelector('[role="combobox"]') as HTMLInputElement | null)?.value === 'Xã Thanh Nho');
    await resident.getByRole('radio', { name: new RegExp(vi['kind.question']) }).check();
    const text = 'Xin hỏi lịch thu gom rác ở xóm 4 vào những ngày nào trong tuần?';
    await resident.getByLabel(vi['raise.body']).fill(text);
    await resident.getByLabel(vi['raise.name']).fill('Trần Văn Sơn');
    await resident.getByRole('button', { name: vi['raise.submit'] }).click();
    const trackingCode = (await resident.getByTestId('tracking-code').innerText()).trim();
    const accessKey = (await resident.getByTestId('access-key').innerText()).trim();
    assert.match(accessKey, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/, 'short enough to copy by hand');

    // The commune answers.
    const ctx = stack().server.ctx;
    const { rows } = await sql<{ id: number; handler: number; leader: number }>`
      SELECT p.id, (SELECT id FROM accounts WHERE username = ${demo.handler.username}) AS handler,
             (SELECT id FROM accounts WHERE username = ${demo.leader.username}) AS leader
        FROM petitions p WHERE p.tracking_code = ${trackingCode}`.execute(ctx.db);
    const { id, handler, leader } = rows[0];
    const system = { kind: 'system' as const, label: 'test' };
    await acceptPetition(ctx, system, id, {});
    await assignPetition(ctx, system, id, { handler: Number(handler), leader: Number(leader), expectedResult: 'Trả lời' });
    await startPetition(ctx, system, id, {});
    await answerPetition(ctx, system, id, { text: 'Xe thu gom rác qua xóm 4 vào thứ Ba và thứ Sáu.' });

    // Another device, another language, nothing stored: the code and the key, typed by hand.
    const laptop = await laptopContext.newPage();
    await laptop.goto('/track');
    await laptop.getByLabel(en['track.codeLabel']).fill(trackingCode.toLowerCase());
    await laptop.getByRole('button', { name: en['track.find'] }).click();
    await laptop.getByTestId('answer').waitFor();
    assert.equal(await laptop.getByText('thứ Ba và thứ Sáu').count(), 1, 'the answer is shown once');
    assert.equal(await laptop.getByText(text).count(), 0, 'what the resident wrote is not public');
    await laptop.getByLabel(en['track.accessKey']).fill(accessKey.replace('-', ' ').toLowerCase());
    await laptop.getByRole('button', { name: en['track.showOwn'] }).click();
    await laptop.getByTestId('own').getByText(text).waitFor();

    await laptop.getByRole('radio', { name: en['score.satisfied'], exact: true }).check();
    await laptop.getByRole('button', { name: en['track.sendRating'] }).click();
    await laptop.getByText(en['track.thanks']).waitFor();
    const rated = await sql<{ score: string }>`SELECT score FROM petition_ratings WHERE petition_id = ${id}`.execute(ctx.db);
    assert.deepEqual(rated.rows, [{ score: 'satisfied' }]);
  } finally {
    await phoneContext.close();
    await laptopContext.close();
  }
});

test('a place picked on the map: nearby reports before sending, the marker on the case page, the rounded point on the public map', { timeout: 120_000 }, async () => {
  const vi = strings('vi');
  const ctx = stack().server.ctx;
  // An open petition of the demo that Thanh Nho's residents may see, and where it is.
  const { rows: [known] } = await sql<{ tracking_code: string; category: string; lat: number; lng: number }>`
    SELECT p.tracking_code, p.category, p.location_lat AS lat, p.location_lng AS lng FROM petitions p JOIN units u ON u.id = p.origin_unit_id
     WHERE u.code = ${thanhNho} AND p.consent_to_publish AND p.kind IN ('question', 'suggestion', 'help_request')
       AND p.status IN ('received', 'accepted', 'in_progress') AND p.location_lat IS NOT NULL AND p.category IN ('land', 'roads', 'environment')
     ORDER BY p.id LIMIT 1`.execute(ctx.db);
  const residentContext = await newContext(stack(), 'vi-VN', phone);
  await residentContext.grantPermissions(['geolocation']);
  await residentContext.setGeolocation({ latitude: known.lat, longitude: known.lng });
  const staffContext = await newContext(stack(), 'vi-VN', desktop);
  const visitorContext = await newContext(stack(), 'en-US', phone);
  try {
    const resident = await residentContext.newPage();
    const errors = consoleErrors(resident);
    const tilesBefore = stack().tiles.requests;
    await resident.goto(`/petitions/new?unit=${thanhNho}`);
    await resident.waitForFunction(() => (document.querySelector('[role="combobox"]') as HTMLInputElement | null)?.value === 'Xã Thanh Nho');
    await resident.getByRole('radio', { name: new RegExp(vi['kind.suggestion']) }).check();
    await resident.getByLabel(vi['raise.category']).selectOption(known.category);
    await resident.getByLabel(vi['raise.body']).fill('Đề nghị dọn rác tồn đọng cạnh cổng chợ xã.');
    // Standing where a neighbour already reported the same thing: the map and the list show it.
    await resident.getByRole('button', { name: vi['raise.useLocation'] }).click();
    await resident.getByRole('heading', { name: vi['raise.similarHeading'] }).waitFor();
    await resident.locator(`.already-reported a[href="/track/${known.tracking_code}"]`).waitFor();
    await resident.locator(`[data-testid="map-point"][data-code="${known.tracking_code}"]`).waitFor();
    // Then the resident taps the map a little to the side: that is the place sent.
    const map = resident.getByTestId('map');
    await resident.locator('[data-testid="map"][data-ready]').waitFor();
    const box = (await map.boundingBox())!;
    await map.click({ position: { x: box.width / 2 + 60, y: box.height / 2 - 40 } });
    await resident.waitForFunction((lat) => !document.querySelector('main')!.textContent!.includes(lat.toFixed(5)), known.lat);
    await resident.getByTestId('map-place').waitFor();
    await screenshot(resident, 'raise-map-360');
    assert.ok(stack().tiles.requests > tilesBefore, 'the tiles came from the configured tile server');
    await resident.getByLabel(vi['raise.photos']).setInputFiles({ name: 'rac-cho.png', mimeType: 'image/png', buffer: tinyPng });
    await resident.getByLabel(vi['raise.consent']).check();
    await resident.getByRole('button', { name: vi['raise.submit'] }).click();
    const trackingCode = (await resident.getByTestId('tracking-code').innerText()).trim();
    assert.deepEqual(errors, [], 'no console error on the raise page with its map');

    const { rows: [sent] } = await sql<{ id: number; lat: number; lng: number }>`
      SELECT id, location_lat AS lat, location_lng AS lng FROM petitions WHERE tracking_code = ${trackingCode}`.execute(ctx.db);
    assert.ok(sent.lat !== null && (sent.lat !== known.lat || sent.lng !== known.lng), 'the place tapped on the map');
    assert.ok(Math.abs(sent.lat - known.lat) < 0.01 && Math.abs(sent.lng - known.lng) < 0.01, 'near where the resident stood');
    // A complaint at the same place, though its author agreed to publish, never reaches the public map.
    const complaint = await stack().server.app.inject({
      method: 'POST', url: '/api/v1/petitions',
      payload: { unit: thanhNho, kind: 'complaint', body: 'Khiếu nại việc để rác tồn đọng ở cổng chợ.', resident: { name: 'Trần Thị Hoa', phone: '0912555666' }, consentToPublish: true, location: { lat: sent.lat, lng: sent.lng } },
    });
    assert.equal(complaint.statusCode, 201, complaint.body);

    // The commune's dispatcher sees the place on the case page, and the photo.
    const staff = await staffContext.newPage();
    await signIn(staff, demo.dispatcher, vi);
    await staff.goto(`/staff/petitions/${sent.id}`);
    await staff.getByTestId('map-place').waitFor();
    await staff.waitForFunction(() => (document.querySelector('.attachments img.thumbnail') as HTMLImageElement | null)?.naturalWidth === 1);
    await screenshot(staff, 'case-map-1280');

    // Anyone sees it on the commune's public map, rounded to about 100 m; the complaint is not there.
    const visitor = await visitorContext.newPage();
    await visitor.goto(`/units/${thanhNho}`);
    await visitor.locator(`[data-testid="map-point"][data-code="${trackingCode}"]`).waitFor();
    await screenshot(visitor, 'unit-map-360');
    assert.equal(await visitor.locator(`[data-testid="map-point"][data-code="${complaint.json().trackingCode}"]`).count(), 0);
    const listed = await visitor.evaluate(async (unit) => (await (await fetch(`/api/v1/petitions/public?unit=${unit}&limit=50`)).json()).items, thanhNho);
    const shown = (listed as Array<{ trackingCode: string; place: { lat: number; lng: number } }>).find((i) => i.trackingCode === trackingCode);
    assert.deepEqual(shown?.place, { lat: Math.round(sent.lat * 1000) / 1000, lng: Math.round(sent.lng * 1000) / 1000 });
  } finally {
    await residentContext.close();
    await staffContext.close();
    await visitorContext.close();
  }
});

test('a resident typing a question sees the article that answers it, and the figures count the draft given up', { timeout: 120_000 }, async () => {
  const vi = strings('vi');
  const context = await newContext(stack(), 'vi-VN', phone);
  try {
    const page = await context.newPage();
    await page.goto(`/petitions/new?unit=${thanhNho}`);
    await page.waitForFunction(() => (document.querySelector('[role="combobox"]') as HTMLInputElement | null)?.value === 'Xã Thanh Nho');
    // Written otherwise than the article ("Tách hộ (tách hộ khẩu) khi con đã lập gia đình").
    await page.getByLabel(vi['raise.body']).fill('Con trai tôi cưới vợ rồi, muốn ra ở riêng có sổ hộ khẩu riêng thì làm sao?');
    await page.getByRole('heading', { name: vi['raise.articlesHeading'] }).waitFor();
    const first = page.locator('.suggested-articles a').first();
    assert.match(await first.innerText(), /Tách hộ/);
    await first.click();
    await page.getByTestId('article').waitFor();
    await page.getByRole('heading', { name: vi['knowledge.papers'] }).waitFor();
    assert.match(await page.getByTestId('article').innerText(), /CT01/);

    // The knowledge base finds the will guide for a question typed without diacritics.
    await page.goto('/knowledge');
    await page.getByLabel(vi['knowledge.question']).fill('muon lam di chuc thi den dau');
    await page.getByRole('button', { name: vi['knowledge.search'] }).click();
    await page.waitForURL(/q=/);
    await page.locator('.article-list li').first().waitFor();
    assert.match(await page.locator('.article-list li').first().innerText(), /di chúc/);

    const { rows } = await sql<{ opened: number; submitted: number }>`
      SELECT count(opened_at)::int AS opened, count(submitted_at)::int AS submitted FROM petition_drafts`.execute(stack().server.ctx.db);
    assert.ok(Number(rows[0].opened) >= 1, 'the opened article is counted');
  } finally {
    await context.close();
  }
});

test('a dispatcher applies the suggested routing in one click; the administrator sees the week\'s hotspot and the routing accuracy', { timeout: 120_000 }, async () => {
  const vi = strings('vi');
  const created = await stack().server.app.inject({
    method: 'POST', url: '/api/v1/petitions',
    payload: { unit: thanhNho, kind: 'question', body: 'Xin hỏi thủ tục chuyển đất vườn sang đất ở để làm nhà cho con trai' },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as number;
  const context = await newContext(stack(), 'vi-VN', desktop);
  try {
    const page = await context.newPage();
    await signIn(page, demo.dispatcher, vi);
    await page.goto(`/staff/petitions/${id}`);
    const suggestion = page.getByTestId('routing-suggestion');
    await suggestion.waitFor();
    assert.match(await suggestion.locator('.suggestions button').first().innerText(), new RegExp(vi['category.land']));
    await suggestion.getByRole('button', { name: vi['routing.applyBoth'] }).click();
    await page.locator('.alert', { hasText: vi['routing.applied'].split(':')[0] }).waitFor();
    const { rows: [routed] } = await sql<{ category: string | null; agency_id: number | null }>`
      SELECT category, agency_id FROM petitions WHERE id = ${id}`.execute(stack().server.ctx.db);
    assert.equal(routed.category, 'land');
    assert.ok(routed.agency_id !== null, 'the agency applied too');

    const admin = await (await newContext(stack(), 'vi-VN', desktop)).newPage();
    await signIn(admin, demo.admin, vi);
    await admin.goto('/staff/hotspots');
    await admin.getByTestId('hotspot').filter({ hasText: 'Thanh Thịnh' }).first().waitFor();
    await admin.getByTestId('routing-accuracy').locator('table').waitFor();
    await screenshot(admin, 'hotspots');
    // A period chosen with the reports' picker: the hotspots whose week ended in it.
    const { rows: [flagged] } = await sql<{ day: string }>`
      SELECT (h.week_end AT TIME ZONE u.time_zone)::date::text AS day FROM hotspots h JOIN units u ON u.id = h.unit_id WHERE u.name LIKE '%Thanh Thịnh%' LIMIT 1`.execute(stack().server.ctx.db);
    const picker = admin.getByTestId('hotspot-period');
    await picker.getByLabel(vi['reports.kinds.month'], { exact: true }).fill(flagged.day.slice(0, 7));
    await picker.getByRole('button', { name: vi['reports.show'] }).click();
    await admin.waitForURL(new RegExp(`period=${flagged.day.slice(0, 7)}`));
    await admin.getByTestId('hotspot').filter({ hasText: 'Thanh Thịnh' }).first().waitFor();
    await picker.getByLabel(vi['reports.periodKind']).selectOption('year');
    await picker.getByLabel(vi['reports.kinds.year'], { exact: true }).fill(String(Number(flagged.day.slice(0, 4)) - 5));
    await picker.getByRole('button', { name: vi['reports.show'] }).click();
    await admin.getByText(vi['hotspots.noneInPeriod'].split('{{')[0]).waitFor();
    assert.equal(await admin.getByTestId('hotspot').count(), 0, 'none five years earlier');
    await admin.context().close();
  } finally {
    await context.close();
  }
});
