/**
 * The SQL of the staff view of one petition: after the petition's own row, everything the view
 * shows is read in one statement (names, petitioners, timeline, files, merged petitions, the
 * reach of the official a conduct report is about), so a view costs the same few round trips
 * however long its history.
 */
import { type Kysely, sql } from 'kysely';
import type { EventVisibility, RatingScore, Role } from '../../../contract/domain.ts';
import type { DB } from '../../../schema.ts';
import type { OfficialReach } from '../petitions.policy.ts';
import type { PetitionRow } from '../petitions.queries.ts';
import type { EventRow, PetitionExtras } from './petitions.presenter.ts';

/** The names the staff view gives to the ids of a petition's row. */
export interface PetitionNames {
  unit: { id: number; code: string; name: string };
  originUnit: { id: number; code: string; name: string };
  agency: { id: number; name: string } | null;
  people: Map<number, string>;
  caseCode: string | null;
}

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] };

interface ViewRow {
  unit: { id: number; code: string; name: string; path: string; country: string };
  origin_unit: { id: number; code: string; name: string };
  agency: { id: number; name: string } | null;
  case_code: string | null;
  people: Array<{ id: number; name: string }>;
  agencies: Array<{ id: number; name: string }>;
  petitioners: PetitionExtras['petitioners'];
  events: Array<Json<EventRow>>;
  attachments: Array<Json<PetitionExtras['attachments'][number]>>;
  merged: PetitionExtras['merged'];
  reported_grants: Array<{ unitId: number | null; path: string; role: Role }> | null;
}

interface StaffViewData {
  names: PetitionNames;
  /** The petition's unit, where the deadline rules that offer a review are looked up. */
  unit: { path: string; country: string };
  extras: Omit<PetitionExtras, 'reviewSteps'>;
}

/** Accounts named by id in the events' data (to whom a case was given). */
const eventIds = (key: string) => sql`(SELECT (e.data->>${key})::bigint FROM petition_events e
   WHERE e.petition_id = p.id AND jsonb_typeof(e.data->${key}) = 'number')`;

/** Everything the staff view of a petition shows besides its own row, in one statement. */
export async function staffViewData(db: Kysely<DB>, p: PetitionRow): Promise<StaffViewData> {
  const { rows } = await sql<ViewRow>`
    SELECT
      (SELECT json_build_object('id', u.id, 'code', u.code, 'name', u.name, 'path', u.path, 'country', u.country)
         FROM units u WHERE u.id = p.unit_id) AS unit,
      (SELECT json_build_object('id', u.id, 'code', u.code, 'name', u.name) FROM units u WHERE u.id = p.origin_unit_id) AS origin_unit,
      (SELECT json_build_object('id', a.id, 'name', a.name) FROM agencies a WHERE a.id = p.agency_id) AS agency,
      (SELECT c.tracking_code FROM petitions c WHERE c.id = p.case_id) AS case_code,
      (SELECT coalesce(json_agg(json_build_object('id', a.id, 'name', coalesce(nullif(a.name, ''), nullif(a.username, ''), '#' || a.id))), '[]')
         FROM accounts a
        WHERE a.id IN (p.handler_id, p.leader_id, p.reported_official_id, p.recorded_by, p.answered_by, p.pending_answer_by)
           OR a.id IN ${eventIds('handlerId')} OR a.id IN ${eventIds('leaderId')}) AS people,
      (SELECT coalesce(json_agg(json_build_object('id', a.id, 'name', a.name)), '[]')
         FROM agencies a WHERE a.id IN ${eventIds('agencyId')}) AS agencies,
      (SELECT coalesce(json_agg(json_build_object('name', pe.name, 'phone', pe.phone, 'email', pe.email, 'address', pe.address,
                                                  'tracking_code', m.tracking_code, 'rating', m.rating) ORDER BY pe.id), '[]')
         FROM petitioners pe JOIN petitions m ON m.id = pe.petition_id
        WHERE m.id = p.id OR m.case_id = p.id) AS petitioners,
      (SELECT coalesce(json_agg(json_build_object('id', e.id, 'at', e.at, 'type', e.type, 'actor_id', e.actor_id,
                                                  'actor_label', e.actor_label, 'actor_name', a.name, 'from_status', e.from_status,
                                                  'to_status', e.to_status, 'reason', e.reason, 'text', e.text, 'data', e.data,
                                                  'visibility', e.visibility, 'unit_code', u.code, 'unit_name', u.name) ORDER BY e.id), '[]')
         FROM petition_events e LEFT JOIN accounts a ON a.id = e.actor_id LEFT JOIN units u ON u.id = e.unit_id
        WHERE e.petition_id = p.id) AS events,
      (SELECT coalesce(json_agg(json_build_object('id', f.id, 'filename', f.filename, 'content_type', f.content_type,
                                                  'size', f.size, 'created_at', f.created_at) ORDER BY f.id), '[]')
         FROM petition_attachments f WHERE f.petition_id = p.id) AS attachments,
      (SELECT coalesce(json_agg(json_build_object('id', m.id, 'tracking_code', m.tracking_code) ORDER BY m.id), '[]')
         FROM petitions m WHERE m.case_id = p.id) AS merged,
      (SELECT json_agg(json_build_object('unitId', g.unit_id, 'path', coalesce(u.path, '/'), 'role', g.role) ORDER BY g.id)
         FROM grants g LEFT JOIN units u ON u.id = g.unit_id WHERE g.account_id = p.reported_official_id) AS reported_grants
    FROM petitions p
    WHERE p.id = ${p.id}`.execute(db);
  const row = rows[0];
  if (!row) throw new Error(`petition ${p.id} is gone`);
  const people = new Map(row.people.map((a) => [Number(a.id), a.name]));
  const reported: OfficialReach | null =
    p.reported_official_id === null ? null : { id: p.reported_official_id, grants: row.reported_grants ?? [] };
  return {
    names: {
      unit: { id: row.unit.id, code: row.unit.code, name: row.unit.name },
      originUnit: row.origin_unit,
      agency: row.agency,
      people,
      caseCode: row.case_code,
    },
    unit: row.unit,
    extras: {
      reported,
      petitioners: row.petitioners.map((pe) => ({ ...pe, rating: pe.rating as RatingScore | null })),
      events: row.events.map((e) => ({ ...e, at: new Date(e.at), visibility: e.visibility as EventVisibility })),
      attachments: row.attachments.map((f) => ({ ...f, created_at: new Date(f.created_at) })),
      merged: row.merged,
      eventPeople: people,
      eventAgencies: new Map(row.agencies.map((a) => [Number(a.id), a.name])),
    },
  };
}
