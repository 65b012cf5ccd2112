/**
 * Languages of the interface: a thin layer over i18next. Only the chosen locale's strings are
 * loaded (each locale file is its own chunk); dates, numbers and plurals go through Intl.
 */
import i18next, { type TOptions } from 'i18next';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export const uiLocales = ['vi', 'zh-Hans', 'zh-Hant', 'en'] as const;
export type UiLocale = (typeof uiLocales)[number];

const storageKey = 'zd.locale';
const loaders = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*.json');

/** Keys asked for that the locale lacks; the browser tests read this list and expect it empty. */
export const missingKeys: string[] = [];
declare global {
  interface Window {
    __zdMissingKeys?: string[];
  }
}

/** Maps a BCP 47 tag from the browser to one of ours, or null. */
function matchLocale(tag: string): UiLocale | null {
  const lower = tag.toLowerCase();
  if (lower.startsWith('vi')) return 'vi';
  if (lower.startsWith('en')) return 'en';
  if (lower.startsWith('zh')) {
    return /hant|-tw|-hk|-mo/.test(lower) ? 'zh-Hant' : 'zh-Hans';
  }
  return null;
}

/** The remembered choice first, then the browser's languages in order, then Vietnamese. */
export function detectLocale(): UiLocale {
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored && (uiLocales as readonly string[]).includes(stored)) return stored as UiLocale;
  } catch {
    /* storage may be disabled; fall through to the browser's languages */
  }
  const tags = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of tags) {
    const locale = tag && matchLocale(tag);
    if (locale) return locale;
  }
  return 'vi';
}

/** The language the server's messages are asked for in (it speaks vi, zh and en). */
export function serverLanguage(locale: UiLocale): 'vi' | 'zh' | 'en' {
  return locale.startsWith('zh') ? 'zh' : (locale as 'vi' | 'en');
}

let initialised = false;

export async function loadLocale(locale: UiLocale, remember: boolean): Promise<void> {
  const loader = loaders[`../../locales/${locale}.json`];
  if (!loader) throw new Error(`no strings for ${locale}`);
  const strings = (await loader()).default;
  if (!initialised) {
    await i18next.init({
      lng: locale,
      resources: { [locale]: { translation: strings } },
      fallbackLng: false,
      interpolation: { escapeValue: false }, // Preact escapes what it renders
      saveMissing: true,
      missingKeyHandler: (_lngs, _ns, key) => {
        if (!missingKeys.includes(key)) missingKeys.push(key);
      },
    });
    initialised = true;
    window.__zdMissingKeys = missingKeys;
  } else {
    if (!i18next.hasResourceBundle(locale, 'translation')) i18next.addResourceBundle(locale, 'translation', strings);
    await i18next.changeLanguage(locale);
  }
  document.documentElement.lang = locale;
  if (remember) {
    try {
      localStorage.setItem(storageKey, locale);
    } catch {
      /* not remembered, still switched */
    }
  }
}

export function t(key: string, options?: TOptions): string {
  return i18next.t(key, options) as string;
}

/** For keys made from data (level names, categories): the translation when one exists. */
export function tOr(key: string, fallback: string): string {
  return i18next.exists(key) ? (i18next.t(key) as string) : fallback;
}

interface I18n {
  locale: UiLocale;
  t: typeof t;
  setLocale(locale: UiLocale): void;
  date(value: string | Date | null | undefined, withTime?: boolean): string;
  number(value: number | null | undefined): string;
  percent(value: number | null | undefined): string;
}

export function makeI18n(locale: UiLocale, setLocale: (l: UiLocale) => void): I18n {
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const numberFormat = new Intl.NumberFormat(locale);
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return {
    locale,
    t,
    setLocale,
    date(value, withTime = false) {
      if (!value) return '—';
      const d = typeof value === 'string' ? new Date(value) : value;
      if (Number.isNaN(d.getTime())) return '—';
      return (withTime ? dateTimeFormat : dateFormat).format(d);
    },
    number: (value) => (value === null || value === undefined ? '—' : numberFormat.format(value)),
    percent: (value) => (value === null || value === undefined || Number.isNaN(value) ? '—' : percentFormat.format(value)),
  };
}

export const I18nContext = createContext<I18n>(makeI18n('en', () => {}));
export const useI18n = () => useContext(I18nContext);

/** Names of the locales, each in its own language (shown in the switcher). */
export const localeNames: Record<UiLocale, string> = {
  vi: 'Tiếng Việt',
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  en: 'English',
};
