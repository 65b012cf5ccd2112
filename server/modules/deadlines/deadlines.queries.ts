/** Every SQL statement of the deadline sweep. */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../schema.ts';
import type { DeadlinePolicy } from '../petitions/index.ts';
import { stages, stageWindow, type StageName } from './deadlines.policy.ts';
import { openStatuses, type Channel, type PetitionKind, type PetitionStatus } from '../../contract/domain.ts';
import { literalList } from '../../platform/db.ts';

/** Written out, so that the planner proves the predicate of petitions_open_due and uses it. */
const openStatusList = literalList(openStatuses);

export interface Candidate {
  stage: StageName;
  id: number;
  due_at: Date;
}

/**
 * The petitions each stage must handle now, at most `batch` per stage, earliest due first:
 * one statement, one range of petitions_open_due per stage. With nothing due it reads a few
 * index entries and answers no rows.
 */
export async function dueCandidates(db: Kysely<DB>, now: Date, batch: number): Promise<Candidate[]> {
  const { rows } = await dueCandidatesQuery(now, batch).execute(db);
  return rows;
}

export function dueCandidatesQuery(now: Date, batch: number): RawBuilder<Candidate> {
  const branches: RawBuilder<unknown>[] = stages.map((stage, index) => {
    const { after, until } = stageWindow(index, now, null);
    const done = sql`(SELECT done_until FROM deadline_sweep_state WHERE stage = ${stage.name})`;
    const lower = after === null ? sql`coalesce(${done}, '-infinity'::timestamptz)` : sql`greatest(coalesce(${done}, '-infinity'::timestamptz), ${after}::timestamptz)`;
    return sql`(SELECT ${stage.name}::text AS stage, p.id, p.due_at FROM petitions p
                 WHERE p.status IN ${openStatusList} AND p.due_at > ${lower} AND p.due_at <= ${until}::timestamptz
                 ORDER BY p.due_at LIMIT ${batch})`;
  });
  return sql<Candidate>`${sql.join(branches, sql` UNION ALL `)}`;
}

/** Every open petition due exactly at this time (a batch that ended inside a tie is completed). */
export async function dueExactlyAt(db: Kysely<DB>, dueAt: Date): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    SELECT id FROM petitions WHERE status IN ${openStatusList} AND due_at = ${dueAt}`.execute(db);
  return rows.map((r) => r.id);
}

interface WatchedPetition {
  id: number;
  tracking_code: string;
  kind: PetitionKind;
  channel: Channel;
  status: PetitionStatus;
  unit_id: number;
  due_at: Date;
  handler_id: number | null;
  leader_id: number | null;
  reported_official_id: number | null;
}

/** The petition, locked until the transaction ends: two sweeps on it take turns. */
export function lockPetition(trx: Kysely<DB>, id: number): Promise<WatchedPetition | undefined> {
  return trx
    .selectFrom('petitions')
    .select(['id', 'tracking_code', 'kind', 'channel', 'status', 'unit_id', 'due_at', 'handler_id', 'leader_id', 'reported_official_id'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Claims the stage for this petition and due time; false when it was handled already. */
export async function claimAction(trx: Kysely<DB>, petitionId: number, stage: StageName, dueAt: Date, at: Date): Promise<boolean> {
  const row = await trx
    .insertInto('deadline_actions')
    .values({ petition_id: petitionId, stage, due_at: dueAt, at })
    .onConflict((oc) => oc.columns(['petition_id', 'stage', 'due_at']).doNothing())
    .returning('petition_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function recordOutcome(
  trx: Kysely<DB>,
  petitionId: number,
  stage: StageName,
  dueAt: Date,
  outcome: { notified: number; escalatedTo: number | null },
): Promise<void> {
  await trx
    .updateTable('deadline_actions')
    .set({ notified: outcome.notified, escalated_to: outcome.escalatedTo })
    .where('petition_id', '=', petitionId)
    .where('stage', '=', stage)
    .where('due_at', '=', dueAt)
    .execute();
}

/** The stage is done for every due time up to `until` (never moves back). */
export async function advanceStage(db: Kysely<DB>, stage: StageName, until: Date): Promise<void> {
  await db
    .insertInto('deadline_sweep_state')
    .values({ stage, done_until: until })
    .onConflict((oc) =>
      oc.column('stage').doUpdateSet({ done_until: sql<Date>`greatest(deadline_sweep_state.done_until, excluded.done_until)` }),
    )
    .execute();
}

export interface SweepUnit {
  id: number;
  name: string;
  path: string;
  parent_id: number | null;
  country: string;
  time_zone: string;
}

export function findUnit(db: Kysely<DB>, id: number): Promise<SweepUnit | undefined> {
  return db.selectFrom('units').select(['id', 'name', 'path', 'parent_id', 'country', 'time_zone']).where('id', '=', id).executeTakeFirst();
}

/** Every deadline policy (a few rows per kind); the sweep picks the one holding at each unit. */
export function allPolicies(db: Kysely<DB>): Promise<DeadlinePolicy[]> {
  return db.selectFrom('deadline_policies').selectAll().execute();
}

/** What the sweep did for a petition, for tests and for the officials' questions ("was I told?"). */
export function actionsOf(db: Kysely<DB>, petitionId: number) {
  return db
    .selectFrom('deadline_actions')
    .select(['stage', 'due_at', 'at', 'notified', 'escalated_to'])
    .where('petition_id', '=', petitionId)
    .orderBy('due_at')
    .orderBy('stage')
    .execute();
}
