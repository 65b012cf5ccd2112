/**
 * Who may do what in deliberation, the stages a matter may move through, and the quorum and
 * majority rules of a council. Pure functions, no I/O.
 */
import { hasRoleAt, type Actor } from '../../platform/access.ts';
import type { MajorityBase, MatterActionType, MatterStage } from '../../contract/domain.ts';
import { councilManagers, matterReviewers } from '../../contract/roleSets.ts';

export function canManageAt(actor: Actor, unitPath: string): boolean {
  return hasRoleAt(actor, unitPath, councilManagers);
}

export function canReviewAt(actor: Actor, unitPath: string): boolean {
  return hasRoleAt(actor, unitPath, matterReviewers);
}

/** The stage each action is allowed in. Actions not listed move nothing and are refused (409) elsewhere. */
export const actionStage: Record<MatterActionType, MatterStage> = {
  open_evaluation: 'proposal',
  evaluate: 'evaluation',
  comment: 'evaluation',
  submit_for_review: 'evaluation',
  review: 'review',
  resolve: 'resolution',
  add_task: 'implementation',
  report_progress: 'implementation',
  submit_for_inspection: 'implementation',
  inspect: 'inspection',
};

/** Who acts: staff of the council's unit, the reviewing leaders, or residents. */
export const actionActor: Record<MatterActionType, 'manager' | 'reviewer' | 'resident' | 'member'> = {
  open_evaluation: 'manager',
  evaluate: 'member',
  comment: 'resident',
  submit_for_review: 'manager',
  review: 'reviewer',
  resolve: 'manager',
  add_task: 'manager',
  report_progress: 'manager',
  submit_for_inspection: 'manager',
  inspect: 'resident',
};

export function allowedActions(stage: string): MatterActionType[] {
  return (Object.keys(actionStage) as MatterActionType[]).filter((a) => actionStage[a] === stage);
}

export interface Share {
  num: number;
  den: number;
  strict: boolean;
}

/** Is `count` of `total` enough: more than num/den of it (strict), or at least num/den? Exact in integers. */
export function reaches(count: number, total: number, share: Share): boolean {
  const left = count * share.den;
  const right = total * share.num;
  return share.strict ? left > right : left >= right;
}

interface MeetingCount {
  members: number;
  present: number;
  for: number;
  against: number;
  abstain: number;
}

interface CouncilRules {
  quorum: Share;
  majority: Share & { base: MajorityBase };
}

/** Whether the meeting had its quorum and whether the matter passed. */
export function judgeMeeting(rules: CouncilRules, m: MeetingCount): { quorum: boolean; passed: boolean } {
  const quorum = m.members > 0 && reaches(m.present, m.members, rules.quorum);
  const base = rules.majority.base === 'present' ? m.present : rules.majority.base === 'members' ? m.members : m.for + m.against;
  const passed = quorum && base > 0 && reaches(m.for, base, rules.majority);
  return { quorum, passed };
}
