/**
 * The broken requests for one route, built from its declared schemas and a valid baseline.
 * "refused" cases must be answered 4xx with nothing stored; "edge" cases are values of the
 * right shape that may be accepted, but must never end in a 5xx.
 */
import type { Random } from '../test/random.ts';
import { unicodeText } from '../test/random.ts';
import {
  acceptedTypes,
  declaredPaths,
  edgeValues,
  getPath,
  objectPaths,
  remove,
  validSample,
  variantFor,
  withPath,
  wrongTypeValues,
  type JsonSchema,
  type Path,
} from './schema.ts';
import type { Baseline } from './world.ts';

export interface RouteInfo {
  method: string;
  url: string;
  access: unknown;
  schema: { body?: JsonSchema; querystring?: JsonSchema; params?: JsonSchema };
}

export interface Case {
  label: string;
  phase: 'refused' | 'edge';
  /** Cases of one kind (one property's wrong types, malformed JSON …): every caller gets one of each. */
  group: string;
  url: string;
  payload?: string | Buffer;
  headers?: Record<string, string>;
  /** Statuses allowed when the caller may call the route (otherwise 401/403 is expected). */
  expect?: number[];
  /** The URL may no longer match this route (odd path segments), so access is not predicted. */
  mayReroute?: boolean;
}

const bodyMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** 1 MB + a little, past the server's default body limit. */
const bigString = 'Chương凤冈🙂'.repeat(Math.ceil((1024 * 1024 + 64) / 8));

/** Deeper than any JSON body may nest: once a stack overflow (a 500) in every walk of the body. */
const deepNesting = 4000;
/** Longer than any array a route takes. */
const longArray = 10_000;
/** Stands for a deeply nested value in a body; replaced in the JSON text, which JSON.stringify could not build. */
const deepMarker = 'zd-fuzz-deeply-nested-value';
const deeplyNested = (open: string, close: string) => `${open.repeat(deepNesting)}${close.repeat(deepNesting)}`;
const withDeepValue = (json: string, nested: string) => json.replace(JSON.stringify(deepMarker), nested);

const b64 = (text: string) => Buffer.from(text).toString('base64url');

/** Cursors that are not ones the server gave out: garbage, numbers too big, JSON of the wrong shape. */
const badCursors = [
  'not-a-cursor',
  '!!!',
  '-1',
  '0',
  '99999999999999999999',
  '1e400',
  b64('99999999999999999999'),
  b64('1e21'),
  b64('null'),
  b64('{}'),
  b64('[]'),
  b64('{"id":-5}'),
  b64('{"id":1e400}'),
  b64('{"id":99999999999999999999}'),
  b64('{"id":"1"}'),
  b64('{"id":1,"dueAt":"not a time"}'),
  b64('{"id":1,"dueAt":"0000-01-01T00:00:00Z"}'),
  b64('{"id":1,"dueAt":"+275760-09-13T00:00:00Z"}'),
  b64('["c","\u0000"]'),
  b64('["r","NaN",1,"x"]'),
  b64('["r",1e400,-1,"x"]'),
  b64('["x"]'),
  b64('{"__proto__":{"id":1}}'),
  b64('\u0000'),
];

/** Path segments that are not what a route expects. Raw (already URL-encoded) text. */
const badSegments: Array<{ label: string; raw: string }> = [
  { label: 'a huge number', raw: '99999999999999999999999999' },
  { label: 'a negative number', raw: '-1' },
  { label: 'non-numeric text', raw: 'abc' },
  { label: 'Vietnamese text', raw: encodeURIComponent('Thanh Chương') },
  { label: 'an encoded ../', raw: '..%2F..%2Fetc%2Fpasswd' },
  { label: 'an encoded NUL', raw: '%00' },
  // A sample of these:
  { label: 'one past the largest safe integer', raw: '9007199254740993' },
  { label: 'the largest safe integer', raw: '9007199254740991' },
  { label: 'one past a 32-bit integer', raw: '2147483648' },
  { label: 'a large negative number', raw: '-99999999999' },
  { label: 'zero', raw: '0' },
  { label: 'a fraction', raw: '1.5' },
  { label: 'an exponent', raw: '1e3' },
  { label: 'hexadecimal', raw: '0x10' },
  { label: 'an emoji', raw: encodeURIComponent('🙂') },
  { label: 'Chinese text', raw: encodeURIComponent('凤冈县') },
  { label: 'a raw ../', raw: '../' },
  { label: 'a broken percent-encoding', raw: '%ZZ' },
  { label: 'a very long segment', raw: 'a'.repeat(4000) },
  { label: 'an unpaired surrogate', raw: '%ED%A0%80' },
];

