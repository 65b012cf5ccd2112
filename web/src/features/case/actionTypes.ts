/** The actions on a petition, in the order the case page offers them. */
export const actionOrder = [
  'accept',
  'assign',
  'start',
  'answer',
  'extend',
  'escalate',
  'transfer',
  'merge',
  'reject',
  'close',
  'reopen',
  'note',
] as const;
export type ActionType = (typeof actionOrder)[number];
