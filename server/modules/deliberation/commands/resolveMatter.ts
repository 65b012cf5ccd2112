import { AppError, badRequest } from '../../../platform/errors.ts';
import type { MajorityBase } from '../../../contract/domain.ts';
import { judgeMeeting } from '../deliberation.policy.ts';
import { getCouncil, insertMeeting, servingMembers } from '../deliberation.queries.ts';
import { matterStep, type StepContext } from './matterStep.ts';

export interface MeetingInput {
  heldOn: string;
  present: number[];
  for: number;
  against: number;
  abstain: number;
  minutes?: string;
}

/**
 * Records the resolution meeting: the members present (serving that day), the votes, the quorum
 * and majority checked against the council's rules. Passed → implementation; not passed →
 * not_passed. Without a quorum nothing is recorded (422): the council meets again.
 */
export async function resolveMatter(ctx: StepContext, matterId: number, input: MeetingInput): Promise<{ passed: boolean }> {
  const sum = input.for + input.against + input.abstain;
  if (sum !== input.present.length) throw badRequest('votes_do_not_add_up', { sum, present: input.present.length });
  return (await matterStep(ctx, matterId, 'resolve', async (trx, matter) => {
    const council = (await getCouncil(trx, matter.council_id))!;
    const serving = new Set((await servingMembers(trx, matter.council_id, input.heldOn)).map((m) => Number(m.id)));
    const stranger = input.present.find((id) => !serving.has(id));
    if (stranger !== undefined) throw badRequest('present_not_serving', { member: stranger, day: input.heldOn });
    const rules = {
      quorum: { num: council.quorum_num, den: council.quorum_den, strict: council.quorum_strict },
      majority: { num: council.majority_num, den: council.majority_den, strict: council.majority_strict, base: council.majority_base as MajorityBase },
    };
    const count = { members: serving.size, present: input.present.length, for: input.for, against: input.against, abstain: input.abstain };
    const verdict = judgeMeeting(rules, count);
    if (!verdict.quorum) {
      const rule = `${council.quorum_strict ? '>' : '≥'} ${council.quorum_num}/${council.quorum_den}`;
      throw new AppError(422, 'quorum_not_met', { present: count.present, members: count.members, rule });
    }
    await insertMeeting(trx, { matterId, heldOn: input.heldOn, membersTotal: count.members, present: input.present, for: input.for, against: input.against, abstain: input.abstain, passed: verdict.passed, minutes: input.minutes ?? '' }, ctx.now);
    return {
      stage: verdict.passed ? 'implementation' : 'not_passed',
      changes: { heldOn: input.heldOn, ...count, presentIds: input.present, passed: verdict.passed, minutes: input.minutes ?? '' },
      result: { passed: verdict.passed },
    };
  }))!;
}
