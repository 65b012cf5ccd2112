/**
 * Who may see a petition, see the person behind it, and take each action in each state.
 * Pure functions of the actor's grants and the petition; view/list.queries.ts applies the
 * same visibility rule in SQL for lists (visibleTo), and a test holds the two together.
 */
import { hasRoleAt, type Actor, type Official } from '../../platform/access.ts';
import { actionTypes, type ActionType, type PetitionKind, type PetitionStatus, type ReviewStage, type Role } from '../../contract/domain.ts';
import { canManageOfficial } from '../people/index.ts';
import {
  caseDispatchers,
  caseLeaders,
  caseWorkers,
  conductReportDispatchers,
  conductReportReaders,
  officialManagers,
  onTheSpotAnswerers,
  petitionReaders,
  policyEditors,
} from '../../contract/roleSets.ts';

type SystemActor = { kind: 'system'; label: string };
export type CommandActor = Actor | SystemActor;

/** What the rules look at. */
export interface PetitionSubject {
  kind: PetitionKind;
  status: PetitionStatus;
  unit_path: string;
  handler_id: number | null;
  leader_id: number | null;
  reported_official_id: number | null;
  review_stage: ReviewStage | null;
  /** Set while an answer waits for a leader's approval. */
  pending_answer_at?: Date | null;
}

/**
 * The first of the five clear items, the content of the case: the dispatcher's statement of
 * it when there is one, else the resident's title, else their text (none when blank).
 */
export function contentOf(p: { content: string | null; title: string | null; body: string }): string | null {
  return p.content ?? p.title ?? (p.body.trim() ? p.body : null);
}

/** The five clear items as a case has them (content as contentOf gives it). */
export interface ClearItems {
  content: string | null;
  handlerId: number | null;
  leaderId: number | null;
  dueAt: Date | null;
  expectedResult: string | null;
}

/** Which of the five clear items a case still lacks, by their API names; none: it may be assigned. */
export function missingClearItems(c: ClearItems): Array<'content' | 'handler' | 'leader' | 'dueAt' | 'expectedResult'> {
  const missing: Array<'content' | 'handler' | 'leader' | 'dueAt' | 'expectedResult'> = [];
  if (!c.content) missing.push('content');
  if (c.handlerId === null) missing.push('handler');
  if (c.leaderId === null) missing.push('leader');
  if (!c.dueAt) missing.push('dueAt');
  if (!c.expectedResult) missing.push('expectedResult');
  return missing;
}

/**
 * Actions that add to the case without changing its state, due time or people. They take no
 * version and leave it as it was: two of them at once do not conflict, and a change prepared
 * before them still applies. They wait for the row lock instead (the audit chain needs it).
 */
export const recordingActions: readonly ActionType[] = ['note'];

/** The states each action may start from (docs/PETITIONS.md has the table). */
export const transitions: Record<ActionType, readonly PetitionStatus[]> = {
  accept: ['received', 'transferred'],
  reject: ['received', 'transferred'],
  assign: ['accepted', 'assigned', 'in_progress', 'reopened'],
  start: ['assigned', 'reopened'],
  // from received: the answer on the spot (a hotline call, a question at the counter)
  answer: ['received', 'in_progress'],
  escalate: ['received', 'transferred', 'accepted', 'assigned', 'in_progress', 'reopened', 'answered'],
  transfer: ['received', 'transferred', 'accepted'],
  merge: ['received', 'transferred', 'accepted', 'assigned', 'in_progress', 'reopened'],
  extend: ['accepted', 'assigned', 'in_progress', 'reopened'],
  note: ['received', 'accepted', 'rejected', 'transferred', 'assigned', 'in_progress', 'answered', 'closed', 'reopened', 'merged'],
  close: ['answered'],
  reopen: ['answered', 'closed'],
  // the resident, not satisfied with the answer, asks the unit above (复查, a second complaint)
  review: ['answered', 'closed'],
  // and then the unit above that (复核)
  re_review: ['answered', 'closed'],
  // an answer held for approval: sent to the resident, or returned to the handler
  approve: ['in_progress'],
  return: ['in_progress'],
};

