/**
 * The two formats of GeoReport v2: a JSON array, or XML whose root holds one element per item.
 * Lists inside an item (a definition's attributes, an attribute's values) become an element
 * holding one child per entry, as the specification's examples show.
 */
import { XMLBuilder } from 'fast-xml-parser';

export type Format = 'json' | 'xml';
export const formats: readonly Format[] = ['json', 'xml'];

/** The element name of one entry of each list that appears inside an item. */
const entryNames: Record<string, string> = { attributes: 'attribute', values: 'value', endpoints: 'endpoint', formats: 'format' };

const builder = new XMLBuilder({ ignoreAttributes: true, format: false, suppressEmptyNode: false, processEntities: true });

function toXmlValue(value: unknown, key: string): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return { [entryNames[key] ?? 'item']: value.map((v) => toXmlValue(v, entryNames[key] ?? 'item')) };
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toXmlValue(v, k)]));
  }
  return String(value);
}

/** An XML document: `<root><item>…</item>…</root>`, or for an object `<root>…</root>`. */
export function toXml(root: string, item: string | null, body: unknown): string {
  const content = Array.isArray(body) ? { [item ?? 'item']: body.map((b) => toXmlValue(b, item ?? 'item')) } : toXmlValue(body, root);
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: content })}`;
}
