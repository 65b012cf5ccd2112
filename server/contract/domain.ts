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
 * above and waits there, `accepted` for that unit to assign it (`received` when it was never
 * accepted); its timeline says it was escalated.
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
/**
 * The kinds of gathering where residents are served, and so rate: reception days, outreach
 * days, forums, dialogues and service days. Working sessions are between officials and
 * agencies; residents do not rate them.
 */
export const ratedGatheringKinds: readonly GatheringKind[] = ['reception_day', 'outreach_day', 'forum', 'dialogue', 'service_day'];

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

/** Units that may be added below a village or commune: a hamlet (thôn, xóm) or a group (tổ dân phố, 村民组). */
export const subunitLevels = ['hamlet', 'group'] as const;
export type SubunitLevel = (typeof subunitLevels)[number];

/** What kind of deliberation body a council is. */
export const councilKinds = ['group_council', 'party_branch', 'village_council', 'commune_council', 'residents_council'] as const;
export type CouncilKind = (typeof councilKinds)[number];

/** A council member's office. */
export const memberRoles = ['chair', 'secretary', 'member'] as const;
export type MemberRole = (typeof memberRoles)[number];

/** The five contents a matter deliberates (发展, 法律, 道德, 风气, 和谐). */
export const matterContents = ['development', 'law', 'morality', 'customs', 'harmony'] as const;
export type MatterContent = (typeof matterContents)[number];

/**
 * The stages of a matter: proposal 提议 → evaluation 评议 → review 审议 → resolution 决议 →
 * implementation → inspection → completed; a review may reject it, a resolution may not pass.
 */
export const matterStages = ['proposal', 'evaluation', 'review', 'resolution', 'implementation', 'inspection', 'completed', 'rejected', 'not_passed'] as const;
export type MatterStage = (typeof matterStages)[number];

/** The state changes of a matter (`POST /api/v1/matters/{id}/actions`). */
export const matterActionTypes = [
  'open_evaluation',
  'evaluate',
  'comment',
  'submit_for_review',
  'review',
  'resolve',
  'add_task',
  'report_progress',
  'submit_for_inspection',
  'inspect',
] as const;
export type MatterActionType = (typeof matterActionTypes)[number];

/** A review's outcome: on to the resolution, back to the proposer for revision, or rejected. */
export const reviewOutcomes = ['approved', 'returned', 'rejected'] as const;
export type ReviewOutcome = (typeof reviewOutcomes)[number];

/** Who proposed a matter: a council member, or residents with co-signers. */
export const proposerKinds = ['member', 'residents'] as const;
export type ProposerKind = (typeof proposerKinds)[number];

/** What a majority is counted against: members present, all members, or votes cast (for + against). */
export const majorityBases = ['present', 'members', 'cast'] as const;
export type MajorityBase = (typeof majorityBases)[number];

/** A resident's judgement of implemented work. */
export const inspectionVerdicts = ['accepted', 'contested'] as const;
export type InspectionVerdict = (typeof inspectionVerdicts)[number];

/** An implementation task. */
export const taskStatuses = ['open', 'done', 'contested', 'accepted'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/** Who is on a consultation's electorate, and its stages. */
export const electorateKinds = ['household', 'resident'] as const;
export type ElectorateKind = (typeof electorateKinds)[number];
export const consultationStatuses = ['draft', 'open', 'closed'] as const;
export type ConsultationStatus = (typeof consultationStatuses)[number];
/** How a vote reached the tally: by the voter with a one-time code, or from a paper ballot by staff. */
export const voteChannels = ['code', 'paper'] as const;
export type VoteChannel = (typeof voteChannels)[number];

/**
 * What a scorecard criterion measures, always from the record (inspection findings are the one
 * measure entered by hand, by a superior, and audited).
 */
export const scorecardMeasures = [
  'on_time_rate',
  'satisfaction',
  'reopen_rate',
  'overdue_count',
  'online_share',
  'gatherings_held',
  'upheld_conduct',
  'inspection_findings',
] as const;
export type ScorecardMeasure = (typeof scorecardMeasures)[number];

/** The four yearly grades (hoàn thành xuất sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ; 优秀, 称职, 基本称职, 不称职), best first. */
export const scorecardGrades = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type ScorecardGrade = (typeof scorecardGrades)[number];

/** A knowledge article's kind: a how-to guide, an answer to a common question, or an announcement (the order the forms offer). */
export const articleKinds = ['guide', 'answer', 'announcement'] as const;
export type ArticleKind = (typeof articleKinds)[number];

/** An article's states: written, reviewed, then published until withdrawn. */
export const articleStates = ['draft', 'in_review', 'published', 'withdrawn'] as const;
export type ArticleState = (typeof articleStates)[number];

/** What may be done to an article (knowledge.policy.ts says who may, and from which state). */
export const articleActions = ['revise', 'submit', 'approve', 'return', 'withdraw'] as const;
export type ArticleAction = (typeof articleActions)[number];

/** The roles on a steering committee for citizen reception and outreach (trưởng ban, phó ban, thường trực, ủy viên, thư ký). */
export const steeringRoles = ['head', 'deputy', 'standing', 'member', 'secretary'] as const;
export type SteeringRole = (typeof steeringRoles)[number];

/**
 * The topics the forms offer and the public figures name (the figures_categories table holds the
 * same list: a petition's other free text is counted as 'other').
 */
export const petitionCategories = [
  'land',
  'construction',
  'environment',
  'roads',
  'water_power',
  'social_insurance',
  'health',
  'education',
  'security',
  'procedures',
  'other',
] as const;
