/**
 * A resident signing in with a one-time code (read from the SMS as a stand-in gateway receives
 * it from the notification outbox), and the administration sections: units import from pasted CSV, a new agency,
 * a deadline policy edited, a new official who sets their own password with a setup code, the
 * figures and petitions downloaded as CSV, officials imported from CSV after a dry run; and a
 * consultation in which a household votes with a code sent by SMS.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { desktop, phone, screenshot } from './harness.ts';
import { sql } from 'kysely';
import { checkPage, demo, fenggangLinjiang, signIn, strings, thanhNho, useStack } from './steps.ts';

const vi = strings('vi');

const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-browser-backups-'));

/** A stand-in SMS gateway: the server's outbox delivers to it as it would to a real one. */
const texts: Array<{ to: string; text: string }> = [];
const gateway = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    texts.push(JSON.parse(body) as { to: string; text: string });
    res.writeHead(200).end();
  });
});

const { stack, browsing } = useStack(async () => {
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  const port = (gateway.address() as AddressInfo).port;
  return { smsWebhookUrl: `http://127.0.0.1:${port}/sms`, backupDir };
});

after(async () => {
  await new Promise((resolve) => gateway.close(resolve));
  fs.rmSync(backupDir, { recursive: true, force: true });
});

/** The code in the newest SMS to this number, once the outbox has delivered it. */
async function smsCode(to: string, count: number, digits = 6): Promise<string> {
  for (let waited = 0; waited < 20_000; waited += 100) {
    const mine = texts.filter((m) => m.to === to);
    if (mine.length >= count) {
      const code = new RegExp(`\\b(\\d{${digits}})\\b`).exec(mine[count - 1].text)?.[1];
      assert.ok(code, mine[count - 1].text);
      return code;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`no SMS to ${to}`);
}

describe('a resident signs in with a one-time code', { timeout: 120_000 }, () => {
  test('asks for a code, types it from the SMS, and is signed in', async () => {
    const page = await browsing.open('vi-VN', phone);
    await page.goto('/sign-in');
    const form = page.locator('form', { has: page.getByRole('heading', { name: vi['signIn.residents'] }) });
    // A malformed number is refused before anything is sent.
    await form.getByLabel(vi['signIn.destination']).fill('12');
    await form.getByRole('button', { name: vi['signIn.sendCode'] }).click();
    await form.getByText(vi['signIn.errors.destination']).waitFor();
    await checkPage(page, 'resident sign-in with an error');

    await form.getByLabel(vi['signIn.destination']).fill('0903 456 789');
    await form.getByRole('button', { name: vi['signIn.sendCode'] }).click();
    const codeField = form.getByRole('textbox', { name: vi['signIn.code'] });
    await codeField.waitFor();
    await checkPage(page, 'resident sign-in, code sent');
    await screenshot(page, 'resident-code-sent-360');

    const code = await smsCode('+84903456789', 1);
    assert.match(code, /^\d{6}$/);
    // A wrong code gets the server's message and leaves the form as it was.
    await codeField.fill(String((Number(code) + 1) % 1_000_000).padStart(6, '0'));
    await form.getByRole('button', { name: vi['signIn.verify'] }).click();
    await form.getByRole('alert').filter({ hasNotText: vi['signIn.codeSent'].split('{{')[0].trim() }).first().waitFor();
    await codeField.fill(code);
    await form.getByRole('button', { name: vi['signIn.verify'] }).click();
    await page.waitForURL('**/track');
    await page.locator('.account-name', { hasText: '+84903456789' }).waitFor();
    await page.getByRole('button', { name: vi['shell.signOut'] }).waitFor();
    await checkPage(page, 'resident signed in');
    await screenshot(page, 'resident-signed-in-360');

    // Signed in, the track page lists the resident's own petitions: none yet.
    await page.getByTestId('my-petitions').getByText(vi['track.mineEmpty']).waitFor();

    // A petition raised while signed in is linked to the account and listed, on any device.
    await page.goto(`/petitions/new?unit=${thanhNho}`);
    await page.getByRole('heading', { level: 1, name: vi['raise.title'] }).waitFor();
    await page.waitForFunction(() => (document.querySelector('[role="combobox"]') as HTMLInputElement | null)?.value === 'Xã Thanh Nho');
    await page.getByRole('radio', { name: new RegExp(vi['kind.question']) }).check();
    await page.getByLabel(vi['raise.body']).fill('Xin hỏi lịch tiêm chủng cho trẻ em tháng này ở trạm y tế xã?');
    await page.getByRole('button', { name: vi['raise.submit'] }).click();
    const raised = (await page.getByTestId('tracking-code').innerText()).trim();
    await page.goto('/track');
    const list = page.getByTestId('my-petitions');
    const link = list.getByRole('link', { name: new RegExp(raised) });
    await link.waitFor();
    assert.match(await link.innerText(), new RegExp(vi['status.received']));
    assert.match(await link.innerText(), /Xã Thanh Nho/);
    await checkPage(page, 'resident signed in, own petitions');
    await screenshot(page, 'resident-own-petitions-360');
    await link.click();
    await page.waitForURL(`**/track/${raised}`);
    await page.getByRole('heading', { name: new RegExp(raised) }).waitFor();

    // The session holds across a reload (the cookie), and signing out ends it.
    await page.reload();
    await page.locator('.account-name', { hasText: '+84903456789' }).waitFor();
    await page.getByRole('button', { name: vi['shell.signOut'] }).click();
    await page.getByRole('link', { name: vi['shell.signIn'] }).waitFor();
  });
});

describe('administration', { timeout: 180_000 }, () => {
  test('the administrator imports units from pasted CSV, adds an agency, and edits a deadline policy', async () => {
    const page = await browsing.open('vi-VN', desktop);
    await signIn(page, demo.admin, vi);

    await page.goto('/staff/admin?section=units');
    await page.getByLabel(vi['admin.csvText']).fill(
      ['code,name,level,parent_code', '1771901,Xóm 1,village,17719', '1771902,Xóm 2,village,17719'].join('\n'),
    );
    await page.getByRole('button', { name: vi['admin.import'], exact: true }).click();
    const imported = vi['admin.imported'].replace('{{created}}', '2').replace('{{updated}}', '0').replace('{{unchanged}}', '0');
    await page.getByText(imported).waitFor();
    await checkPage(page, 'units imported');
    await screenshot(page, 'admin-units-imported-1280');
    // The new villages are units now: anyone finds them.
    const found = await fetch(`${stack().url}/api/v1/units/1771901`);
    assert.equal(found.status, 200);

    await page.getByRole('link', { name: vi['admin.section.agencies'] }).click();
    await page.getByRole('combobox', { name: vi['admin.unit'] }).fill('thanh nho');
    await page.locator('[role="option"]', { hasText: 'Thanh Nho' }).first().click();
    await page.getByRole('heading', { name: vi['admin.newAgency'] }).waitFor();
    await page.getByLabel(vi['admin.agencyName']).fill('Tổ hòa giải xóm 1');
    const kind = page.getByLabel(vi['admin.agencyKind']);
    await kind.locator('option').nth(1).waitFor({ state: 'attached' });
    await kind.selectOption({ index: 1 });
    await page.getByRole('button', { name: vi['admin.add'], exact: true }).click();
    await page.locator('.plain-list li', { hasText: 'Tổ hòa giải xóm 1' }).waitFor();
    await checkPage(page, 'agency added');
    await screenshot(page, 'admin-agency-added-1280');

    // The unit picked for its agencies stays picked: the policy edited is Thanh Nho's own.
    await page.getByRole('link', { name: vi['admin.section.deadlines'] }).click();
    await page.getByRole('heading', { name: vi['admin.deadlinesFor'].replace('{{unit}}', 'Xã Thanh Nho') }).waitFor();
    const resolution = () => page.getByLabel(`${vi['kind.question']}: ${vi['admin.resolutionDays']}`);
    await resolution().waitFor();
    // Each default names the law it follows.
    const row = (kind: string) => page.getByRole('row', { name: new RegExp(`^${vi[`kind.${kind}`]}`) });
    await row('complaint').getByText(/Luật Khiếu nại 2011/).waitFor();
    const was = Number(await resolution().inputValue());
    const next = was === 12 ? 13 : 12;
    await resolution().fill(String(next));
    await page.getByRole('button', { name: vi['admin.save'], exact: true }).click();
    await page.getByText(vi['admin.saved']).waitFor();
    assert.equal(await resolution().inputValue(), String(next));
    // Thanh Nho's own time limit is a local decision, not the law's.
    await row('question').getByText(vi['admin.localDecision']).waitFor();
    await row('question').getByText(vi['admin.policyOwn']).waitFor();
    await checkPage(page, 'deadline policy saved');
    await screenshot(page, 'admin-deadlines-saved-1280');
    // Stored, not just shown: a fresh load reads it back from the server, for Thanh Nho only.
    await page.reload();
    await page.getByRole('heading', { name: vi['admin.deadlinesDefault'] }).waitFor();
    await resolution().waitFor();
    assert.equal(await resolution().inputValue(), String(was), 'the deployment default is unchanged');
    await page.getByRole('combobox', { name: vi['admin.unit'] }).fill('thanh nho');
    await page.locator('[role="option"]', { hasText: 'Thanh Nho' }).first().click();
    await page.getByRole('heading', { name: vi['admin.deadlinesFor'].replace('{{unit}}', 'Xã Thanh Nho') }).waitFor();
    await page.waitForFunction(
      ([label, value]) => (document.querySelector(`input[aria-label="${label}"]`) as HTMLInputElement | null)?.value === value,
      [`${vi['kind.question']}: ${vi['admin.resolutionDays']}`, String(next)] as const,
    );
  });

  test("the administrator manages an official's roles and account and sees the service points and their gaps (en); the audit trail of a petition (zh-Hant)", async () => {
    const en = strings('en');
    const page = await browsing.open('en-GB', desktop);
    await signIn(page, demo.admin, en);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto('/staff/admin?section=officials');
    await page.getByRole('combobox', { name: en['admin.unit'] }).fill('thanh nho');
    await page.locator('[role="option"]', { hasText: 'Thanh Nho' }).first().click();
    const who = 'Lê Văn Cường';
    const row = page.getByRole('row', { name: new RegExp(who) });
    await row.getByText(en['admin.manage'].replace('{{name}}', who)).click();
    await row.getByLabel(en['admin.grantRole'].replace('{{name}}', who), { exact: true }).selectOption('dispatcher');
    await row.getByRole('button', { name: en['admin.grant'], exact: true }).click();
    const granted = en['admin.granted'].replace('{{role}}', en['role.dispatcher']).replace('{{unit}}', 'Thanh Nho Commune');
    await row.getByText(granted).waitFor();
    await checkPage(page, 'en: role granted');
    await screenshot(page, 'en-admin-official-manage-1280');
    await row.getByRole('button', { name: new RegExp(`${en['role.dispatcher']}.*${who}`) }).click();
    await row.getByText(en['admin.revoked'].replace('{{role}}', en['role.dispatcher']).replace('{{unit}}', 'Thanh Nho Commune')).waitFor();
    await row.getByRole('button', { name: en['admin.disable'] }).click();
    await row.getByText(en['admin.disabledDone'].replace('{{name}}', who)).waitFor();
    await row.locator('.badge', { hasText: en['admin.disabledBadge'] }).waitFor();
    // Disabled means refused at sign-in.
    const refused = await fetch(`${stack().url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: demo.handler.username, password: demo.handler.password }),
    });
    assert.ok(refused.status >= 400 && refused.status < 500, String(refused.status));
    await row.getByRole('button', { name: en['admin.enable'] }).click();
    await row.getByText(en['admin.enabled'].replace('{{name}}', who)).waitFor();

    // The villages imported above have no service points yet: they show in the commune's gaps.
    await page.getByRole('link', { name: en['admin.section.servicePoints'] }).click();
    await page.getByRole('heading', { name: en['admin.servicePointsOf'].replace('{{unit}}', 'Thanh Nho Commune') }).waitFor();
    const gaps = page.locator('section', { has: page.getByRole('heading', { name: en['admin.gapsUnder'].replace('{{unit}}', 'Thanh Nho Commune') }) });
    await gaps.getByRole('row', { name: /Xóm 1/ }).waitFor();
    await checkPage(page, 'en: service points and gaps');
    await screenshot(page, 'en-admin-service-points-1280');

    const zhHant = strings('zh-Hant');
    const raised = await fetch(`${stack().url}/api/v1/petitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ unit: thanhNho, kind: 'question', body: 'Hỏi giờ làm việc của bộ phận một cửa.' }),
    });
    const { id } = (await raised.json()) as { id: number };
    const auditor = await browsing.open('zh-TW', desktop);
    await signIn(auditor, demo.admin, zhHant);
    await auditor.goto(`/staff/petitions/${id}`);
    await auditor.getByRole('link', { name: zhHant['audit.ofPetition'] }).click();
    await auditor.getByRole('heading', { level: 1, name: zhHant['audit.title'] }).waitFor();
    await auditor.locator('.chain-ok').waitFor();
    await auditor.getByRole('cell', { name: 'petition.submit' }).first().waitFor();
    await checkPage(auditor, 'zh-Hant: audit trail of a petition');
    await screenshot(auditor, 'zh-Hant-audit-1280');
  });

  test('a new official gets a setup code on their own phone and chooses their password; a reset sends a new code', async () => {
    const admin = await browsing.open('vi-VN', desktop);
    await signIn(admin, demo.admin, vi);
    await admin.goto('/staff/admin?section=officials');
    await admin.getByRole('combobox', { name: vi['admin.unit'] }).fill('thanh nho');
    await admin.locator('[role="option"]', { hasText: 'Thanh Nho' }).first().click();
    const form = admin.locator('form', { has: admin.getByRole('heading', { name: vi['admin.newOfficial'] }) });
    await form.waitFor();
    await form.getByLabel(vi['admin.name']).fill('Phan Văn Giang');
    await form.getByLabel(vi['signIn.username']).fill('phan.van.giang');
    await form.getByLabel(vi['admin.contact']).fill('0903 111 222');
    await form.getByRole('button', { name: vi['admin.add'], exact: true }).click();
    await admin.getByText(vi['admin.officialCreated'].replace('{{name}}', 'Phan Văn Giang').replace('{{contact}}', '+84•••••1222')).waitFor();
    await checkPage(admin, 'official created, setup code sent');
    const first = await smsCode('+84903111222', 1, 8);

    // On their own phone the official types the code and a password nobody else knows.
    const official = await browsing.open('vi-VN', phone);
    await official.goto('/sign-in');
    await official.getByRole('button', { name: vi['signIn.haveSetupCode'] }).click();
    const setup = official.locator('form', { has: official.getByRole('heading', { name: vi['signIn.setupTitle'] }) });
    await setup.getByLabel(vi['signIn.username']).fill('phan.van.giang');
    await setup.getByLabel(vi['signIn.setupCode']).fill(first);
    await setup.getByLabel(vi['signIn.newPassword']).fill('phan van giang');
    await setup.getByRole('button', { name: vi['signIn.setupSubmit'] }).click();
    await setup.getByRole('alert').waitFor(); // the server says why: too close to the name
    await checkPage(official, 'setup code, password refused');
    await screenshot(official, 'official-setup-refused-360');
    await setup.getByLabel(vi['signIn.newPassword']).fill('đồi chè xanh mướt sau mưa');
    await setup.getByRole('button', { name: vi['signIn.setupSubmit'] }).click();
    await official.waitForURL('**/staff');
    await official.getByRole('heading', { level: 1, name: vi['inbox.title'] }).waitFor();

    // A reset sends a new code to the official, never to the administrator, and signs them out.
    await admin.getByText(vi['admin.manage'].replace('{{name}}', 'Phan Văn Giang')).click();
    await admin.getByRole('button', { name: vi['admin.resetPasswordOf'].replace('{{name}}', 'Phan Văn Giang') }).click();
    await admin.getByText(vi['admin.resetDone'].replace('{{name}}', 'Phan Văn Giang').replace('{{contact}}', '+84•••••1222')).waitFor();
    await checkPage(admin, 'password reset, setup code sent');
    await screenshot(admin, 'admin-password-reset-1280');
    const second = await smsCode('+84903111222', 2, 8);
    assert.notEqual(second, first);
    const me = await official.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    assert.equal(me, 401, 'the official’s session ended');
  });

  test('the administrator issues an API key to an Open311 client, which posts a request with it, then revokes it; a webhook is subscribed (zh-Hans)', async () => {
    const zh = strings('zh-Hans');
    const page = await browsing.open('zh-CN', desktop);
    await signIn(page, demo.admin, zh);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('link', { name: zh['nav.interop'] }).click();
    await page.getByRole('heading', { level: 1, name: zh['interop.title'] }).waitFor();
    const keyForm = page.locator('form', { has: page.getByRole('heading', { name: zh['interop.issueKey'] }) });
    await keyForm.getByLabel(zh['interop.client']).fill('FixMyStreet 义安');
    await keyForm.getByRole('combobox', { name: zh['interop.unit'] }).fill('thanh nho');
    await keyForm.locator('[role="option"]', { hasText: 'Thanh Nho' }).first().click();
    await keyForm.getByRole('button', { name: zh['interop.issue'], exact: true }).click();
    const key = (await page.getByTestId('issued-key').textContent())!;
    assert.match(key, /^zd_/);
    await checkPage(page, 'zh-Hans: API key issued');
    await screenshot(page, 'zh-interop-api-key-1280');

    const form = new URLSearchParams({ api_key: key, jurisdiction_id: thanhNho, service_code: 'roads', lat: '18.68', long: '105.68', description: 'Đèn đường hỏng' });
    const posted = await fetch(`${stack().url}/open311/v2/requests.json`, { method: 'POST', body: form });
    assert.equal(posted.status, 201, await posted.clone().text());
    const [{ service_request_id: id }] = (await posted.json()) as Array<{ service_request_id: string }>;
    const read = await fetch(`${stack().url}/open311/v2/requests/${id}.json`);
    assert.equal(read.status, 200);

    const row = page.getByRole('row', { name: /FixMyStreet 义安/ });
    await row.getByRole('button', { name: zh['interop.revoke'] }).click();
    await row.getByText(zh['interop.revokedAt'].split('{{')[0].trim()).waitFor();
    const refused = await fetch(`${stack().url}/open311/v2/requests.json`, { method: 'POST', body: form });
    assert.equal(refused.status, 403);

    // A district dashboard is told when petitions of Thanh Nho are received.
    await page.getByLabel(zh['interop.url']).fill('https://dashboard.example.org/zd');
    await page.getByLabel(zh['interop.event.petition_received']).check();
    await page.getByRole('button', { name: zh['interop.subscribeButton'], exact: true }).click();
    assert.match((await page.getByTestId('webhook-secret').textContent())!, /^whsec_/);
    await page.getByRole('row', { name: /dashboard\.example\.org/ }).waitFor();
    await checkPage(page, 'zh-Hans: webhook subscribed');
  });

  test("the administrator downloads Thanh Nho's figures and the petitions as CSV, and imports two officials once a bad row is corrected (en)", async () => {
    const en = strings('en');
    const page = await browsing.open('en-GB', desktop);
    await signIn(page, demo.admin, en);
    /** Clicks a CSV link and reads the file the browser saved: its header and rows. */
    const downloadCsv = async (label: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('.export-links', { hasText: label }).getByRole('link', { name: en['exports.csv'], exact: true }).click(),
      ]);
      assert.match(file.suggestedFilename(), /\.csv$/);
      const text = fs.readFileSync((await file.path())!, 'utf8');
      assert.ok(text.startsWith('\uFEFF'), 'a byte-order mark, for spreadsheet programs');
      const [header, ...rows] = text.slice(1).trim().split(/\r?\n/);
      return { header: header.split(','), rows };
    };

    // The figures of Thanh Nho's 2023, as on the page: the commune first, over the whole year.
    await page.goto(`/staff/figures?unit=${thanhNho}&from=2023-01-01&to=2023-12-31`);
    const figures = await downloadCsv(en['exports.figures']);
    assert.deepEqual(figures.header.slice(0, 7), ['unit', 'unitName', 'scope', 'period', 'from', 'to', 'received']);
    const [unit, , , period, , , received] = figures.rows[0].split(',');
    assert.deepEqual([unit, period], [thanhNho, '2023-01-01/2023-12-31']);
    assert.ok(Number(received) >= 77, `the forum's 77 opinions at least: ${received}`);

    // The petitions the administrator may see, from the inbox: no one's name or phone.
    await page.goto('/staff');
    const petitions = await downloadCsv(en['exports.petitions']);
    assert.deepEqual(petitions.header.slice(0, 5), ['trackingCode', 'kind', 'category', 'channel', 'status']);
    assert.ok(petitions.header.includes('handler') && !petitions.header.some((c) => /phone|email|resident|petitioner/i.test(c)), petitions.header.join());
    assert.match(petitions.rows[0], /^[A-Z0-9]{6,12},[a-z_]+,/);

    // Officials from a pasted CSV: an agency named wrongly is caught with its line; corrected, both are written.
    await page.getByRole('link', { name: en['nav.interop'] }).click();
    await page.getByRole('heading', { level: 1, name: en['interop.title'] }).waitFor();
    await page.getByLabel(en['imports.kind']).selectOption('officials');
    const rows = (agency: string) =>
      [
        'username,name,contact,unit,roles,agency',
        `thanhnho.reception2,Hồ Thị Lan,0912777001,${thanhNho},reception_officer,Thanh Nho Commune one-stop shop`,
        `thanhnho.police2,Phan Văn Đức,0912777002,${thanhNho},handler,${agency}`,
      ].join('\n');
    await page.getByLabel(en['imports.text']).fill(rows('Công an huyện Thanh Chương'));
    await page.getByRole('button', { name: en['imports.check'], exact: true }).click();
    const problem = page.getByRole('row', { name: /Công an huyện Thanh Chương/ });
    await problem.waitFor();
    assert.equal((await problem.getByRole('cell').first().innerText()).trim(), '3');
    assert.ok(await page.getByRole('button', { name: en['imports.import'], exact: true }).isDisabled(), 'nothing to import while a row fails');
    await checkPage(page, 'import with a bad row');
    await screenshot(page, 'interop-import-bad-row-1280');

    await page.getByLabel(en['imports.text']).fill(rows('công an xã thanh nho'));
    await page.getByRole('button', { name: en['imports.check'], exact: true }).click();
    await page.getByText(en['imports.checked'].replace('{{rows}}', '2')).waitFor();
    await page.getByRole('button', { name: en['imports.import'], exact: true }).click();
    await page.getByText(en['imports.done'].replace('{{rows}}', '2')).waitFor();
    // Written: the same file again finds both usernames taken.
    await page.getByRole('button', { name: en['imports.check'], exact: true }).click();
    await page.getByRole('row', { name: /^3\b/ }).waitFor();
    assert.equal(await page.locator('tbody tr', { hasText: /thanhnho\.(reception2|police2)/ }).count(), 2);
    await checkPage(page, 'import written');
  });

  test('the server took its scheduled backup; the administrator backs up now and sees both listed', async () => {
    const backups = () => fs.readdirSync(backupDir).filter((f) => f.endsWith('.zdbackup'));
    // ZD_BACKUP_DIR is set and the folder was empty: the job loop takes one soon after the start.
    for (let waited = 0; backups().length === 0 && waited < 30_000; waited += 200) await new Promise((r) => setTimeout(r, 200));
    const [scheduled] = backups();
    assert.ok(scheduled, 'a scheduled backup was written');
    const page = await browsing.open('vi-VN', desktop);
    await signIn(page, demo.admin, vi);
    await page.goto('/staff/admin?section=backups');
    await page.getByRole('heading', { level: 2, name: vi['admin.backups.title'] }).waitFor();
    await page.getByRole('cell', { name: scheduled }).waitFor();
    await page.getByRole('button', { name: vi['admin.backups.now'], exact: true }).click();
    await page.getByText(vi['admin.backups.taken'].split('{{')[0].trim()).waitFor();
    const now = backups().filter((f) => f !== scheduled);
    assert.equal(now.length, 1);
    await page.getByRole('cell', { name: now[0] }).waitFor();
    await checkPage(page, 'backups');
    await screenshot(page, 'admin-backups-1280');
  });

  test('no page raised a script error or got a server error', () => {
    assert.deepEqual(browsing.pageErrors, []);
  });
});

