/**
 * The database repeats some domain lists in CHECK constraints, partial indexes and trigger
 * functions (written in released migrations, which are never edited). This test reads them back
 * from the catalogue on each backend and compares them with server/contract/domain.ts, so a new
 * status or kind cannot be added on one side only.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { backends, createTestDatabase } from '../test/databases.ts';
import type { Database } from '../platform/db.ts';
import { locales } from '../platform/i18n.ts';
import { publicKinds } from '../modules/petitions/index.ts';
import {
  articleKinds,
  articleStates,
  channels,
  consultationStatuses,
  councilKinds,
  dayTypes,
  electorateKinds,
  eventVisibilities,
  gatheringKinds,
  gatheringStates,
  holidayRules,
  hostRoles,
  inspectionVerdicts,
  majorityBases,
  matterContents,
  matterStages,
  memberRoles,
  openStatuses,
  petitionCategories,
  petitionKinds,
  petitionStatuses,
  proposerKinds,
  ratingScores,
  reviewOutcomes,
  reviewStages,
  roles,
  taskStatuses,
  voteChannels,
  scorecardMeasures,
  scorecardGrades,
  steeringRoles,
} from './domain.ts';

/** Which list each constrained column must hold, as "table.column". */
const checkedColumns: Record<string, readonly string[]> = {
  'petitions.kind': petitionKinds,
  'deadline_policies.kind': petitionKinds,
  'deadline_policies.day_type': dayTypes,
  'deadline_policies.channel': channels,
  'deadline_policies.ack_day_type': dayTypes,
  'petitions.review_stage': reviewStages,
  'petitions.channel': channels,
  'petitions.status': petitionStatuses,
  'petitions.rating': ratingScores,
  'petition_ratings.score': ratingScores,
  'petition_events.visibility': eventVisibilities,
  'grants.role': roles,
  'petitioners.locale': locales,
  'notification_outbox.locale': locales,
  'reports.locale': locales,
  'subscriptions.locale': locales,
  'article_versions.language': locales,
  'gatherings.kind': gatheringKinds,
  'gathering_series.kind': gatheringKinds,
  'gatherings.state': gatheringStates,
  'gatherings.host_role': hostRoles,
  'reception_minimums.role': hostRoles,
  'gathering_series.holiday_rule': holidayRules,
  'councils.kind': councilKinds,
  'councils.majority_base': majorityBases,
  'council_members.role': memberRoles,
  'matters.content': matterContents,
  'matters.stage': matterStages,
  'matters.proposer_kind': proposerKinds,
  'matters.review_outcome': reviewOutcomes,
  'matter_tasks.status': taskStatuses,
  'task_inspections.verdict': inspectionVerdicts,
  'consultations.electorate_kind': electorateKinds,
  'consultations.status': consultationStatuses,
  'consultation_voters.vote_channel': voteChannels,
  'articles.kind': articleKinds,
  'articles.state': articleStates,
  'steering_members.role': steeringRoles,
  'scorecard_criteria.measure': scorecardMeasures,
  'yearly_reviews.computed_grade': scorecardGrades,
  'yearly_reviews.leader_grade': scorecardGrades,
};

/**
 * Lists a table keeps to itself: states of its own rows, the grains of the figures' rollups,
 * the file types it stores. No domain list stands behind them; a new CHECK list must be one of
 * these or a column above, so that a copy of a contract list cannot slip in unchecked.
 */
const ownLists = [
  'accounts.kind',
  'calendar_days.kind',
  'conduct_findings.outcome',
  'gathering_attachments.content_type',
  'gathering_petitions.via',
  'jobs.state',
  'notification_outbox.channel',
  'notification_outbox.state',
  'official_photos.content_type',
  'open311_updates.status',
  'petition_attachments.content_type',
  'reception_minimums.per',
  'reports.audience',
  'routing_models.target',
  'satisfaction_ratings.source',
  'service_point_checklist_levels.checklist_level',
  'figures_answer_hist.grain',
  'figures_answer_hist.level',
  'figures_counts.dim',
  'figures_counts.grain',
  'figures_deltas.sign',
  'figures_levels.grains',
  'steering_decisions.status',
  'subscriptions.channel',
];

