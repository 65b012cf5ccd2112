import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeEachBackend, type TestApp } from '../../test/server.ts';
import { runDueJobs } from '../../platform/jobs.ts';
import { actOk, createWorld, petitionInProgress, submitOk, testOptions, type World } from '../petitions/petitions.testing.ts';
import { sweepDeadlines } from './deadlines.sweep.ts';
import { actionsOf, dueCandidatesQuery } from './deadlines.queries.ts';

const hour = 3_600_000;

async function noticesOf(t: TestApp, petitionId: number) {
  return t.ctx.db
    .selectFrom('official_notices')
    .select(['account_id', 'template', 'dedupe_key'])
    .where('subject_type', '=', 'petition')
    .where('subject_id', '=', String(petitionId))
    .orderBy('id')
    .execute();
}

/** account id → templates it got about the petition, in order. */
async function noticeMap(t: TestApp, petitionId: number, templates: string[]) {
  const out = new Map<number, string[]>();
  for (const n of await noticesOf(t, petitionId)) {
    if (!templates.includes(n.template)) continue;
    out.set(n.account_id, [...(out.get(n.account_id) ?? []), n.template]);
  }
  return out;
}

async function dueOf(t: TestApp, id: number): Promise<Date> {
  const row = await t.ctx.db.selectFrom('petitions').select('due_at').where('id', '=', id).executeTakeFirstOrThrow();
  return row.due_at;
}

const reminder = 'petition_due_reminder';
const overdue = 'petition_overdue_official';

