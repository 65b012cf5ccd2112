import { it } from 'node:test';
import assert from 'node:assert/strict';
import { allowedActions, judgeMeeting, reaches } from './deliberation.policy.ts';

const halfPlus = { num: 1, den: 2, strict: true };

it('shares are exact: more than half, at least two thirds', () => {
  assert.equal(reaches(3, 6, halfPlus), false);
  assert.equal(reaches(4, 6, halfPlus), true);
  assert.equal(reaches(4, 6, { num: 2, den: 3, strict: false }), true);
  assert.equal(reaches(3, 5, { num: 2, den: 3, strict: false }), false);
});

it('a meeting needs its quorum, then a majority of its base', () => {
  const rules = { quorum: halfPlus, majority: { ...halfPlus, base: 'present' as const } };
  assert.deepEqual(judgeMeeting(rules, { members: 7, present: 3, for: 3, against: 0, abstain: 0 }), { quorum: false, passed: false });
  assert.deepEqual(judgeMeeting(rules, { members: 7, present: 4, for: 3, against: 1, abstain: 0 }), { quorum: true, passed: true });
  assert.deepEqual(judgeMeeting(rules, { members: 7, present: 6, for: 3, against: 1, abstain: 2 }), { quorum: true, passed: false });
  const cast = { quorum: halfPlus, majority: { ...halfPlus, base: 'cast' as const } };
  assert.deepEqual(judgeMeeting(cast, { members: 7, present: 6, for: 3, against: 1, abstain: 2 }), { quorum: true, passed: true });
  const members = { quorum: halfPlus, majority: { ...halfPlus, base: 'members' as const } };
  assert.deepEqual(judgeMeeting(members, { members: 7, present: 6, for: 3, against: 1, abstain: 2 }), { quorum: true, passed: false });
});

it('each stage allows its own actions only', () => {
  assert.deepEqual(allowedActions('proposal'), ['open_evaluation']);
  assert.deepEqual(allowedActions('evaluation'), ['evaluate', 'comment', 'submit_for_review']);
  assert.deepEqual(allowedActions('completed'), []);
});
