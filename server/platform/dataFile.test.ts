import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Type } from 'typebox';
import { LocaleTexts, readDataFile } from './dataFile.ts';

function written(data: unknown): URL {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-data-'));
  const file = path.join(dir, 'texts.json');
  fs.writeFileSync(file, JSON.stringify(data));
  return pathToFileURL(file);
}

test('a data file of the right shape is read as it is written', () => {
  const texts = { hello: { vi: 'Xin chào', zh: '你好', en: 'Hello' } };
  assert.deepEqual(readDataFile(written(texts), Type.Record(Type.String(), LocaleTexts)), texts);
});

test('a data file missing a language is refused, naming the file and what is missing', () => {
  const url = written({ hello: { vi: 'Xin chào', en: 'Hello' } });
  assert.throws(() => readDataFile(url, Type.Record(Type.String(), LocaleTexts)), (e: Error) => e.message.includes('texts.json') && e.message.includes('zh'));
});
