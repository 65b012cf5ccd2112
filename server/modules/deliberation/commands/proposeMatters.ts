import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { auditEventRow, type AuditInput } from '../../../platform/audit.ts';
import { badRequest, notFound } from '../../../platform/errors.ts';
import type { ProposeBody } from '../deliberation.schema.ts';
import { councilMembers, getCouncil, insertDocuments, insertFirstAuditEvents, insertMatters, type NewMatter } from '../deliberation.queries.ts';

/**
 * Records proposals to a council (one, or a register of many), each a matter in the proposal
 * stage with its first audit event, all in one transaction: a member proposes, or residents with
 * at least the council's number of co-signers. One bad proposal refuses them all.
 */
export async function proposeMatters(
  db: Kysely<DB>,
  actor: AuditInput['actor'],
  councilId: number,
  proposals: readonly ProposeBody[],
  now: Date,
): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const council = await getCouncil(trx, councilId);
    if (!council) throw notFound();
    const members = new Map((await councilMembers(trx, [councilId])).map((m) => [Number(m.id), m]));
    const rows: NewMatter[] = proposals.map((p) => {
      const cosigners = (p.cosigners ?? []).map((c) => c.trim());
      let proposerName: string;
      let memberId: number | null = null;
      if (p.proposer === 'member') {
        if (p.member === undefined) throw badRequest('matter_action_field', { action: 'propose', field: 'member' });
        const member = members.get(p.member);
        if (!member) throw badRequest('not_a_council_member', { member: p.member });
        proposerName = member.name;
        memberId = p.member;
      } else {
        if (!p.proposerName) throw badRequest('matter_action_field', { action: 'propose', field: 'proposerName' });
        if (cosigners.length < council.cosigners_required) throw badRequest('too_few_cosigners', { required: council.cosigners_required, given: cosigners.length });
        proposerName = p.proposerName.trim();
      }
      if (p.proposedAt !== undefined) {
        const at = new Date(p.proposedAt);
        if (Number.isNaN(at.getTime()) || at.getUTCFullYear() < 1900 || at > now) throw badRequest('proposed_at_out_of_range', { at: p.proposedAt });
      }
      return {
        content: p.content,
        title: p.title.trim(),
        body: p.body ?? '',
        proposerKind: p.proposer,
        proposerMemberId: memberId,
        proposerName,
        cosigners,
        proposedAt: p.proposedAt ?? now.toISOString(),
      };
    });
    const ids = await insertMatters(trx, { id: councilId, unitId: council.unit_id }, rows, now);
    for (let i = 0; i < ids.length; i++) {
      if (proposals[i].documents?.length) await insertDocuments(trx, { matterId: ids[i] }, proposals[i].documents!, now);
    }
    await insertFirstAuditEvents(
      trx,
      ids.map((id, i) =>
        auditEventRow({
          actor,
          action: 'matter.proposed',
          subjectType: 'matter',
          subjectId: id,
          unitId: council.unit_id,
          changes: { council: councilId, ...rows[i], cosigners: rows[i].cosigners.length, documents: proposals[i].documents ?? [] },
          at: now,
        }),
      ),
    );
    return ids;
  });
}
