/**
 * Reading the JSON Schemas the routes declare (TypeBox output), to build inputs from them:
 * a valid sample, the declared property paths, values of every wrong JSON type, and values of
 * the right type that sit at the edges (huge numbers, odd dates, hostile text).
 */
import type { Random } from '../test/random.ts';
import { unicodeText } from '../test/random.ts';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null';
export type Path = Array<string | number>;

function typeOfValue(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

/** The JSON types a schema accepts; undefined when it does not say (anything goes). */
export function acceptedTypes(schema: JsonSchema): Set<JsonType> | undefined {
  const out = new Set<JsonType>();
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    for (const v of variants) {
      const t = acceptedTypes(v);
      if (!t) return undefined;
      for (const x of t) out.add(x);
    }
  } else if (schema.const !== undefined) {
    out.add(typeOfValue(schema.const));
  } else if (schema.enum) {
    for (const v of schema.enum) out.add(typeOfValue(v));
  } else if (schema.type) {
    for (const t of [schema.type].flat()) out.add(t as JsonType);
  } else if (schema.properties) {
    out.add('object');
  } else {
    return undefined;
  }
  if (out.has('number')) out.add('integer');
  return out;
}

/** The variant of a union that describes this value (by its `type` discriminator), or the schema itself. */
export function variantFor(schema: JsonSchema, value: unknown): JsonSchema {
  const variants = schema.anyOf ?? schema.oneOf;
  if (!variants) return schema;
  const objects = variants.filter((v) => v.properties);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const tag = (value as Record<string, unknown>).type;
    const tagged = objects.find((v) => v.properties?.type?.const === tag);
    if (tagged) return tagged;
    if (objects.length) return objects[0];
  }
  const nonNull = variants.find((v) => v.type !== 'null');
  return nonNull ?? variants[0];
}

const patternCandidates = [
  'fuzz', 'a', 'ab', 'abc', 'vi', 'VN', 'a.b', 'fuzz.kind', 'township.mass_work_station', 'x:1', 'petition:1',
  'fuzz_kind', 'a-b', 'A1', '123456', '1', '+84 912 345 678', 'vi-VN',
];

function sampleString(schema: JsonSchema): string {
  if (schema.format === 'date-time') return '2026-03-10T03:00:00Z';
  if (schema.format === 'date') return '2026-03-10';
  if (schema.format === 'email') return 'fuzz@example.org';
  const fits = (s: string) => s.length >= (schema.minLength ?? 0) && s.length <= (schema.maxLength ?? Infinity);
  if (schema.pattern) {
    const re = new RegExp(schema.pattern, 'u');
    const hit = patternCandidates.find((c) => re.test(c) && fits(c));
    if (hit) return hit;
  }
  let s = 'fuzz';
  while (s.length < (schema.minLength ?? 0)) s += 'z';
  return s.slice(0, schema.maxLength ?? s.length);
}

/** A value the schema accepts, with required properties only (best effort: patterns are guessed). */
export function validSample(schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return validSample(variants.find((v) => v.type !== 'null') ?? variants[0]);
  if (schema.default !== undefined) return schema.default;
  const type = [schema.type ?? (schema.properties ? 'object' : 'string')].flat()[0];
  switch (type) {
    case 'string':
      return sampleString(schema);
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, Math.min(1, schema.maximum ?? 1));
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => validSample(schema.items ?? {}));
    default: {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = validSample(schema.properties?.[key] ?? {});
      return out;
    }
  }
}

/** Object schemas reached through unions and arrays, for walking properties. */
function objectSchema(schema: JsonSchema, value: unknown): JsonSchema | undefined {
  const v = variantFor(schema, value);
  return v.properties ? v : undefined;
}

export interface DeclaredPath {
  path: Path;
  schema: JsonSchema;
}

/**
 * Every declared property under the schema, with its path. Nested objects and the first
 * element of arrays of objects are entered where the sample value has them.
 */
export function declaredPaths(schema: JsonSchema, value: unknown, prefix: Path = [], depth = 0): DeclaredPath[] {
  const object = objectSchema(schema, value);
  if (!object || depth > 3) return [];
  const out: DeclaredPath[] = [];
  const current = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  for (const [key, prop] of Object.entries(object.properties ?? {})) {
    const path = [...prefix, key];
    out.push({ path, schema: prop });
    const child = current[key];
    if (Array.isArray(child) && child.length && prop.items) {
      out.push(...declaredPaths(prop.items, child[0], [...path, 0], depth + 1));
    } else if (child && typeof child === 'object') {
      out.push(...declaredPaths(prop, child, path, depth + 1));
    }
  }
  return out;
}

/**
 * Every property any variant of the schema declares, nested objects and array items included
 * ('resident.name', 'reasons.0'): what the walk must reach.
 */
export function schemaPropertyPaths(schema: JsonSchema, prefix: Path = [], depth = 0): string[] {
  if (depth > 3) return [];
  const out = new Set<string>();
  for (const variant of schema.anyOf ?? schema.oneOf ?? [schema]) {
    for (const [key, prop] of Object.entries(variant.properties ?? {})) {
      const path = [...prefix, key];
      out.add(path.join('.'));
      for (const inner of prop.anyOf ?? [prop]) {
        if (inner.properties) for (const p of schemaPropertyPaths(inner, path, depth + 1)) out.add(p);
        if (inner.items) for (const p of schemaPropertyPaths(inner.items, [...path, 0], depth + 1)) out.add(p);
      }
    }
  }
  return [...out];
}

