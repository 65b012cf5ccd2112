/**
 * The statements of intake, the busiest write: two round trips per petition. One read gathers
 * what placing a petition needs (its unit, the deadline policies there, ids for the petition
 * and its petitioner); one statement writes the petition, its petitioner, its first timeline
 * event, its audit event and the notice to the resident. A single statement commits on its
 * own, so intake needs no BEGIN and COMMIT either (docs/PERFORMANCE.md has the measurements).
 */
import { CompiledQuery, sql, type Insertable, type Kysely } from 'kysely';
import { executePrepared, type Database } from '../../../platform/db.ts';
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

const prepareSql = `
  SELECT u.id, u.code, u.name, u.path, u.parent_id, u.country, u.time_zone,
         -- the units module's rule (resolveUnits): retired from local midnight of valid_to
         (u.replaced_by_id IS NOT NULL AND u.valid_to <= ($3::timestamptz AT TIME ZONE u.time_zone)::date) AS retired,
         (SELECT coalesce(json_agg(d), '[]') FROM deadline_policies d
           WHERE d.kind = $2
             -- A unit's path lists its ancestors' ids and its own: '/1/12/345/'.
             AND (CASE WHEN d.unit_id IS NULL THEN d.country IS NULL OR d.country = u.country
                       ELSE strpos(u.path, '/' || d.unit_id || '/') > 0 END)) AS policies,
         nextval(pg_get_serial_sequence('petitions', 'id')) AS petition_id,
         nextval(pg_get_serial_sequence('petitioners', 'id')) AS petitioner_id
    FROM units u
   WHERE u.code = $1`;

interface PrepareRow extends UnitRow {
  retired: boolean | null;
  policies: Array<Omit<DeadlinePolicy, 'updated_at'> & { updated_at: string }>;
  petition_id: number;
  petitioner_id: number;
}

/**
 * The unit with this code, the deadline policies of `kind` along its path, and ids for the
 * new petition and its petitioner (taken before writing, so that the audit event's hash and
 * the notice's dedupe key can be computed before the one statement that writes them).
 * Given the database, PostgreSQL keeps the statement prepared (executePrepared).
 */
export async function prepareIntake(
  db: Kysely<DB>,
  code: string,
  kind: PetitionKind,
  now: Date,
  database?: Database,
): Promise<IntakePlace | undefined> {
  const [row] = await executePrepared<PrepareRow>(db, database, CompiledQuery.raw(prepareSql, [code, kind, now.toISOString()]));
  if (!row) return undefined;
  const { retired, policies, petition_id, petitioner_id, ...unit } = row;
  return {
    unit,
    retired: retired === true,
    // JSON carries times as text.
    policies: policies.map((p) => ({ ...p, updated_at: new Date(p.updated_at) })),
    petitionId: Number(petition_id),
    petitionerId: Number(petitioner_id),
  };
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
    if (await groupOf(db, database).write(rowsFor(code))) return code;
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
 * group is written alone, so that one petition's failure is its own.
 */
class IntakeGroup {
  private waiting: Array<{ rows: IntakeRows; done(stored: boolean): void; failed(e: unknown): void }> = [];
  private scheduled = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly database: Database,
  ) {}

  /** Resolves true once stored with its group; false when the caller must write it alone. */
  write(rows: IntakeRows): Promise<boolean> {
    return new Promise((done, failed) => {
      this.waiting.push({ rows, done, failed });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const group = this.waiting.splice(0, maxGroup);
    if (this.waiting.length) {
      this.scheduled = true;
      setImmediate(() => void this.flush());
    }
    try {
      // One petition alone keeps its prepared statement; a group's text varies with its size.
      if (group.length === 1) await executePrepared(this.db, this.database, intakeStatement([group[0].rows]));
      else await this.db.executeQuery(intakeStatement(group.map((g) => g.rows)));
      for (const g of group) g.done(true);
    } catch (e) {
      if (group.length === 1 && !trackingCodeTaken(e)) group[0].failed(e);
      else for (const g of group) g.done(false);
    }
  }
}

/** At most this many petitions in one statement (about 60 parameters each). */
const maxGroup = 64;
const groups = new WeakMap<Database, IntakeGroup>();
const groupOf = (db: Kysely<DB>, database: Database) => {
  let group = groups.get(database);
  if (!group) groups.set(database, (group = new IntakeGroup(db, database)));
  return group;
};

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
