/** The refusals every module gives for a unit code: 400 in a body or query string, 404 in a path, 403 or 404 from the module's policy. */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { createSmallTree } from '../../test/factories.ts';
import { requireUnit, requireUnitIfSent, requireUnitWhere, unitAtPath } from './requireUnit.ts';

const refusal = (status: number, code: string, params?: Record<string, unknown>) => (e: unknown) => {
  const err = e as { status: number; code: string; params: Record<string, unknown> };
  assert.equal(err.status, status);
  assert.equal(err.code, code);
  if (params) assert.deepEqual(err.params, params);
  return true;
};

describeEachBackend('requireUnit and its variants', (t) => {
  before(async () => {
    await createSmallTree(t().ctx.db, 'Q');
  });
  const now = () => t().clock.now();

  test('requireUnit: the unit, or 400 unknown_unit naming the code', async () => {
    assert.equal((await requireUnit(t().ctx.db, 'QC1', now())).code, 'QC1');
    await assert.rejects(requireUnit(t().ctx.db, 'nope', now()), refusal(400, 'unknown_unit', { code: 'nope' }));
  });

  test('requireUnitIfSent: nothing sent is no unit; a code sent must name one', async () => {
    assert.equal(await requireUnitIfSent(t().ctx.db, undefined, now()), undefined);
    assert.equal((await requireUnitIfSent(t().ctx.db, 'QP', now()))?.code, 'QP');
    await assert.rejects(requireUnitIfSent(t().ctx.db, 'nope', now()), refusal(400, 'unknown_unit'));
  });

  test('requireUnitWhere: the policy is asked with the unit path; 403, or 404 when asked to hide', async () => {
    const unit = await requireUnitWhere(t().ctx.db, 'QV1', now(), (path) => path.split('/').length === 5);
    assert.equal(unit.code, 'QV1');
    await assert.rejects(requireUnitWhere(t().ctx.db, 'QV1', now(), () => false), refusal(403, 'forbidden'));
    await assert.rejects(requireUnitWhere(t().ctx.db, 'QV1', now(), () => false, 'not_found'), refusal(404, 'not_found'));
    // An unknown code is 400 whatever the policy would say.
    await assert.rejects(requireUnitWhere(t().ctx.db, 'nope', now(), () => false, 'not_found'), refusal(400, 'unknown_unit'));
  });

  test('unitAtPath: the unit, or 404', async () => {
    assert.equal((await unitAtPath(t().ctx.db, 'QC2', now())).code, 'QC2');
    await assert.rejects(unitAtPath(t().ctx.db, 'nope', now()), refusal(404, 'not_found'));
  });
});
