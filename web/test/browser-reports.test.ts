/**
 * Reports, the main journey: Tân Thọ's leader opens the commune's monthly report in Vietnamese
 * and in Chinese with the targets of its year, opens the steering committee and records a
 * meeting with a decision; the Nghệ An auditor opens the table of the province's districts,
 * sorts it and downloads it as CSV.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { desktop, screenshot } from './harness.ts';
import { checkPage, demo, signIn, signOut, strings, useStack } from './steps.ts';

const vi = strings('vi');
const zh = strings('zh-Hans');
const tanTho = '16285';
const tanThoName = 'Xã Tân Thọ';
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

const { browsing } = useStack();

describe('reports and the steering committee', { timeout: 240_000 }, () => {
  test("the commune's monthly report in vi and zh against its targets, a decision recorded, the districts' table sorted and downloaded", async () => {
    const page = await browsing.open('vi-VN', desktop);
    await signIn(page, demo.tanThoLeader, vi);
    await page.goto(`/staff/reports?unit=${tanTho}&period=2023-12`);
    const report = page.locator(`[data-report="${tanTho}"]`);
    await report.waitFor();
    // The targets of 2023 (90 %, 85 %, 80 %) stand beside the month's rates.
    await report.getByText(fill(vi['reports.targetsOfYear'], { unit: tanThoName, year: '2023' })).waitFor();
    assert.match(await report.locator('[data-rate="resolutionRate"]').innerText(), /90/);
    assert.match(await report.locator('[data-rate="onTimeRate"]').innerText(), /85/);
    // The steering committee: 16 members, its decisions followed up, the December one sent up to Nông Cống.
    const committee = page.locator(`[data-committee="${tanTho}"]`);
    await committee.getByRole('heading', { level: 3, name: fill(vi['reports.members_other'], { count: '16' }) }).waitFor();
    await committee.locator('[data-decisions]').getByText(fill(vi['reports.escalatedTo'], { unit: 'Huyện Nông Cống' })).waitFor();
    await page.locator('[data-targets-form]').waitFor();
    await checkPage(page, 'the staff report of Tân Thọ (vi)');
    await screenshot(page, 'report-tantho-vi');

    // A meeting with one decision, its owner and due day.
    const form = committee.locator('[data-meeting-form]');
    await form.getByLabel(vi['reports.meetingForm.name']).fill('Họp Ban chỉ đạo tháng 12 năm 2026');
    await form.getByLabel(vi['reports.meetingForm.agenda']).fill('Kết quả giải quyết phản ánh\nViệc còn quá hạn');
    await form.getByLabel(vi['reports.meetingForm.minutes']).fill('Ban chỉ đạo giao việc cho Văn phòng.');
    await form.getByLabel(vi['reports.decision'], { exact: true }).fill('Gửi báo cáo tháng 12 cho huyện');
    const owner = form.locator('select[name="owner-0"]');
    await owner.selectOption({ label: 'Lê Thị Nga' });
    await form.locator('input[name="due-0"]').fill('2027-01-10');
    await form.getByRole('button', { name: vi['reports.meetingForm.save'] }).click();
    await committee.getByText(vi['reports.meetingForm.saved']).waitFor();
    const row = committee.locator('[data-decisions] tr', { hasText: 'Gửi báo cáo tháng 12 cho huyện' });
    await row.waitFor();
    assert.match(await row.innerText(), /Lê Thị Nga/);
    assert.match(await row.innerText(), new RegExp(vi['reports.open']));
    await checkPage(page, 'a meeting recorded (vi)');
    await signOut(page, vi);

    // The same report in Chinese.
    const zhPage = await browsing.open('zh-CN', desktop);
    await signIn(zhPage, demo.tanThoLeader, zh);
    await zhPage.goto(`/staff/reports?unit=${tanTho}&period=2023-12`);
    const zhReport = zhPage.locator(`[data-report="${tanTho}"]`);
    await zhReport.getByRole('heading', { level: 3, name: zh['reports.petitions'] }).waitFor();
    await zhReport.getByText(fill(zh['reports.targetsOfYear'], { unit: tanThoName, year: '2023' })).waitFor();
    assert.match(await zhReport.locator('[data-rate="satisfactionRate"]').innerText(), /80/);
    await checkPage(zhPage, 'the staff report of Tân Thọ (zh)');
    await zhPage.close();

    // The Nghệ An auditor: every district of the province in one table, sorted, as CSV.
    await signIn(page, demo.ngheAnAuditor, vi);
    const year = String(new Date().getFullYear());
    await page.goto(`/staff/reports?unit=40&period=${year}`);
    const table = page.locator('table[data-upward]');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    assert.ok((await rows.count()) >= 2, 'the districts of Nghệ An');
    const received = table.getByRole('button', { name: vi['figures.received'], exact: true });
    await received.click();
    await table.locator('th[aria-sort="descending"]', { hasText: vi['figures.received'] }).waitFor();
    const counts = async () => (await rows.locator('td:nth-of-type(1)').allInnerTexts()).map((s) => Number(s.replace(/\D/g, '')));
    const down = await counts();
    assert.deepEqual(down, [...down].sort((a, b) => b - a), 'most received first');
    await received.click();
    await table.locator('th[aria-sort="ascending"]', { hasText: vi['figures.received'] }).waitFor();
    await checkPage(page, 'the units below (vi)');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV', exact: true }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    assert.ok(csv.startsWith('\ufeff'), 'a byte-order mark for spreadsheet programs');
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(lines[0].split(',')[2], 'Tiếp nhận', 'headed in Vietnamese');
    assert.equal(lines.length - 1, await rows.count(), 'one line per district');
    assert.deepEqual(browsing.pageErrors, []);
  });
});