/** The step each review follows: a review the first handling, a re-review the review. */
const reviewFollows: Record<ReviewStage, ReviewStage | null> = { review: null, re_review: 'review' };

/** Kinds an official may answer at once, without the five clear items. */
export const onTheSpotKinds: readonly PetitionKind[] = ['question', 'suggestion', 'help_request'];

/**
 * Wrong access keys a petition takes within the window before it takes no more: 10 a day is
 * 3,650 guesses a year at one petition, against 2^40 (1.1 × 10^12) keys: about 1 chance in
 * 300 million (docs/PETITIONS.md, "The access key").
 */
export const accessKeyFailuresAllowed = 10;
export const accessKeyFailureWindowHours = 24;

/**
 * Kinds a resident may let the public see (with consent_to_publish): never complaints,
 * denunciations or conduct reports, which name people or accuse them.
 */
export const publicKinds: readonly PetitionKind[] = ['question', 'suggestion', 'help_request'];

/** A conduct report or a denunciation names a person who could retaliate: its author is protected. */
export const protectedKinds: readonly PetitionKind[] = ['denunciation', 'conduct_report'];

function official(actor: CommandActor) {
  return actor.kind === 'official' ? actor : null;
}

/** An official as a possible handler or responsible leader: their grants' roles and units' paths. */
export interface Candidate<G extends { role: Role; path: string } = { role: Role; path: string }> {
  id: number;
  grants: readonly G[];
}

/** Is one unit inside the other (either way)? */
export const sameBranch = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/**
 * Is the candidate within the reach of the official the conduct report is about (see
 * withinReachOf)? Unknown reach: yes, so that a caller who forgets it offers nobody.
 */
function reachedBy(p: Pick<PetitionSubject, 'reported_official_id'>, c: Candidate, reported: OfficialReach | null | undefined): boolean {
  if (p.reported_official_id === null) return false;
  return !reported || reported.id !== p.reported_official_id || withinReachOf(reported, c);
}

/**
 * The grant that makes an official eligible as the case's handler: a working role in the
 * petition's unit, above it or below it. Never the official a conduct report is about, nor
 * anyone within their reach (`reported`).
 * The assign command and the candidates list both ask this, so the picker offers exactly
 * whom the command takes.
 */
export function handlerGrant<G extends { role: Role; path: string }>(
  p: Pick<PetitionSubject, 'unit_path' | 'reported_official_id'>,
  c: Candidate<G>,
  reported?: OfficialReach | null,
): G | undefined {
  if (c.id === p.reported_official_id || reachedBy(p, c, reported)) return undefined;
  return c.grants.find((g) => caseWorkers.includes(g.role) && sameBranch(p.unit_path, g.path));
}

/**
 * The grant that makes an official eligible as the case's responsible leader: leader of the
 * petition's unit or of any unit above it (a village case may be led from the county).
 */
export function leaderGrant<G extends { role: Role; path: string }>(
  p: Pick<PetitionSubject, 'unit_path' | 'reported_official_id'>,
  c: Candidate<G>,
  reported?: OfficialReach | null,
): G | undefined {
  if (c.id === p.reported_official_id || reachedBy(p, c, reported)) return undefined;
  return c.grants.find((g) => caseLeaders.includes(g.role) && p.unit_path.startsWith(g.path));
}

/** Does the actor hold any grant over the petition's unit? (403 rather than 404 outside it.) */
export function inUnits(actor: CommandActor, p: Pick<PetitionSubject, 'unit_path'>): boolean {
  const o = official(actor);
  return !!o && o.grants.some((g) => p.unit_path.startsWith(g.unitPath));
}

export function canSee(actor: CommandActor, p: PetitionSubject): boolean {
  if (actor.kind === 'system') return true;
  const o = official(actor);
  if (!o) return false;
  // The official a conduct report is about never sees it, whatever roles they hold.
  if (p.reported_official_id === o.id) return false;
  if (p.handler_id === o.id || p.leader_id === o.id) return true;
  return hasRoleAt(o, p.unit_path, p.kind === 'conduct_report' ? conductReportReaders : petitionReaders);
}

/**
 * May the actor see who sent it? For denunciations and conduct reports only the case's
 * handler and responsible leader; otherwise everyone who sees the petition.
 */
