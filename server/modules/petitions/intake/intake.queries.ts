/**
 * The statements of intake, the busiest write: two round trips per petition. One read gathers
 * what placing a petition needs (its unit, the deadline policies there, ids for the petition
 * and its petitioner); one statement writes the petition, its petitioner, its first timeline
 * event, its audit event and the notice to the resident. A single statement commits on its
 * own, so intake needs no BEGIN and COMMIT either (docs/PERFORMANCE.md has the measurements).
 */
import { CompiledQuery, sql, type Insertable, type Kysely } from 'kysely';
import { executePrepared, type Database } from '../../../platform/db.ts';
import { TickBatch } from '../../../platform/tickBatch.ts';
import type { AuditEventsTable, DB } from '../../../schema.ts';
import type { NotificationOutboxTable } from '../../../platform/notify/notify.tables.ts';
import type { PetitionsTable } from '../petitions.tables.ts';
import type { DeadlinePolicy } from '../deadline-policies/petitions.deadlines.ts';
import { eventRow, type NewPetition, type UnitRow } from '../petitions.queries.ts';
import type { PetitionKind } from '../../../contract/domain.ts';

interface IntakePlace {
  unit: UnitRow;
  /** The unit's code was retired and handed to another unit: the units module resolves it. */
  retired: boolean;
  /** The policies of this kind that hold at the unit (the deployment's and its ancestors'). */
  policies: DeadlinePolicy[];
  petitionId: number;
  petitionerId: number;
}

/**
 * One row per asked (code, kind, time), in the order asked (`i`); a code no unit has gives none.
 * Several intakes of the same moment are placed by one statement (TickBatch).
 */
const prepareSql = `
  SELECT q.i, u.id, u.code, u.name, u.path, u.parent_id, u.country, u.time_zone,
         -- the units module's rule (resolveUnits): retired from local midnight of valid_to
         (u.replaced_by_id IS NOT NULL AND u.valid_to <= (q.at AT TIME ZONE u.time_zone)::date) AS retired,
         (SELECT coalesce(json_agg(d), '[]') FROM deadline_policies d
           WHERE d.kind = q.kind
             -- A unit's path lists its ancestors' ids and its own: '/1/12/345/'.
             AND (CASE WHEN d.unit_id IS NULL THEN d.country IS NULL OR d.country = u.country
                       ELSE strpos(u.path, '/' || d.unit_id || '/') > 0 END)) AS policies,
         nextval(pg_get_serial_sequence('petitions', 'id')) AS petition_id,
         nextval(pg_get_serial_sequence('petitioners', 'id')) AS petitioner_id
    FROM unnest($1::text[], $2::text[], $3::timestamptz[]) WITH ORDINALITY AS q(code, kind, at, i)
    JOIN units u ON u.code = q.code`;

interface PrepareRow extends UnitRow {
  i: string;
  retired: boolean | null;
  policies: Array<Omit<DeadlinePolicy, 'updated_at'> & { updated_at: string }>;
  petition_id: number;
  petitioner_id: number;
}

interface PlaceAsked {
  code: string;
  kind: PetitionKind;
  now: Date;
}

async function placeAll(db: Kysely<DB>, database: Database | undefined, asked: PlaceAsked[]): Promise<Array<IntakePlace | undefined>> {
  const rows = await executePrepared<PrepareRow>(
    db,
    database,
    CompiledQuery.raw(prepareSql, [asked.map((a) => a.code), asked.map((a) => a.kind), asked.map((a) => a.now.toISOString())]),
  );
  const places: Array<IntakePlace | undefined> = asked.map(() => undefined);
  for (const { i, retired, policies, petition_id, petitioner_id, ...unit } of rows) {
    places[Number(i) - 1] = {
      unit,
      retired: retired === true,
      // JSON carries times as text.
      policies: policies.map((p) => ({ ...p, updated_at: new Date(p.updated_at) })),
      petitionId: Number(petition_id),
      petitionerId: Number(petitioner_id),
    };
  }
  return places;
}

/**
 * The unit with this code, the deadline policies of `kind` along its path, and ids for the
 * new petition and its petitioner (taken before writing, so that the audit event's hash and
 * the notice's dedupe key can be computed before the one statement that writes them).
 * Given the database, PostgreSQL keeps the statement prepared (executePrepared), and the
 * intakes placed in the same moment share it.
 */
export async function prepareIntake(
  db: Kysely<DB>,
  code: string,
  kind: PetitionKind,
  now: Date,
  database?: Database,
): Promise<IntakePlace | undefined> {
  if (!database || db.isTransaction) return (await placeAll(db, database, [{ code, kind, now }]))[0];
  return batchesOf(db, database).place.add({ code, kind, now });
}

interface IntakeRows {
  petition: NewPetition & Pick<Insertable<PetitionsTable>, 'id' | 'tracking_code'>;
  /** Title, body and category as the search index holds them. */
  searchText: string;
  petitioner: Insertable<DB['petitioners']>;
  event: Parameters<typeof eventRow>[0];
  audit: Insertable<AuditEventsTable>;
  notices: Array<Insertable<NotificationOutboxTable>>;
}

const trackingCodeTaken = (e: unknown) =>
  (e as { code?: string }).code === '23505' && (e as { constraint?: string }).constraint === 'petitions_tracking_code_key';

