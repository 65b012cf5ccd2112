/** All SQL of the open311 module. */
import { sql, type Kysely } from 'kysely';
import type { DB, LocaleNames } from '../../schema.ts';
import type { Locale } from '../../platform/i18n.ts';
import { literalList } from '../../platform/db.ts';
import type { PetitionKind, PetitionStatus } from '../../contract/domain.ts';
import type { ServiceAttribute } from './open311.tables.ts';

export interface ServiceRow {
  id: number;
  code: string;
  names: LocaleNames;
  descriptions: LocaleNames;
  kind: PetitionKind;
  category: string | null;
  service_group: string | null;
  keywords: string;
  attributes: ServiceAttribute[];
}

const serviceColumns = sql`s.id, s.code, s.names, s.descriptions, s.kind, s.category, s.service_group, s.keywords, s.attributes`;

/**
 * The services of a jurisdiction: those of the unit and of every unit above it, and the
 * deployment's; for one code, the nearest unit's.
 */
export async function servicesOf(db: Kysely<DB>, unitPath: string, code?: string): Promise<ServiceRow[]> {
  const { rows } = await sql<ServiceRow>`
    SELECT * FROM (
      SELECT DISTINCT ON (s.code) ${serviceColumns}
        FROM open311_services s LEFT JOIN units su ON su.id = s.unit_id
       WHERE (s.unit_id IS NULL OR ${unitPath} LIKE su.path || '%')
         ${code === undefined ? sql`` : sql`AND s.code = ${code}`}
       ORDER BY s.code, coalesce(su.depth, -1) DESC
    ) x ORDER BY x.service_group NULLS LAST, x.code`.execute(db);
  return rows;
}

