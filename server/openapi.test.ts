/**
 * One shape for a unit in every JSON response: `unit` is a UnitRef ({ code, name }, or null
 * where there may be none), never a bare code with the name beside it in `unitName`. Read from
 * /openapi.json, so a new route is checked the day it is added.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from './test/server.ts';

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: Schema | boolean;
}

const isUnitRef = (s: Schema) => s.type === 'object' && ['code', 'name'].every((k) => s.properties?.[k]?.type === 'string' && s.required?.includes(k));
const isNull = (s: Schema) => s.type === 'null';

/** Where a response names a unit otherwise than as a UnitRef: the JSON paths of the offending fields. */
function strayUnits(schema: Schema, at: string, found: string[]): string[] {
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (name === 'unitName') found.push(`${at}.unitName`);
    if (name === 'unit') {
      const variants = property.anyOf ?? property.oneOf ?? [property];
      if (!variants.every((v) => isUnitRef(v) || isNull(v))) found.push(`${at}.unit`);
    }
    strayUnits(property, `${at}.${name}`, found);
  }
  if (schema.items) strayUnits(schema.items, `${at}[]`, found);
  for (const variant of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) strayUnits(variant, at, found);
  if (typeof schema.additionalProperties === 'object') strayUnits(schema.additionalProperties, `${at}{}`, found);
  return found;
}

test('every JSON response names a unit as { code, name }', async () => {
  const t = await createTestApp('pglite');
  try {
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>>;
    };
    const stray: string[] = [];
    let responses = 0;
    for (const [path, operations] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          const schema = response.content?.['application/json']?.schema;
          if (!schema) continue;
          responses++;
          stray.push(...strayUnits(schema, `${method.toUpperCase()} ${path} ${status}`, []));
        }
      }
    }
    assert.ok(responses > 100, `the walk sees the API's responses (${responses})`);
    assert.deepEqual(stray, []);
  } finally {
    await t.close();
  }
});

test('the check itself: a bare code or a unitName beside it is found, a UnitRef or null is not', () => {
  const ref: Schema = { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } }, required: ['code', 'name'] };
  const body: Schema = {
    type: 'object',
    properties: {
      items: { type: 'array', items: { type: 'object', properties: { unit: { type: 'string' }, unitName: { type: 'string' } } } },
      good: { type: 'object', properties: { unit: { anyOf: [ref, { type: 'null' }] } } },
    },
  };
  assert.deepEqual(strayUnits(body, 'X', []), ['X.items[].unit', 'X.items[].unitName']);
});
