/**
 * Intake: one door for every channel. A resident writes through the web; an official records
 * what arrived by hotline, mailbox, forum, reception, counter, outreach or the mobile app, and
 * may answer it on the spot (received → answered in the same transaction).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { inUnitStaff } from '../../directory/index.ts';
import { insertReportedNorms, normsInForce } from '../../conduct/index.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../platform/access.ts';
import { AppError, badRequest, forbidden } from '../../../platform/errors.ts';
import { auditEventRow } from '../../../platform/audit.ts';
import { loadCalendar, localDateTime } from '../../../platform/calendar.ts';
import { wakeJobRunners } from '../../../platform/jobs.ts';
import { outboxRow } from '../../../platform/notify/outbox.ts';
import { searchWords } from '../../../platform/text.ts';
import { withoutPersonalData } from '../../../platform/personalData.ts';
import type { IntakeBody } from '../petitions.schema.ts';
import { canAnswerOnTheSpot, canRecordFor, onTheSpotKinds } from '../petitions.policy.ts';
import { findPetition, findUnitByCode, findUnitById, officialsAtUnit, officialWithGrants, residentAccount, type NewPetition, type UnitRow } from '../petitions.queries.ts';
import { policiesFor } from '../deadline-policies/policies.queries.ts';
import { insertIntake, prepareIntake } from './intake.queries.ts';
import { hashAccessKey, newAccessKey, newTrackingCode, normalisePhone } from './petitions.codes.ts';
import { ackDue, pickPolicy, resolutionDue } from '../deadline-policies/petitions.deadlines.ts';
import { residentNotice, tellOfficials } from '../petitions.notify.ts';
import { actorFields, localeFor, petitionAudit } from '../workflow/shared.ts';
import { inTransaction } from '../../../platform/db.ts';
import { writeAnswer } from '../workflow/answerPetition.ts';
import type { PetitionStatus } from '../../../contract/domain.ts';

export interface SubmittedPetition {
  id: number;
  trackingCode: string;
  accessKey: string;
  status: PetitionStatus;
  dueAt: Date;
  ackDueAt: Date;
}

/**
 * The text the search index holds: words split (Chinese too) and folded (no diacritics). Phone
 * and identity numbers are left out: an official who may not know who denounced must not find
 * the denunciation by the denouncer's number.
 */
export function searchTextOf(parts: Array<string | null | undefined>): string {
  return searchWords(withoutPersonalData(parts.filter(Boolean).join(' ')));
}

/**
 * Where a conduct report goes: to the supervisors of the official it is about, i.e. the unit of
 * their highest grant; for an official who leads that unit, the unit above it.
 */
async function conductReportUnit(ctx: AppContext, officialId: number, fallback: UnitRow): Promise<UnitRow> {
  const reported = await officialWithGrants(ctx.db, officialId);
  if (!reported) return fallback;
  const placed = reported.grants.filter((g) => g.unit_id !== null).sort((a, b) => a.path.length - b.path.length);
  if (!placed.length) return fallback;
  const top = placed[0];
  const leadsThere = placed.some((g) => g.path === top.path && (g.role === 'leader' || g.role === 'administrator'));
  const target = leadsThere && top.parent_id !== null ? top.parent_id : top.unit_id!;
  return (await findUnitById(ctx.db, target)) ?? fallback;
}

