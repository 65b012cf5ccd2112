/**
 * Gatherings, the main journey: an official plans a forum; a resident on a phone books a place
 * and sends a question ahead; the official runs the console on a tablet — with the network cut
 * part-way and an answer lost on the way back — closes, attaches the signed minutes and publishes;
 * the resident reads the summary, the progress of what was raised and downloads the minutes, then
 * rates the forum on the phone with the booking code (a second rating is refused). The
 * server holds every entry exactly once. The leader then cancels one date of a series.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { desktop, screenshot } from './harness.ts';
import { Browsing, checkPage, demo, signIn, strings, thanhNho, useStack } from './steps.ts';

const { stack } = useStack();

const tablet = { width: 1024, height: 768 };
/** The signed minutes, as a small PDF. */
const signedMinutes = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const plural = (t: Record<string, string>, key: string, n: number) => (t[`${key}_${n === 1 ? 'one' : 'other'}`] ?? t[`${key}_other`]).replace('{{count}}', String(n));

test('planned, booked, asked ahead, run offline and online, published, read by the resident', { timeout: 240_000 }, async () => {
  const en = strings('en');
  const browsing = new Browsing(stack());
  try {
    // The commune's leader plans a forum for the day after tomorrow.
    const official = await browsing.open('en-US', desktop);
    await signIn(official, demo.leader, en);
    await official.goto(`/staff/gatherings?unit=${thanhNho}`);
    await official.getByRole('heading', { level: 1, name: en['gatherings.staffTitle'] }).waitFor();
    await official.locator('[data-testid="staff-gathering"]').first().waitFor();
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await official.getByLabel(en['gatherings.kindLabel'], { exact: true }).selectOption('forum');
    await official.getByLabel(en['gatherings.titleLabel']).fill('Forum on the inter-village road');
    await official.getByLabel(en['gatherings.place'], { exact: true }).fill('Hamlet 5 cultural house');
    await official.getByLabel(en['gatherings.capacity']).fill('30');
    await official.getByLabel(en['gatherings.topics']).fill('Roads\nLand');
    await official.getByLabel(en['gatherings.start']).fill(`${day}T19:30`);
    await official.getByLabel(en['gatherings.endTime']).fill('21:00');
    await checkPage(official, 'planning page');
    await official.getByRole('button', { name: en['gatherings.planButton'] }).click();
    await official.waitForURL(/\/staff\/gatherings\/\d+$/);
    const id = Number(new URL(official.url()).pathname.split('/').pop());
    await official.getByRole('heading', { level: 1, name: 'Forum on the inter-village road' }).waitFor();

    // A resident finds it in the commune's calendar on a phone, books a place and asks ahead.
    const resident = await browsing.open('vi-VN');
    const vi = strings('vi');
    await resident.goto(`/gatherings?unit=${thanhNho}`);
    await resident.getByRole('link', { name: 'Forum on the inter-village road' }).click();
    await resident.getByRole('heading', { level: 1, name: 'Forum on the inter-village road' }).waitFor();
    await resident.getByLabel(vi['gatherings.phone']).first().fill('0912 345 678');
    await resident.getByRole('button', { name: vi['gatherings.bookButton'] }).click();
    const code = (await resident.getByTestId('booking-code').innerText()).trim();
    assert.match(code, /^[A-Z0-9]{6,}$/);
    assert.equal(await resident.getByTestId('rate-link').getAttribute('href'), `/rate-gathering?code=${code}`, 'the confirmation keeps the link to rate it afterwards');
    await resident.getByLabel(vi['gatherings.askBody']).fill('Khi nào sửa đoạn đường liên thôn bị sạt lở?');
    await resident.getByRole('button', { name: vi['gatherings.askButton'] }).click();
    const tracking = (await resident.getByTestId('question-code').innerText()).trim();
    assert.ok(tracking.length >= 6);
    await checkPage(resident, 'gathering page (resident)');
    await screenshot(resident, 'gathering-booked-phone');

    const db = stack().server.ctx.db;
    // The console on a tablet: open the session, record, lose the network, keep recording.
    const consoleContext = official.context();
    const tab = await consoleContext.newPage();
    await tab.setViewportSize(tablet);
    await tab.goto(`/staff/gatherings/${id}`);
    await tab.getByRole('button', { name: en['gatherings.action.open'] }).click();
    await tab.getByTestId('gathering-state').filter({ hasText: en['gatherings.state.open'] }).waitFor();
    await tab.getByRole('button', { name: '+5', exact: true }).click();
    await tab.getByTestId('attendance').filter({ hasText: /^5$/ }).waitFor();

    // An answer lost on the way back: the server recorded the entry, the tablet did not hear it.
    let lost = 0;
    await tab.route('**/api/v1/gatherings/*/entries', async (route) => {
      if (lost++ === 0) {
        await route.fetch();
        await route.abort('internetdisconnected');
      } else await route.continue();
    });
    await tab.getByRole('button', { name: '+10', exact: true }).click();
    await tab.getByTestId('sync-status').filter({ hasText: plural(en, 'gatherings.console.waiting', 1) }).waitFor();

    await consoleContext.setOffline(true);
    await tab.getByTestId('sync-status').filter({ hasText: en['gatherings.console.offline'] }).waitFor();
    await tab.getByLabel(en['gatherings.console.opinionBody']).fill('The road in hamlet 5 floods every rainy season.');
    await tab.getByRole('button', { name: en['gatherings.console.addOpinion'] }).click();
    await tab.getByLabel(en['gatherings.console.serviceCount']).fill('3');
    await tab.getByRole('button', { name: en['gatherings.console.addService'] }).click();
    await tab.getByTestId('sync-status').filter({ hasText: plural(en, 'gatherings.console.waiting', 3) }).waitFor();
    await tab.getByTestId('waiting').waitFor();
    await screenshot(tab, 'gathering-console-offline');
    // A reload without the network: the service worker serves the page, the queue is still there.
    await tab.reload();
    await tab.getByTestId('sync-status').filter({ hasText: plural(en, 'gatherings.console.waiting', 3) }).waitFor();

    await consoleContext.setOffline(false);
    await tab.getByTestId('sync-status').filter({ hasNotText: /·/ }).waitFor({ timeout: 40_000 });
    await tab.getByTestId('attendance').filter({ hasText: /^15$/ }).waitFor();
    assert.ok(lost >= 2, 'the entry whose answer was lost was sent again');

    // The server holds each entry once: 5 + 10 attending, one opinion, three services.
    const row = await sql<{ attendance: number; entries: number; raised: number; services: number }>`
      select g.attendance,
             (select count(*)::int from gathering_entries e where e.gathering_id = g.id) as entries,
             (select count(*)::int from gathering_petitions p where p.gathering_id = g.id and p.via = 'raised') as raised,
             (select coalesce(sum(s.count), 0)::int from gathering_services s where s.gathering_id = g.id) as services
      from gatherings g where g.id = ${id}`.execute(db);
    assert.deepEqual(row.rows[0], { attendance: 15, entries: 4, raised: 1, services: 3 });

    // Close with the minutes, attach the signed minutes as a public file, publish the summary.
    await tab.getByLabel(en['gatherings.minutesText'], { exact: true }).fill('Residents of hamlet 5 raised the flooded road.');
    await tab.getByRole('button', { name: en['gatherings.action.close'] }).click();
    await tab.getByTestId('gathering-state').filter({ hasText: en['gatherings.state.closed'] }).waitFor();
    await tab.getByLabel(en['gatherings.files.file'], { exact: true }).setInputFiles({ name: 'signed-minutes.pdf', mimeType: 'application/pdf', buffer: signedMinutes });
    await tab.getByRole('button', { name: en['gatherings.files.attach'] }).click();
    await tab.getByTestId('minutes-files').getByText('signed-minutes.pdf').waitFor();
    await tab.getByLabel(en['gatherings.summary']).fill('15 residents came; the road will be repaired before the rainy season.');
    await tab.getByRole('button', { name: en['gatherings.action.publish'] }).click();
    await tab.getByTestId('gathering-state').filter({ hasText: en['gatherings.state.published'] }).waitFor();
    await checkPage(tab, 'console');

    // The resident sees the summary and the two petitions with their progress.
    await resident.reload();
    await resident.getByTestId('gathering-summary').filter({ hasText: 'the road will be repaired' }).waitFor();
    assert.equal(await resident.getByTestId('raised-petition').count(), 2);
    const minutesLink = resident.getByTestId('minutes-files').getByRole('link', { name: 'signed-minutes.pdf' });
    await minutesLink.waitFor();
    const href = (await minutesLink.getAttribute('href'))!;
    assert.equal(await resident.evaluate(async (url) => (await fetch(url)).status, href), 200, 'the resident downloads the public file');
    await checkPage(resident, 'published gathering (resident)');

    // Once held, the resident rates the forum on the phone with the booking code and is thanked.
    const later = await browsing.open('vi-VN');
    await later.goto(`/rate-gathering?code=${code}`);
    await later.getByRole('button', { name: vi['conduct.face4'], exact: true }).waitFor();
    await resident.goto(`/rate-gathering?code=${code}`);
    await resident.getByTestId('rated-gathering').filter({ hasText: 'Forum on the inter-village road' }).waitFor();
    await resident.getByRole('button', { name: vi['conduct.face4'], exact: true }).click();
    await resident.locator('.norm-picker input[type="checkbox"]').first().check();
    await resident.getByLabel(vi['conduct.comment']).fill('Được trả lời rõ ràng.');
    await checkPage(resident, 'rating a gathering (resident)');
    await screenshot(resident, 'gathering-rated-phone');
    await resident.getByRole('button', { name: vi['conduct.send'] }).click();
    await resident.getByTestId('rating-thanks').filter({ hasText: vi['conduct.thanks'] }).waitFor();
    const pooled = await sql<{ source: string; theirs: boolean; norms: number }>`
      select s.source, (s.official_id is not distinct from g.host_id and s.unit_path = g.unit_path) as theirs, cardinality(s.norm_ids)::int as norms
        from satisfaction_ratings s join gatherings g on g.id = s.gathering_id where s.gathering_id = ${id}`.execute(db);
    assert.deepEqual(pooled.rows, [{ source: 'gathering', theirs: true, norms: 1 }], "one rating in the pool, for the gathering's unit and host");
    // A second rating with the same code is refused: from a page opened before, and on opening it again.
    await later.getByRole('button', { name: vi['conduct.face4'], exact: true }).click();
    await later.getByRole('button', { name: vi['conduct.send'] }).click();
    await later.getByText('Đăng ký này đã được dùng để đánh giá buổi làm việc').waitFor();
    await resident.goto(`/rate-gathering?code=${code}`);
    await resident.getByTestId('rating-refused').filter({ hasText: vi['conduct.gatheringRated'] }).waitFor();
    assert.equal(Number((await sql<{ n: string }>`select count(*) as n from satisfaction_ratings where gathering_id = ${id}`.execute(db)).rows[0].n), 1);

    // Back on the planning page, the leader cancels one date of the commune's weekly reception day.
    await official.goto(`/staff/gatherings?unit=${thanhNho}`);
    const seriesList = official.getByTestId('series');
    await seriesList.waitFor();
    const coming = await sql<{ day: string }>`
      select ((g.starts_at at time zone 'Asia/Ho_Chi_Minh')::date)::text as day from gatherings g
       join units u on u.id = g.unit_id
       where u.code = ${thanhNho} and g.kind = 'reception_day' and g.series_id is not null and g.state = 'planned'
       order by g.starts_at desc limit 1`.execute(db);
    const lastDay = coming.rows[0].day;
    await official.getByLabel(en['gatherings.seriesList.day']).fill(lastDay);
    await official.getByRole('button', { name: en['gatherings.seriesList.apply'] }).click();
    await official.getByText(en['gatherings.seriesList.cancelled'].replace('{{day}}', lastDay)).waitFor();
    await official.getByTestId('series-exceptions').getByText(en['gatherings.seriesList.leftOut'].replace('{{day}}', lastDay)).waitFor();
    const cancelled = await sql<{ state: string }>`
      select g.state from gatherings g join units u on u.id = g.unit_id
       where u.code = ${thanhNho} and g.kind = 'reception_day' and ((g.starts_at at time zone 'Asia/Ho_Chi_Minh')::date)::text = ${lastDay}`.execute(db);
    assert.deepEqual(cancelled.rows, [{ state: 'cancelled' }]);
    await checkPage(official, 'planning page with series');

    // The staff figures count the forum.
    await official.goto(`/staff/figures?unit=${thanhNho}`);
    await official.locator('[data-figure="gatherings-sessions"]').waitFor();
    assert.deepEqual(browsing.pageErrors, []);
  } finally {
    await browsing.close();
  }
});
