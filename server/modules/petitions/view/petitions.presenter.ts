/**
 * Which fields leave the server, per audience. Personal data (the petitioners) leaves only
 * through presentPetition, and only to a caller canSeeIdentity allows; the public tracking view
 * carries neither personal data nor the content.
 */
import type { Actor } from '../../../platform/access.ts';
import { abilities, canSeeIdentity, contentOf, missingClearItems, handlerGrant, leaderGrant, type OfficialReach, type PetitionSubject } from '../petitions.policy.ts';
import type { CandidateRow, PetitionRow } from '../petitions.queries.ts';
import type { PetitionNames } from './view.queries.ts';
import type { ListRow } from './list.queries.ts';
import type { MineRow, PublicRow, TrackRow } from '../tracking/tracking.queries.ts';
import type { CandidateView, HandedOver, MyPetition, OwnPetition, PetitionSummary, PetitionView, PublicPetitionItem, TrackView } from '../petitions.schema.ts';
import { translate, type Locale } from '../../../platform/i18n.ts';
import { maskPersonalData, maskPersonalDataOrNull } from '../../../platform/personalData.ts';

const asIs = <T>(text: T) => text;
import { awaitingAcceptance, openStatuses, type EventVisibility, type ReviewStage } from '../../../contract/domain.ts';

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

function isOverdue(p: Pick<PetitionRow, 'status' | 'due_at' | 'ack_due_at'>, now: Date): boolean {
  if (!openStatuses.includes(p.status)) return false;
  return p.due_at.getTime() < now.getTime() || (awaitingAcceptance.includes(p.status) && p.ack_due_at.getTime() < now.getTime());
}

export interface EventRow {
  id: number;
  at: Date;
  type: string;
  actor_id: number | null;
  actor_label: string;
  actor_name: string | null;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  text: string | null;
  data: Record<string, unknown>;
  visibility: EventVisibility;
  unit_code: string | null;
  unit_name: string | null;
}

/** Events whose text reaches the public page: answers (every event's reason does, masked). */
const publicTextTypes = new Set(['answered']);

/**
 * What anyone with the tracking code sees. Phone and identity numbers in the reasons and the
 * answer are masked: the code may be read by others than the resident.
 */
export function presentTrack(t: TrackRow, now: Date): TrackView {
  const answered = t.answer_text !== null && (t.status === 'answered' || t.status === 'closed');
  return {
    trackingCode: t.tracking_code,
    status: t.status,
    kind: t.kind,
    category: t.category,
    unit: { code: t.unit_code, name: t.unit_name },
    submittedAt: iso(t.submitted_at),
    ackDueAt: iso(t.ack_due_at),
    dueAt: iso(t.due_at),
    overdue: isOverdue(t, now),
    merged: t.case_id !== null,
    timeline: t.events.map((e) => ({
      at: iso(e.at),
      type: e.type,
      status: e.to_status,
      reason: maskPersonalDataOrNull(e.reason),
      text: publicTextTypes.has(e.type) ? maskPersonalDataOrNull(e.text) : null,
      unit: e.unit_code && e.unit_name ? { code: e.unit_code, name: e.unit_name } : null,
    })),
    answer: answered ? { text: maskPersonalData(t.answer_text!), at: iso(t.last_answered_at ?? t.answered_at!) } : null,
  };
}

function person(id: number | null, names: Map<number, string>) {
  return id === null ? null : { id, name: names.get(id) ?? `#${id}` };
}

/** A caller who may not know who sent it sees the text with phone and identity numbers masked. */
function textFor(actor: Actor, p: ListRow | PetitionRow) {
  return canSeeIdentity(actor, p) ? asIs : maskPersonalData;
}

export function presentSummary(actor: Actor, row: ListRow, now: Date): PetitionSummary {
  const text = textFor(actor, row);
  const body = text(row.body);
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    version: row.version,
    status: row.status,
    kind: row.kind,
    category: row.category,
    channel: row.channel,
    title: row.title === null ? null : text(row.title),
    excerpt: body.length > 160 ? `${body.slice(0, 159)}…` : body,
    urgent: row.urgent,
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name },
    submittedAt: iso(row.submitted_at),
    ackDueAt: iso(row.ack_due_at),
    dueAt: iso(row.due_at),
    overdue: isOverdue(row, now),
    handler: row.handler_id === null ? null : { id: row.handler_id, name: row.handler_name ?? `#${row.handler_id}` },
    leader: row.leader_id === null ? null : { id: row.leader_id, name: row.leader_name ?? `#${row.leader_id}` },
    caseId: row.case_id,
    awaitingApproval: row.pending_answer_at !== null,
    abilities: abilities(actor, row),
  };
}