test('deliberation: a household of Block 10 votes by phone with a code, staff record a paper ballot and close, the results are public; the group council moves a matter on', { timeout: 180_000 }, async () => {
  const zh = strings('zh-Hans');
  const ctx = stack().server.ctx;
  const { rows: [k] } = await sql<{ id: number }>`SELECT k.id FROM consultations k JOIN units u ON u.id = k.unit_id WHERE u.code = '18001-K10'`.execute(ctx.db);
  {
    // The resident finds the consultation among the block's matters and consultations.
    const resident = await browsing.open('vi-VN', phone);
    await resident.goto('/deliberation?unit=18001-K10');
    await resident.getByRole('link', { name: /di dời nghĩa trang/ }).click();
    await resident.getByRole('heading', { level: 1, name: /di dời nghĩa trang/ }).waitFor();
    assert.equal(await resident.locator('main li[id^="option-"]').count(), 3, 'the three candidate sites');
    await resident.locator('[data-testid="map"][data-ready]').waitFor();
    assert.equal(await resident.locator('[data-testid="map-point"]').count(), 3, 'and their places on the map');
    await resident.getByLabel(vi['delib.phone']).fill('0912010001');
    await resident.getByRole('button', { name: vi['delib.sendCode'] }).click();
    await resident.getByLabel(vi['delib.code']).waitFor();
    await resident.getByLabel(vi['delib.code']).fill(await smsCode('+84912010001', 1));
    await resident.getByRole('radio', { name: 'Đồng Bàu Sen' }).check();
    await resident.getByRole('button', { name: vi['delib.castVote'] }).click();
    await resident.getByText(vi['delib.voted']).waitFor();

    // Staff see the turnout, record a paper ballot and close.
    const staff = await browsing.open('vi-VN', desktop);
    await signIn(staff, demo.admin, vi);
    await staff.goto(`/deliberation/consultations/${k.id}`);
    await staff.getByTestId('turnout').getByText('5/12', { exact: false }).waitFor();
    await staff.getByLabel(vi['delib.voterRef']).fill('H07');
    await staff.getByRole('button', { name: vi['delib.record'] }).click();
    await staff.getByTestId('turnout').getByText('6/12', { exact: false }).waitFor();
    await staff.getByRole('button', { name: vi['delib.close'] }).click();
    await staff.getByTestId('results').waitFor();

    // Anyone sees the results now: the tally of the six ballots.
    await resident.reload();
    const results = await resident.getByTestId('results').innerText();
    assert.match(results, /Vùng Cồn Mồ: 3/);
    assert.match(results, /Đồng Bàu Sen: 2/);
    assert.match(results, /Rú Cồn Trăng: 1/);

    // 临江村一组: the secretary sends the matter in evaluation on to the commune's review.
    const secretary = await browsing.open('zh-CN', desktop);
    await signIn(secretary, demo.linjiangSecretary, zh);
    await secretary.goto(`/staff/councils?unit=${fenggangLinjiang}`);
    await secretary.getByTestId('council').first().locator('li', { hasText: '张德富' }).waitFor();
    await secretary.getByRole('link', { name: /红白喜事简办/ }).click();
    await secretary.getByTestId('matter-stage').getByText(zh['delib.stage.evaluation']).waitFor();
    await secretary.getByRole('button', { name: zh['delib.action.submit_for_review'] }).click();
    await secretary.getByTestId('matter-stage').getByText(zh['delib.stage.review']).waitFor();
    assert.deepEqual(browsing.pageErrors, [], 'no script error or 5xx on the way');
  }
});
