/**
 * Scorecards, the main journey: an administrator sets Thanh Nho's framework, the handler opens
 * their own scorecard and the cases behind a number, the leader sees the unit's officials,
 * enters an inspection finding and grades the year with reasons, and a resident on a phone
 * reads the public ranking of Nghệ An's districts.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { desktop, phone, screenshot } from './harness.ts';
import { checkPage, demo, signIn, signOut, strings, thanhNho, useStack } from './steps.ts';

const vi = strings('vi');
const zh = strings('zh-Hans');
const { browsing } = useStack();

describe('scorecards computed from the record', { timeout: 240_000 }, () => {
  test('framework, own scorecard with its cases, the leader’s view and yearly grade, the public ranking', async () => {
    const page = await browsing.open('vi-VN', desktop);

    // The administrator sets Thanh Nho's framework for every position.
    await signIn(page, demo.admin, vi);
    await page.goto(`/staff/scorecard-frameworks?unit=${thanhNho}`);
    await page.getByRole('heading', { level: 1, name: vi['scorecards.frameworksTitle'] }).waitFor();
    await page.getByRole('button', { name: vi['scorecards.newFramework'] }).click();
    await page.getByRole('button', { name: vi['scorecards.addCriterion'] }).click();
    const rows = page.locator('.framework-editor tbody tr');
    assert.equal(await rows.count(), 2);
    await rows.nth(1).getByLabel(vi['scorecards.criterion']).selectOption('satisfaction');
    await rows.nth(1).getByLabel(vi['scorecards.weight']).fill('2');
    await page.getByRole('button', { name: vi['scorecards.saveFramework'] }).click();
    // The saved framework is listed with its two criteria.
    await page.getByRole('heading', { name: vi['scorecards.everyPosition'] }).first().waitFor();
    await page.getByText(vi['scorecards.measure.satisfaction'] + ' — ').waitFor();
    await checkPage(page, 'scorecard frameworks');
    await signOut(page, vi);

    // The handler's own scorecard, and the cases behind the on-time rate.
    await signIn(page, demo.handler, vi);
    await page.getByRole('link', { name: vi['nav.scorecard'] }).first().click();
    await page.getByRole('heading', { level: 1, name: vi['scorecards.ownTitle'] }).waitFor();
    const year = String(new Date().getFullYear());
    await page.getByRole('button', { name: year, exact: true }).click();
    await page.getByTestId('scorecard-total').waitFor();
    assert.match(await page.locator('.scorecard-total').innerText(), new RegExp(vi['scorecards.total']));
    await page.getByRole('button', { name: vi['scorecards.measure.on_time_rate'] }).click();
    await page.locator('table.cases, .empty, p.muted').first().waitFor();
    await checkPage(page, 'own scorecard with its cases');
    await screenshot(page, 'scorecard-own');
    // Another official's scorecard is not there for a handler.
    const leaderId = await page.evaluate(async () => {
      const r = await fetch('/api/v1/units/17719/staff');
      const staff = (await r.json()) as { items: { id: number; name: string }[] };
      return staff.items.find((s) => s.name === 'Nguyễn Văn An')?.id;
    });
    assert.ok(leaderId);
    const denied = await page.evaluate(async (id) => (await fetch(`/api/v1/scorecards/officials/${id}?period=2026`)).status, leaderId);
    assert.equal(denied, 404);
    await signOut(page, vi);

    // The leader: the unit's officials, an inspection finding, the yearly review graded with reasons.
    await signIn(page, demo.leader, vi);
    await page.goto('/staff/scorecards');
    await page.getByRole('heading', { level: 1, name: vi['scorecards.unitTitle'] }).waitFor();
    await page.getByRole('button', { name: year, exact: true }).click();
    await page.getByRole('link', { name: demo.handler.name }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(demo.handler.name) }).waitFor();
    await page.getByLabel(vi['scorecards.finding']).fill('Đến muộn tại bộ phận một cửa trong đợt kiểm tra công vụ.');
    await page.getByRole('button', { name: vi['scorecards.inspectionSubmit'] }).click();
    await page.getByText(vi['scorecards.inspectionSaved']).waitFor();
    await checkPage(page, 'an official’s scorecard seen by the leader');

    await page.getByRole('link', { name: new RegExp(vi['scorecards.reviewLink'].replace('{{year}}', year)) }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(demo.handler.name) }).waitFor();
    const computed = await page.locator('.scorecard-total .badge').innerText();
    const other = computed === vi['scorecards.grade.excellent'] ? 'good' : 'excellent';
    await page.getByLabel(vi['scorecards.gradeLabel']).selectOption(other);
    await page.getByRole('button', { name: vi['scorecards.saveGrade'] }).click();
    await page.getByRole('alert').filter({ hasText: /lý do/i }).waitFor();
    await page.getByLabel(vi['scorecards.reasons']).fill('Chủ trì các buổi "Thứ Bảy vì dân" cả năm.');
    await page.getByRole('button', { name: vi['scorecards.saveGrade'] }).click();
    await page.getByText('Chủ trì các buổi "Thứ Bảy vì dân" cả năm.').waitFor();
    await page.getByText(vi['scorecards.frozen'].split(' (')[0]).waitFor();
    await checkPage(page, 'the yearly review, graded');
    await screenshot(page, 'scorecard-review');

    // A resident on a phone reads the public ranking.
    const phonePage = await browsing.open('vi-VN', phone);
    await phonePage.goto('/rankings/40');
    await phonePage.getByRole('heading', { level: 1 }).waitFor();
    await phonePage.locator('ol.ranking, .empty, p.muted').first().waitFor();
    await phonePage.getByText(/không được xếp hạng|chưa đơn vị nào/).first().waitFor();
    await checkPage(phonePage, 'the public ranking on a phone');
    await screenshot(phonePage, 'ranking-360');
    assert.deepEqual(browsing.pageErrors, []);
  });

  test('a number down to the cases behind it, the yearly review as PDF, a unit found by typing its name', async () => {
    const page = await browsing.open('vi-VN', desktop);
    // Nam Đàn's one-stop counter official, in the year the demo's recent cases were answered.
    await signIn(page, demo.namDanOneStop, vi);
    const year = String(new Date(Date.now() - 20 * 86_400_000).getFullYear());
    await page.goto(`/staff/scorecard?period=${year}`);
    await page.getByRole('heading', { level: 1, name: vi['scorecards.ownTitle'] }).waitFor();
    await page.getByTestId('scorecard-total').waitFor();
    await page.getByText('Công chức một cửa', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: vi['scorecards.measure.on_time_rate'] }).click();
    const first = page.getByRole('table', { name: vi['scorecards.measure.on_time_rate'] }).getByRole('link').first();
    await first.waitFor();
    const href = await first.getAttribute('href');
    assert.match(href ?? '', /^\/staff\/petitions\/\d+$/);
    await first.click();
    await page.waitForURL((url) => url.pathname === href);
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await page.getByText(vi['shell.staffOnly']).count(), 0);
    await checkPage(page, 'a case behind a scorecard number');

    // The yearly review, downloaded as a PDF.
    await page.goBack();
    await page.getByRole('link', { name: new RegExp(vi['scorecards.reviewLink'].replace('{{year}}', year)) }).click();
    const pdfLink = page.getByRole('link', { name: vi['scorecards.downloadPdf'] });
    await pdfLink.waitFor();
    const pdf = await page.request.get((await pdfLink.getAttribute('href'))!);
    assert.equal(pdf.status(), 200);
    assert.match(pdf.headers()['content-type'] ?? '', /^application\/pdf/);
    assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');
    await signOut(page, vi);

    // Fenggang's county head finds 永安镇 among the county's units by typing 永安.
    const head = await browsing.open('zh-CN', desktop);
    await signIn(head, demo.fenggangHead, zh);
    await head.goto('/staff/scorecards');
    await head.getByRole('heading', { level: 1, name: zh['scorecards.unitTitle'] }).waitFor();
    await head.getByRole('searchbox', { name: zh['scorecards.findUnit'] }).fill('永安');
    await head.getByRole('search').getByRole('button', { name: zh['scorecards.show'] }).click();
    const picker = head.getByRole('combobox', { name: zh['scorecards.unit'] });
    await picker.locator('option[value="520327108"]').waitFor({ state: 'attached' });
    assert.match(await picker.locator('option[value="520327108"]').innerText(), /永安镇/);
    await picker.selectOption('520327108');
    await head.getByTestId('scorecard-total').waitFor();
    assert.equal(await picker.inputValue(), '520327108');
    await checkPage(head, 'a unit found by typing');
    assert.deepEqual(browsing.pageErrors, []);
  });
});
