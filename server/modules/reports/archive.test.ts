import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeEachBackend } from '../../test/server.ts';
import { createOfficial, createUnits } from '../../test/factories.ts';
import { actOk, submitOk, testOptions } from '../petitions/petitions.testing.ts';
import { deliverDueNotifications } from '../../platform/notify/delivery.ts';
import { consoleTransport, smtpTransport } from '../../platform/notify/transports.ts';
import { pdfText } from '../../test/pdfText.ts';
import { smtpSink } from '../../test/mail.ts';
import { produceDueReports } from './commands/archiveReport.ts';
import { sweepFollowUps } from './reports.jobs.ts';

const { received, url: smtpUrl, close } = await smtpSink();
after(close);

describeEachBackend(
  'archived reports and steering committees',
  (t) => {
    let lead: Awaited<ReturnType<typeof createOfficial>>;
    let provLead: Awaited<ReturnType<typeof createOfficial>>;
    let disp: Awaited<ReturnType<typeof createOfficial>>;
    let committeeId = 0;
    const keeper = () => lead.headers;
    const archiveOf = async (headers?: Record<string, string>) =>
      (await t().app.inject({ method: 'GET', url: '/api/v1/reports/archive', query: { unit: 'ATT' }, headers })).json().items;

    test('setup: a province, Tân Thọ with its committee (members with e-mail), petitions in April 2026', async () => {
      t().clock.set('2026-04-06T02:00:00Z');
      received.length = 0;
      await createUnits(t().ctx.db, [
        { code: 'AP', name: 'Tỉnh Nghệ An', level: 'province' },
        { code: 'ATT', name: 'Xã Tân Thọ', names: { vi: 'Xã Tân Thọ', zh: '新寿社' }, level: 'commune', parentCode: 'AP' },
        { code: 'ALN', name: 'Xã Lãng Nam', level: 'commune', parentCode: 'AP' },
        { code: 'ANB', name: 'Xã Ngọc Bích', level: 'commune', parentCode: 'AP' },
        { code: 'AVL', name: 'Xã Vắng Lặng', level: 'commune', parentCode: 'AP' },
      ]);
      // No committee: Lãng Nam has a leader with an e-mail address, Ngọc Bích one without, Vắng Lặng nobody.
      await createOfficial(t(), { name: 'Đỗ Văn Nam', email: 'chutich@langnam.example', roles: [{ unit: 'ALN', role: 'leader' }] });
      await createOfficial(t(), { name: 'Vũ Thị Bích', roles: [{ unit: 'ANB', role: 'leader' }] });
      lead = await createOfficial(t(), { name: 'Lê Văn Chủ Tịch', email: 'chutich@tantho.example', roles: [{ unit: 'ATT', role: 'leader' }] });
      provLead = await createOfficial(t(), { name: 'Tỉnh Lãnh Đạo', roles: [{ unit: 'AP', role: 'leader' }] });
      disp = await createOfficial(t(), { name: 'Điều phối', roles: [{ unit: 'ATT', role: 'dispatcher' }] });
      const res = await t().app.inject({
        method: 'POST',
        url: '/api/v1/steering-committees',
        headers: keeper(),
        payload: {
          unit: 'ATT',
          name: 'Ban chỉ đạo xây dựng mô hình dân vận khéo',
          members: [
            { name: 'Lê Văn Chủ Tịch', role: 'head', position: 'Bí thư Đảng ủy', account: lead.id },
            { name: 'Phạm Thị Mặt Trận', role: 'deputy', position: 'Chủ tịch UBMTTQ', email: 'mattran@tantho.example' },
            { name: 'Hoàng Văn Thư Ký', role: 'secretary' },
          ],
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      committeeId = res.json().id;
      const denied = await t().app.inject({ method: 'POST', url: '/api/v1/steering-committees', headers: disp.headers, payload: { unit: 'ATT', name: 'x', members: [] } });
      assert.equal(denied.statusCode, 403);
      for (const body of ['Đường làng ngập nước', 'Hỏi thủ tục cấp sổ đỏ']) await submitOk(t(), { unit: 'ATT', kind: 'question', category: 'land', body });
    });

    test('produced on the first working day after the month closes (30 April and 1 May are holidays), archived, mailed with the PDF', async () => {
      t().clock.set('2026-05-01T03:00:00Z'); // Friday 1 May, a public holiday in Viet Nam
      assert.equal(await produceDueReports(t().ctx), 0);
      assert.deepEqual(await archiveOf(), []);
      t().clock.set('2026-05-04T01:00:00Z'); // Monday 4 May, 08:00 local: the first working day
      // Tân Thọ, and the units with a leader but no committee: the province, Lãng Nam and Ngọc Bích.
      assert.equal(await produceDueReports(t().ctx), 4);
      assert.equal(await produceDueReports(t().ctx), 0, 'produced once');
      const pub = await archiveOf();
      assert.deepEqual(pub.map((r: { period: string; audience: string; locale: string }) => [r.period, r.audience, r.locale]), [['2026-04', 'public', 'vi']]);
      const both = await archiveOf(lead.headers);
      assert.equal(both.length, 2, 'a leader also sees the staff version');

      const sent = await deliverDueNotifications(t().ctx, { transports: { email: smtpTransport(smtpUrl, 'Zero Distance <reports@zd.example>'), sms: consoleTransport(() => {}) } });
      assert.ok(sent.sent >= 2, JSON.stringify(sent));
      const mails = received.filter((m) => m.raw.includes('2026') && m.to.some((a) => a.endsWith('@tantho.example')));
      const to = mails.flatMap((m) => m.to).sort();
      assert.ok(to.includes('chutich@tantho.example') && to.includes('mattran@tantho.example'), to.join(','));
      assert.equal(to.filter((a) => a === 'chutich@tantho.example').length, 1, 'one mail per address, though leader and member');
      for (const m of mails) {
        assert.match(m.raw, /Content-Type: application\/pdf/i);
        assert.match(m.raw, /filename="?report-ATT-2026-04-staff\.pdf/);
      }
    });

    test('a unit without a committee: archived all the same, mailed to its leaders with an address, or noted as not sent', async () => {
      const archive = async (unit: string, headers?: Record<string, string>) =>
        (await t().app.inject({ method: 'GET', url: '/api/v1/reports/archive', query: { unit }, headers })).json().items as Array<{ id: number; period: string; audience: string; mailedTo: number | null }>;
      const att = await archive('ATT', lead.headers);
      assert.deepEqual(att.map((r) => r.mailedTo), [2, 2], 'Tân Thọ: the leader and the committee member with an address');
      const aln = await archive('ALN');
      assert.deepEqual(aln.map((r) => [r.period, r.audience, r.mailedTo]), [['2026-04', 'public', 1]]);
      const langNam = received.filter((m) => m.to.includes('chutich@langnam.example'));
      assert.equal(langNam.length, 1, 'one mail to the leader of Lãng Nam');
      assert.match(langNam[0].raw, /filename="?report-ALN-2026-04-staff\.pdf/);
      assert.ok(received.every((m) => m.to.length === 1), 'one recipient per mail');

      // Ngọc Bích: its leader has no address, so nobody receives it; archived, and the archive says it was not sent.
      const anb = await archive('ANB', provLead.headers);
      assert.deepEqual(anb.map((r) => [r.period, r.audience, r.mailedTo]).sort(), [['2026-04', 'public', 0], ['2026-04', 'staff', 0]]);
      const staff = anb.find((r) => r.audience === 'staff')!;
      const pdf = await t().app.inject({ method: 'GET', url: `/api/v1/reports/archive/${staff.id}/pdf`, headers: provLead.headers });
      assert.equal(pdf.statusCode, 200);
      assert.ok((await pdfText(pdf.rawPayload)).includes('Xã Ngọc Bích'));
      const audit = await t().ctx.db.selectFrom('audit_events').select('changes').where('action', '=', 'report.archived').where('subject_id', '=', String(staff.id)).executeTakeFirstOrThrow();
      assert.equal((audit.changes as { mailed: number }).mailed, 0);
      assert.ok((audit.changes as { notSent?: string }).notSent, 'the audit event says why it was not sent');
      const queued = await t().ctx.db.selectFrom('notification_outbox').select('id').where('dedupe_key', 'like', `report:${staff.id}:mail:%`).execute();
      assert.equal(queued.length, 0);

      // Nobody at all (no committee, no leader): no report is produced for Vắng Lặng.
      assert.deepEqual(await archive('AVL'), []);
    });

    test('an archived report never changes: the same bytes after the figures move, and no update is allowed', async () => {
      const staff = (await archiveOf(lead.headers)).find((r: { audience: string }) => r.audience === 'staff');
      const first = await t().app.inject({ method: 'GET', url: `/api/v1/reports/archive/${staff.id}/pdf`, headers: lead.headers });
      assert.equal(first.statusCode, 200);
      const { createHash } = await import('node:crypto');
      assert.equal(createHash('sha256').update(first.rawPayload).digest('hex'), staff.sha256);
      assert.equal((await t().app.inject({ method: 'GET', url: `/api/v1/reports/archive/${staff.id}/pdf` })).statusCode, 404, 'the staff version is not public');
      const text = await pdfText(first.rawPayload);
      assert.ok(text.includes('Xã Tân Thọ') && text.includes('Lưu trữ lúc'), text.slice(0, 300));

      // The figures of April move: a petition is accepted.
      t().clock.set('2026-05-05T02:00:00Z');
      const open = await t().ctx.db.selectFrom('petitions').select('id').where('body', '=', 'Đường làng ngập nước').executeTakeFirstOrThrow();
      await actOk(t(), disp, open.id, { type: 'accept' });
      const live = (await t().app.inject({ method: 'GET', url: '/api/v1/reports', query: { unit: 'ATT', period: '2026-04' } })).json();
      const archived = (await t().ctx.db.selectFrom('reports').select('content').where('id', '=', staff.id).executeTakeFirstOrThrow()).content as { asOf: string; petitions: { accepted: number } };
      assert.notDeepEqual(live.petitions.accepted, archived.petitions.accepted, 'the live figures moved');
      const again = await t().app.inject({ method: 'GET', url: `/api/v1/reports/archive/${staff.id}/pdf`, headers: lead.headers });
      assert.ok(Buffer.compare(first.rawPayload, again.rawPayload) === 0, 'byte for byte the same');
      await assert.rejects(sql`UPDATE reports SET locale = 'en' WHERE id = ${staff.id}`.execute(t().ctx.db), /never changes/);
    });

    test('regulation in versions, a meeting with agenda, attendance, minutes and a decision whose follow-up falls overdue and is escalated', async () => {
      const reg = (title: string, n: number) => ({
        title,
        adoptedOn: '2026-01-05',
        articles: Array.from({ length: n }, (_, i) => ({ title: `Điều ${i + 1}`, text: `Nội dung điều ${i + 1}` })),
      });
      const url = `/api/v1/steering-committees/${committeeId}`;
      assert.equal((await t().app.inject({ method: 'POST', url: `${url}/regulations`, headers: keeper(), payload: reg('Quy chế hoạt động', 9) })).statusCode, 200);
      const v2 = await t().app.inject({ method: 'POST', url: `${url}/regulations`, headers: keeper(), payload: reg('Quy chế hoạt động (sửa đổi)', 10) });
      assert.deepEqual(v2.json().regulations.map((r: { version: number; articles: unknown[] }) => [r.version, r.articles.length]), [[2, 10], [1, 9]]);
      const members = v2.json().members as Array<{ id: number; name: string }>;
      const head = members[0];
      const meeting = await t().app.inject({
        method: 'POST',
        url: `${url}/meetings`,
        headers: keeper(),
        payload: {
          heldOn: '2026-05-05',
          title: 'Họp thường kỳ tháng 5',
          agenda: ['Đánh giá kết quả tháng 4', 'Nhiệm vụ tháng 5'],
          minutes: 'Ban chỉ đạo thống nhất các nhiệm vụ.',
          attendance: members.map((m, i) => ({ member: m.id, present: i < 2 })),
          decisions: [{ text: 'Khơi thông cống thôn 3', owner: head.id, dueOn: '2026-05-07' }],
        },
      });
      assert.equal(meeting.statusCode, 200, meeting.body);
      const view = meeting.json();
      assert.equal(view.meetings[0].attendance.filter((a: { present: boolean }) => a.present).length, 2);
      const decision = view.decisions[0];
      assert.equal(decision.overdue, false);

      const notices = async (accountId: number, template: string) =>
        Number((await t().ctx.db.selectFrom('official_notices').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).where('template', '=', template).executeTakeFirstOrThrow()).n);
      t().clock.set('2026-05-07T12:00:00Z'); // before the end of 7 May local
      assert.deepEqual(await sweepFollowUps(t().ctx), { overdue: 0, escalated: 0 });
      t().clock.set('2026-05-08T02:00:00Z'); // Friday 8 May: overdue
      assert.deepEqual(await sweepFollowUps(t().ctx), { overdue: 1, escalated: 0 });
      assert.deepEqual(await sweepFollowUps(t().ctx), { overdue: 0, escalated: 0 }, 'once');
      assert.equal(await notices(lead.id, 'steering_decision_overdue'), 1, 'the owner (and leader) is told');
      t().clock.set('2026-05-10T02:00:00Z'); // Sunday: one working day late only
      assert.deepEqual(await sweepFollowUps(t().ctx), { overdue: 0, escalated: 0 });
      t().clock.set('2026-05-11T02:00:00Z'); // Monday: two working days late
      assert.deepEqual(await sweepFollowUps(t().ctx), { overdue: 0, escalated: 1 });
      assert.equal(await notices(provLead.id, 'steering_decision_escalated'), 1, 'the province leader hears of it');
      const after = (await t().app.inject({ method: 'GET', url: '/api/v1/steering-committees', query: { unit: 'ATT' }, headers: lead.headers })).json();
      assert.deepEqual(after.unit, { code: 'ATT', name: 'Xã Tân Thọ' });
      assert.deepEqual(after.decisions[0].escalatedTo, { code: 'AP', name: 'Tỉnh Nghệ An' });
      assert.equal(after.decisions[0].overdue, true);
      // Done at last, by its owner.
      const done = await t().app.inject({ method: 'POST', url: `/api/v1/steering-decisions/${decision.id}/actions`, headers: lead.headers, payload: { type: 'complete', note: 'Đã khơi thông' } });
      assert.equal(done.statusCode, 200, done.body);
      assert.equal(done.json().decisions[0].status, 'done');
      assert.equal((await t().app.inject({ method: 'POST', url: `/api/v1/steering-decisions/${decision.id}/actions`, headers: disp.headers, payload: { type: 'complete' } })).statusCode, 404);
    });
  },
  { config: { ...testOptions.config, sessionHours: 24 * 365 } },
);
