/**
 * The actions' bodies as one schema per type: each type takes exactly the fields it took when
 * one object served them all, and a missing or stray field is named in the error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionTypes } from '../../../contract/domain.ts';
import { validatorCompiler } from '../../../platform/validation.ts';
import { AppError } from '../../../platform/errors.ts';
import { ActionBody, actionFieldError } from '../petitions.schema.ts';

type Check = ((value: unknown) => boolean) & { errors?: Array<{ keyword: string; instancePath: string; params: Record<string, unknown> }> | null };
const check = validatorCompiler({ schema: ActionBody, httpPart: 'body', method: 'POST', url: '/' }) as unknown as Check;

/** Per type, the fields it needs and the fields it may take besides `type` and `version`. */
const fields: Record<string, { required: string[]; optional: string[] }> = {
  accept: { required: [], optional: [] },
  reject: { required: ['reason'], optional: [] },
  assign: { required: [], optional: ['agency', 'handler', 'leader', 'content', 'expectedResult', 'dueAt'] },
  start: { required: [], optional: [] },
  answer: { required: ['text'], optional: ['publish'] },
  escalate: { required: ['reason'], optional: ['cause'] },
  transfer: { required: ['reason'], optional: ['toUnit', 'toAgency'] },
  merge: { required: ['into'], optional: ['reason'] },
  extend: { required: ['dueAt', 'reason'], optional: [] },
  note: { required: ['text'], optional: [] },
  close: { required: [], optional: ['reason'] },
  reopen: { required: ['reason'], optional: [] },
  review: { required: ['reason'], optional: [] },
  re_review: { required: ['reason'], optional: [] },
  approve: { required: [], optional: [] },
  return: { required: ['reason'], optional: [] },
};

const sample: Record<string, unknown> = {
  reason: 'a reason',
  text: 'some text',
  publish: true,
  agency: 3,
  handler: 4,
  leader: 5,
  content: 'the task',
  expectedResult: 'a result',
  dueAt: '2026-12-31T10:00:00.000Z',
  toUnit: 'TC2',
  toAgency: 6,
  into: 7,
  cause: 'beyond_competence',
};

function errorFor(body: Record<string, unknown>): AppError | undefined {
  assert.equal(check(body), false, JSON.stringify(body));
  return actionFieldError(body, check.errors ?? []);
}

test('every action type of the contract has its own schema, and no other type is taken', () => {
  const variants = (ActionBody as unknown as { oneOf: Array<{ properties: { type: { const: string } } }> }).oneOf;
  assert.deepEqual(variants.map((v) => v.properties.type.const), [...actionTypes]);
  assert.deepEqual(Object.keys(fields).sort(), [...actionTypes].sort());
  assert.equal(check({ type: 'escalated', reason: 'x' }), false);
  assert.equal(actionFieldError({ type: 'escalated', reason: 'x' }, check.errors ?? []), undefined, 'an unknown type stays invalid_input');
  assert.equal(check({ reason: 'x' }), false);
});

test('each type takes its fields and the version, with every optional field or none', () => {
  for (const [type, spec] of Object.entries(fields)) {
    const least = { type, ...Object.fromEntries(spec.required.map((f) => [f, sample[f]])) };
    const most = { ...least, version: 3, ...Object.fromEntries(spec.optional.map((f) => [f, sample[f]])) };
    assert.equal(check(least), true, `${type}: ${JSON.stringify(check.errors)}`);
    assert.equal(check(most), true, `${type}: ${JSON.stringify(check.errors)}`);
  }
});

test('a field a type needs and lacks is field_required, naming it', () => {
  for (const [type, spec] of Object.entries(fields)) {
    for (const field of spec.required) {
      const body = { type, ...Object.fromEntries(spec.required.filter((f) => f !== field).map((f) => [f, sample[f]])) };
      const error = errorFor(body);
      assert.equal(error?.code, 'field_required', `${type} without ${field}`);
      assert.equal(error?.status, 400);
      assert.deepEqual(error?.params, { action: type, field });
    }
  }
});

test('a field a type does not take is field_not_allowed, naming it', () => {
  for (const [type, spec] of Object.entries(fields)) {
    const least = { type, ...Object.fromEntries(spec.required.map((f) => [f, sample[f]])) };
    for (const field of Object.keys(sample).filter((f) => !spec.required.includes(f) && !spec.optional.includes(f))) {
      const error = errorFor({ ...least, [field]: sample[field] });
      assert.equal(error?.code, 'field_not_allowed', `${type} with ${field}`);
      assert.deepEqual(error?.params, { action: type, field });
    }
  }
});

test('a field of the wrong type or size stays invalid_input', () => {
  assert.equal(errorFor({ type: 'reject', reason: 5 }), undefined);
  assert.equal(errorFor({ type: 'reject', reason: '' }), undefined);
  assert.equal(errorFor({ type: 'merge', into: '7' }), undefined, 'a JSON body is not coerced');
  assert.equal(errorFor({ type: 'escalate', reason: 'x', cause: 'boredom' }), undefined);
  assert.equal(errorFor({ type: 'accept', version: 0 }), undefined);
});
