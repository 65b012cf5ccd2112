import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { appendAudit, type AuditInput } from '../../../platform/audit.ts';
import type { CreateCouncilBody } from '../deliberation.schema.ts';
import { insertCouncil, insertMembers } from '../deliberation.queries.ts';
import { checkedMembers } from './councils.support.ts';

/**
 * Creates a council of a unit with its rules and first members, in one transaction with its audit
 * event. Quorum and majority default to "more than half of the members present" and "more than
 * half of those present for". The caller has checked that the actor may.
 */
export async function createCouncil(
  db: Kysely<DB>,
  actor: AuditInput['actor'],
  unit: { id: number; code: string },
  body: CreateCouncilBody,
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const members = await checkedMembers(trx, body.members ?? [], []);
    const council = {
      unitId: unit.id,
      kind: body.kind,
      name: body.name.trim(),
      quorum: body.quorum ?? { num: 1, den: 2, strict: true },
      majority: body.majority ?? { num: 1, den: 2, strict: true, base: 'present' },
      cosignersRequired: body.cosignersRequired ?? 5,
      commentDays: body.commentDays ?? 7,
    };
    const id = await insertCouncil(trx, council, now);
    const memberIds = await insertMembers(trx, id, members, now);
    await appendAudit(trx, {
      actor,
      action: 'council.created',
      subjectType: 'council',
      subjectId: id,
      unitId: unit.id,
      changes: { unit: unit.code, ...council, unitId: undefined, members: members.map((m, i) => ({ id: memberIds[i], ...m })) },
      at: now,
    });
    return id;
  });
}
