/**
 * The answers of GeoReport v2 as its specification describes them (http://wiki.open311.org/GeoReport_v2),
 * as JSON Schemas, and the same shapes for the XML format once parsed: every value a string,
 * every list an element holding one child per entry. Tests validate every answer against them.
 */
import assert from 'node:assert/strict';
import { Ajv, type AnySchema } from 'ajv';
import addFormatsImport from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';

type Schema = Record<string, unknown>;
const str: Schema = { type: 'string' };
const dateTime: Schema = { type: 'string', format: 'date-time' };
const maybeDateTime: Schema = { anyOf: [dateTime, { const: '' }] };
const coordinate: Schema = { anyOf: [{ type: 'number' }, { const: '' }] };
const object = (required: string[], properties: Record<string, Schema>): Schema => ({ type: 'object', required, properties, additionalProperties: false });
const list = (items: Schema, minItems = 0): Schema => ({ type: 'array', items, minItems });

const specSchemas = {
  discovery: object(['changeset', 'contact', 'endpoints'], {
    changeset: dateTime,
    contact: str,
    key_service: str,
    endpoints: list(object(['specification', 'url', 'changeset', 'type', 'formats'], {
      specification: str, url: str, changeset: dateTime, type: { enum: ['production', 'test'] }, formats: list(str, 1),
    }), 1),
  }),
  services: list(object(['service_code', 'service_name', 'metadata', 'type'], {
    service_code: str, service_name: str, description: str, metadata: { type: 'boolean' },
    type: { enum: ['realtime', 'batch', 'blackbox'] }, keywords: str, group: str,
  })),
  service_definition: object(['service_code', 'attributes'], {
    service_code: str,
    attributes: list(object(['variable', 'code', 'datatype', 'required', 'order', 'description'], {
      variable: { type: 'boolean' }, code: str,
      datatype: { enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] },
      required: { type: 'boolean' }, datatype_description: str, order: { type: 'integer' }, description: str,
      values: list(object(['key', 'name'], { key: str, name: str }), 1),
    })),
  }),
  posted: list({ ...object([], { service_request_id: str, token: str, service_notice: str, account_id: str }), anyOf: [{ required: ['service_request_id'] }, { required: ['token'] }] }, 1),
  token: list(object(['token'], { service_request_id: str, token: str }), 1),
  // additionalProperties false: a field the specification does not name (a resident's e-mail,
  // phone, name) fails the check.
  requests: list(object(['service_request_id', 'status', 'requested_datetime'], {
    service_request_id: str, status: { enum: ['open', 'closed'] }, status_notes: str, service_name: str, service_code: str,
    description: str, agency_responsible: str, service_notice: str, requested_datetime: dateTime, updated_datetime: maybeDateTime,
    expected_datetime: maybeDateTime, address: str, address_id: str, zipcode: str, lat: coordinate, long: coordinate, media_url: str,
  })),
  updates: list(object(['update_id', 'service_request_id', 'status', 'updated_datetime', 'description'], {
    update_id: str, service_request_id: str, status: { enum: ['open', 'closed'] }, updated_datetime: dateTime, description: str, media_url: str,
  })),
  posted_update: list(object(['update_id'], { update_id: str }), 1),
  errors: list(object(['code', 'description'], { code: { type: 'integer' }, description: { type: 'string', minLength: 1 } }), 1),
} satisfies Record<string, Schema>;
export type SpecAnswer = keyof typeof specSchemas;

/** The element names of the XML format: the root and one item, and the entries of nested lists. */
const xmlNames: Record<SpecAnswer, { root: string; item: string | null }> = {
  discovery: { root: 'discovery', item: null },
  services: { root: 'services', item: 'service' },
  service_definition: { root: 'service_definition', item: null },
  posted: { root: 'service_requests', item: 'request' },
  token: { root: 'service_requests', item: 'request' },
  requests: { root: 'service_requests', item: 'request' },
  updates: { root: 'service_request_updates', item: 'request_update' },
  posted_update: { root: 'service_request_updates', item: 'request_update' },
  errors: { root: 'errors', item: 'error' },
};
const entryNames: Record<string, string> = { attributes: 'attribute', values: 'value', endpoints: 'endpoint', formats: 'format' };

/** The shape a JSON schema takes in XML: scalars as text, lists as an element of entries. */
function xmlShape(schema: Schema, entry = 'item'): Schema {
  if (schema.type === 'array') return object([], { [entry]: list(xmlShape(schema.items as Schema, entry), 0) });
  if (schema.type === 'object') {
    const props = Object.fromEntries(Object.entries(schema.properties as Record<string, Schema>).map(([k, v]) => [k, v.type === 'array' ? { anyOf: [xmlShape(v, entryNames[k]), { const: '' }] } : xmlShape(v, entryNames[k])]));
    const { anyOf, ...rest } = schema;
    return { ...rest, properties: props, ...(anyOf ? { anyOf } : {}) };
  }
  if (schema.type === 'boolean') return { enum: ['true', 'false'] };
  if (schema.type === 'integer') return { type: 'string', pattern: '^-?\\d+$' };
  if (schema.type === 'number') return { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' };
  if (schema.anyOf) return { anyOf: (schema.anyOf as Schema[]).map((s) => xmlShape(s, entry)) };
  return schema;
}

const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['service', 'request', 'request_update', 'error', 'attribute', 'value', 'endpoint', 'format'].includes(name),
});

/** Parses an XML answer into the root element's content. */
function parseXml(text: string, root: string): unknown {
  assert.match(text, /^<\?xml version="1.0" encoding="utf-8"\?>/);
  const doc = parser.parse(text) as Record<string, unknown>;
  assert.ok(root in doc, `the root element is <${root}>`);
  return doc[root] === '' ? {} : doc[root];
}

/** Asserts that an answer body, JSON or XML, is what the specification describes; returns it parsed. */
export function assertSpec(answer: SpecAnswer, format: 'json' | 'xml', text: string): any {
  let value: unknown;
  let schema: Schema = specSchemas[answer];
  if (format === 'json') value = JSON.parse(text);
  else {
    const names = xmlNames[answer];
    value = parseXml(text, names.root);
    const spec: Schema = specSchemas[answer];
    schema = names.item
      ? object(Number(spec.minItems) > 0 ? [names.item] : [], { [names.item]: { ...list(xmlShape(spec.items as Schema), Number(spec.minItems)) } })
      : xmlShape(spec);
  }
  const validate = ajv.compile(schema as AnySchema);
  assert.ok(validate(value), `${answer} (${format}) does not follow the specification: ${ajv.errorsText(validate.errors)}\n${text.slice(0, 800)}`);
  return value;
}
