import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { badRequest } from '../../../platform/errors.ts';
import type { MemberInput } from '../deliberation.schema.ts';
import { existingAccounts, type MemberRow, type NewMember } from '../deliberation.queries.ts';

/**
 * Members as they will be stored, checked against those already serving: a term ends on or after
 * its start, an account named exists, and a council has at most one chair and one secretary
 * serving on any day.
 */
export async function checkedMembers(db: Kysely<DB>, input: readonly MemberInput[], existing: readonly MemberRow[]): Promise<NewMember[]> {
  const members: NewMember[] = input.map((m) => ({
    name: m.name.trim(),
    accountId: m.account ?? null,
    role: m.role ?? 'member',
    partyMember: m.partyMember ?? false,
    electedOn: m.electedOn,
    termUntil: m.termUntil,
  }));
  for (const m of members) if (m.termUntil < m.electedOn) throw badRequest('member_term_order', { name: m.name });
  const accounts = [...new Set(members.map((m) => m.accountId).filter((a): a is number => a !== null))];
  const found = new Set(await existingAccounts(db, accounts));
  const missing = accounts.find((a) => !found.has(a));
  if (missing !== undefined) throw badRequest('unknown_account', { account: missing });
  const offices = [...existing.map((m) => ({ role: m.role, electedOn: m.elected_on, termUntil: m.term_until })), ...members].filter((m) => m.role !== 'member');
  for (let i = 0; i < offices.length; i++) {
    for (let j = i + 1; j < offices.length; j++) {
      const a = offices[i];
      const b = offices[j];
      if (a.role === b.role && a.electedOn <= b.termUntil && b.electedOn <= a.termUntil) throw badRequest('council_office_taken', { role: a.role });
    }
  }
  return members;
}