/** `drawCode` draws tracking codes (tests give one that collides). */
export async function submitPetition(
  ctx: AppContext,
  actor: Actor,
  input: IntakeBody,
  drawCode: () => string = newTrackingCode,
): Promise<SubmittedPetition> {
  const now = ctx.clock.now();
  const place = await prepareIntake(ctx.db, input.unit, input.kind, now, ctx.database);
  if (!place) throw badRequest('unknown_unit', { code: input.unit });
  let unit = place.unit;
  let policies = place.policies;
  if (place.retired) {
    unit = (await findUnitByCode(ctx.db, input.unit, now)) ?? unit;
    policies = await policiesFor(ctx.db, input.kind, unit);
  }

  // Channel: residents and anonymous callers write through the web; officials say how it came.
  const channel = input.channel ?? 'web';
  if (actor.kind !== 'official' && channel !== 'web') throw badRequest('channel_officials_only', { channel });
  if (actor.kind === 'official' && channel !== 'web' && !canRecordFor(actor, unit.path)) throw forbidden();

  if (input.norms?.length && input.kind !== 'conduct_report') throw badRequest('norms_only_conduct');
  // The norms it says were breached: of the codes of conduct in force where the resident turned.
  const reportedNorms = input.kind === 'conduct_report' ? await normsInForce(ctx.db, unit.path, now, input.norms) : [];
  if (input.reportedOfficial !== undefined) {
    if (input.kind !== 'conduct_report') throw badRequest('reported_official_only_conduct');
    // An entry of the staff directory of the unit the resident chose. Anything else (an id that
    // does not exist, an official of another unit) is one more bad field, so trying ids teaches
    // nobody which accounts exist.
    if (!(await inUnitStaff(ctx.db, unit.id, input.reportedOfficial))) {
      throw badRequest('invalid_input', { summary: 'reportedOfficial must be an entry of the unit’s staff directory' });
    }
    const supervisors = await conductReportUnit(ctx, input.reportedOfficial, unit);
    if (supervisors.id !== unit.id) policies = await policiesFor(ctx.db, input.kind, supervisors);
    unit = supervisors;
  }

  if (input.answerNow) {
    if (actor.kind !== 'official' || !canAnswerOnTheSpot(actor, input.kind, unit.path)) {
      if (actor.kind === 'official' && !onTheSpotKinds.includes(input.kind)) {
        throw badRequest('not_answerable_on_the_spot', { kind: input.kind });
      }
      throw new AppError(403, 'answer_now_officials_only');
    }
  }

  const loc = input.location;
  if (loc && (loc.lat === undefined) !== (loc.lng === undefined)) throw badRequest('invalid_location');

  // Who is behind it. Anonymous means no personal data is kept at all.
  if (input.anonymous && input.resident && Object.keys(input.resident).length) throw badRequest('anonymous_with_identity');
  const account = actor.kind === 'resident' ? await residentAccount(ctx.db, actor.id) : undefined;
  const given = input.anonymous ? {} : (input.resident ?? {});
  const person = {
    name: given.name ?? (input.anonymous ? undefined : account?.name || undefined),
    phone: given.phone ?? (input.anonymous ? undefined : (account?.phone ?? undefined)),
    email: given.email?.toLowerCase() ?? (input.anonymous ? undefined : (account?.email ?? undefined)),
    address: given.address,
  };
  let phone: string | null = null;
  if (person.phone) {
    phone = normalisePhone(person.phone, unit.country);
    if (!phone) throw badRequest('invalid_phone', { phone: person.phone });
  }
  const identified = !!person.name && !!(phone || person.email || person.address);
  const anonymous = !!input.anonymous || !(person.name || phone || person.email || person.address);

  const policy = pickPolicy(policies, unit, channel);
  if (!policy) throw new Error(`no deadline policy for ${input.kind}`);
  if (!identified && !policy.anonymous_allowed) throw badRequest('identity_required', { kind: input.kind });
  const cal = await loadCalendar(ctx.db);
  const urgent = !!input.urgent;
  const where = unit;
  const ackDueAt = ackDue(cal, policy, now, urgent, where);
  const dueAt = resolutionDue(cal, policy, now, urgent, where);
  const locale = localeFor(input.language, unit.country);
  const accessKey = newAccessKey();
  const target = unit;
  const id = place.petitionId;

  const petition: NewPetition = {
    kind: input.kind,
    category: input.category ?? null,
    channel,
    title: input.title ?? null,
    body: input.body,
    language: input.language ?? null,
    status: 'received',
    urgent,
    anonymous,
    consent_to_publish: !!input.consentToPublish,
    location_lat: loc?.lat ?? null,
    location_lng: loc?.lng ?? null,
    location_address: loc?.address ?? null,
    unit_id: target.id,
    unit_path: target.path,
    agency_id: null,
    origin_unit_id: target.id,
    origin_unit_path: target.path,
    reported_official_id: input.reportedOfficial ?? null,
    recorded_by: actor.kind === 'official' ? actor.id : null,
    content: null,
    handler_id: null,
    leader_id: null,
    expected_result: null,
    ack_due_at: ackDueAt,
    due_at: dueAt,
    original_due_at: dueAt,
    answer_text: null,
    answered_by: null,
    case_id: null,
    merged_at: null,
    submitted_at: now,
    accepted_at: null,
    rejected_at: null,
    answered_at: null,
    last_answered_at: null,
    closed_at: null,
    resolved_at: null,
    resolved_on_time: null,
    reopened_at: null,
    escalated_at: null,
    escalated_to_path: null,
    transferred_at: null,
    rating: null,
    rated_at: null,
    created_at: now,
    updated_at: now,
  };
  const petitioner = {
    id: place.petitionerId,
    petition_id: id,
    resident_account_id: account?.id ?? null,
    name: anonymous ? null : (person.name ?? null),
    phone: anonymous ? null : phone,
    phone_key: anonymous ? null : phone,
    email: anonymous ? null : (person.email ?? null),
    address: anonymous ? null : (person.address ?? null),
    locale,
    access_key_hash: hashAccessKey(accessKey),
    created_at: now,
  };
  const audit = auditEventRow(
    petitionAudit(actor, 'submit', { id, unit_id: target.id, kind: input.kind }, {
      kind: input.kind,
      channel,
      unitId: target.id,
      status: 'received',
      anonymous,
      urgent,
      ackDueAt,
      dueAt,
      // Not whom it reports: the official could be among those who read the audit trail.
      conductReport: input.kind === 'conduct_report',
    }, now),
  );
  const searchText = searchTextOf([input.title, input.body, input.category]);
  // The resident gets the tracking code and key in writing: a hotline caller cannot copy a key.
  const receivedParams = { unit: target.name, accessKey, dueAt: localDateTime(dueAt, target.time_zone) };

  // Most intakes are one statement, which commits by itself; answering on the spot and telling
  // the leaders of a conduct report add statements that must commit with it.
  const alone = !input.answerNow && input.kind !== 'conduct_report';
  const write = <T>(fn: (db: Kysely<DB>) => Promise<T>) => (alone ? fn(ctx.db) : inTransaction(ctx.db, fn));
  const result = await write(async (db) => {
    const trackingCode = await insertIntake(
      db,
      (code) => {
        const notice = residentNotice({ ...petitioner, tracking_code: code }, 'petition_received', receivedParams, 'v1', now);
        return {
          petition: { ...petition, id, tracking_code: code },
          searchText,
          petitioner,
          event: { petition_id: id, at: now, unit_id: target.id, ...actorFields(actor), type: 'submitted', to_status: 'received', data: { channel, kind: input.kind }, visibility: 'public' },
          audit,
          notices: notice ? [outboxRow(notice)] : [],
        };
      },
      drawCode,
      alone ? ctx.database : undefined,
    );
    if (input.kind === 'conduct_report') {
      await insertReportedNorms(db, id, reportedNorms);
      const leaders = (await officialsAtUnit(db, target.id, ['leader'])).filter((official) => official !== input.reportedOfficial);
      await tellOfficials(db, leaders, 'petition_conduct_report_official', id, {
        trackingCode,
        unit: target.name,
        ackDueAt: localDateTime(ackDueAt, target.time_zone),
      }, 'v1', now);
    }
    let status: PetitionStatus = 'received';
    if (input.answerNow) {
      const row = await findPetition(db, id);
      await writeAnswer(db, actor, row!, {
        text: input.answerNow.text,
        publish: !!input.answerNow.publish,
        onTheSpot: true,
        now,
        unit: target,
      });
      status = 'answered';
    }
    return { id, trackingCode, accessKey, status, dueAt, ackDueAt };
  });
  if (petitioner.email || petitioner.phone) wakeJobRunners(200);
  return result;
}