/**
 * Writes a new petition and everything that comes with it in one statement, under a fresh
 * tracking code: `rowsFor` builds the rows for a code, and is called again with another code on
 * the rare collision. Inside a transaction a savepoint keeps a collision from aborting it.
 * Given the database (an intake that is its own transaction), the write joins the intakes of the
 * same moment in one statement (group commit, below).
 */
export async function insertIntake(
  db: Kysely<DB>,
  rowsFor: (trackingCode: string) => IntakeRows,
  newCode: () => string,
  database?: Database,
): Promise<string> {
  if (database && !db.isTransaction) {
    const code = newCode();
    if (await batchesOf(db, database).write.add(rowsFor(code))) return code;
  }
  return insertAlone(db, rowsFor, newCode, database);
}

async function insertAlone(db: Kysely<DB>, rowsFor: (trackingCode: string) => IntakeRows, newCode: () => string, database?: Database): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const code = newCode();
    const rows = rowsFor(code);
    if (db.isTransaction) await sql`SAVEPOINT intake`.execute(db);
    try {
      await executePrepared(db, database, intakeStatement([rows]));
      if (db.isTransaction) await sql`RELEASE SAVEPOINT intake`.execute(db);
      return code;
    } catch (e) {
      if (!trackingCodeTaken(e)) throw e;
      if (db.isTransaction) await sql`ROLLBACK TO SAVEPOINT intake`.execute(db);
    }
  }
  throw new Error('could not draw an unused tracking code');
}

/**
 * Group commit. Each statement costs the server a write on the database's socket and the
 * database a commit, and on a small machine those dominate an intake (docs/PERFORMANCE.md). The
 * intakes that reach their write in the same turn of the event loop therefore go as one
 * statement, committed once, and each request is answered only after that commit: nothing is
 * acknowledged before it is stored. A statement either stores every petition of the group or
 * none; when it fails (a tracking code drawn twice, or any other error), each petition of the
 * group is written alone, so that one petition's failure is its own. Answers whether stored.
 */
async function writeGroup(db: Kysely<DB>, database: Database, group: IntakeRows[]): Promise<boolean[]> {
  try {
    // One petition alone keeps its prepared statement; a group's text varies with its size.
    if (group.length === 1) await executePrepared(db, database, intakeStatement(group));
    else await db.executeQuery(intakeStatement(group));
    return group.map(() => true);
  } catch (e) {
    if (group.length === 1 && !trackingCodeTaken(e)) throw e;
    return group.map(() => false);
  }
}

/** The batches of one database: the placing reads and the writes of the intakes of a moment. */
const batches = new WeakMap<Database, { place: TickBatch<PlaceAsked, IntakePlace | undefined>; write: TickBatch<IntakeRows, boolean> }>();
function batchesOf(db: Kysely<DB>, database: Database) {
  let b = batches.get(database);
  if (!b) {
    b = {
      place: new TickBatch((asked) => placeAll(db, database, asked)),
      // About 60 parameters a petition: 64 petitions stay far below PostgreSQL's 65,535.
      write: new TickBatch((group) => writeGroup(db, database, group), 64),
    };
    batches.set(database, b);
  }
  return b;
}

/**
 * The intake statement, written out rather than built with the query builder: building and
 * compiling five inserts of ~80 values was the largest share of an intake's CPU in the server
 * (docs/PERFORMANCE.md). Column names come from the rows this module is given, never from input.
 */
function intakeStatement(group: IntakeRows[]): CompiledQuery {
  const params: unknown[] = [];
  const insert = (name: string, table: string, values: Array<Record<string, unknown>>, opts: { search?: string[]; onConflict?: string } = {}) => {
    // Every column some row gives; a row that leaves one out takes the column's default.
    const columns = [...new Set(values.flatMap((row) => Object.keys(row).filter((c) => row[c] !== undefined)))];
    const tuples = values.map((row, i) => {
      const placeholders = columns.map((c) => {
        if (row[c] === undefined) return 'DEFAULT';
        params.push(row[c]);
        return `$${params.length}`;
      });
      if (opts.search !== undefined) {
        params.push(opts.search[i]);
        placeholders.push(`to_tsvector('simple', $${params.length})`);
      }
      return `(${placeholders.join(', ')})`;
    });
    const names = [...columns, ...(opts.search !== undefined ? ['search'] : [])].map((c) => `"${c}"`).join(', ');
    const conflict = opts.onConflict ? ` ON CONFLICT ("${opts.onConflict}") DO NOTHING` : '';
    return `${name} AS (INSERT INTO ${table} (${names}) VALUES ${tuples.join(', ')}${conflict} RETURNING id)`;
  };
  // Data-modifying CTEs all run, referenced or not; foreign keys are checked at the statement's end.
  const notices = group.flatMap((rows) => rows.notices);
  const parts = [
    insert('petition', 'petitions', group.map((rows) => rows.petition), { search: group.map((rows) => rows.searchText) }),
    insert('petitioner', 'petitioners', group.map((rows) => rows.petitioner)),
    insert('event', 'petition_events', group.map((rows) => eventRow(rows.event))),
    insert('audit', 'audit_events', group.map((rows) => rows.audit)),
  ];
  if (notices.length) parts.push(insert('notice', 'notification_outbox', notices, { onConflict: 'dedupe_key' }));
  return CompiledQuery.raw(`WITH ${parts.join(',\n')}\nSELECT id FROM petition`, params);
}