describeEachBackend(
  'the deadline sweep',
  (t) => {
    let w: World;

    // The sweep's progress is shared by the whole database, so each test starts later than the
    // one before: its petitions fall due after everything earlier tests swept.
    const startAt = (iso: string) => t().clock.set(iso);

    test('setup: a province with two communes and their officials', async () => {
      w = await createWorld(t(), 'D');
    });

    test('with nothing due the sweep does nothing', async () => {
      startAt('2026-03-02T02:00:00Z');
      assert.deepEqual(await sweepDeadlines(t().ctx), { reminders: 0, overdue: 0, escalated: 0, failed: 0 });
    });

    test('reminders 72 and 24 hours before the due time, the overdue notice at it: each once, however often the sweep runs', async () => {
      startAt('2026-03-02T02:00:00Z');
      await t().ctx.db.updateTable('accounts').set({ email: 'handler.one@example.vn' }).where('id', '=', w.hand1.id).execute();
      const s = await petitionInProgress(t(), w, {}, 'D');
      const due = await dueOf(t(), s.id);
      assert.equal(due.toISOString(), '2026-03-11T16:59:59.999Z', 'seven working days after Monday 2 March');
      const sweepTwice = async () => {
        const a = await sweepDeadlines(t().ctx);
        const b = await sweepDeadlines(t().ctx);
        assert.deepEqual(b, { reminders: 0, overdue: 0, escalated: 0, failed: 0 }, 'the second sweep finds nothing to do');
        return a;
      };

      t().clock.set(new Date(due.getTime() - 73 * hour));
      assert.equal((await sweepTwice()).reminders, 0);
      assert.equal((await noticesOf(t(), s.id)).filter((n) => n.template === reminder).length, 0);

      t().clock.set(new Date(due.getTime() - 71 * hour));
      assert.equal((await sweepTwice()).reminders, 1);
      assert.deepEqual(await noticeMap(t(), s.id, [reminder]), new Map([[w.hand1.id, [reminder]], [w.lead1.id, [reminder]]]));

      t().clock.set(new Date(due.getTime() - 23 * hour));
      assert.equal((await sweepTwice()).reminders, 1);
      assert.deepEqual(
        await noticeMap(t(), s.id, [reminder]),
        new Map([[w.hand1.id, [reminder, reminder]], [w.lead1.id, [reminder, reminder]]]),
      );

      // Just before the due time nothing more; one minute after it the overdue notice goes to
      // the handler, the responsible leader and the dispatchers of the province above.
      t().clock.set(new Date(due.getTime() - 60_000));
      assert.equal((await sweepTwice()).overdue, 0);
      t().clock.set(new Date(due.getTime() + 60_000));
      assert.deepEqual(await sweepTwice(), { reminders: 0, overdue: 1, escalated: 0, failed: 0 });
      assert.deepEqual(
        await noticeMap(t(), s.id, [overdue]),
        new Map([[w.hand1.id, [overdue]], [w.lead1.id, [overdue]], [w.provDisp.id, [overdue]]]),
      );
      const keys = (await noticesOf(t(), s.id)).filter((n) => n.template === overdue).map((n) => n.dedupe_key);
      assert.ok(keys.every((k) => k?.startsWith(`overdue:${s.id}:${due.toISOString()}:`)), keys.join(' '));

      // The handler has an e-mail address: each notice is mailed once as well.
      const mails = await t().ctx.db
        .selectFrom('notification_outbox')
        .select(['template'])
        .where('recipient', '=', 'handler.one@example.vn')
        .where('template', 'in', [reminder, overdue])
        .execute();
      assert.deepEqual(mails.map((m) => m.template).sort(), [reminder, reminder, overdue]);

      const actions = await actionsOf(t().ctx.db, s.id);
      assert.deepEqual(actions.map((a) => [a.stage, a.due_at.toISOString(), a.notified]), [
        ['overdue', due.toISOString(), 3],
        ['reminder_early', due.toISOString(), 2],
        ['reminder_final', due.toISOString(), 2],
      ]);
      // Still open, not escalated: the default policy does not escalate by itself.
      const row = await t().ctx.db.selectFrom('petitions').select(['status', 'unit_id', 'escalation_count']).where('id', '=', s.id).executeTakeFirstOrThrow();
      assert.deepEqual(row, { status: 'in_progress', unit_id: w.units.DC1.id, escalation_count: 0 });
      const audit = await t().ctx.db.selectFrom('audit_events').select(['action', 'actor_label']).where('subject_type', '=', 'petition').where('subject_id', '=', String(s.id)).where('action', '=', 'petition.overdue').execute();
      assert.deepEqual(audit, [{ action: 'petition.overdue', actor_label: 'system:deadline-sweep' }]);
    });

    test('before anyone is assigned, the unit\'s dispatchers and leaders are reminded; an answered petition is not overdue', async () => {
      startAt('2026-04-01T02:00:00Z');
      const waiting = await submitOk(t(), { unit: 'DC2', kind: 'suggestion', body: 'Light the path to the school.' });
      const answered = await petitionInProgress(t(), w, {}, 'D');
      await actOk(t(), w.hand1, answered.id, { type: 'answer', text: 'Bring the household book to the one-stop shop.' });
      const due = await dueOf(t(), waiting.id);
      t().clock.set(new Date(due.getTime() - 20 * hour));
      await sweepDeadlines(t().ctx);
      assert.deepEqual(await noticeMap(t(), waiting.id, [reminder]), new Map([[w.disp2.id, [reminder]], [w.lead2.id, [reminder]]]));

      t().clock.set(new Date(Math.max(due.getTime(), (await dueOf(t(), answered.id)).getTime()) + hour));
      await sweepDeadlines(t().ctx);
      assert.equal((await noticeMap(t(), answered.id, [overdue])).size, 0, 'answered in time: nobody is told');
      assert.deepEqual(
        await noticeMap(t(), waiting.id, [overdue]),
        new Map([[w.disp2.id, [overdue]], [w.lead2.id, [overdue]], [w.provDisp.id, [overdue]]]),
      );
    });

    test('an extended due time gets its own reminder and overdue notice; the old one passes silently', async () => {
      startAt('2026-05-04T02:00:00Z');
      const s = await petitionInProgress(t(), w, {}, 'D');
      const first = await dueOf(t(), s.id);
      t().clock.set(new Date(first.getTime() - 20 * hour));
      await sweepDeadlines(t().ctx);
      const later = new Date(first.getTime() + 5 * 24 * hour);
      await actOk(t(), w.lead1, s.id, { type: 'extend', dueAt: later.toISOString(), reason: 'waiting for the land survey' });

      t().clock.set(new Date(first.getTime() + hour));
      assert.equal((await sweepDeadlines(t().ctx)).overdue, 0, 'the old due time is not a deadline any more');
      t().clock.set(new Date(later.getTime() - 70 * hour));
      await sweepDeadlines(t().ctx);
      t().clock.set(new Date(later.getTime() - 20 * hour));
      await sweepDeadlines(t().ctx);
      t().clock.set(new Date(later.getTime() + hour));
      await sweepDeadlines(t().ctx);
      await sweepDeadlines(t().ctx);
      const actions = await actionsOf(t().ctx.db, s.id);
      assert.deepEqual(actions.map((a) => [a.stage, a.due_at.toISOString()]), [
        ['reminder_final', first.toISOString()],
        ['overdue', later.toISOString()],
        ['reminder_early', later.toISOString()],
        ['reminder_final', later.toISOString()],
      ]);
      assert.deepEqual(await noticeMap(t(), s.id, [overdue]), new Map([[w.hand1.id, [overdue]], [w.lead1.id, [overdue]], [w.provDisp.id, [overdue]]]));
    });

    test('with auto_escalate the overdue case goes up to the parent unit once; at the top of the tree it is only reported', async () => {
      startAt('2026-07-01T02:00:00Z');
      await t().ctx.db.updateTable('deadline_policies').set({ auto_escalate: true }).where('kind', '=', 'help_request').where('unit_id', 'is', null).execute();
      try {
        const s = await petitionInProgress(t(), w, { kind: 'help_request', body: 'The flood took our rice seed.' }, 'D');
        const due = await dueOf(t(), s.id);
        t().clock.set(new Date(due.getTime() + 2 * 60_000));
        const [a, b] = [await sweepDeadlines(t().ctx), await sweepDeadlines(t().ctx)];
        assert.deepEqual([a.escalated, b.escalated], [1, 0]);
        const row = await t().ctx.db
          .selectFrom('petitions')
          .select(['status', 'unit_id', 'escalation_count', 'escalated_to_path', 'handler_id', 'due_at'])
          .where('id', '=', s.id)
          .executeTakeFirstOrThrow();
        assert.equal(row.unit_id, w.units.DP.id);
        assert.equal(row.escalation_count, 1);
        assert.equal(row.escalated_to_path, w.units.DP.path);
        assert.equal(row.status, 'accepted');
        assert.equal(row.handler_id, null);
        assert.ok(row.due_at > t().clock.now(), 'a new due time at the province');
        // The handler and leader hear it is overdue; the province's dispatchers and leaders hear
        // of the escalation (not of the overdue as well).
        assert.deepEqual(
          await noticeMap(t(), s.id, [overdue, 'petition_escalated_official']),
          new Map([
            [w.hand1.id, [overdue]],
            [w.lead1.id, [overdue]],
            [w.provDisp.id, ['petition_escalated_official']],
            [w.provLead.id, ['petition_escalated_official']],
          ]),
        );
        const events = await t().ctx.db.selectFrom('petition_events').select(['type', 'actor_label', 'data']).where('petition_id', '=', s.id).where('type', '=', 'escalated').execute();
        assert.equal(events.length, 1);
        assert.equal(events[0].actor_label, 'system:deadline-sweep');
        assert.equal((events[0].data as { cause: string }).cause, 'deadline_missed');
        const actions = await actionsOf(t().ctx.db, s.id);
        assert.deepEqual(actions.filter((x) => x.stage === 'overdue').map((x) => x.escalated_to), [w.units.DP.id]);

        // At the province, past its new due time: reported to the province's own dispatchers and
        // leaders (nobody is assigned), and not escalated, for there is no unit above.
        t().clock.set(new Date(row.due_at.getTime() + 2 * 60_000));
        const c = await sweepDeadlines(t().ctx);
        assert.deepEqual([c.overdue, c.escalated], [1, 0]);
        const at = await t().ctx.db.selectFrom('petitions').select(['unit_id', 'escalation_count']).where('id', '=', s.id).executeTakeFirstOrThrow();
        assert.deepEqual(at, { unit_id: w.units.DP.id, escalation_count: 1 });
        const told = await noticeMap(t(), s.id, [overdue]);
        assert.deepEqual(told.get(w.provDisp.id), [overdue]);
        assert.deepEqual(told.get(w.provLead.id), [overdue]);
      } finally {
        await t().ctx.db.updateTable('deadline_policies').set({ auto_escalate: false }).where('kind', '=', 'help_request').where('unit_id', 'is', null).execute();
      }
    });

    test('a conduct report: the official it is about is never told; the parent unit hears through its leaders', async () => {
      startAt('2026-08-03T02:00:00Z');
      const s = await submitOk(t(), {
        unit: 'DC1',
        kind: 'conduct_report',
        body: 'The handler at the counter shouted at my mother.',
        reportedOfficial: w.hand1.id,
        resident: { name: 'Lê Thị Cúc', email: 'cuc@example.vn' },
      });
      const due = await dueOf(t(), s.id);
      t().clock.set(new Date(due.getTime() - 20 * hour));
      await sweepDeadlines(t().ctx);
      t().clock.set(new Date(due.getTime() + hour));
      await sweepDeadlines(t().ctx);
      const told = await noticeMap(t(), s.id, [reminder, overdue]);
      assert.equal(told.has(w.hand1.id), false);
      assert.equal(told.has(w.disp1.id), false, 'dispatchers do not see conduct reports');
      assert.equal(told.has(w.provDisp.id), false);
      assert.deepEqual(told.get(w.lead1.id), [reminder, overdue]);
      assert.deepEqual(told.get(w.provLead.id), [overdue]);
    });

    test('the sweep is a recurring job that every server process runs', async () => {
      startAt('2026-09-01T02:00:00Z');
      const s = await petitionInProgress(t(), w, {}, 'D');
      t().clock.set(new Date((await dueOf(t(), s.id)).getTime() + hour));
      await runDueJobs(t().ctx);
      assert.equal((await noticeMap(t(), s.id, [overdue])).size, 3);
      const job = await t().ctx.db.selectFrom('jobs').select(['state']).where('kind', '=', 'deadlines.sweep').orderBy('id', 'desc').executeTakeFirstOrThrow();
      assert.equal(job.state, 'done');
    });

    test('finding what is due reads petitions_open_due', async () => {
      const plan = await t().ctx.db.transaction().execute(async (trx) => {
        await sql`SET LOCAL enable_seqscan = off`.execute(trx);
        const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${dueCandidatesQuery(t().clock.now(), 500)}`.execute(trx);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      // One index range per stage, and no other way into petitions.
      assert.equal(plan.match(/Index Scan using petitions_open_due on petitions/g)?.length, 3, plan);
      assert.doesNotMatch(plan, /Seq Scan on petitions|petitions_inbox/, plan);
    });
  },
  testOptions,
);