/** The quoted words of an `ARRAY['a'::text, …]` or `IN ('a', …)` in catalogue text. */
const words = (text: string) => [...text.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]).sort();
const sorted = (list: readonly string[]) => [...list].sort();

for (const backend of backends) {
  test(`the database's lists are the contract's (${backend})`, async (t) => {
    let database: Database;
    before(async () => {
      database = await createTestDatabase(backend);
    });
    after(() => database.close());

    await t.test('every CHECK constraint that lists a domain value lists exactly the contract', async () => {
      const { rows } = await sql<{ table: string; def: string }>`
        SELECT conrelid::regclass::text AS table, pg_get_constraintdef(oid) AS def
          FROM pg_constraint WHERE contype = 'c' AND conrelid <> 0`.execute(database.db);
      const found = new Map<string, string[]>();
      for (const r of rows) {
        const m = /^CHECK \(\((\w+) = ANY \(ARRAY\[(.*)\]\)\)\)$/.exec(r.def);
        if (m) found.set(`${r.table}.${m[1]}`, words(m[2]));
      }
      for (const [column, list] of Object.entries(checkedColumns)) {
        assert.deepEqual(found.get(column), sorted(list), column);
      }
      const unplaced = [...found.keys()].filter((column) => !(column in checkedColumns) && !ownLists.includes(column)).sort();
      assert.deepEqual(unplaced, [], 'each CHECK list is a contract list (checkedColumns) or a table\'s own (ownLists)');
    });

    await t.test('the figures name the contract\'s categories', async () => {
      const { rows } = await sql<{ category: string }>`SELECT category FROM figures_categories`.execute(database.db);
      assert.deepEqual(rows.map((r) => r.category).sort(), sorted(petitionCategories));
    });

    await t.test('the partial indexes on open petitions use the contract\'s open statuses', async () => {
      const { rows } = await sql<{ name: string; def: string }>`
        SELECT indexname AS name, indexdef AS def FROM pg_indexes
         WHERE tablename = 'petitions' AND indexdef LIKE '%WHERE (status%'`.execute(database.db);
      assert.deepEqual(rows.map((r) => r.name).sort(), ['petitions_open_due', 'petitions_open_inbox']);
      for (const r of rows) assert.deepEqual(words(r.def.slice(r.def.indexOf('WHERE'))), sorted(openStatuses), r.name);
    });

    await t.test('the public list\'s and the public search\'s partial indexes hold the kinds the public may see', async () => {
      const { rows } = await sql<{ def: string }>`
        SELECT indexdef AS def FROM pg_indexes WHERE indexname IN ('petitions_public_newest', 'petitions_public_search')`.execute(database.db);
      assert.equal(rows.length, 2);
      for (const row of rows) {
        const kinds = /kind = ANY \(ARRAY\[([^\]]*)\]/.exec(row.def);
        assert.ok(kinds, row.def);
        assert.deepEqual(words(kinds[1]), sorted(publicKinds));
      }
    });

    await t.test('the figures\' trigger functions count the contract\'s open statuses as open', async () => {
      const { rows } = await sql<{ name: string; src: string }>`
        SELECT proname AS name, prosrc AS src FROM pg_proc
         WHERE prosrc LIKE '%status IN (%' AND pronamespace = 'public'::regnamespace`.execute(database.db);
      assert.ok(rows.length > 0, 'no function lists statuses');
      for (const r of rows) {
        for (const m of r.src.matchAll(/status IN \(([^)]*)\)/g)) assert.deepEqual(words(m[1]), sorted(openStatuses), r.name);
      }
    });
  });
}
