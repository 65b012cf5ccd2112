/** The SQL of the officials' list of petitions. */
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import { type PetitionKind, type PetitionStatus, awaitingAcceptance, openStatuses } from '../../../contract/domain.ts';
import { type Official, unitScope } from '../../../platform/access.ts';
import { type Database, executePrepared, literalList, underPath } from '../../../platform/db.ts';
import type { DB } from '../../../schema.ts';
import { protectedKinds } from '../petitions.policy.ts';
import { type PetitionRow, searchFitsIndex } from '../petitions.queries.ts';
import { conductReportReaders, petitionReaders } from '../../../contract/roleSets.ts';

// ---- the officials' list ----

/** The roles that see a unit's petitions (conduct reports: supervisors and auditors only). */

export type PetitionsEb = ExpressionBuilder<DB & { p: DB['petitions'] }, 'p'>;

/** The SQL twin of policy.canSee: what this official may see. */
export function visibleTo(eb: PetitionsEb, actor: Official) {
  const under = (prefixes: string[]) =>
    prefixes.length ? eb.or(prefixes.map((prefix) => eb('p.unit_path', 'like', `${prefix}%`))) : eb.lit(false);
  return eb.and([
    eb.or([eb('p.reported_official_id', 'is', null), eb('p.reported_official_id', '!=', actor.id)]),
    eb.or([
      eb('p.handler_id', '=', actor.id),
      eb('p.leader_id', '=', actor.id),
      eb.and([eb('p.kind', '!=', 'conduct_report'), under(unitScope(actor, petitionReaders))]),
      eb.and([eb('p.kind', '=', 'conduct_report'), under(unitScope(actor, conductReportReaders))]),
    ]),
  ]);
}

export interface ListFilters {
  unitPath?: string;
  statuses?: PetitionStatus[];
  kinds?: PetitionKind[];
  category?: string;
  channels?: string[];
  assignedToMe?: boolean;
  leadByMe?: boolean;
  awaitingApproval?: boolean;
  overdue?: boolean;
  dueBefore?: Date;
  phone?: string;
  /** A tsquery text ('word':* & …). */
  tsquery?: string;
  sort: 'newest' | 'due';
  after?: { id: number; dueAt?: Date };
  limit: number;
  now: Date;
  /** Matches probed before the ordered walk is preferred (listProbeLimit; tests lower it). */
  probeLimit?: number;
  /** Most recent petitions looked at first by a broad scope's plain newest-first list (listWalkFirst; tests change it). */
  walkFirst?: number;
}

/**
 * What a row of the list reads: the summary's fields, what its abilities and its masking are
 * decided on (PetitionSubject), and what the filters test in a broad scope's newest-first walk.
 * Not the whole petition: at 21 rows a page, parsing the other columns (twenty timestamps among
 * them) was a large part of the server's time per list.
 */
const listColumns = [
  'id', 'tracking_code', 'version', 'status', 'kind', 'category', 'channel', 'title', 'body', 'urgent', 'unit_id',
  'unit_path', 'submitted_at', 'ack_due_at', 'due_at', 'handler_id', 'leader_id', 'reported_official_id',
  'review_stage', 'case_id', 'pending_answer_at',
] as const;
const pListColumns = listColumns.map((c) => `p.${c}` as const);

export type ListRow = Pick<PetitionRow, (typeof listColumns)[number]> & {
  unit_code: string;
  unit_name: string;
  handler_name: string | null;
  leader_name: string | null;
};

// The status lists are literals, so that the plan kept for the probe (listPetitions) still
// proves petitions_open_inbox's predicate.
const openStatusList = literalList(openStatuses);
const awaitingAcceptanceList = literalList(awaitingAcceptance);

function overdueCondition(eb: PetitionsEb, now: Date) {
  return eb.and([
    sql<boolean>`p.status in ${openStatusList}`,
    eb.or([
      eb('p.due_at', '<', now),
      eb.and([sql<boolean>`p.status in ${awaitingAcceptanceList}`, eb('p.ack_due_at', '<', now)]),
    ]),
  ]);
}