export interface PetitionExtras {
  /** The reach of the official a conduct report is about, for the abilities (petitions.policy.ts). */
  reported: OfficialReach | null;
  petitioners: Array<{
    name: string | null;
    phone: string | null;
    email: string | null;
    address: string | null;
    tracking_code: string;
    rating: PetitionRow['rating'];
  }>;
  events: EventRow[];
  attachments: Array<{ id: number; filename: string; content_type: string; size: number; created_at: Date }>;
  merged: Array<{ id: number; tracking_code: string }>;
  /** Names of the officials and agencies the events refer to (assigned to, transferred to). */
  eventPeople?: Map<number, string>;
  eventAgencies?: Map<number, string>;
  /** The review steps the rules in force at the petition's unit provide (answered cases). */
  reviewSteps?: readonly ReviewStage[];
}

/** The handler, leader and agency an event gave the case to, by name. */
function eventParties(e: EventRow, extras: PetitionExtras) {
  const id = (key: string) => (typeof e.data[key] === 'number' ? (e.data[key] as number) : null);
  const named = (value: number | null, names: Map<number, string> | undefined) =>
    value === null ? undefined : { id: value, name: names?.get(value) ?? `#${value}` };
  return {
    handler: named(id('handlerId'), extras.eventPeople),
    leader: named(id('leaderId'), extras.eventPeople),
    agency: named(id('agencyId'), extras.eventAgencies),
  };
}

export function presentPetition(actor: Actor, p: PetitionRow, names: PetitionNames, extras: PetitionExtras, now: Date): PetitionView {
  const identity = canSeeIdentity(actor, p);
  const text = textFor(actor, p);
  const maybe = (t: string | null) => (t === null ? null : text(t));
  const hasLocation = p.location_lat !== null || p.location_address !== null;
  const content = contentOf(p);
  return {
    id: p.id,
    trackingCode: p.tracking_code,
    version: p.version,
    status: p.status,
    kind: p.kind,
    category: p.category,
    channel: p.channel,
    title: maybe(p.title),
    body: text(p.body),
    language: p.language,
    urgent: p.urgent,
    anonymous: p.anonymous,
    consentToPublish: p.consent_to_publish,
    location: hasLocation ? { lat: p.location_lat, lng: p.location_lng, address: p.location_address } : null,
    unit: names.unit,
    originUnit: names.originUnit,
    agency: names.agency,
    submittedAt: iso(p.submitted_at),
    ackDueAt: iso(p.ack_due_at),
    dueAt: iso(p.due_at),
    originalDueAt: iso(p.original_due_at),
    overdue: isOverdue(p, now),
    acceptedAt: isoOrNull(p.accepted_at),
    rejectedAt: isoOrNull(p.rejected_at),
    answeredAt: isoOrNull(p.answered_at),
    closedAt: isoOrNull(p.closed_at),
    resolved: p.resolved,
    resolvedOnTime: p.resolved_on_time,
    clearItems: {
      content: maybe(content),
      handler: person(p.handler_id, names.people),
      leader: person(p.leader_id, names.people),
      dueAt: iso(p.due_at),
      expectedResult: p.expected_result,
      complete: missingClearItems({ content, handlerId: p.handler_id, leaderId: p.leader_id, dueAt: p.due_at, expectedResult: p.expected_result }).length === 0,
    },
    answer:
      p.answer_text !== null
        ? {
            text: text(p.answer_text),
            publish: p.answer_publish,
            at: iso(p.last_answered_at ?? p.answered_at!),
            onTheSpot: p.answered_on_the_spot,
            by: person(p.answered_by, names.people),
          }
        : null,
    pendingAnswer:
      p.pending_answer_at !== null
        ? {
            text: p.pending_answer_text ?? '',
            publish: !!p.pending_answer_publish,
            at: iso(p.pending_answer_at),
            by: person(p.pending_answer_by, names.people),
          }
        : null,
    case: p.case_id !== null && names.caseCode ? { id: p.case_id, trackingCode: names.caseCode } : null,
    mergedPetitions: extras.merged.map((m) => ({ id: m.id, trackingCode: m.tracking_code })),
    counts: {
      escalations: p.escalation_count,
      transfers: p.transfer_count,
      extensions: p.extension_count,
      reopenings: p.reopen_count,
      answers: p.answer_count,
    },
    rating: p.rating,
    reportedOfficial: person(p.reported_official_id, names.people),
    // Who took it down may be who wrote it (an official reporting a colleague): hidden with the identity.
    recordedBy: identity ? person(p.recorded_by, names.people) : null,
    identityHidden: !identity,
    petitioners: identity
      ? extras.petitioners.map((pe) => ({
          name: pe.name,
          phone: pe.phone,
          email: pe.email,
          address: pe.address,
          trackingCode: pe.tracking_code,
          rating: pe.rating,
        }))
      : [],
    timeline: extras.events.map((e) => ({
      id: e.id,
      at: iso(e.at),
      type: e.type,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      reason: maybe(e.reason),
      text: maybe(e.text),
      visibility: e.visibility,
      // Only officials are named: a resident in the history would be the petitioner.
      actor:
        e.actor_label === 'official' && e.actor_id !== null && (identity || e.type !== 'submitted')
          ? { id: e.actor_id, name: e.actor_name ?? `#${e.actor_id}` }
          : null,
      unit: e.unit_code && e.unit_name ? { code: e.unit_code, name: e.unit_name } : null,
      ...eventParties(e, extras),
      data: e.data,
    })),
    // A denunciation's files are often the signed letter or an identity card: they name the
    // denouncer, so they go with the identity.
    attachments: (identity ? extras.attachments : []).map(presentAttachment),
    // A review or re-review is offered only where the rules have it.
    abilities: abilities(actor, p, extras.reported).filter((a) => (a !== 'review' && a !== 're_review') || (extras.reviewSteps ?? []).includes(a)),
  };
}