/** The paths of every object in the sample that its schema closes (additionalProperties: false). */
export function objectPaths(schema: JsonSchema, value: unknown, prefix: Path = [], depth = 0): Array<{ path: Path; closed: boolean }> {
  const object = objectSchema(schema, value);
  if (!object || depth > 3 || !value || typeof value !== 'object' || Array.isArray(value)) return [];
  const out = [{ path: prefix, closed: object.additionalProperties === false }];
  for (const [key, prop] of Object.entries(object.properties ?? {})) {
    const child = (value as Record<string, unknown>)[key];
    if (Array.isArray(child) && child.length && prop.items) out.push(...objectPaths(prop.items, child[0], [...prefix, key, 0], depth + 1));
    else if (child && typeof child === 'object') out.push(...objectPaths(prop, child, [...prefix, key], depth + 1));
  }
  return out;
}

export function getPath(value: unknown, path: Path): unknown {
  let cur = value;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/** A deep copy with the value at path replaced (or removed when value is `remove`). */
export const remove = Symbol('remove');
export function withPath(base: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let cur = copy;
  for (const key of path.slice(0, -1)) {
    if (cur[key] === null || typeof cur[key] !== 'object') cur[key] = {};
    cur = cur[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (value === remove) delete cur[last];
  else cur[last] = value;
  return copy;
}

/** Values whose JSON type the schema does not accept (and, for enums, a value not listed). */
export function wrongTypeValues(schema: JsonSchema): Array<{ label: string; value: unknown }> {
  const types = acceptedTypes(schema);
  if (!types) return [];
  const candidates: Array<{ type: JsonType; label: string; value: unknown }> = [
    { type: 'string', label: 'a string', value: 'fuzz-wrong-type' },
    { type: 'integer', label: 'a number', value: 12345 },
    { type: 'number', label: 'a fraction', value: 1.5 },
    { type: 'boolean', label: 'a boolean', value: true },
    { type: 'object', label: 'an object', value: { fuzz: 1 } },
    { type: 'array', label: 'an array', value: ['fuzz'] },
    { type: 'null', label: 'null', value: null },
  ];
  const out = candidates.filter((c) => !types.has(c.type)).map(({ label, value }) => ({ label, value }));
  const listed = schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined);
  if (listed && types.has('string')) out.push({ label: 'a string not in the enum', value: 'fuzz-not-listed' });
  return out;
}

// Text that breaks naive code: paths, quotes, format strings, markup, header injection.
const hostileText = [
  ' ',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  "fuzz' OR '1'='1",
  '%s%n%x',
  '<script>alert(1)</script>',
  '\r\n\r\nX-Injected: 1',
];

const dates = [
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-02-29T00:00:00Z',
  '2024-02-29T00:00:00+14:00',
  '1969-12-31T23:59:59.999999Z',
  '2026-03-02T02:00:00Z',
  '2026-13-01T00:00:00Z',
];

/** Values of an accepted type that sit at the edges of what code usually expects. */
export function edgeValues(schema: JsonSchema, random: Random): Array<{ label: string; value: unknown }> {
  const types = acceptedTypes(schema) ?? new Set<JsonType>(['string', 'integer']);
  const out: Array<{ label: string; value: unknown }> = [];
  const alternatives = schema.anyOf ?? schema.oneOf ?? [schema];
  const format = alternatives.map((s) => s.format).find(Boolean);
  const maxLength = alternatives.map((s) => s.maxLength).find((m) => m !== undefined);
  if (types.has('string')) {
    // Every string gets the two that PostgreSQL cannot store as text, and a sample of the rest.
    out.push({ label: 'text with a NUL character', value: 'a\u0000b' });
    out.push({ label: 'text with an unpaired surrogate', value: 'a\ud800b' });
    out.push({ label: 'an empty string', value: '' });
    const text = random.pick(hostileText);
    out.push({ label: `text ${JSON.stringify(text)}`, value: text });
    out.push({ label: 'unicode text', value: unicodeText(random) });
    if (maxLength !== undefined && maxLength < 200_000) {
      out.push({ label: `a string of maxLength+1 (${maxLength + 1})`, value: 'x'.repeat(maxLength + 1) });
      out.push({ label: `a string of maxLength (${maxLength})`, value: [...unicodeText(random, 1)][0].repeat(maxLength).slice(0, maxLength) });
    }
    if (format === 'date-time' || format === 'date') {
      for (const d of random.sample(dates, 3)) {
        const value = format === 'date' ? d.slice(0, 10) : d;
        out.push({ label: `${format} ${value}`, value });
      }
    }
    if (format === 'email') out.push({ label: 'an odd e-mail', value: `"a b"@${'x'.repeat(60)}.example` });
  }
  if (types.has('integer') || types.has('number')) {
    out.push({ label: 'number 0', value: 0 });
    out.push({ label: 'number -1', value: -1 });
    const big = random.pick([2147483648, 9007199254740991, -9007199254740991]);
    out.push({ label: `number ${big}`, value: big });
    // Past bigint: a JSON integer that no id column can hold.
    out.push({ label: 'number 1e21', value: 1e21 });
    const huge = random.pick([1.7976931348623157e308, -1e21]);
    out.push({ label: `number ${huge}`, value: huge });
    if (types.has('number')) out.push({ label: 'number -0.0001', value: -0.0001 });
  }
  if (types.has('array')) {
    out.push({ label: 'an empty array', value: [] });
    const items = alternatives.find((s) => s.items)?.items;
    const maxItems = alternatives.map((s) => s.maxItems).find((m) => m !== undefined);
    if (items && maxItems !== undefined && maxItems < 10_000) {
      out.push({ label: `an array of maxItems+1 (${maxItems + 1})`, value: Array.from({ length: maxItems + 1 }, () => validSample(items)) });
    }
  }
  if (types.has('object')) out.push({ label: 'an empty object', value: {} });
  return out;
}