export async function insertService(
  trx: Kysely<DB>,
  v: { unitId: number | null; code: string; names: LocaleNames; descriptions: LocaleNames; kind: PetitionKind; category: string | null; group: string | null; keywords: string; attributes: ServiceAttribute[] },
): Promise<number> {
  const row = await trx
    .insertInto('open311_services')
    .values({
      unit_id: v.unitId,
      code: v.code,
      names: JSON.stringify(v.names),
      descriptions: JSON.stringify(v.descriptions) as never,
      kind: v.kind,
      category: v.category,
      service_group: v.group,
      keywords: v.keywords,
      attributes: JSON.stringify(v.attributes) as never,
    })
    .onConflict((oc) => oc.expression(sql`coalesce(unit_id, 0), code`).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? Number(row.id) : 0;
}

export async function insertRequestLink(
  trx: Kysely<DB>,
  v: { petitionId: number; token: string; serviceId: number; apiKeyId: number; attributes: Record<string, string | string[]>; mediaUrl: string | null; at: Date },
): Promise<void> {
  await trx
    .insertInto('open311_requests')
    .values({
      petition_id: v.petitionId,
      token: v.token,
      service_id: v.serviceId,
      api_key_id: v.apiKeyId,
      attributes: JSON.stringify(v.attributes),
      media_url: v.mediaUrl,
      created_at: v.at,
    })
    .execute();
}

export async function trackingCodeOfToken(db: Kysely<DB>, token: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('open311_requests as r')
    .innerJoin('petitions as p', 'p.id', 'r.petition_id')
    .select('p.tracking_code')
    .where('r.token', '=', token)
    .executeTakeFirst();
  return row?.tracking_code;
}

/**
 * A petition as an Open311 request reads it (before the presenter chooses what leaves). Names
 * come in the caller's language and times as the ISO text the answer carries: a list holds up
 * to 1,000 rows, and parsing three times and three sets of names per row into objects, only to
 * write them out again, was a fifth of the server's time for it.
 */
export interface RequestRow {
  id: number;
  tracking_code: string;
  kind: PetitionKind;
  category: string | null;
  status: PetitionStatus;
  title: string | null;
  body: string;
  /** ISO 8601 in UTC with milliseconds, as Date.toISOString() writes it. */
  submitted_at: string;
  updated_at: string;
  due_at: string;
  location_lat: number | null;
  location_lng: number | null;
  answer_text: string | null;
  answer_publish: boolean;
  consent_to_publish: boolean;
  /** The agency's name, or the unit's where no agency handles it, in the caller's language. */
  responsible_name: string;
  service_code: string | null;
  /** In the caller's language; the service code where it has no name. */
  service_name: string;
  media_url: string | null;
  api_key_id: number | null;
  case_id: number | null;
  unit_id: number;
}

/** A name in the caller's language, else in English, Vietnamese or Chinese, else the fallback: the presenter's nameIn, in SQL. */
function nameInSql(names: string, locale: Locale, fallback: string) {
  const pick = (l: string) => sql`nullif(${sql.raw(names)} ->> ${sql.lit(l)}, '')`;
  return sql`coalesce(${pick(locale)}, ${pick('en')}, ${pick('vi')}, ${pick('zh')}, ${sql.raw(fallback)})`;
}

/** A timestamp as Date.toISOString() writes it. */
const isoTime = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

const requestSelect = (locale: Locale) => sql`
  SELECT p.id, p.tracking_code, p.kind, p.category, p.status, p.title, p.body,
         ${isoTime('p.submitted_at')} AS submitted_at, ${isoTime('p.updated_at')} AS updated_at, ${isoTime('p.due_at')} AS due_at,
         p.location_lat, p.location_lng, p.answer_text, p.answer_publish, p.consent_to_publish, p.case_id, p.unit_id,
         CASE WHEN a.id IS NULL THEN ${nameInSql('u.names', locale, 'u.name')} ELSE ${nameInSql('a.names', locale, 'a.name')} END AS responsible_name,
         coalesce(s.code, ds.code) AS service_code,
         ${nameInSql('coalesce(s.names, ds.names)', locale, "coalesce(s.code, ds.code, '')")} AS service_name,
         r.media_url, r.api_key_id
    FROM petitions p
    JOIN units u ON u.id = p.unit_id
    LEFT JOIN agencies a ON a.id = p.agency_id
    LEFT JOIN open311_requests r ON r.petition_id = p.id
    LEFT JOIN open311_services s ON s.id = r.service_id
    LEFT JOIN open311_services ds ON r.petition_id IS NULL AND ds.unit_id IS NULL AND ds.code = coalesce(p.category, 'other')`;

interface RequestFilter {
  /** Requests of this subtree. */
  unitPath: string;
  /** Kinds a public list may show. */
  kinds: readonly PetitionKind[];
  trackingCodes?: string[];
  serviceCodes?: string[];
  from: Date;
  to: Date;
  statuses?: readonly PetitionStatus[];
  limit: number;
  /** Requests skipped before the first answered (the pages before this one). */
  offset?: number;
  /** The language of the names. */
  locale: Locale;
}

/**
 * The public requests of a subtree: petitions of the public kinds whose residents agreed to
 * publish them, not merged into another or rejected. Never any other kind.
 */
export async function publicRequests(db: Kysely<DB>, f: RequestFilter): Promise<RequestRow[]> {
  const { rows } = await sql<RequestRow>`${requestSelect(f.locale)}
   WHERE p.origin_unit_path LIKE ${`${f.unitPath}%`}
     -- as literals, so that the planner proves petitions_public_newest's predicate
     AND p.consent_to_publish AND p.kind IN ${literalList(f.kinds)}
     AND p.case_id IS NULL AND p.status NOT IN ('rejected', 'merged')
     AND p.submitted_at >= ${f.from} AND p.submitted_at <= ${f.to}
     ${f.trackingCodes ? sql`AND p.tracking_code = ANY (${f.trackingCodes}::text[])` : sql``}
     ${f.serviceCodes ? sql`AND coalesce(s.code, ds.code) = ANY (${f.serviceCodes}::text[])` : sql``}
     ${f.statuses ? sql`AND p.status = ANY (${[...f.statuses]}::text[])` : sql``}
   ORDER BY p.submitted_at DESC, p.id DESC
   LIMIT ${f.limit}${f.offset ? sql` OFFSET ${f.offset}` : sql``}`.execute(db);
  return rows;
}

/** One request by its id (the tracking code), whatever its kind: the caller decides who may see it. */
export async function requestByCode(db: Kysely<DB>, trackingCode: string, locale: Locale): Promise<RequestRow | undefined> {
  const { rows } = await sql<RequestRow>`${requestSelect(locale)}
   WHERE p.tracking_code = ${trackingCode}`.execute(db);
  return rows[0];
}

export interface UpdateRow {
  id: number;
  tracking_code: string;
  type: string;
  to_status: PetitionStatus | null;
  status: PetitionStatus;
  at: Date;
  text: string | null;
  answer_publish: boolean;
  consent_to_publish: boolean;
}

/** The public timeline events of the requests a key sent, in a period: the updates it fetches. */
export async function updatesForKey(db: Kysely<DB>, apiKeyId: number, from: Date, to: Date, limit: number): Promise<UpdateRow[]> {
  const { rows } = await sql<UpdateRow>`
    SELECT e.id, p.tracking_code, e.type, e.to_status, p.status, e.at, e.text, p.answer_publish, p.consent_to_publish
      FROM open311_requests r
      JOIN petitions p ON p.id = r.petition_id
      JOIN petition_events e ON e.petition_id = p.id
     WHERE r.api_key_id = ${apiKeyId} AND e.visibility = 'public' AND e.type <> 'submitted'
       AND e.at >= ${from} AND e.at <= ${to}
     ORDER BY e.at, e.id LIMIT ${limit}`.execute(db);
  return rows;
}

/** Records an update another system posted; a repeated external id of the same key is found, not added. */
export async function insertUpdate(
  trx: Kysely<DB>,
  v: { apiKeyId: number; externalId: string; petitionId: number; status: 'open' | 'closed'; description: string; mediaUrl: string | null; updatedAt: Date; at: Date },
): Promise<{ id: number; created: boolean }> {
  const inserted = await trx
    .insertInto('open311_updates')
    .values({
      api_key_id: v.apiKeyId,
      external_id: v.externalId,
      petition_id: v.petitionId,
      status: v.status,
      description: v.description,
      media_url: v.mediaUrl,
      updated_at: v.updatedAt,
      received_at: v.at,
    })
    .onConflict((oc) => oc.columns(['api_key_id', 'external_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: Number(inserted.id), created: true };
  const found = await trx
    .selectFrom('open311_updates')
    .select('id')
    .where('api_key_id', '=', v.apiKeyId)
    .where('external_id', '=', v.externalId)
    .executeTakeFirstOrThrow();
  return { id: Number(found.id), created: false };
}