export function canSeeIdentity(actor: CommandActor, p: PetitionSubject): boolean {
  if (!canSee(actor, p)) return false;
  if (actor.kind === 'system') return true;
  const o = official(actor);
  if (protectedKinds.includes(p.kind)) return !!o && (p.handler_id === o.id || p.leader_id === o.id);
  return true;
}

function routes(actor: CommandActor, p: PetitionSubject): boolean {
  if (actor.kind === 'system') return true;
  return hasRoleAt(actor, p.unit_path, p.kind === 'conduct_report' ? conductReportDispatchers : caseDispatchers);
}

/** The case's responsible leader, or a leader of its unit: their answers need nobody's approval, and they approve others'. */
export function leads(actor: CommandActor, p: PetitionSubject): boolean {
  if (actor.kind === 'system') return true;
  return (actor.kind === 'official' && p.leader_id === actor.id) || hasRoleAt(actor, p.unit_path, caseLeaders);
}

function handles(actor: CommandActor, p: PetitionSubject): boolean {
  return actor.kind === 'official' && p.handler_id === actor.id;
}

/** May the actor ever take this action on this petition (whatever its state)? */
function roleAllows(actor: CommandActor, p: PetitionSubject, type: ActionType): boolean {
  switch (type) {
    case 'accept':
    case 'reject':
    case 'assign':
    case 'transfer':
    case 'merge':
    case 'escalate':
    case 'close':
    case 'review':
    case 're_review':
      return routes(actor, p);
    case 'reopen':
    case 'extend':
    case 'approve':
    case 'return':
      return leads(actor, p);
    case 'start':
      return handles(actor, p) || leads(actor, p);
    case 'answer':
      return (
        handles(actor, p) ||
        leads(actor, p) ||
        (actor.kind === 'official' && p.kind !== 'conduct_report' && hasRoleAt(actor, p.unit_path, onTheSpotAnswerers))
      );
    case 'note':
      return handles(actor, p) || leads(actor, p) || routes(actor, p) ||
        (actor.kind === 'official' && p.kind !== 'conduct_report' && hasRoleAt(actor, p.unit_path, ['reception_officer']));
  }
}

/** An official as the rules about a conduct report see them: who, and which roles where ('/': the whole deployment). */
export interface OfficialReach {
  id: number;
  grants: ReadonlyArray<{ path: string; role: Role }>;
}

const asActor = (o: OfficialReach): Official => ({
  kind: 'official',
  id: o.id,
  name: '',
  username: '',
  agencyId: null,
  grants: o.grants.map((g) => ({ unitId: null, unitCode: null, unitPath: g.path, role: g.role })),
});

export const reachOfActor = (o: Official): OfficialReach => ({
  id: o.id,
  grants: o.grants.map((g) => ({ path: g.unitPath, role: g.role })),
});

/**
 * Is this official within the power of the official a conduct report is about: the reported
 * official themselves, or someone whose account the reported official could change (disable,
 * take roles from, reset): a subordinate, a fellow leader of the same commune. Such an
 * official must not act on the report, handle it or answer for it.
 */
export function withinReachOf(reported: OfficialReach, other: OfficialReach): boolean {
  return other.id === reported.id || canManageOfficial(asActor(reported), other.grants);
}

/** Could the reported official manage the officials who would receive the report at this unit? */
export function unitWithinReachOf(reported: OfficialReach, unitPath: string): boolean {
  return hasRoleAt(asActor(reported), unitPath, officialManagers);
}

/** Is the actor within the reach of the official this report is about (unknown reach: yes)? */
function barredByReach(actor: CommandActor, p: PetitionSubject, reported: OfficialReach | null | undefined): boolean {
  if (p.reported_official_id === null || actor.kind !== 'official') return false;
  return !reported || reported.id !== p.reported_official_id || withinReachOf(reported, reachOfActor(actor));
}

type Decision =
  | { ok: true }
  | { ok: false; status: 400 | 403 | 404 | 409; code: string; params?: Record<string, unknown> };

