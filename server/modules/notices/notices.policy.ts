import type { Actor } from '../../platform/access.ts';

/** A notice is its addressee's alone: not even an administrator reads another official's. */
export function canSeeNotice(actor: Actor, notice: { account_id: number }): boolean {
  return actor.kind === 'official' && actor.id === notice.account_id;
}
