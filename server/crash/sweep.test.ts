/**
 * Two server processes on one PostgreSQL, both running the deadline sweep (with two more
 * sweeps in this process at the same moment): 1,000 petitions fall due and escalate, 100 more
 * come within a day of their due time; each reminder, overdue notice, escalation and
 * notification happens exactly once.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../schema.ts';
import { backends } from '../test/databases.ts';
import { createUnits } from '../test/factories.ts';
import { FixedClock } from '../platform/clock.ts';
import { testConfig } from '../platform/config.ts';
import { createLogger } from '../platform/log.ts';
import { anonymous } from '../platform/access.ts';
import type { AppContext } from '../platform/context.ts';
import type { Database } from '../platform/db.ts';
import { submitPetition } from '../modules/petitions/intake/submitPetition.ts';
import { sweepDeadlines } from '../modules/deadlines/deadlines.sweep.ts';
import { ensureWebBuild } from '../../web/build.ts';
import { createStore, startServerProcess, type ServerProcess, type Store } from './processes.ts';
import { registerModules } from '../modules/index.ts';

// The commands run here in-process, outside a server: they need what the modules bring.
registerModules();

const overdueCount = 1000;
const reminderCount = 100;
const day = 86_400_000;

/** Officials who route the commune's and the province's work. */
async function createOfficials(db: Kysely<DB>, units: Record<string, { id: number }>): Promise<void> {
  const people: Array<[string, string, string]> = [
    ['sweep-c-dispatcher', 'SC', 'dispatcher'],
    ['sweep-c-leader', 'SC', 'leader'],
    ['sweep-p-dispatcher', 'SP', 'dispatcher'],
    ['sweep-p-leader', 'SP', 'leader'],
  ];
  for (const [username, unit, role] of people) {
    const { id } = await db
      .insertInto('accounts')
      .values({ kind: 'official', username, password_hash: 'no-sign-in', name: username })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('grants').values({ account_id: id, unit_id: units[unit].id, role }).execute();
  }
}

/** Petitions submitted through the intake command, at a chosen moment; answers their due time. */
async function submitMany(database: Database, at: Date, n: number, tag: string): Promise<Date> {
  const ctx: AppContext = { config: testConfig(), database, db: database.db, clock: new FixedClock(at), log: createLogger('silent') };
  let dueAt: Date | undefined;
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < n) {
        const i = next++;
        const r = await submitPetition(ctx, anonymous, {
          unit: 'SC',
          kind: 'question',
          title: `${tag} ${i}`,
          body: `Câu hỏi ${tag} số ${i}`,
          resident: { name: 'Trần Thị Bình', email: `${tag}-${i}@example.vn` },
        });
        dueAt = r.dueAt;
      }
    }),
  );
  return dueAt!;
}

async function countBy(db: Kysely<DB>, query: RawBuilder<{ k: string; n: number }>): Promise<Map<string, number>> {
  const { rows } = await query.execute(db);
  return new Map(rows.map((r) => [r.k, Number(r.n)]));
}

