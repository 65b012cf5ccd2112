import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Official } from '../../platform/access.ts';
import { accessKeyFailuresAllowed, accessKeyFailureWindowHours, abilities, canSee, canSeeIdentity, contentOf, decide, missingClearItems, reachOfActor, transitions, unitWithinReachOf, withinReachOf, type PetitionSubject } from './petitions.policy.ts';
import { petitionStatuses, type Role } from '../../contract/domain.ts';
import { accessKeyLength, trackingAlphabet } from './intake/petitions.codes.ts';

// Paths: province /1/, commune one /1/2/, commune two /1/3/, village of commune one /1/2/4/.
function official(id: number, grants: Array<[string, Role]>): Official {
  return {
    kind: 'official',
    id,
    name: `o${id}`,
    username: `o${id}`,
    agencyId: null,
    grants: grants.map(([unitPath, role]) => ({ unitId: Number(unitPath.split('/').at(-2)) || null, unitCode: null, unitPath, role })),
  };
}

const dispatcher = official(1, [['/1/2/', 'dispatcher']]);
const leader = official(2, [['/1/2/', 'leader']]);
const handler = official(3, [['/1/2/', 'handler']]);
const otherCommune = official(4, [['/1/3/', 'dispatcher'], ['/1/3/', 'leader']]);
const province = official(5, [['/1/', 'leader']]);
const auditor = official(6, [['/1/', 'auditor']]);
const reception = official(7, [['/1/2/', 'reception_officer']]);

const petition = (over: Partial<PetitionSubject> = {}): PetitionSubject => ({
  kind: 'question',
  status: 'received',
  unit_path: '/1/2/4/',
  handler_id: null,
  leader_id: null,
  reported_official_id: null,
  review_stage: null,
  ...over,
});

test('every status has a way out or is final, and only the listed states allow each action', () => {
  const reachable = new Set(Object.values(transitions).flat());
  for (const status of petitionStatuses) assert.ok(reachable.has(status) || status === 'merged', status);
  assert.deepEqual(transitions.accept, ['received', 'transferred']);
  assert.deepEqual(transitions.close, ['answered']);
  assert.deepEqual(transitions.reopen, ['answered', 'closed']);
  for (const status of petitionStatuses) {
    const d = decide(leader, petition({ status }), 'accept');
    assert.equal(d.ok, status === 'received' || status === 'transferred', status);
    if (!d.ok) assert.equal(d.status, 409);
  }
});

test('outside their units an official gets 403; inside but hidden, 404; allowed role, wrong state, 409', () => {
  const p = petition();
  assert.deepEqual(decide(otherCommune, p, 'accept'), { ok: false, status: 403, code: 'forbidden' });
  assert.deepEqual(decide(handler, p, 'accept'), { ok: false, status: 404, code: 'not_found' });
  assert.equal(decide(dispatcher, p, 'accept').ok, true);
  assert.equal(decide(province, p, 'accept').ok, true);
  assert.deepEqual(decide(auditor, p, 'accept'), { ok: false, status: 403, code: 'forbidden' });
  assert.deepEqual(decide(dispatcher, p, 'extend'), { ok: false, status: 403, code: 'forbidden' });
  assert.equal(decide(leader, petition({ status: 'received' }), 'extend').ok, false);
  assert.equal(decide(leader, petition({ status: 'in_progress' }), 'extend').ok, true);
  const inProgress = petition({ status: 'in_progress', handler_id: handler.id, leader_id: leader.id });
  assert.deepEqual(abilities(handler, inProgress), ['answer', 'note']);
  assert.deepEqual(decide(dispatcher, inProgress, 'answer'), { ok: false, status: 403, code: 'forbidden' });
  assert.equal(decide(reception, petition(), 'answer').ok, true, 'on the spot');
  assert.equal(decide(reception, petition({ kind: 'complaint' }), 'answer').ok, false);
  assert.equal(decide({ kind: 'system', label: 'deadline-sweep' }, inProgress, 'escalate').ok, true);
});

test('denouncers and conduct reporters are known to the case\'s handler and leader only', () => {
  const d = petition({ kind: 'denunciation', status: 'assigned', handler_id: handler.id, leader_id: leader.id });
  assert.equal(canSeeIdentity(handler, d), true);
  assert.equal(canSeeIdentity(leader, d), true);
  for (const who of [dispatcher, province, auditor, reception]) {
    assert.equal(canSee(who, d), true);
    assert.equal(canSeeIdentity(who, d), false);
  }
  assert.equal(canSeeIdentity(dispatcher, petition({ kind: 'complaint' })), true);
});

