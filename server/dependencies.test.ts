/**
 * Which layer may import which (the modules among themselves: server/modules/modules.test.ts):
 * the contract imports nothing, so the web app can take it as it is; the platform serves every
 * module and imports none; the web app takes values from the server's contract only, and the
 * API's types from the schemas as type-only imports, which leave nothing in its bundle.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const isTest = (file: string) => /\.(test|testing)\.tsx?$|test-support\.ts$/.test(file);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !isTest(full) ? [full] : [];
  });
}

interface Import { file: string; target: string; typeOnly: boolean }

/** The relative imports and re-exports of a file, each resolved to a path from the repository's root. */
export function importsOf(file: string, code: string): Import[] {
  return [...code.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?\bfrom\s+'(\.[^']+)'/gms)].map((m) => ({
    file: path.relative(root, file),
    target: path.relative(root, path.resolve(path.dirname(file), m[3])).split(path.sep).join('/'),
    typeOnly: m[2] !== undefined,
  }));
}

const importsUnder = (dir: string) => sourceFiles(path.join(root, dir)).flatMap((file) => importsOf(file, fs.readFileSync(file, 'utf8')));
const show = (i: Import) => `${i.file} → ${i.target}${i.typeOnly ? ' (type)' : ''}`;

test('the contract imports nothing but itself', () => {
  assert.deepEqual(importsUnder('server/contract').filter((i) => !i.target.startsWith('server/contract/')).map(show), []);
});

test('the platform imports no module', () => {
  assert.deepEqual(importsUnder('server/platform').filter((i) => i.target.startsWith('server/modules/')).map(show), []);
});

test('the web app takes values from the contract only, and the schemas as types', () => {
  const fromServer = importsUnder('web/src').filter((i) => i.target.startsWith('server/'));
  assert.ok(fromServer.length > 0, 'the walk sees the imports from the server');
  const wrong = fromServer.filter((i) => !i.target.startsWith('server/contract/') && !(i.typeOnly && /\.schema\.ts$/.test(i.target)));
  assert.deepEqual(wrong.map(show), []);
});

test('no server file is imported for its side effects: modules register what they bring through their module object', () => {
  const files = ['server', 'cli', 'bin'].flatMap((dir) => (fs.existsSync(path.join(root, dir)) ? sourceFiles(path.join(root, dir)) : []));
  assert.ok(files.length > 100, 'the walk sees the server');
  const bare = files.flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(/^import\s+'(\.[^']+)';/gm)].map((m) => `${path.relative(root, file)} → ${m[1]}`),
  );
  assert.deepEqual(bare, []);
});

test('the rule reads type-only and value imports, on one line or several', () => {
  const file = path.join(root, 'web/src/features/x/Page.tsx');
  const code = [
    "import { petitionStatuses } from '../../../../server/contract/domain.ts';",
    "import type {\n  PetitionView,\n} from '../../../../server/modules/petitions/petitions.schema.ts';",
    "import { ActionBody } from '../../../../server/modules/petitions/petitions.schema.ts';",
    "import { api } from '../../app/api.ts';",
    "import React from 'react';",
  ].join('\n');
  assert.deepEqual(importsOf(file, code).map((i) => [i.target, i.typeOnly]), [
    ['server/contract/domain.ts', false],
    ['server/modules/petitions/petitions.schema.ts', true],
    ['server/modules/petitions/petitions.schema.ts', false],
    ['web/src/app/api.ts', false],
  ]);
});
