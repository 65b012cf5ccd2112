/**
 * The domain's lists, defined once for the server and the browser app: pure TypeScript, no
 * Node imports, so web/ imports this file as it is. The SQL CHECK constraints that repeat these
 * lists are compared with them by server/contract/domain.test.ts on both databases.
 */

/** What a resident raises (the glossary's "petition" and its kinds). */
export const petitionKinds = ['question', 'suggestion', 'complaint', 'denunciation', 'help_request', 'conduct_report'] as const;
export type PetitionKind = (typeof petitionKinds)[number];

/** How a petition arrived. */
export const channels = ['web', 'mobile', 'hotline', 'mailbox', 'forum', 'reception', 'counter', 'outreach'] as const;
export type Channel = (typeof channels)[number];

/**
 * Every state a petition can be in. An escalation is not a state: the case goes to the unit
 * above and waits there, `received`, like a new one (its timeline says it was escalated).
 */
export const petitionStatuses = [
  'received',
  'accepted',
  'rejected',
  'transferred',
  'assigned',
  'in_progress',
  'answered',
  'closed',
  'reopened',
  'merged',
] as const;
export type PetitionStatus = (typeof petitionStatuses)[number];

/** Waiting for a unit to accept it (after intake, or after a transfer). */
export const awaitingAcceptance: readonly PetitionStatus[] = ['received', 'transferred'];

/** Still to be resolved: the due time is watched and a missed one counts as overdue. */
export const openStatuses: readonly PetitionStatus[] = [
  'received',
  'transferred',
  'accepted',
  'assigned',
  'in_progress',
  'reopened',
];

/** A resident's judgement of an answer. */
export const ratingScores = ['satisfied', 'acceptable', 'unsatisfied'] as const;
export type RatingScore = (typeof ratingScores)[number];

/** What an official's grant lets them do in a unit and every unit below it. */
export const roles = [
  'administrator',
  'leader',
  'dispatcher',
  'handler',
  'reception_officer',
  'council_secretary',
  'auditor',
] as const;
export type Role = (typeof roles)[number];

/** The state changes of a petition (`POST /api/v1/petitions/{id}/actions`). */
export const actionTypes = [
  'accept',
  'reject',
  'assign',
  'start',
  'answer',
  'escalate',
  'transfer',
  'merge',
  'extend',
  'note',
  'close',
  'reopen',
  'review',
  're_review',
  // an answer held for the leader's approval: sent, or returned to its writer
  'approve',
  'return',
] as const;
export type ActionType = (typeof actionTypes)[number];

/**
 * The steps after a first answer, each at the unit above the last: review (复查; in Viet Nam a
 * second complaint) and re-review (复核).
 */
export const reviewStages = ['review', 're_review'] as const;
export type ReviewStage = (typeof reviewStages)[number];

/** How a deadline policy counts a period: working days of the unit's calendar, or calendar days. */
export const dayTypes = ['working', 'calendar'] as const;
export type DayType = (typeof dayTypes)[number];

/** Why a case went up the unit tree. */
export const escalationCauses = ['beyond_competence', 'deadline_missed', 'resident_appeal'] as const;
export type EscalationCause = (typeof escalationCauses)[number];

/** Who sees a timeline event: everyone with the tracking code, or officials only. */
export const eventVisibilities = ['public', 'internal'] as const;
export type EventVisibility = (typeof eventVisibilities)[number];

/** The kinds of gathering: citizen reception day, outreach day (People's Saturday), forum, dialogue before a decision, service day, working session on a long-standing case. */
export const gatheringKinds = ['reception_day', 'outreach_day', 'forum', 'dialogue', 'service_day', 'working_session'] as const;
export type GatheringKind = (typeof gatheringKinds)[number];

/** planned → open → closed → published; planned or open → cancelled (with a reason). */
export const gatheringStates = ['planned', 'open', 'closed', 'published', 'cancelled'] as const;
export type GatheringState = (typeof gatheringStates)[number];

/** The state changes of a gathering (`POST /api/v1/gatherings/{id}/actions`). */
export const gatheringActions = ['open', 'close', 'publish', 'cancel'] as const;
export type GatheringAction = (typeof gatheringActions)[number];

/** Who receives at a gathering; the law's minimum reception frequency is set per role. */
export const hostRoles = ['chairman', 'vice_chairman', 'reception_committee', 'other'] as const;
export type HostRole = (typeof hostRoles)[number];

/** What a series does with an occurrence on a holiday of the unit's calendar. */
export const holidayRules = ['skip', 'next_day', 'previous_day', 'keep'] as const;
export type HolidayRule = (typeof holidayRules)[number];

/** What the console of a running gathering records (each entry carries an idempotency key). */
export const gatheringEntryTypes = ['attendance', 'opinion', 'service', 'record'] as const;
export type GatheringEntryType = (typeof gatheringEntryTypes)[number];