function pathWith(url: string, params: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_whole, name: string) => params[name]);
}

/** Percent-encoding that also sends unpaired surrogates, as the bytes a careless client would. */
function encode(text: string): string {
  return text
    .split(/(\p{Cs})/u)
    .map((part) => (/^\p{Cs}$/u.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
}

function queryString(query: Record<string, string | string[]>, raw: string[] = []): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    for (const v of [value].flat()) parts.push(`${encode(key)}=${encode(v)}`);
  }
  parts.push(...raw);
  return parts.length ? `?${parts.join('&')}` : '';
}

function describePath(path: Array<string | number>): string {
  return path.length ? path.join('.') : '(body)';
}

/** Path parameters of the baseline, sampling any the baseline does not give. */
export function baselineParams(route: RouteInfo, baseline: Baseline): Record<string, string> {
  const params: Record<string, string> = { ...baseline.params };
  for (const name of [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1])) {
    params[name] ??= String(validSample(route.schema.params?.properties?.[name] ?? { type: 'string' }));
  }
  return params;
}

function baselineQuery(route: RouteInfo, baseline: Baseline): Record<string, string> {
  const query: Record<string, string> = { ...baseline.query };
  const schema = route.schema.querystring;
  for (const name of schema?.required ?? []) query[name] ??= String(validSample(schema?.properties?.[name] ?? {}));
  return query;
}

export function baselineBodies(route: RouteInfo, baseline: Baseline): unknown[] {
  if (baseline.bodies) return baseline.bodies;
  return route.schema.body ? [validSample(route.schema.body)] : [];
}

