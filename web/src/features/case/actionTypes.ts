import type { ActionType } from '../../../../server/contract/domain.ts';

/** The actions on a petition, in the order the case page offers them (the server's list is in another order). */
export const actionOrder = [
  'accept',
  'assign',
  'start',
  'answer',
  'approve',
  'return',
  'extend',
  'escalate',
  'transfer',
  'merge',
  'reject',
  'close',
  'reopen',
  'review',
  're_review',
  'note',
] as const satisfies readonly ActionType[];