/** The filters of a list request (not who may see): search, fields, due times, phone, cursor. */
function filterCondition(eb: PetitionsEb, actor: Official, f: ListFilters) {
  const all: Array<Expression<SqlBool>> = [eb.or([eb('p.reported_official_id', 'is', null), eb('p.reported_official_id', '!=', actor.id)])];
  if (f.tsquery) all.push(eb(sql<string>`p.search`, '@@', sql<string>`to_tsquery('simple', ${f.tsquery})`));
  if (f.unitPath) all.push(underPath(sql.ref('p.unit_path'), f.unitPath));
  if (f.statuses?.length) all.push(sql<boolean>`p.status in ${literalList(f.statuses)}`);
  if (f.kinds?.length) all.push(eb('p.kind', 'in', f.kinds));
  if (f.category) all.push(eb('p.category', '=', f.category));
  if (f.channels?.length) all.push(eb('p.channel', 'in', f.channels as PetitionRow['channel'][]));
  if (f.assignedToMe) all.push(eb('p.handler_id', '=', actor.id));
  if (f.leadByMe) all.push(eb('p.leader_id', '=', actor.id));
  if (f.awaitingApproval !== undefined) all.push(eb('p.pending_answer_at', f.awaitingApproval ? 'is not' : 'is', null));
  if (f.overdue !== undefined) all.push(f.overdue ? overdueCondition(eb, f.now) : eb.not(overdueCondition(eb, f.now)));
  if (f.dueBefore) all.push(eb('p.due_at', '<', f.dueBefore), sql<boolean>`p.status in ${openStatusList}`);
  if (f.phone) {
    all.push(
      eb.exists(eb.selectFrom('petitioners as pe').select('pe.id').whereRef('pe.petition_id', '=', 'p.id').where('pe.phone_key', '=', f.phone)),
      // Finding a denouncer by phone number would name them: only the case's handler and leader may.
      eb.or([eb('p.kind', 'not in', protectedKinds), eb('p.handler_id', '=', actor.id), eb('p.leader_id', '=', actor.id)]),
    );
  }
  if (f.after) {
    const { id, dueAt } = f.after;
    all.push(f.sort === 'due' && dueAt ? eb(eb.refTuple('p.due_at', 'p.id'), '>', eb.tuple(dueAt, id)) : eb('p.id', '<', id));
  }
  return eb.and(all);
}

/**
 * visibleTo as parts, each one range of one index: a subtree per prefix (conduct reports
 * apart), the cases the official handles, and those they lead (a case may be in several parts).
 */
function visibleParts(actor: Official, searching: boolean): Array<(eb: PetitionsEb) => ReturnType<PetitionsEb['and']>> {
  const parts: Array<(eb: PetitionsEb) => ReturnType<PetitionsEb['and']>> = [];
  // Subtrees as bounds (underPath), which the probe's kept plan reads as a range of the index.
  const under = (prefix: string) => underPath(sql.ref('p.unit_path'), prefix);
  for (const prefix of unitScope(actor, petitionReaders)) {
    parts.push((eb) => eb.and([under(prefix), eb('p.kind', '!=', 'conduct_report')]));
  }
  for (const prefix of unitScope(actor, conductReportReaders)) {
    parts.push((eb) => eb.and([under(prefix), eb('p.kind', '=', 'conduct_report')]));
  }
  // Apart rather than OR-ed, so that each reads its index alone (migration 0960); the probe counts distinct ids.
  if (searching) {
    // A handler's search matches their cases on petitions_handler_search's entries, which hold
    // the search words (migration 0994): a busy handler's thousands of rows are not read. The
    // few vectors too long for an entry are read from the table.
    parts.push((eb) => eb.and([eb('p.handler_id', '=', actor.id), searchFitsIndex]));
    parts.push((eb) => eb.and([eb('p.handler_id', '=', actor.id), eb.not(searchFitsIndex)]));
  } else parts.push((eb) => eb.and([eb('p.handler_id', '=', actor.id)]));
  parts.push((eb) => eb.and([eb('p.leader_id', '=', actor.id)]));
  return parts;
}

/** Up to this many matches are fetched as ids first and ordered by themselves. */
const listProbeLimit = 5000;

/** How many of the most recent petitions a province's or the country's plain newest-first list looks at first. */
const listWalkFirst = 1000;

/**
 * A newest-first list with no filter but the caller's scope, for a scope as wide as a province
 * or wider: a few percent of all petitions or more, so its newest are among the most recent of
 * all, and probing its every match (thousands) costs more than looking at the most recent.
 */
function walksFirst(actor: Official, f: ListFilters): boolean {
  const filtered =
    f.tsquery || f.phone || f.unitPath || f.statuses?.length || f.kinds?.length || f.category || f.channels?.length ||
    f.assignedToMe || f.leadByMe || f.awaitingApproval !== undefined || f.overdue !== undefined || f.dueBefore;
  return f.sort === 'newest' && !filtered && unitScope(actor, petitionReaders).some((prefix) => prefix.split('/').filter(Boolean).length <= 2);
}

