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
 */
export async function insertIntake(
  db: Kysely<DB>,
  rowsFor: (trackingCode: string) => IntakeRows,
  newCode: () => string,
  database?: Database,
): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const code = newCode();
    const rows = rowsFor(code);
    if (db.isTransaction) await sql`SAVEPOINT intake`.execute(db);
    try {
      await executePrepared(db, database, intakeStatement(rows));
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
 * The intake statement, written out rather than built with the query builder: building and
 * compiling five inserts of ~80 values was the largest share of an intake's CPU in the server
 * (docs/PERFORMANCE.md). Column names come from the rows this module is given, never from input.
 */
function intakeStatement(rows: IntakeRows): CompiledQuery {
  const params: unknown[] = [];
  const insert = (name: string, table: string, values: Array<Record<string, unknown>>, opts: { search?: string; onConflict?: string } = {}) => {
    const columns = Object.keys(values[0]).filter((c) => values[0][c] !== undefined);
    const tuples = values.map((row) => {
      const placeholders = columns.map((c) => {
        params.push(row[c]);
        return `$${params.length}`;
      });
      if (opts.search !== undefined) {
        params.push(opts.search);
        placeholders.push(`to_tsvector('simple', $${params.length})`);
      }
      return `(${placeholders.join(', ')})`;
    });
    const names = [...columns, ...(opts.search !== undefined ? ['search'] : [])].map((c) => `"${c}"`).join(', ');
    const conflict = opts.onConflict ? ` ON CONFLICT ("${opts.onConflict}") DO NOTHING` : '';
    return `${name} AS (INSERT INTO ${table} (${names}) VALUES ${tuples.join(', ')}${conflict} RETURNING id)`;
  };
  // Data-modifying CTEs all run, referenced or not; foreign keys are checked at the statement's end.
  const parts = [
    insert('petition', 'petitions', [rows.petition], { search: rows.searchText }),
    insert('petitioner', 'petitioners', [rows.petitioner]),
    insert('event', 'petition_events', [eventRow(rows.event)]),
    insert('audit', 'audit_events', [rows.audit]),
  ];
  if (rows.notices.length) parts.push(insert('notice', 'notification_outbox', rows.notices, { onConflict: 'dedupe_key' }));
  return CompiledQuery.raw(`WITH ${parts.join(',\n')}\nSELECT id FROM petition`, params);
}
