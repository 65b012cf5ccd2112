/**
 * Texts and demo data kept as JSON beside the module that uses them: read once when the module
 * loads, and refused at start-up when a hand edit broke their shape (a missing language, a
 * misspelt field) instead of failing later, silently, where they are used.
 */
import fs from 'node:fs';
import { Ajv } from 'ajv';
import { Type, type Static, type TSchema } from 'typebox';

const ajv = new Ajv({ strict: false, allErrors: true });

/** The JSON at `url` (e.g. `new URL('./x.json', import.meta.url)`), checked against `schema`. */
export function readDataFile<T extends TSchema>(url: URL, schema: T): Static<T> {
  const data: unknown = JSON.parse(fs.readFileSync(url, 'utf8'));
  const check = ajv.compile(schema);
  if (!check(data)) throw new Error(`${url.pathname} does not have the expected shape: ${ajv.errorsText(check.errors)}`);
  return data as Static<T>;
}

/** One of the server's languages (platform/i18n.ts). */
export const LocaleField = Type.Union([Type.Literal('vi'), Type.Literal('zh'), Type.Literal('en')]);

/** A text in every one of the server's languages. */
export const LocaleTexts = Type.Object({ vi: Type.String(), zh: Type.String(), en: Type.String() });