/**
 * The inbox. Ordered by id (or due time) with a LIMIT, PostgreSQL walks the primary key
 * backwards hoping to meet matches early; when they are rare (a commune's few received
 * petitions among a province's) it walks the whole table (measured: 150 ms at 400,000 rows).
 * So the matches are probed first, unordered, each part of the caller's scope one index-only
 * range of petitions_inbox, or of petitions_open_inbox for open statuses (migrations 0101,
 * 0102): when at most listProbeLimit match, the page is picked among them and only its rows
 * are read; more than that are dense, and the ordered walk meets them at once. (The probe and
 * the page in one statement took longer to plan than the two take together, and saved less.)
 * A province's or the country's plain newest-first list looks at the most recent petitions
 * first (walksFirst): at 1e6 petitions 0.7 ms against 7–14 ms for probing its matches.
 */
export async function listPetitions(
  db: Kysely<DB>,
  actor: Official,
  f: ListFilters,
  database?: Database,
): Promise<ListRow[]> {
  const probeLimit = f.probeLimit ?? listProbeLimit;
  if (walksFirst(actor, f)) {
    // The page is exact when the most recent petitions hold a full page of matches; otherwise probe.
    let recent = db.selectFrom('petitions').select(listColumns).orderBy('id', 'desc').limit(f.walkFirst ?? listWalkFirst);
    if (f.after) recent = recent.where('id', '<', f.after.id);
    const rows = (await db
      .selectFrom(recent.as('p'))
      .innerJoin('units as u', 'u.id', 'p.unit_id')
      .leftJoin('accounts as h', 'h.id', 'p.handler_id')
      .leftJoin('accounts as l', 'l.id', 'p.leader_id')
      .select([...pListColumns, 'u.code as unit_code', 'u.name as unit_name', 'h.name as handler_name', 'l.name as leader_name'])
      .where((eb) => eb.and([visibleTo(eb as unknown as PetitionsEb, actor), filterCondition(eb as unknown as PetitionsEb, actor, f)]))
      .orderBy('p.id', 'desc')
      .limit(f.limit)
      .execute()) as ListRow[];
    if (rows.length === f.limit) return rows;
  }
  const parts = visibleParts(actor, f.tsquery !== undefined).map(
    (part) =>
      sql`(${db
        .selectFrom('petitions as p')
        .select(['p.id', 'p.due_at'])
        .where((eb) => eb.and([part(eb as unknown as PetitionsEb), filterCondition(eb as unknown as PetitionsEb, actor, f)]))
        .limit(probeLimit + 1)})`,
  );
  const order = f.sort === 'due' ? sql`due_at asc, id asc` : sql`id desc`;
  // One round trip: how many match, and the ids of the page among them (deduplicated once: a
  // case may be in several parts). Without a search, the probe has one plan whatever the
  // values (each part one range of one index, under a LIMIT), so PostgreSQL keeps it instead of
  // planning it on every call, which took longer than running it (0.5–1.7 ms at 1e6).
  const probe = sql`
    with m as materialized (${sql.join(parts, sql` union all `)}),
         d as materialized (select distinct id, due_at from m)
    select (select count(*) from d)::int as n,
           (select array_agg(id) from (select id from d order by ${order} limit ${f.limit}) page) as page`.compile(db);
  type Probe = { n: number; page: Array<number | string> | null };
  // A search's best plan depends on its words (how many petitions hold them): planned each time.
  const [{ n, page }] =
    f.tsquery || f.phone ? (await db.executeQuery<Probe>(probe)).rows : await executePrepared<Probe>(db, database, probe, { genericPlan: true });
  if (n === 0) return [];
  let q = db
    .selectFrom('petitions as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .leftJoin('accounts as h', 'h.id', 'p.handler_id')
    .leftJoin('accounts as l', 'l.id', 'p.leader_id')
    .select([...pListColumns, 'u.code as unit_code', 'u.name as unit_name', 'h.name as handler_name', 'l.name as leader_name']);
  q =
    n <= probeLimit
      ? q.where(sql<boolean>`p.id = any(${(page ?? []).map(Number)}::bigint[])`)
      : q.where((eb) => eb.and([visibleTo(eb as unknown as PetitionsEb, actor), filterCondition(eb as unknown as PetitionsEb, actor, f)]));
  q = f.sort === 'due' ? q.orderBy('p.due_at', 'asc').orderBy('p.id', 'asc') : q.orderBy('p.id', 'desc');
  q = q.limit(f.limit);
  if (n > probeLimit) return (await q.execute()) as ListRow[];
  // The page by its ids has one text per order: prepared once per connection, not planned each time.
  return executePrepared<ListRow>(db, database, q.compile());
}
