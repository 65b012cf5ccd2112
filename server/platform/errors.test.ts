/**
 * Every error code means one HTTP status wherever it is thrown (an unknown unit is 400 in every
 * module), and every code has its message in vi, zh and en. Read from the sources: the helpers
 * badRequest (400), forbidden (403), conflict (409), `new AppError(status, code)` and the policy
 * decisions `{ status, code }`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerModules } from '../modules/index.ts';
import { hasMessage } from './i18n.ts';
import { errorStatus, isErrorCode } from '../contract/errorCodes.ts';

registerModules();

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !/\.(test|testing)\.ts$/.test(e.name) ? [full] : [];
  });
}

const patterns: Array<[RegExp, (m: RegExpMatchArray) => [string, number]]> = [
  [/\bbadRequest\('([a-z_]+)'/g, (m) => [m[1], 400]],
  [/\bforbidden\('([a-z_]+)'/g, (m) => [m[1], 403]],
  [/\bconflict\('([a-z_]+)'/g, (m) => [m[1], 409]],
  [/new AppError\((\d{3}), '([a-z_]+)'/g, (m) => [m[2], Number(m[1])]],
  [/status: (\d{3}), code: '([a-z_]+)'/g, (m) => [m[2], Number(m[1])]],
  [/\bfail\('([a-z_]+)'/g, (m) => [m[1], isErrorCode(m[1]) ? errorStatus[m[1]] : 0]],
];

function thrownCodes(): Map<string, Map<number, string[]>> {
  const codes = new Map<string, Map<number, string[]>>();
  for (const file of sourceFiles(serverDir)) {
    const code = fs.readFileSync(file, 'utf8');
    for (const [pattern, read] of patterns) {
      for (const m of code.matchAll(pattern)) {
        const [name, status] = read(m);
        const statuses = codes.get(name) ?? new Map<number, string[]>();
        statuses.set(status, [...(statuses.get(status) ?? []), path.relative(serverDir, file)]);
        codes.set(name, statuses);
      }
    }
  }
  return codes;
}

test('each error code is thrown with one status only', () => {
  const codes = thrownCodes();
  assert.ok(codes.size > 50, `found only ${codes.size} codes: the patterns no longer match the sources`);
  const mixed = [...codes].filter(([, statuses]) => statuses.size > 1).map(([name, statuses]) => `${name}: ${JSON.stringify(Object.fromEntries(statuses))}`);
  assert.deepEqual(mixed, []);
});

test('each error code has its message', () => {
  assert.deepEqual([...thrownCodes().keys()].filter((name) => !hasMessage(name)).sort(), []);
});

test('each error code thrown is in the one table (contract/errorCodes.ts) with the status it is thrown with', () => {
  const drift = [...thrownCodes()].flatMap(([name, statuses]) =>
    [...statuses].filter(([status]) => !isErrorCode(name) || errorStatus[name] !== status).map(([status, files]) => `${name} ${status} (${files.join(', ')})`),
  );
  assert.deepEqual(drift, [], 'register the code with its status in errorCodes.ts');
});

test('each code of the table has its message in vi, zh and en', () => {
  assert.deepEqual(Object.keys(errorStatus).filter((code) => !hasMessage(code)), []);
});
