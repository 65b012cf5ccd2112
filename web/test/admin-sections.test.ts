/** Which administration sections an official is offered. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sectionsFor } from '../src/features/admin/sections.ts';

test('an administrator of the whole deployment sees the backups section', () => {
  assert.ok(sectionsFor([{ unit: null, role: 'administrator' }]).includes('backups'));
});

test("an administrator of one province does not: a backup holds every unit's data", () => {
  const sections = sectionsFor([{ unit: { code: '40' }, role: 'administrator' }, { unit: null, role: 'auditor' }]);
  assert.ok(!sections.includes('backups'));
  assert.ok(sections.includes('officials'));
});
