import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { appendAudit, type AuditInput } from '../../../platform/audit.ts';
import { notFound } from '../../../platform/errors.ts';
import type { MemberInput } from '../deliberation.schema.ts';
import { councilMembers, getCouncil, insertMembers } from '../deliberation.queries.ts';
import { checkedMembers } from './councils.support.ts';

/** Adds members (an election's result) to a council, with its audit event. */
export async function addMembers(db: Kysely<DB>, actor: AuditInput['actor'], councilId: number, input: MemberInput[], now: Date): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const council = await getCouncil(trx, councilId, true);
    if (!council) throw notFound();
    const members = await checkedMembers(trx, input, await councilMembers(trx, [councilId]));
    const ids = await insertMembers(trx, councilId, members, now);
    await appendAudit(trx, {
      actor,
      action: 'council.members_added',
      subjectType: 'council',
      subjectId: councilId,
      unitId: council.unit_id,
      changes: { members: members.map((m, i) => ({ id: ids[i], ...m })) },
      at: now,
    });
    return ids;
  });
}
