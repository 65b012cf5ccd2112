/**
 * Every locale has every key, with the same placeholders, and every key the interface asks for
 * exists. Keys made at run time from data (kinds, statuses …) are checked against those lists.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { actionTypes, channels, escalationCauses, petitionCategories as categories, petitionKinds, petitionStatuses, ratingScores, roles } from '../../server/contract/domain.ts';

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const localeNames = ['vi', 'zh-Hans', 'zh-Hant', 'en'];
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const locales = new Map(
  localeNames.map((name) => [name, flatten(JSON.parse(fs.readFileSync(path.join(webRoot, 'locales', `${name}.json`), 'utf8')) as Tree)]),
);
const base = (key: string) => key.replace(pluralSuffix, '');
const baseKeys = (strings: Map<string, string>) => new Set([...strings.keys()].map(base));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

test('every locale has the same keys as English', () => {
  const english = baseKeys(locales.get('en')!);
  for (const [name, strings] of locales) {
    const keys = baseKeys(strings);
    assert.deepEqual([...english].filter((k) => !keys.has(k)), [], `${name} lacks keys`);
    assert.deepEqual([...keys].filter((k) => !english.has(k)), [], `${name} has keys English lacks`);
  }
});

test('every plural has its "other" form in every locale, and English its "one" form', () => {
  for (const [name, strings] of locales) {
    const plurals = [...strings.keys()].filter((k) => pluralSuffix.test(k)).map(base);
    for (const key of plurals) assert.ok(strings.has(`${key}_other`), `${name}: ${key}_other`);
  }
  const en = locales.get('en')!;
  for (const key of [...en.keys()].filter((k) => k.endsWith('_other'))) assert.ok(en.has(base(key) + '_one'), `en: ${base(key)}_one`);
});

test('translations keep the placeholders of the English text and are never empty', () => {
  const en = locales.get('en')!;
  for (const [name, strings] of locales) {
    for (const [key, text] of strings) {
      assert.ok(text.trim().length > 0, `${name}: ${key} is empty`);
      const english = en.get(key) ?? en.get(`${base(key)}_other`)!;
      assert.deepEqual(placeholders(text), placeholders(english), `${name}: ${key} placeholders`);
    }
  }
});

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

test('every key the interface asks for exists in English', () => {
  const en = baseKeys(locales.get('en')!);
  const used = new Set<string>();
  for (const file of sourceFiles(path.join(webRoot, 'src'))) {
    const code = fs.readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\bt\(\s*'([\w.]+)'/g)) used.add(m[1]);
    for (const m of code.matchAll(/\b(?:label|title): '([a-zA-Z]+\.[\w.]+)'/g)) used.add(m[1]);
    for (const m of code.matchAll(/\['([a-zA-Z]+\.[a-zA-Z.]+)'/g)) used.add(m[1]);
  }
  assert.ok(used.size > 200, `found ${used.size} keys in the sources`);
  const missing = [...used].filter((k) => !en.has(k));
  assert.deepEqual(missing, []);
});

test('keys built from the domain lists exist for every value', () => {
  const en = baseKeys(locales.get('en')!);
  const lists: Array<[string, readonly string[]]> = [
    ['kind', petitionKinds],
    ['kindHint', petitionKinds],
    ['status', petitionStatuses],
    ['channel', channels],
    ['category', categories],
    ['role', roles],
    ['score', ratingScores],
    ['action', actionTypes],
    ['figures', ['received', 'accepted', 'answered', 'resolved', 'resolvedOnTime', 'overdue', 'escalated', 'transferred', 'rated', 'satisfied', 'acceptable', 'unsatisfied']],
    ['inbox.view', ['mine', 'leading', 'new', 'toAssign', 'dueSoon', 'overdue', 'all']],
    ['admin.section', ['units', 'agencies', 'servicePoints', 'officials', 'deadlines', 'approval']],
    ['cause', escalationCauses],
    ['actionHint', ['accept', 'start', 'close']],
  ];
  const missing = lists.flatMap(([prefix, values]) => values.map((v) => `${prefix}.${v}`)).filter((k) => !en.has(k));
  assert.deepEqual(missing, []);
});
