/**
 * Notification templates: a subject and a text per locale, with `{param}` placeholders.
 * Each module defines its own templates (like its messages) and lists them in its module object;
 * the app registers them. A name may be defined once.
 *
 *   export const petitionTemplates = defineTemplates({
 *     petition_accepted: {
 *       subject: { vi: 'Phản ánh {trackingCode} đã được tiếp nhận', zh: '…', en: '…' },
 *       text: { vi: '…', zh: '…', en: '…' },
 *     },
 *   });
 */
import { locales, type Locale } from '../i18n.ts';

type LocalizedText = Record<Locale, string>;

export interface TemplateDefinition {
  subject: LocalizedText;
  text: LocalizedText;
  /**
   * Parameters that grant access (a sign-in code, an access key): removed from the outbox row
   * once the message is sent or has failed for good, so the database does not keep them readable.
   */
  secret?: readonly string[];
}

export type Templates = Record<string, TemplateDefinition>;

export interface RenderedMessage {
  subject: string;
  text: string;
}

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

const registry = new Map<string, TemplateDefinition>();
const placeholder = /\{(\w+)\}/g;

function placeholdersOf(text: string): string[] {
  return [...text.matchAll(placeholder)].map((m) => m[1]);
}

function placeholderSet(definition: TemplateDefinition, locale: Locale): Set<string> {
  return new Set([...placeholdersOf(definition.subject[locale]), ...placeholdersOf(definition.text[locale])]);
}

/**
 * A module's notice templates, for its `templates` list. Every locale must be written, and every
 * locale must use the same placeholders: a misspelt `{trakingCode}` in one language is caught
 * when the module loads, not when a resident receives it.
 */
export function defineTemplates<T extends Templates>(templates: T): T {
  for (const [name, definition] of Object.entries(templates)) {
    for (const locale of locales) {
      for (const part of ['subject', 'text'] as const) {
        if (typeof definition[part]?.[locale] !== 'string' || definition[part][locale].trim() === '') {
          throw new TemplateError(`template ${name} has no ${part} in ${locale}`);
        }
      }
    }
    const reference = [...placeholderSet(definition, 'en')].sort().join(',');
    for (const locale of locales) {
      const these = [...placeholderSet(definition, locale)].sort().join(',');
      if (these !== reference) {
        throw new TemplateError(`template ${name}: ${locale} uses {${these}} but en uses {${reference}}`);
      }
    }
    for (const param of definition.secret ?? []) {
      if (!reference.split(',').includes(param)) throw new TemplateError(`template ${name}: secret {${param}} is not a placeholder`);
    }
  }
  return templates;
}

/** Makes templates available to notify (idempotent); a name may be defined once. */
export function registerTemplates(...sets: readonly Templates[]): void {
  for (const templates of sets) {
    for (const [name, definition] of Object.entries(templates)) {
      const existing = registry.get(name);
      if (existing && existing !== definition) throw new TemplateError(`template ${name} defined twice`);
      registry.set(name, definition);
    }
  }
}

/** The parameters a template needs. */
export function templateParams(name: string): string[] {
  const definition = registry.get(name);
  if (!definition) throw new TemplateError(`unknown template ${name}`);
  return [...placeholderSet(definition, 'en')].sort();
}

/** The secret parameters of a template (none for an unknown one). */
export function secretParams(name: string): string[] {
  return [...(registry.get(name)?.secret ?? [])];
}

/** Every secret parameter name of every template. */
export function allSecretParams(): string[] {
  return [...new Set([...registry.values()].flatMap((d) => d.secret ?? []))].sort();
}

function formatValue(value: unknown): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function fill(text: string, params: Record<string, unknown>, name: string): string {
  return text.replace(placeholder, (_whole, key: string) => {
    if (!(key in params) || params[key] === undefined) {
      throw new TemplateError(`template ${name} needs the parameter ${key}`);
    }
    return formatValue(params[key]);
  });
}

/** The subject and text of a template in a locale; throws when a parameter is missing. */
export function renderTemplate(name: string, locale: Locale, params: Record<string, unknown>): RenderedMessage {
  const definition = registry.get(name);
  if (!definition) throw new TemplateError(`unknown template ${name}`);
  return { subject: fill(definition.subject[locale], params, name), text: fill(definition.text[locale], params, name) };
}