/** An attachment as stored; the content type as text, which is how the staff view reads it. */
type AttachmentRow = { id: number; filename: string; content_type: string; size: number; created_at: Date };

function presentAttachment(a: AttachmentRow) {
  return { id: a.id, filename: a.filename, contentType: a.content_type, size: a.size, createdAt: iso(a.created_at) };
}

/** What the holder of the access key sent: shown back to them on the tracking page, to nobody else. */
export function presentOwn(p: Pick<PetitionRow, 'id' | 'title' | 'body' | 'location_address'>, attachments: AttachmentRow[]): OwnPetition {
  return { id: p.id, title: p.title, body: p.body, address: p.location_address, attachments: attachments.map(presentAttachment) };
}

const collator = new Intl.Collator(['vi', 'zh', 'en']);

/**
 * The officials the assign action takes as handler or as responsible leader of this petition
 * (the policy's handlerGrant / leaderGrant decide), least loaded first, each with the grant
 * that makes them eligible.
 */
export function presentCandidates(
  p: PetitionSubject,
  rows: CandidateRow[],
  role: 'handler' | 'leader',
  reported: OfficialReach | null,
): CandidateView[] {
  const eligible = role === 'handler' ? handlerGrant : leaderGrant;
  return rows
    .flatMap((row) => {
      const grant = eligible(p, row, reported);
      if (!grant) return [];
      const unit = grant.unitCode === null ? null : { code: grant.unitCode, name: grant.unitName ?? grant.unitCode };
      return [{ id: row.id, name: row.name, role: grant.role, unit, openCases: role === 'handler' ? row.handling : row.leading }];
    })
    .sort((a, b) => a.openCases - b.openCases || collator.compare(a.name, b.name));
}

/** The acknowledgement of an action that took the petition out of the caller's sight. */
export function presentHandedOver(p: Pick<PetitionRow, 'id' | 'status'>, locale: Locale): HandedOver {
  return { id: p.id, status: p.status, visible: false, message: translate('petition_handed_over', locale) };
}

/** A resident's own petition in their list: the tracking view's facts, never another petitioner's. */
export function presentMine(row: MineRow): MyPetition {
  const answered = row.status === 'answered' || row.status === 'closed';
  return {
    trackingCode: row.tracking_code,
    kind: row.kind,
    category: row.category,
    unit: { code: row.unit_code, name: row.unit_name },
    status: row.status,
    submittedAt: iso(row.submitted_at),
    dueAt: iso(row.due_at),
    ...(answered && row.answered_at ? { answeredAt: iso(row.answered_at) } : {}),
    ...(answered ? { rated: row.rated } : {}),
  };
}

/** A petition in its unit's public list: what its resident agreed to show, numbers masked. */
export function presentPublic(row: PublicRow): PublicPetitionItem {
  return {
    trackingCode: row.tracking_code,
    kind: row.kind,
    category: row.category,
    status: row.status,
    submittedAt: iso(row.submitted_at),
    title: maskPersonalDataOrNull(row.title),
    excerpt: maskPersonalData(row.body).slice(0, 200),
    // Rounded by the query (publicPetitions).
    place: row.place_lat !== null && row.place_lng !== null ? { lat: row.place_lat, lng: row.place_lng } : null,
    answer: row.answer_publish && row.answer_text ? maskPersonalData(row.answer_text) : null,
  };
}