test('a conduct report reaches leaders and auditors, never the official it names', () => {
  const c = petition({ kind: 'conduct_report', reported_official_id: leader.id });
  assert.equal(canSee(province, c), true);
  assert.equal(canSee(auditor, c), true);
  assert.equal(canSee(leader, c), false);
  assert.equal(canSee(dispatcher, c), false);
  assert.equal(canSee(reception, c), false);
  assert.deepEqual(decide(leader, c, 'note'), { ok: false, status: 404, code: 'not_found' });
  // Even as the assigned handler, the reported official does not see it.
  assert.equal(canSee(leader, { ...c, handler_id: leader.id }), false);
});

test('a conduct report is steered only by officials its subject has no power over', () => {
  const communeAdmin = official(8, [['/1/2/', 'administrator']]);
  const c = petition({ kind: 'conduct_report', unit_path: '/1/2/', reported_official_id: communeAdmin.id });
  const reach = reachOfActor(communeAdmin);
  // The commune administrator could change the commune leader's account: the leader may not act.
  assert.equal(withinReachOf(reach, reachOfActor(leader)), true);
  assert.deepEqual(decide(leader, c, 'accept', reach), { ok: false, status: 403, code: 'conduct_report_within_reach' });
  assert.deepEqual(abilities(leader, c, reach), []);
  // The province leader is beyond it.
  assert.equal(withinReachOf(reach, reachOfActor(province)), false);
  assert.equal(decide(province, c, 'accept', reach).ok, true);
  // Without the subject's reach nobody may act (the rule fails closed), nor with another's.
  assert.equal(decide(province, c, 'accept').ok, false);
  assert.equal(decide(province, c, 'accept', reachOfActor(handler)).ok, false);
  // The system (the deadline sweep) is nobody's subordinate.
  assert.equal(decide({ kind: 'system', label: 'deadline-sweep' }, c, 'escalate', null).ok, true);
  // Handlers and units: a leader reaches the handlers and the units of their commune, not others.
  assert.equal(withinReachOf(reachOfActor(leader), reachOfActor(handler)), true);
  assert.equal(withinReachOf(reachOfActor(leader), reachOfActor(otherCommune)), false);
  assert.equal(withinReachOf(reachOfActor(handler), reachOfActor(leader)), false, 'a handler has power over nobody');
  assert.equal(unitWithinReachOf(reachOfActor(leader), '/1/2/4/'), true);
  assert.equal(unitWithinReachOf(reachOfActor(leader), '/1/3/'), false);
});

test('guessing an access key stays hopeless: at most 10 wrong keys a day per petition against 2^40 keys', () => {
  assert.ok(accessKeyFailuresAllowed <= 10, `${accessKeyFailuresAllowed} wrong keys allowed`);
  assert.ok(accessKeyFailureWindowHours >= 24, `a window of ${accessKeyFailureWindowHours} hours`);
  const keys = trackingAlphabet.length ** accessKeyLength;
  const guessesInTenYears = accessKeyFailuresAllowed * (24 / accessKeyFailureWindowHours) * 365 * 10;
  assert.ok(guessesInTenYears / keys < 1e-7, `a chance of ${guessesInTenYears / keys} in ten years`);
});

test('the content of a case is the dispatcher\'s statement, else the title, else the text; a blank text is none', () => {
  assert.equal(contentOf({ content: 'Repair the well', title: 'Well', body: 'The well is dry.' }), 'Repair the well');
  assert.equal(contentOf({ content: null, title: 'Well', body: 'The well is dry.' }), 'Well');
  assert.equal(contentOf({ content: null, title: null, body: 'The well is dry.' }), 'The well is dry.');
  assert.equal(contentOf({ content: null, title: null, body: '  \n ' }), null);
});

test('the five clear items: each one missing is named, none missing when all are there', () => {
  const all = { content: 'Repair the well', handlerId: 3, leaderId: 2, dueAt: new Date('2026-03-10T00:00:00Z'), expectedResult: 'water again' };
  assert.deepEqual(missingClearItems(all), []);
  assert.deepEqual(missingClearItems({ ...all, content: null }), ['content']);
  assert.deepEqual(missingClearItems({ ...all, handlerId: null, leaderId: null }), ['handler', 'leader']);
  assert.deepEqual(missingClearItems({ ...all, dueAt: null, expectedResult: '' }), ['dueAt', 'expectedResult']);
});