/**
 * The whole decision for one action: 404 when the actor may not see the petition (403 when it
 * lies outside all of their units), 403 when their roles do not allow the action or when the
 * petition is a conduct report about someone who has power over the actor's account, 409 when
 * the state does not allow it. `reported` is the reach of the official a conduct report is
 * about; without it no official may act on such a report (the rule fails closed).
 */
export function decide(actor: CommandActor, p: PetitionSubject, type: ActionType, reported?: OfficialReach | null): Decision {
  if (!canSee(actor, p)) {
    return inUnits(actor, p) || (actor.kind === 'official' && p.reported_official_id === actor.id)
      ? { ok: false, status: 404, code: 'not_found' }
      : { ok: false, status: 403, code: 'forbidden' };
  }
  if (!roleAllows(actor, p, type)) return { ok: false, status: 403, code: 'forbidden' };
  if (barredByReach(actor, p, reported)) return { ok: false, status: 403, code: 'conduct_report_within_reach' };
  if (!transitions[type].includes(p.status)) {
    return {
      ok: false,
      status: 409,
      code: 'transition_not_allowed',
      params: { status: p.status, action: type, allowed: transitions[type].join(', ') },
    };
  }
  if ((type === 'review' || type === 're_review') && p.review_stage !== reviewFollows[type]) {
    return {
      ok: false,
      status: 409,
      code: 'review_out_of_order',
      params: { stage: type, needed: reviewFollows[type] ?? 'answer', current: p.review_stage ?? 'answer' },
    };
  }
  if ((type === 'approve' || type === 'return') && !p.pending_answer_at) {
    return { ok: false, status: 409, code: 'no_answer_awaiting_approval' };
  }
  if (type === 'answer') {
    if (p.pending_answer_at) return { ok: false, status: 409, code: 'answer_awaiting_approval' };
    if (p.status === 'received') {
      if (!onTheSpotKinds.includes(p.kind)) {
        // the kind forbids it, whatever the state: the same 400 as at intake
        return { ok: false, status: 400, code: 'not_answerable_on_the_spot', params: { kind: p.kind } };
      }
      if (actor.kind === 'official' && !hasRoleAt(actor, p.unit_path, onTheSpotAnswerers)) {
        return { ok: false, status: 403, code: 'forbidden' };
      }
    } else if (!handles(actor, p) && !leads(actor, p)) {
      return { ok: false, status: 403, code: 'forbidden' };
    }
  }
  return { ok: true };
}

/** The actions the actor may take now: the web app shows these and nothing else. */
export function abilities(actor: CommandActor, p: PetitionSubject, reported?: OfficialReach | null): ActionType[] {
  return actionTypes.filter((type) => decide(actor, p, type, reported).ok);
}

/** May the actor choose the case's handler and leader (whatever its state)? */
export function canAssign(actor: CommandActor, p: PetitionSubject): boolean {
  return canSee(actor, p) && roleAllows(actor, p, 'assign');
}

/** May the actor record a petition at this unit on a resident's behalf (other channels)? Auditors only read. */
export function canRecordFor(actor: Actor, unitPath: string): boolean {
  return (
    actor.kind === 'official' &&
    actor.grants.some((g) => g.role !== 'auditor' && (unitPath.startsWith(g.unitPath) || g.unitPath.startsWith(unitPath)))
  );
}

/** May the official answer at once, at intake, a petition of this kind at this unit? */
export function canAnswerOnTheSpot(actor: Actor, kind: PetitionKind, unitPath: string): boolean {
  return actor.kind === 'official' && onTheSpotKinds.includes(kind) && hasRoleAt(actor, unitPath, onTheSpotAnswerers);
}

/** Who may attach files: officials who may note on it. */
export function canAttach(actor: CommandActor, p: PetitionSubject, reported?: OfficialReach | null): boolean {
  return canSee(actor, p) && roleAllows(actor, p, 'note') && !barredByReach(actor, p, reported);
}

/** Deadline policies: administrators and leaders edit their units' overrides; the default is the deployment administrator's. */
export function canEditPolicy(actor: CommandActor, unitPath: string | null): boolean {
  if (actor.kind === 'system') return true;
  if (unitPath === null) return hasRoleAt(actor, '/', ['administrator']);
  return hasRoleAt(actor, unitPath, policyEditors);
}