export function buildCases(route: RouteInfo, baseline: Baseline, random: Random): Case[] {
  const cases: Case[] = [];
  const params = baselineParams(route, baseline);
  const query = baselineQuery(route, baseline);
  const url = pathWith(route.url, params) + queryString(query);
  const json = { 'content-type': 'application/json' };
  const bodySchema = route.schema.body;
  const bodies = baselineBodies(route, baseline);
  const takesBody = bodyMethods.has(route.method);
  const add = (group: string, c: Omit<Case, 'group' | 'url'> & { url?: string }) => void cases.push({ url, ...c, group });

  // The valid requests first: they show how far the broken ones could have gone.
  for (const body of bodies) add('valid', { label: `valid body ${JSON.stringify(body).slice(0, 80)}`, phase: 'edge', payload: JSON.stringify(body), headers: json });
  if (baseline.raw) {
    add('valid', { label: 'valid raw body', phase: 'edge', payload: baseline.raw.payload, headers: { 'content-type': baseline.raw.contentType, ...baseline.raw.headers } });
  }
  if (!takesBody) add('valid', { label: 'valid request', phase: 'edge' });

  if (takesBody) {
    // A route that reads files, not JSON, may refuse JSON of any kind for its type alone.
    const refusedJson = bodySchema ? [400] : [400, 415];
    for (const text of ['{"unit": ', '{unit: 1}', "{'unit': 1}", '[1, 2', 'nul', '{"a":1}}', '\u0000', '{"a":"\\ud800"', '\ufeff{}x']) {
      add('malformed', { label: `malformed JSON ${JSON.stringify(text)}`, phase: 'refused', payload: text, headers: json, expect: refusedJson });
    }
    add('empty', { label: 'an empty JSON body', phase: 'refused', payload: '', headers: json, expect: refusedJson });
    add('deep', { label: `${deepNesting} nested arrays as the body`, phase: 'refused', payload: deeplyNested('[', ']'), headers: json, expect: refusedJson });
    add('deep', { label: `${deepNesting} nested objects as the body`, phase: 'refused', payload: deeplyNested('{"a":', '}').replace('{"a":}', '{"a":1}'), headers: json, expect: refusedJson });
    if (bodySchema) {
      // Text is read as a string, which a body schema of an object refuses.
      add('media', { label: 'a JSON body as text/plain', phase: 'refused', payload: JSON.stringify(bodies[0] ?? {}), headers: { 'content-type': 'text/plain' }, expect: [400, 415] });
      add('media', { label: 'a JSON body as XML', phase: 'refused', payload: JSON.stringify(bodies[0] ?? {}), headers: { 'content-type': 'application/xml' }, expect: [415] });
      add('empty', { label: 'no body at all', phase: 'refused', expect: [400] });
      for (const text of ['null', '[]', '"text"', '123', 'true']) {
        add('not-object', { label: `a JSON ${text} body`, phase: 'refused', payload: text, headers: json, expect: [400] });
      }
    } else {
      add('no-schema', { label: 'no body at all', phase: 'edge' });
      add('no-schema', { label: 'a body as text/plain', phase: 'edge', payload: 'fuzz', headers: { 'content-type': 'text/plain' } });
      add('no-schema', { label: 'an unexpected JSON body', phase: 'edge', payload: JSON.stringify({ fuzz: 1, nested: { a: [1, null] } }), headers: json });
      add('no-schema', { label: 'a 1 MB+ JSON body', phase: 'edge', payload: JSON.stringify({ text: bigString }), headers: json });
      add('no-schema', { label: `an array of ${longArray} as the body`, phase: 'edge', payload: JSON.stringify(Array.from({ length: longArray }, (_, i) => ({ i }))), headers: json });
    }
  }

  if (takesBody && bodySchema) {
    bodies.forEach((body, index) => {
      const variant = variantFor(bodySchema, body);
      // Every declared property of the first body; for the others only the fields they carry.
      const paths = declaredPaths(bodySchema, body).filter((d) => index === 0 || getPath(body, d.path) !== undefined);
      const sendText = (group: string, label: string, payload: string, phase: Case['phase'], expect?: number[]): void =>
        add(group, { label, phase, payload, headers: json, expect });
      const send = (group: string, label: string, value: unknown, phase: Case['phase'], expect?: number[]): void =>
        sendText(group, label, JSON.stringify(value), phase, expect);
      const nestedIn = (path: Path, nested: string) => withDeepValue(JSON.stringify(withPath(body, path, deepMarker)), nested);
      for (const { path, schema } of paths) {
        const where = describePath(path);
        for (const wrong of wrongTypeValues(schema)) send(`type ${where}`, `${where} as ${wrong.label}`, withPath(body, path, wrong.value), 'refused', [400]);
        for (const edge of edgeValues(schema, random)) send(`edge ${where}`, `${where} = ${edge.label}`, withPath(body, path, edge.value), 'edge');
        // Nesting past the limit in this field, arrays and objects, before anything walks it.
        sendText(`deep ${where}`, `${where} as ${deepNesting} nested arrays`, nestedIn(path, deeplyNested('[', ']')), 'refused', [400]);
        sendText(`deep ${where}`, `${where} as ${deepNesting} nested objects`, nestedIn(path, deeplyNested('{"a":', '}').replace('{"a":}', '{"a":1}')), 'refused', [400]);
        // A long array: refused where the field takes no array or fewer items, never a 5xx where it takes one.
        const takesArray = acceptedTypes(schema)?.has('array') ?? true;
        const maxItems = (schema.anyOf ?? [schema]).map((s) => s.maxItems).find((m) => m !== undefined);
        const items = (schema.anyOf ?? [schema]).map((s) => s.items).find((i) => i !== undefined);
        const long = Array.from({ length: longArray }, () => (items ? validSample(items) : 0));
        const refusesLong = !takesArray || (maxItems !== undefined && maxItems < longArray);
        send(`long ${where}`, `${where} as an array of ${longArray}`, withPath(body, path, long), refusesLong ? 'refused' : 'edge', refusesLong ? [400, 413] : undefined);
        // Past the body limit, or past the field's maxLength; a field meant for whole files (CSV) is left out.
        const maxLength = (schema.anyOf ?? [schema]).map((s) => s.maxLength).find((m) => m !== undefined) ?? 0;
        if (acceptedTypes(schema)?.has('string') && maxLength < bigString.length) {
          send('big', `${where} as a 1 MB+ string`, withPath(body, path, bigString), 'refused', [400, 413]);
        }
      }
      // A required field left out.
      for (const { path } of objectPaths(bodySchema, body)) {
        const object = path.length ? declaredPaths(bodySchema, body).find((d) => d.path.join('.') === path.join('.'))?.schema : variant;
        const resolved = object ? (object.items && typeof path[path.length - 1] === 'number' ? object.items : variantFor(object, getPath(body, path))) : undefined;
        for (const name of resolved?.required ?? []) {
          if (path.length === 0 && name === 'type') continue; // the discriminator itself: covered by wrong types
          send('missing', `${describePath([...path, name])} left out`, withPath(body, [...path, name], remove), 'refused', [400]);
        }
      }
      // Unknown fields, at the top and in each nested object.
      for (const { path, closed } of objectPaths(bodySchema, body)) {
        const value = withPath(body, [...path, 'fuzzUnknown'], unicodeText(random));
        send('unknown', `an unknown field in ${describePath(path)}`, value, closed ? 'refused' : 'edge', closed ? [400] : undefined);
      }
    });
  }

  const withBody = bodies[0] !== undefined
    ? { payload: JSON.stringify(bodies[0]), headers: json }
    : baseline.raw
      ? { payload: baseline.raw.payload, headers: { 'content-type': baseline.raw.contentType, ...baseline.raw.headers } }
      : {};

  // Path parameters.
  for (const name of Object.keys(params)) {
    const schema = route.schema.params?.properties?.[name];
    const numeric = schema ? !acceptedTypes(schema)?.has('string') : false;
    // The ones that broke code before, and a seeded sample of the rest.
    const segments = [...badSegments.slice(0, 6), ...random.sample(badSegments.slice(6), 6)];
    for (const segment of segments) {
      // Text, fractions and numbers below 1 are not ids; a huge number may at most be "not found".
      const expect = !numeric ? undefined : /^(abc|1\.5|-1|-99999999999|0)$/.test(segment.raw) ? [400] : /^\d{10,}$/.test(segment.raw) ? [400, 404] : undefined;
      add(`path ${name}`, {
        label: `path ${name} = ${segment.label}`,
        phase: 'edge',
        url: pathWith(route.url, { ...params, [name]: segment.raw }) + queryString(query),
        ...withBody,
        expect,
        mayReroute: /[/%.]/.test(segment.raw) || segment.raw.length > 1000,
      });
    }
  }

  // Query strings.
  const qs = route.schema.querystring;
  const at = (q: Record<string, string | string[]>, raw: string[] = []) => pathWith(route.url, params) + queryString(q, raw);
  for (const [name, schema] of Object.entries(qs?.properties ?? {})) {
    const types = acceptedTypes(schema);
    const q = (value: string | string[]) => ({ ...query, [name]: value });
    const group = `query ${name}`;
    if (types && !types.has('string')) {
      add(group, { label: `query ${name} = non-numeric text`, phase: 'refused', url: at(q('fuzz')), expect: [400], ...withBody });
      if (!types.has('number')) add(group, { label: `query ${name} = a fraction`, phase: 'refused', url: at(q('1.5')), expect: [400], ...withBody });
    }
    if (schema.enum || schema.anyOf?.every((v) => v.const !== undefined)) {
      add(group, { label: `query ${name} = a value not listed`, phase: 'refused', url: at(q('fuzz-not-listed')), expect: [400], ...withBody });
    }
    // Two values for one key: only array parameters may take that.
    if (!types?.has('array')) {
      add('query repeated', { label: `query ${name} repeated`, phase: 'refused', url: at(q([query[name] ?? '1', 'fuzz'])), expect: [400], ...withBody });
    }
    const always = ['', '99999999999999999999', 'a\u0000b'];
    const some = ['-1', ' ', '0', '1e400', 'NaN', 'Infinity', 'true', '2026-02-30', '0000-01-01', '../../etc/passwd', "' OR 1=1 --", unicodeText(random), 'x'.repeat(5000), 'a\ud800b'];
    for (const value of [...always, ...random.sample(some, 3)]) {
      add(`edge ${group}`, { label: `query ${name} = ${JSON.stringify(value.slice(0, 30))}`, phase: 'edge', url: at(q(value)), ...withBody });
    }
    const rawValues = ['%ZZ', '%C0%AF', `${encodeURIComponent(name)}[]=1`, `${encodeURIComponent(name)}[a]=1`];
    for (const raw of ['%00', ...random.sample(rawValues, 1)]) {
      const rest = Object.fromEntries(Object.entries(query).filter(([k]) => k !== name));
      add(`edge ${group}`, { label: `query ${name} raw ${raw}`, phase: 'edge', url: at(rest, raw.includes('=') ? [raw] : [`${encodeURIComponent(name)}=${raw}`]), ...withBody });
    }
    if (name === 'cursor') {
      for (const cursor of badCursors) add('cursor', { label: `query cursor = ${JSON.stringify(cursor.slice(0, 40))}`, phase: 'edge', url: at(q(cursor)), ...withBody });
    }
  }
  if (qs) {
    const closed = qs.additionalProperties === false;
    add('query unknown', { label: 'an unknown query parameter', phase: closed ? 'refused' : 'edge', url: at(query, ['fuzzUnknown=1']), expect: closed ? [400] : undefined, ...withBody });
    for (const name of qs.required ?? []) {
      const rest = Object.fromEntries(Object.entries(query).filter(([k]) => k !== name));
      add('query missing', { label: `query ${name} left out`, phase: 'refused', url: at(rest), expect: [400], ...withBody });
    }
  } else {
    add('query undeclared', { label: 'an undeclared query string', phase: 'edge', url: at(query, ['fuzz=1', 'fuzz=2', 'cursor=%00']), ...withBody });
  }

  // Routes that take files: bytes that are not what they claim.
  if (baseline.raw) {
    const headers = baseline.raw.headers ?? {};
    const garbage = Buffer.from(Array.from({ length: 512 }, () => random.int(0, 255)));
    for (const [label, contentType, payload] of [
      ['random bytes as a PNG', 'image/png', garbage],
      ['random bytes as a PDF', 'application/pdf', garbage],
      ['a truncated PNG', 'image/png', baseline.raw.payload.subarray(0, 12)],
      ['an empty file', 'image/png', Buffer.alloc(0)],
      ['an HTML page as a JPEG', 'image/jpeg', Buffer.from('<html><script>alert(1)</script></html>')],
      ['a PNG as application/octet-stream', 'application/octet-stream', baseline.raw.payload],
    ] as const) {
      add('file', { label, phase: 'edge', payload, headers: { 'content-type': contentType, ...headers } });
    }
    add('file', { label: 'a wrong access key', phase: 'edge', payload: baseline.raw.payload, headers: { 'content-type': baseline.raw.contentType, 'x-access-key': `fuzz-${random.int(0, 1e9)}` } });
  }
  return cases;
}

/**
 * Which callers get which case. Valid requests go to every caller. Otherwise each group's cases
 * are dealt out among the callers like cards, in a seeded order; for refused input, a caller
 * left without a card of a group gets one too, so every caller meets every kind of broken input.
 */
export function deal<C extends string>(cases: Case[], callers: readonly C[], random: Random): Map<Case, C[]> {
  const out = new Map<Case, C[]>();
  const groups = new Map<string, Case[]>();
  for (const c of cases) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  for (const [group, members] of groups) {
    if (group === 'valid') {
      for (const c of members) out.set(c, [...callers]);
      continue;
    }
    const shuffled = random.sample(members, members.length);
    const order = random.sample(callers, callers.length);
    shuffled.forEach((c, i) => out.set(c, [order[i % order.length]]));
    if (members.some((c) => c.phase === 'refused')) {
      for (let i = shuffled.length; i < order.length; i++) out.get(shuffled[i % shuffled.length])!.push(order[i]);
    }
  }
  return out;
}