for (const backend of backends.filter((b) => b === 'postgres')) {
  describe(`the deadline sweep in two server processes on one PostgreSQL [${backend}]`, () => {
    let store: Store;
    let database: Database;
    const servers: ServerProcess[] = [];

    before(async () => {
      await ensureWebBuild({ quiet: true });
      store = await createStore(backend);
      database = await store.open();
    });

    after(async () => {
      await Promise.all(servers.map((s) => s.stop()));
      await database?.close();
      await store?.remove();
    });

    it('reminds, tells and escalates each petition exactly once', async (t) => {
      const t0 = Date.now();
      const db = database.db;
      const units = await createUnits(db, [
        { code: 'SP', name: 'Tỉnh Hạn Chót', level: 'province' },
        { code: 'SC', name: 'Xã Hạn Chót', level: 'commune', parentCode: 'SP' },
      ]);
      await createOfficials(db, units);
      // Questions escalate to the province by themselves when their due time passes.
      await db.updateTable('deadline_policies').set({ auto_escalate: true }).where('kind', '=', 'question').where('unit_id', 'is', null).execute();

      const now = Date.now();
      const [lateDue, soonDue] = await Promise.all([
        submitMany(database, new Date(now - 40 * day), overdueCount, 'late'),
        submitMany(database, new Date(now), reminderCount, 'soon'),
      ]);
      // The servers' "now": 12 hours before the second group is due (its final reminder is
      // due), long after the first group was due.
      const serverNow = soonDue.getTime() - 12 * 3600_000;
      t.diagnostic(`${overdueCount + reminderCount} petitions submitted in ${Date.now() - t0} ms`);
      assert.ok(lateDue.getTime() < serverNow - day);
      const ids = await db.selectFrom('petitions').select(['id', 'title']).execute();
      const late = ids.filter((p) => p.title!.startsWith('late')).map((p) => p.id);
      const soon = ids.filter((p) => p.title!.startsWith('soon')).map((p) => p.id);

      const env = { ...store.env, ZD_CLOCK_OFFSET_MS: String(serverNow - Date.now()), ZD_JOB_POLL_MS: '300', LOG_LEVEL: 'warn' };
      servers.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
      // Two more sweeps right here, at the same moment: whatever runs at once, each once.
      const here: AppContext = { config: testConfig(), database, db, clock: new FixedClock(new Date(serverNow + 60_000)), log: createLogger('silent') };
      await Promise.all([sweepDeadlines(here), sweepDeadlines(here)]);

      // Wait (bounded) until every petition was handled.
      const deadline = Date.now() + 240_000;
      for (;;) {
        const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM deadline_actions`.execute(db);
        if (rows[0].n >= overdueCount + reminderCount) break;
        assert.ok(Date.now() < deadline, `handled ${rows[0].n} of ${overdueCount + reminderCount} within 240 s`);
        await new Promise((r) => setTimeout(r, 500));
      }
      t.diagnostic(`all handled ${Date.now() - t0} ms after the start`);
      // Once more from here and a moment for the servers' next passes: nothing may happen twice.
      await sweepDeadlines(here);
      await new Promise((r) => setTimeout(r, 1500));

      const actions = await countBy(db, sql<{ k: string; n: number }>`
        SELECT petition_id || ':' || stage AS k, count(*)::int AS n FROM deadline_actions GROUP BY 1`);
      for (const id of late) assert.equal(actions.get(`${id}:overdue`), 1, `petition ${id}: one overdue action`);
      for (const id of soon) assert.equal(actions.get(`${id}:reminder_final`), 1, `petition ${id}: one final reminder`);
      assert.equal(actions.size, overdueCount + reminderCount, 'no other stage acted');

      const escalations = await countBy(db, sql<{ k: string; n: number }>`
        SELECT petition_id::text AS k, count(*)::int AS n FROM petition_events WHERE type = 'escalated' GROUP BY 1`);
      for (const id of late) assert.equal(escalations.get(String(id)), 1, `petition ${id} escalated once`);
      assert.equal(escalations.size, overdueCount);
      const moved = await db.selectFrom('petitions').select(['id', 'unit_id', 'escalation_count']).where('id', 'in', late).execute();
      for (const p of moved) {
        assert.equal(p.escalation_count, 1);
        assert.equal(p.unit_id, units.SP.id, 'it is now the province\'s');
      }

      const audited = await countBy(db, sql<{ k: string; n: number }>`
        SELECT subject_id || ':' || action AS k, count(*)::int AS n FROM audit_events
         WHERE subject_type = 'petition' AND action IN ('petition.overdue', 'petition.escalate') GROUP BY 1`);
      for (const id of late) {
        assert.equal(audited.get(`${id}:petition.overdue`), 1);
        assert.equal(audited.get(`${id}:petition.escalate`), 1);
      }

      // Notices: none twice, and every petition's reached someone.
      const twice = await sql<{ k: string }>`
        SELECT subject_id || ':' || account_id || ':' || template AS k FROM official_notices
         GROUP BY subject_id, account_id, template HAVING count(*) > 1`.execute(db);
      assert.deepEqual(twice.rows, []);
      const noticed = await countBy(db, sql<{ k: string; n: number }>`
        SELECT template AS k, count(DISTINCT subject_id)::int AS n FROM official_notices GROUP BY 1`);
      assert.equal(noticed.get('petition_due_reminder'), reminderCount);
      assert.equal(noticed.get('petition_overdue_official'), overdueCount);
      assert.equal(noticed.get('petition_escalated_official'), overdueCount);

      // Residents hear of the escalation once each.
      const told = await countBy(db, sql<{ k: string; n: number }>`
        SELECT recipient AS k, count(*)::int AS n FROM notification_outbox WHERE template = 'petition_escalated' GROUP BY 1`);
      assert.equal(told.size, overdueCount);
      for (const n of told.values()) assert.equal(n, 1);
    });
  });
}
