/**
 * "Figures are exact": the articles' figures replayed, read back from /api/v1/figures.
 * - Thanh Nho's "people ask, officials answer" forum (7 sessions, 77 opinions: 70 resolved,
 *   7 handled by the district), driven entirely over HTTP as the commune's officials would.
 * - Fenggang's people's sentiment mailbox (785 collected, 741 handled), through the commands.
 * - Anh Sơn's petition handling rate of 98.3%.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { createOfficial, createUnits } from '../../test/factories.ts';
import { actOk, submitOk, testOptions } from '../petitions/petitions.testing.ts';
import { submitPetition } from '../petitions/intake/submitPetition.ts';
import { acceptPetition } from '../petitions/workflow/acceptPetition.ts';
import { assignPetition } from '../petitions/workflow/assignPetition.ts';
import { startPetition } from '../petitions/workflow/startPetition.ts';
import { answerPetition } from '../petitions/workflow/answerPetition.ts';
import { foldFigureDeltas } from './figures.queries.ts';
import { deploymentOfficial, officialActor, figuresOk } from './figures.testing.ts';

describeEachBackend(
  'figures replayed from the articles',
  (t) => {
    before(async () => {
      await createUnits(t().ctx.db, [
        { code: '40', name: 'Tỉnh Nghệ An', level: 'province' },
        { code: '428', name: 'Huyện Thanh Chương', level: 'district', parentCode: '40' },
        { code: '17719', name: 'Xã Thanh Nho', level: 'commune', parentCode: '428' },
        { code: '424', name: 'Huyện Anh Sơn', level: 'district', parentCode: '40' },
        { code: '52', name: '贵州省', level: 'province', country: 'CN' },
        { code: '5203', name: '遵义市', level: 'city', parentCode: '52', country: 'CN' },
        { code: '520327', name: '凤冈县', level: 'county', parentCode: '5203', country: 'CN' },
      ]);
    });

    test("Thanh Nho's forum over HTTP: 77 opinions, 70 resolved, 7 escalated to the district", async () => {
      const role = (name: string, unit: string, r: 'reception_officer' | 'dispatcher' | 'leader' | 'handler') =>
        createOfficial(t(), { name, roles: [{ unit, role: r }] });
      const reception = await role('Cán bộ tiếp dân Thanh Nho', '17719', 'reception_officer');
      const dispatcher = await role('Văn phòng UBND xã Thanh Nho', '17719', 'dispatcher');
      const chairman = await role('Chủ tịch UBND xã Thanh Nho', '17719', 'leader');
      const handler = await role('Cán bộ địa chính xã', '17719', 'handler');
      await role('Văn phòng UBND huyện Thanh Chương', '428', 'dispatcher');

      // Seven sessions, one a month, each in the morning local time; the first at 06:30 on
      // 15 January, which is still 14 January in UTC: it counts on the commune's own day.
      const sessions = [
        '2026-01-14T23:30:00Z',
        '2026-02-10T01:30:00Z',
        '2026-03-10T01:30:00Z',
        '2026-04-14T01:30:00Z',
        '2026-05-12T01:30:00Z',
        '2026-06-09T01:30:00Z',
        '2026-07-14T01:30:00Z',
      ];
      const perSession = [11, 11, 11, 11, 11, 11, 11];
      const kinds = ['question', 'suggestion', 'help_request', 'question', 'complaint'] as const;
      let n = 0;
      const upward: number[] = [];
      const later: number[] = [];
      let onTheSpot = 0;
      for (const [s, at] of sessions.entries()) {
        t().clock.set(at);
        for (let i = 0; i < perSession[s]; i++, n++) {
          const kind = kinds[n % kinds.length];
          const body = {
            unit: '17719',
            kind,
            channel: 'forum',
            category: n % 3 ? 'land' : 'roads',
            body: `Ý kiến số ${n + 1} tại diễn đàn "Dân hỏi, cán bộ trả lời"`,
            resident: { name: `Người dân ${n + 1}`, address: 'Xóm 3, Thanh Nho' },
          };
          if (n % 11 === 10) {
            // Seven matters are beyond the commune: the district must handle them.
            upward.push((await submitOk(t(), body, reception)).id);
          } else if (kind !== 'complaint' && onTheSpot < 40) {
            // Officials answer most questions at the forum itself.
            const r = await submitOk(t(), { ...body, answerNow: { text: 'Trả lời trực tiếp tại diễn đàn.' } }, reception);
            assert.equal(r.status, 'answered');
            onTheSpot++;
          } else {
            later.push((await submitOk(t(), body, reception)).id);
          }
        }
      }
      assert.deepEqual([n, onTheSpot, later.length, upward.length], [77, 40, 30, 7]);
      // After the last session the commune works through what it took away, and sends seven up.
      t().clock.set('2026-07-15T02:00:00Z');
      for (const id of upward) {
        await actOk(t(), dispatcher, id, { type: 'accept' });
        await actOk(t(), dispatcher, id, { type: 'escalate', reason: 'Thuộc thẩm quyền của huyện', cause: 'beyond_competence' });
      }
      for (const [i, id] of later.entries()) {
        await actOk(t(), dispatcher, id, { type: 'accept' });
        await actOk(t(), dispatcher, id, { type: 'assign', handler: handler.id, leader: chairman.id, expectedResult: 'Trả lời bằng văn bản' });
        await actOk(t(), handler, id, { type: 'start' });
        await actOk(t(), handler, id, { type: 'answer', text: 'Đã giải quyết.' });
        if (i % 4 === 0) await actOk(t(), dispatcher, id, { type: 'close' });
      }
      t().clock.set('2026-07-20T02:00:00Z');

      const commune = await figuresOk(t(), { unit: '17719', from: '2026-01-15', to: '2026-07-31', interval: 'month' });
      assert.equal(commune.received, 77);
      assert.equal(commune.resolved, 70);
      assert.equal(commune.escalated, 7, 'handled by higher levels');
      assert.equal(commune.accepted, 77);
      assert.equal(commune.answered, 70);
      assert.equal(commune.byChannel.forum.received, 77);
      assert.deepEqual(Object.keys(commune.byChannel), ['forum']);
      assert.equal(commune.byKind.complaint.received + commune.byKind.question.received + commune.byKind.suggestion.received + commune.byKind.help_request.received, 77);
      assert.equal(commune.resolutionRate, 70 / 77);
      assert.equal(commune.series!.items.length, 7);
      assert.deepEqual(commune.series!.items.map((m) => m.received), perSession);
      assert.equal(commune.series!.items.reduce((s, m) => s + m.escalated, 0), 7);
      assert.equal(commune.unit?.code, '17719');
      assert.equal(commune.timeZone, 'Asia/Ho_Chi_Minh');

      // The district counts the seven (they were submitted below it) but, from its own point of
      // view, they were not sent to a higher level: it is handling them.
      for (const unit of ['428', '40']) {
        const above = await figuresOk(t(), { unit, from: '2026-01-01', to: '2026-12-31' });
        assert.deepEqual([above.received, above.resolved, above.escalated], [77, 70, 0], unit);
      }
      // The first session was on 15 January local time: a period starting that day has it, one
      // ending the day before has nothing.
      assert.equal((await figuresOk(t(), { unit: '17719', from: '2026-01-15', to: '2026-01-15' })).received, 11);
      assert.equal((await figuresOk(t(), { unit: '17719', from: '2026-01-01', to: '2026-01-14' })).received, 0);
      // Folding the deltas changes nothing.
      while ((await foldFigureDeltas(t().ctx.db)) > 0);
      const folded = await figuresOk(t(), { unit: '17719', from: '2026-01-15', to: '2026-07-31', interval: 'month' });
      assert.deepEqual({ ...folded, asOf: commune.asOf }, commune);
    });

    test("Fenggang's mailbox: 785 collected, 741 handled", async () => {
      const clerk = await createOfficial(t(), { name: '民情快递收件员', roles: [{ unit: '520327', role: 'reception_officer' }] });
      const clerkActor = await officialActor(t().ctx.db, clerk.id);
      const kinds = ['question', 'suggestion', 'help_request'] as const;
      t().clock.set('2026-02-02T01:00:00Z');
      // Questions, suggestions and requests are handled directly by the county's centre; the
      // complaints among them wait for the five clear items.
      for (let i = 0; i < 785; i++) {
        if (i % 30 === 0) t().clock.advance(24 * 3_600_000);
        const handled = i < 741;
        await submitPetition(t().ctx, clerkActor, {
          unit: '520327',
          kind: handled ? kinds[i % 3] : 'complaint',
          channel: 'mailbox',
          body: `民情快递第 ${i + 1} 件`,
          language: 'zh',
          ...(handled ? { answerNow: { text: '已直接答复。' } } : { resident: { name: `群众 ${i + 1}`, address: '凤冈县' } }),
        });
      }
      const county = await figuresOk(t(), { unit: '520327', from: '2026-01-01', to: '2026-12-31' });
      assert.deepEqual([county.received, county.resolved, county.answered], [785, 741, 741]);
      assert.equal(county.byChannel.mailbox.received, 785);
      assert.equal(county.byChannel.mailbox.resolved, 741);
      assert.equal(county.byKind.complaint.resolved, 0);
      assert.equal(county.timeZone, 'Asia/Shanghai');
      const province = await figuresOk(t(), { unit: '52', from: '2026-01-01', to: '2026-12-31' });
      assert.deepEqual([province.received, province.resolved], [785, 741]);
      // The whole deployment has both countries' petitions.
      const all = await figuresOk(t(), { from: '2026-01-01', to: '2026-12-31' });
      assert.equal(all.received, 785 + 77);
      assert.equal(all.unit, null);
    });

    test("Anh Sơn's handling rate: 59 of 60 petitions resolved is 98.3%", async () => {
      const office = await deploymentOfficial(t(), 'Ban Tiếp công dân huyện Anh Sơn');
      const sys = { kind: 'system' as const, label: 'replay' };
      t().clock.set('2026-03-02T02:00:00Z');
      const ids: number[] = [];
      for (let i = 0; i < 60; i++) {
        const r = await submitPetition(t().ctx, office.actor, {
          unit: '424',
          kind: i % 2 ? 'suggestion' : 'complaint',
          channel: 'reception',
          body: `Kiến nghị tại buổi tiếp công dân ${i + 1}`,
          resident: { name: `Công dân ${i + 1}`, address: 'Anh Sơn' },
        });
        ids.push(r.id);
      }
      t().clock.advance(3_600_000);
      for (const id of ids.slice(0, 59)) {
        await acceptPetition(t().ctx, sys, id, {});
        await assignPetition(t().ctx, sys, id, { handler: office.id, leader: office.id, expectedResult: 'Văn bản trả lời' });
        await startPetition(t().ctx, sys, id, {});
        await answerPetition(t().ctx, sys, id, { text: 'Đã giải quyết dứt điểm.' });
      }
      const district = await figuresOk(t(), { unit: '424', from: '2026-03-01', to: '2026-03-31' });
      assert.deepEqual([district.received, district.resolved], [60, 59]);
      assert.equal(Math.round(district.resolutionRate! * 1000) / 1000, 0.983);
      assert.equal(district.onTimeRate, 1);
      assert.equal(district.satisfactionRate, null, 'nobody has rated yet');
      assert.equal(district.medianHoursToAnswer, 1, 'answered an hour after the reception day');
    });
  },
  testOptions,
);
