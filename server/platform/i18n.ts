/** The languages the server speaks in its messages and notifications. */
export const locales = ['vi', 'zh', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** A name per locale as responses carry it (platform/shapes.ts LocaleNames): only the locales we speak, only non-empty names. */
export function presentNames(names: Readonly<Record<string, string | undefined>> | null | undefined): Partial<Record<Locale, string>> {
  const out: Partial<Record<Locale, string>> = {};
  for (const locale of locales) {
    const value = names?.[locale];
    if (typeof value === 'string' && value) out[locale] = value;
  }
  return out;
}

export type Messages = Record<string, Record<Locale, string>>;

const catalog = new Map<string, Record<Locale, string>>();

/** A module's messages, for its `messages` list; the app registers them with its modules. */
export function defineMessages<M extends Messages>(messages: M): M {
  return messages;
}

/** Adds messages to what `translate` knows (idempotent); a code may be defined once. */
export function registerMessages(...lists: readonly Messages[]): void {
  for (const messages of lists) {
    for (const [code, text] of Object.entries(messages)) {
      if (catalog.has(code) && catalog.get(code) !== text) throw new Error(`message ${code} defined twice`);
      catalog.set(code, text);
    }
  }
}

export function hasMessage(code: string): boolean {
  return catalog.has(code);
}

/** `{name}` placeholders are filled from params. */
export function translate(code: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const entry = catalog.get(code);
  const template = entry ? entry[locale] ?? entry.en : code;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** Picks vi, zh or en from an Accept-Language header, honouring q-values. */
export function localeFrom(header: string | undefined): Locale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0] as Locale;
    if ((locales as readonly string[]).includes(primary)) return primary;
  }
  return defaultLocale;
}
