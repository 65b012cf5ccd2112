/**
 * Two server processes on one PostgreSQL sweep at the same moment, over 1,000 petitions that
 * fell due: every overdue notice, escalation and audit event exists exactly once. Runs where a
 * PostgreSQL server is given (TEST_DATABASE_URL, always set in CI): PGlite has one connection,
 * so two sweeps there cannot overlap.
 */
import { describe, before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { backends, createServerDatabaseUrl } from '../../test/databases.ts';
import { createUnits } from '../../test/factories.ts';
import { openServer, type Database } from '../../platform/db.ts';
import { FixedClock } from '../../platform/clock.ts';
import { testConfig } from '../../platform/config.ts';
import { createLogger } from '../../platform/log.ts';
import type { AppContext } from '../../platform/context.ts';
import { sweepDeadlines, type SweepResult } from './deadlines.sweep.ts';
import { registerModules } from '../index.ts';

// The commands run here in-process, outside a server: they need what the modules bring.
registerModules();

if (backends.includes('postgres')) {
  describe('the deadline sweep in two processes on one PostgreSQL', () => {
    let server: { url: string; drop(): Promise<void> };
    const databases: Database[] = [];
    const clock = new FixedClock('2026-03-02T02:00:00Z');
    const contexts: AppContext[] = [];
    const count = 1000;
    let units: Awaited<ReturnType<typeof createUnits>>;
    const officials: Record<string, number> = {};

    before(async () => {
      server = await createServerDatabaseUrl();
      for (let i = 0; i < 2; i++) {
        const database = openServer(server.url, 4);
        databases.push(database);
        contexts.push({ config: testConfig(), database, db: database.db, clock, log: createLogger('silent') });
      }
      const db = contexts[0].db;
      units = await createUnits(db, [
        { code: 'CP', name: 'C Province', level: 'province' },
        { code: 'CC', name: 'C Commune', level: 'commune', parentCode: 'CP' },
      ]);
      const people: Array<[string, string, 'CP' | 'CC']> = [
        ['handler', 'handler', 'CC'],
        ['leader', 'leader', 'CC'],
        ['provDispA', 'dispatcher', 'CP'],
        ['provDispB', 'dispatcher', 'CP'],
        ['provLead', 'leader', 'CP'],
      ];
      for (const [name, role, unit] of people) {
        const row = await db
          .insertInto('accounts')
          .values({ kind: 'official', username: `conc_${name}`, password_hash: 'unused', name })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db.insertInto('grants').values({ account_id: row.id, unit_id: units[unit].id, role }).execute();
        officials[name] = row.id;
      }
      // Half questions (whose policy here escalates by itself), half suggestions (reported only),
      // all in progress with a handler and a leader, all due at the same end of a day.
      await db
        .insertInto('deadline_policies')
        .values({
          kind: 'question',
          unit_id: units.CC.id,
          ack_working_days: 2,
          urgent_ack_working_hours: 2,
          resolution_days: 7,
          day_type: 'working',
          anonymous_allowed: true,
          reopen_days: 30,
          auto_escalate: true,
          urgent_resolution_days: null,
          max_extensions: null,
          extension_days: null,
          updated_by: null,
        })
        .execute();
      await sql`
        INSERT INTO petitions (tracking_code, kind, channel, body, status, unit_id, unit_path, origin_unit_id, origin_unit_path,
                               handler_id, leader_id, content, expected_result, ack_due_at, due_at, original_due_at,
                               submitted_at, accepted_at, search, created_at, updated_at)
        SELECT 'CONC' || lpad(i::text, 6, '0'), CASE WHEN i % 2 = 0 THEN 'question' ELSE 'suggestion' END, 'hotline',
               'petition ' || i, 'in_progress', ${units.CC.id}, ${units.CC.path}, ${units.CC.id}, ${units.CC.path},
               ${officials.handler}, ${officials.leader}, 'answer it', 'a written answer',
               '2026-03-04T16:59:59.999Z', '2026-03-11T16:59:59.999Z', '2026-03-11T16:59:59.999Z',
               '2026-03-02T02:00:00Z', '2026-03-02T02:00:00Z', to_tsvector('simple', ''), '2026-03-02T02:00:00Z', '2026-03-02T02:00:00Z'
          FROM generate_series(1, ${count}) AS i`.execute(db);
    });

    after(async () => {
      for (const d of databases) await d.close();
      await server?.drop();
    });

    test('1,000 petitions fall due: each notice, escalation and audit event exactly once', async () => {
      clock.set('2026-03-11T17:05:00Z');
      // Small batches, so that the two sweeps go round after round over the same petitions.
      const results = await Promise.all(contexts.map((ctx) => sweepDeadlines(ctx, { batch: 50 })));
      const sum = (key: keyof SweepResult) => results.reduce((n, r) => n + r[key], 0);
      assert.equal(sum('failed'), 0);
      assert.equal(sum('overdue'), count, JSON.stringify(results));
      assert.equal(sum('escalated'), count / 2);
      assert.ok(results.every((r) => r.overdue > 0), `both processes took part: ${JSON.stringify(results)}`);

      const db = contexts[0].db;
      const again = await sweepDeadlines(contexts[1], { batch: 50 });
      assert.deepEqual(again, { reminders: 0, overdue: 0, escalated: 0, failed: 0 });

      const actions = await db.selectFrom('deadline_actions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(actions.n), count);

      // Every (petition, official, template) notice at most once, and the expected number of each.
      const { rows: dup } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM (
          SELECT subject_id, account_id, template FROM official_notices GROUP BY 1, 2, 3 HAVING count(*) > 1) d`.execute(db);
      assert.equal(dup[0].n, 0);
      const { rows: byTemplate } = await sql<{ template: string; account_id: number; n: number }>`
        SELECT template, account_id, count(*)::int AS n FROM official_notices GROUP BY 1, 2 ORDER BY 1, 2`.execute(db);
      const got = Object.fromEntries(byTemplate.map((r) => [`${r.template}:${Object.keys(officials).find((k) => officials[k] === r.account_id)}`, r.n]));
      assert.deepEqual(got, {
        // the handler and leader of every petition
        'petition_overdue_official:handler': count,
        'petition_overdue_official:leader': count,
        // the province's dispatchers for the suggestions, which stay at the commune
        'petition_overdue_official:provDispA': count / 2,
        'petition_overdue_official:provDispB': count / 2,
        // the province's dispatchers and leaders for the questions, escalated to them
        'petition_escalated_official:provDispA': count / 2,
        'petition_escalated_official:provDispB': count / 2,
        'petition_escalated_official:provLead': count / 2,
      });

      const { rows: petitions } = await sql<{ kind: string; unit_id: number; escalation_count: number; n: number }>`
        SELECT kind, unit_id, escalation_count, count(*)::int AS n FROM petitions GROUP BY 1, 2, 3 ORDER BY 1`.execute(db);
      assert.deepEqual(petitions, [
        { kind: 'question', unit_id: units.CP.id, escalation_count: 1, n: count / 2 },
        { kind: 'suggestion', unit_id: units.CC.id, escalation_count: 0, n: count / 2 },
      ]);
      const { rows: audit } = await sql<{ action: string; n: number; per: number }>`
        SELECT action, count(*)::int AS n, max(c)::int AS per FROM (
          SELECT action, subject_id, count(*) AS c FROM audit_events WHERE subject_type = 'petition' GROUP BY 1, 2) x
         GROUP BY 1 ORDER BY 1`.execute(db);
      assert.deepEqual(audit, [
        { action: 'petition.escalate', n: count / 2, per: 1 },
        { action: 'petition.overdue', n: count, per: 1 },
      ]);
      const { rows: events } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM petition_events WHERE type = 'escalated'`.execute(db);
      assert.equal(events[0].n, count / 2);
    });
  });
}
