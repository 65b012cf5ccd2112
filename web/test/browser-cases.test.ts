/**
 * The case actions beyond the main flow, in the browser with the demo officials of Thanh Nho:
 * internal note, merge, escalate, transfer, extend (the leader), the resident's reopening after
 * an unsatisfied rating, and close. Each shows its new state and its timeline entry; internal
 * notes never reach the public tracking page.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { desktop, phone, screenshot } from './harness.ts';
import { act, checkPage, chooseOfficial, demo, fenggangLinjiang, signIn, strings, thanhNho, useStack } from './steps.ts';

const vi = strings('vi');
const zh = strings('zh-Hans');

const { stack, browsing } = useStack();

interface Raised {
  id: number;
  trackingCode: string;
  accessKey: string;
}

/** The cases are raised through the API: what is driven here is what officials do with them. */
async function raise(body: string, name: string, phoneNumber: string, unit = thanhNho): Promise<Raised> {
  const res = await fetch(`${stack().url}/api/v1/petitions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'vi' },
    body: JSON.stringify({ unit, kind: 'complaint', category: 'environment', body, resident: { name, phone: phoneNumber } }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as Raised;
}

const badge = (page: Page, status: string) => page.locator('.case-status .badge', { hasText: vi[`status.${status}`] });
const timelineEntry = (page: Page, event: string) => page.locator('.timeline li', { hasText: vi[`event.${event}`] });

/** A datetime-local value some days from now, in the browser's (the machine's) time zone. */
function localInDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:00`;
}

describe('case actions on the case page, Thanh Nho', { timeout: 300_000 }, () => {
  let main: Raised;
  let dispatcher: Page;
  let leader: Page;
  let handler: Page;
  let resident: Page;
  const noteText = 'Đã gọi điện cho chủ cơ sở; hẹn kiểm tra thực địa sáng thứ Năm.';

  before(async () => {
    main = await raise('Cơ sở chế biến gỗ ở xóm 3 xả mùn cưa ra suối, nước đục và có mùi.', 'Phan Văn Hùng', '0987 111 222');
    dispatcher = await browsing.open('vi-VN', desktop);
    await signIn(dispatcher, demo.dispatcher, vi);
    leader = await browsing.open('vi-VN', desktop);
    await signIn(leader, demo.leader, vi);
    handler = await browsing.open('vi-VN', desktop);
    await signIn(handler, demo.handler, vi);
    resident = await browsing.open('vi-VN', phone);
  });

  test('the dispatcher accepts and assigns it and leaves an internal note that the tracking page does not show', async () => {
    await dispatcher.goto(`/staff/petitions/${main.id}`);
    await dispatcher.getByRole('heading', { level: 1, name: new RegExp(main.trackingCode) }).waitFor();
    await act(dispatcher, vi, 'accept');
    await act(dispatcher, vi, 'assign', async () => {
      await chooseOfficial(dispatcher, vi['case.handler'], demo.handler.name);
      await chooseOfficial(dispatcher, vi['case.leader'], demo.leader.name);
      await dispatcher.getByLabel(vi['case.expectedResult']).fill('Biên bản kiểm tra và yêu cầu cơ sở ngừng xả thải.');
    });
    await badge(dispatcher, 'assigned').waitFor();
    await act(dispatcher, vi, 'note', async () => {
      await dispatcher.locator('form.action-form').getByRole('textbox', { name: vi['case.noteText'] }).fill(noteText);
    });
    const note = timelineEntry(dispatcher, 'note');
    await note.waitFor();
    assert.match(await note.innerText(), new RegExp(vi['case.internal']));
    assert.match(await note.innerText(), /hẹn kiểm tra thực địa/);
    await checkPage(dispatcher, 'case with an internal note');
    await screenshot(dispatcher, 'case-note-1280');

    await resident.goto(`/track/${main.trackingCode}`);
    await resident.locator('.badge', { hasText: vi['status.assigned'] }).waitFor();
    const publicText = await resident.locator('main').innerText();
    assert.ok(!publicText.includes('hẹn kiểm tra thực địa'), 'the note stays internal');
    assert.equal(await resident.locator('.timeline li', { hasText: vi['event.note'] }).count(), 0);
  });

  test('the dispatcher merges a second petition about the same thing into the case', async () => {
    const second = await raise('Suối ở xóm 3 bị mùn cưa lấp, cá chết, đề nghị xã kiểm tra cơ sở chế biến gỗ.', 'Hồ Thị Lan', '0987 333 444');
    await dispatcher.goto(`/staff/petitions/${second.id}`);
    await act(dispatcher, vi, 'merge', async () => {
      await dispatcher.getByLabel(vi['case.mergeInto']).fill(String(main.id));
    });
    await badge(dispatcher, 'merged').waitFor();
    await timelineEntry(dispatcher, 'merged').waitFor();
    await checkPage(dispatcher, 'merged petition');
    await screenshot(dispatcher, 'case-merged-1280');

    // The case now has both petitioners.
    await dispatcher.goto(`/staff/petitions/${main.id}`);
    await timelineEntry(dispatcher, 'merged_in').waitFor();
    await dispatcher.locator('.petitioner', { hasText: 'Hồ Thị Lan' }).waitFor();
    await dispatcher.locator('.petitioner', { hasText: 'Phan Văn Hùng' }).waitFor();
  });

  test('the dispatcher escalates one case to the district and transfers another to the next commune', async () => {
    const beyond = await raise('Đường liên xã qua xóm 5 sạt lở sau mưa lớn, cần kinh phí huyện để sửa.', 'Trần Văn Tâm', '0987 555 666');
    await dispatcher.goto(`/staff/petitions/${beyond.id}`);
    await act(dispatcher, vi, 'escalate', async () => {
      await dispatcher.getByLabel(vi['case.cause']).selectOption('beyond_competence');
      await dispatcher.getByLabel(vi['case.reason']).fill('Vượt thẩm quyền và ngân sách của xã.');
    });
    // The case is the district's now: the commune's dispatcher is told so, and sees nothing more of it.
    assert.match(await dispatcher.locator('.handed-over').innerText(), /không còn xem được/);
    assert.equal(await dispatcher.locator('.timeline').count(), 0);
    await checkPage(dispatcher, 'escalated case');
    await screenshot(dispatcher, 'case-escalated-1280');

    const elsewhere = await raise('Trạm bơm của xã Thanh Thịnh xả nước làm ngập ruộng giáp ranh.', 'Ngô Văn Đức', '0987 777 888');
    await dispatcher.goto(`/staff/petitions/${elsewhere.id}`);
    await act(dispatcher, vi, 'transfer', async () => {
      await dispatcher.getByRole('combobox', { name: vi['case.toUnit'] }).fill('thanh thinh');
      await dispatcher.locator('[role="option"]', { hasText: 'Thanh Thịnh' }).first().click();
      await dispatcher.getByLabel(vi['case.reason']).fill('Trạm bơm thuộc xã Thanh Thịnh quản lý.');
    });
    assert.match(await dispatcher.locator('.handed-over').innerText(), /không còn xem được/);
    await checkPage(dispatcher, 'transferred case');
    await screenshot(dispatcher, 'case-transferred-1280');
  });

  test('the leader extends the due time', async () => {
    await leader.goto(`/staff/petitions/${main.id}`);
    const five = leader.locator('.five-clear');
    await five.waitFor();
    const before = await five.innerText();
    await act(leader, vi, 'extend', async () => {
      // A complaint is due in 30 days; one extension adds at most 15.
      await leader.getByLabel(vi['case.newDue']).fill(localInDays(38));
      await leader.getByLabel(vi['case.reason']).fill('Chờ kết quả quan trắc nước của huyện.');
    });
    const extended = timelineEntry(leader, 'extended');
    await extended.waitFor();
    assert.match(await extended.innerText(), /quan trắc/);
    assert.notEqual(await five.innerText(), before, 'the five clear items show the new due time');
    await checkPage(leader, 'extended case');
    await screenshot(leader, 'case-extended-1280');
  });

  test('the handler answers; the resident is unsatisfied and reopens it with the access key', async () => {
    await handler.goto(`/staff/petitions/${main.id}`);
    await act(handler, vi, 'start');
    await act(handler, vi, 'answer', async () => {
      await handler.getByLabel(vi['case.answerText']).fill('Xã đã nhắc nhở cơ sở; cơ sở cam kết thu gom mùn cưa.');
    });
    await badge(handler, 'answered').waitFor();

    await resident.goto(`/track/${main.trackingCode}`);
    await resident.getByTestId('answer').waitFor();
    // Another phone than the one that sent it: the key is typed in once, then the rating form shows.
    await resident.getByLabel(vi['track.accessKey']).fill(main.accessKey);
    await resident.getByRole('button', { name: vi['track.showOwn'] }).click();
    await resident.getByTestId('own').waitFor();
    await resident.getByRole('radio', { name: vi['score.unsatisfied'], exact: true }).check();
    await resident.getByLabel(vi['track.reopen']).check();
    await checkPage(resident, 'unsatisfied rating form');
    await resident.getByRole('button', { name: vi['track.sendRating'] }).click();
    await resident.getByText(vi['track.reopened']).waitFor();
    await resident.locator('.badge', { hasText: vi['status.reopened'] }).waitFor();
    const reopened = resident.locator('.timeline li', { hasText: vi['event.reopened'] });
    await reopened.waitFor();
    // Reopened without a comment: the reason reads in the resident's language, not as the API's word.
    assert.match(await reopened.innerText(), new RegExp(vi['score.unsatisfied']));
    assert.doesNotMatch(await reopened.innerText(), /unsatisfied/);
    assert.ok(!(await resident.locator('main').innerText()).includes('hẹn kiểm tra thực địa'), 'the note stays internal');
    await checkPage(resident, 'reopened by the resident');
    await screenshot(resident, 'track-reopened-360');

    await handler.goto(`/staff/petitions/${main.id}`);
    await badge(handler, 'reopened').waitFor();
    await timelineEntry(handler, 'reopened').waitFor();
    await checkPage(handler, 'reopened case');
    await act(handler, vi, 'start');
    await act(handler, vi, 'answer', async () => {
      await handler.getByLabel(vi['case.answerText']).fill('Đoàn kiểm tra đã lập biên bản; cơ sở đã nạo vét đoạn suối và ngừng xả mùn cưa.');
    });
    await badge(handler, 'answered').waitFor();
  });

  test('the dispatcher closes it; the tracking page shows it closed without the internal note', async () => {
    await dispatcher.goto(`/staff/petitions/${main.id}`);
    await act(dispatcher, vi, 'close', async () => {
      await dispatcher.getByLabel(vi['case.reason']).fill('Đã xử lý xong.');
    });
    await badge(dispatcher, 'closed').waitFor();
    await timelineEntry(dispatcher, 'closed').waitFor();
    await checkPage(dispatcher, 'closed case');
    await screenshot(dispatcher, 'case-closed-1280');

    await resident.goto(`/track/${main.trackingCode}`);
    await resident.locator('.badge', { hasText: vi['status.closed'] }).waitFor();
    await resident.locator('.timeline li', { hasText: vi['event.closed'] }).waitFor();
    assert.ok(!(await resident.locator('main').innerText()).includes('hẹn kiểm tra thực địa'), 'the note stays internal');
    await checkPage(resident, 'closed, as the resident sees it');
  });

  test('no page raised a script error or got a server error', () => {
    assert.deepEqual(browsing.pageErrors, []);
  });
});

describe('a village case in Fenggang, led from the county', { timeout: 120_000 }, () => {
  test('the county dispatcher gives a Linjiang village case to the county head as its responsible leader', async () => {
    const linjiang = await raise('临江村组里的路灯坏了一个月，晚上学生回家很危险。', '王芳', '13800138001', fenggangLinjiang);
    const dispatcher = await browsing.open('zh-CN', desktop);
    await signIn(dispatcher, demo.fenggang, zh);
    await dispatcher.goto(`/staff/petitions/${linjiang.id}`);
    await act(dispatcher, zh, 'accept');
    await act(dispatcher, zh, 'assign', async () => {
      await chooseOfficial(dispatcher, zh['case.handler'], demo.fenggang.name);
      await chooseOfficial(dispatcher, zh['case.leader'], demo.fenggangHead.name);
      await dispatcher.getByLabel(zh['case.expectedResult']).fill('一周内修复路灯');
    });
    await dispatcher.locator('.case-status .badge', { hasText: zh['status.assigned'] }).waitFor();
    assert.match(await dispatcher.locator('.five-clear').innerText(), new RegExp(demo.fenggangHead.name));
    await checkPage(dispatcher, 'zh: village case led from the county');
  });

  test('no page raised a script error or got a server error', () => {
    assert.deepEqual(browsing.pageErrors, []);
  });
});

describe("answers approved by the leader, Thanh Nho", { timeout: 300_000 }, () => {
  const en = strings('en');
  let held: Raised;
  let leader: Page;
  let handler: Page;

  before(async () => {
    held = await raise('Đèn đường ở xóm 7 hỏng đã hai tuần, buổi tối rất tối.', 'Đặng Văn Nam', '0987 999 000');
    leader = await browsing.open('zh-CN', desktop);
    await signIn(leader, demo.leader, zh);
    handler = await browsing.open('vi-VN', desktop);
    await signIn(handler, demo.handler, vi);
  });

  test('the leader requires approval of answers in the commune, on the administration page', async () => {
    await leader.goto('/staff/admin?section=approval');
    await leader.getByRole('combobox', { name: zh['admin.unit'] }).fill('thanh nho');
    await leader.locator('[role="option"]', { hasText: 'Thanh Nho' }).first().click();
    const rule = leader.getByLabel(zh['admin.approvalRequired']);
    await rule.check();
    await leader.getByText(zh['admin.approvalOn']).waitFor();
    await checkPage(leader, 'zh: answer approval set');
  });

  test("the handler's answer waits; the resident is not told", async () => {
    const dispatcher = await browsing.open('vi-VN', desktop);
    await signIn(dispatcher, demo.dispatcher, vi);
    await dispatcher.goto(`/staff/petitions/${held.id}`);
    await act(dispatcher, vi, 'accept');
    await act(dispatcher, vi, 'assign', async () => {
      await chooseOfficial(dispatcher, vi['case.handler'], demo.handler.name);
      await chooseOfficial(dispatcher, vi['case.leader'], demo.leader.name);
      await dispatcher.getByLabel(vi['case.expectedResult']).fill('Thay bóng đèn và báo lại cho người dân.');
    });
    // The history names whom the case was given to.
    const assigned = timelineEntry(dispatcher, 'assigned');
    await assigned.waitFor();
    assert.match(await assigned.innerText(), new RegExp(demo.handler.name));

    await handler.goto('/staff');
    await handler.getByRole('link', { name: held.trackingCode }).click();
    await act(handler, vi, 'start');
    await handler.locator('.action-buttons').getByRole('button', { name: vi['action.answer'], exact: true }).click();
    await handler.getByLabel(vi['case.answerText']).fill('Xã đã thay bóng đèn ở xóm 7 ngày hôm nay.');
    await handler.locator('form.action-form').getByRole('button', { name: vi['action.answer'], exact: true }).click();
    await handler.getByText(vi['case.heldForApproval']).waitFor();
    await handler.getByRole('heading', { name: vi['case.pendingAnswer'] }).waitFor();
    await badge(handler, 'in_progress').waitFor();
    await checkPage(handler, 'answer held for approval');

    const resident = await browsing.open('vi-VN', phone);
    await resident.goto(`/track/${held.trackingCode}`);
    await resident.locator('.badge', { hasText: vi['status.in_progress'] }).waitFor();
    assert.ok(!(await resident.locator('main').innerText()).includes('thay bóng đèn'), 'the held answer is not public');
  });

  test('the leader sees it first in the inbox and in the bell, and approves it; then the resident is told', async () => {
    await leader.goto('/staff');
    const toApprove = leader.locator('section', { has: leader.getByRole('heading', { name: zh['inbox.toApprove'] }) });
    await toApprove.getByRole('link', { name: held.trackingCode }).waitFor();
    const bell = leader.locator('.bell-button');
    await bell.click();
    const notice = leader.locator('.notice-list li.unread', { hasText: held.trackingCode }).first();
    await notice.waitFor();
    await checkPage(leader, 'zh: notices open');
    await screenshot(leader, 'zh-leader-inbox-bell-1280');
    await notice.getByRole('link').click();
    await leader.getByRole('heading', { level: 1, name: new RegExp(held.trackingCode) }).waitFor();
    await act(leader, zh, 'approve');
    await leader.locator('.case-status .badge', { hasText: zh['status.answered'] }).waitFor();
    await checkPage(leader, 'zh: answer approved');

    const resident = await browsing.open('en-GB', phone);
    await resident.goto(`/track/${held.trackingCode}`);
    await resident.getByTestId('answer').waitFor();
    assert.match(await resident.getByTestId('answer').innerText(), /thay bóng đèn/);
    await resident.locator('.badge', { hasText: en['status.answered'] }).waitFor();
  });

  test('the leader lifts the rule again', async () => {
    await leader.goto('/staff/admin?section=approval');
    await leader.getByRole('combobox', { name: zh['admin.unit'] }).fill('thanh nho');
    await leader.locator('[role="option"]', { hasText: 'Thanh Nho' }).first().click();
    await leader.getByLabel(zh['admin.approvalRequired']).uncheck();
    await leader.getByText(zh['admin.approvalOff']).waitFor();
  });

  test('no page raised a script error or got a server error', () => {
    assert.deepEqual(browsing.pageErrors, []);
  });
});
