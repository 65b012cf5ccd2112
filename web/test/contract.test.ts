/**
 * The interface offers the server's lists, not copies of them: a status, kind, channel, role …
 * that the server would refuse (400) can never appear in a menu. The lists live in
 * server/contract/domain.ts; a copy written into web/src is what let the inbox offer an
 * "escalated" status the server does not have.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as domain from '../../server/contract/domain.ts';
import { actionOrder } from '../src/features/case/actionTypes.ts';

const webSource = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const domainLists = Object.entries(domain as Record<string, unknown>).filter((entry): entry is [string, readonly string[]] => Array.isArray(entry[1]));

/**
 * Array literals that hold most of a domain list (a copy, perhaps with a word more, as the
 * inbox's statuses had); a few of its words, such as the actions done without a form, are not.
 */
function copiesIn(code: string): Array<{ list: string; literal: string }> {
  const found: Array<{ list: string; literal: string }> = [];
  for (const m of code.matchAll(/\[\s*'[a-z_]+'(?:\s*,\s*'[a-z_]+'){2,}/g)) {
    const words = [...m[0].matchAll(/'([a-z_]+)'/g)].map((w) => w[1]);
    for (const [list, values] of domainLists) {
      if (values.filter((v) => words.includes(v)).length >= Math.max(3, 0.8 * values.length)) found.push({ list, literal: m[0].replace(/\s+/g, ' ') });
    }
  }
  return found;
}

test('no domain list is copied into the web app', () => {
  const copies = sourceFiles(webSource).flatMap((file) =>
    copiesIn(fs.readFileSync(file, 'utf8'))
      // the case page's order of the actions is a presentation choice, checked below
      .filter((c) => !(file.endsWith('actionTypes.ts') && c.list === 'actionTypes'))
      .map((c) => `${path.relative(webSource, file)}: ${c.list} ${c.literal}`),
  );
  assert.deepEqual(copies, []);
});

test('the copy finder finds a copied list', () => {
  assert.deepEqual(copiesIn(`const s = ['received', 'accepted', 'closed'];`), []);
  const statusesWithOneMore = `[${[...domain.petitionStatuses, 'escalated'].map((s) => `'${s}'`).join(', ')}]`;
  assert.ok(copiesIn(statusesWithOneMore).some((c) => c.list === 'petitionStatuses'));
  assert.deepEqual(copiesIn(`['beyond_competence', 'deadline_missed', 'resident_appeal']`).map((c) => c.list), ['escalationCauses']);
});

/** Roles written out where a page says who may see it or use it (a menu's `roles:`, `hasRole(me, …)`). */
function roleListsIn(code: string): string[] {
  return [...code.matchAll(/(?:roles:\s*|hasRole\(\w+,\s*)(\[\s*'[a-z_]+'(?:\s*,\s*'[a-z_]+')*\s*\])/g)]
    .map((m) => m[1])
    .filter((literal) => [...literal.matchAll(/'([a-z_]+)'/g)].every((w) => (domain.roles as readonly string[]).includes(w[1])));
}

test('no roles are written into the web app where it decides who sees what: its menus and buttons use the sets the server checks', () => {
  const copies = sourceFiles(webSource).flatMap((file) => roleListsIn(fs.readFileSync(file, 'utf8')).map((l) => `${path.relative(webSource, file)}: ${l}`));
  assert.deepEqual(copies, []);
});

test('the role-set finder finds a written set of roles and leaves other lists alone', () => {
  assert.deepEqual(roleListsIn(`nav: [{ roles: ['leader', 'auditor'] }]`), [`['leader', 'auditor']`]);
  assert.deepEqual(roleListsIn(`const admin = hasRole(me, ['administrator']);`), [`['administrator']`]);
  assert.deepEqual(roleListsIn(`const slots = ['handler', 'leader'] as const;`), []);
});

test('the case page offers every action type of the server once', () => {
  assert.deepEqual([...actionOrder].sort(), [...domain.actionTypes].sort());
});
