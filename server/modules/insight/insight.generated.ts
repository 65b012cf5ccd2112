/**
 * A generated routed history for measuring the routing suggestion (its test and bench/routing.ts):
 * petitions in Vietnamese, Chinese and English about eight categories, each written from
 * phrases of its topic mixed with words every petition uses, some touching a second topic and
 * some routed to a category their words do not say (dispatchers differ). Deterministic for a seed.
 * The phrases are in insight.phrases.json.
 */
import { Type } from 'typebox';
import { readDataFile } from '../../platform/dataFile.ts';
import { locales } from '../../platform/i18n.ts';

type HistoryLanguage = 'vi' | 'zh' | 'en';

export const generatedCategories = ['land', 'roads', 'water_power', 'environment', 'social_insurance', 'health', 'procedures', 'security'] as const;
type GeneratedCategory = (typeof generatedCategories)[number];

/** Which kind of agency handles each category (an agency per kind in every commune). */
export const agencyKindOf: Record<GeneratedCategory, string> = {
  land: 'land_registry',
  roads: 'committee',
  water_power: 'committee',
  environment: 'committee',
  social_insurance: 'social_insurance',
  health: 'health_station',
  procedures: 'one_stop',
  security: 'police',
};

const Phrases = Type.Object(Object.fromEntries(locales.map((l) => [l, Type.Array(Type.String(), { minItems: 1 })])));
const InsightPhrases = Type.Object({
  /** Phrases of each category's topic, in each language. */
  topics: Type.Object(Object.fromEntries(generatedCategories.map((c) => [c, Phrases]))),
  /** How a petition begins and ends, whatever its topic. */
  openers: Phrases,
  closers: Phrases,
});

const phrases = readDataFile(new URL('./insight.phrases.json', import.meta.url), InsightPhrases);
const topics = phrases.topics as Record<GeneratedCategory, Record<HistoryLanguage, string[]>>;
const openers = phrases.openers as Record<HistoryLanguage, string[]>;
const closers = phrases.closers as Record<HistoryLanguage, string[]>;

const places: Record<HistoryLanguage, (n: number) => string> = {
  vi: (n) => `ở xóm ${n}`,
  zh: (n) => `在${n}组`,
  en: (n) => `in hamlet ${n}`,
};

/** A small deterministic generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface GeneratedPetition {
  language: HistoryLanguage;
  title: string;
  body: string;
  category: GeneratedCategory;
  /** Which commune (0 … communes-1). */
  commune: number;
}

/**
 * `count` petitions, oldest first. Categories are not equally frequent (land and roads most);
 * 20 % mention a second topic; `mislabelled` of them were routed to a category chosen at random.
 */
export function generateHistory(count: number, opts: { seed?: number; communes?: number; mislabelled?: number } = {}): GeneratedPetition[] {
  const random = seeded(opts.seed ?? 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const weights = [5, 4, 3, 3, 2, 2, 3, 2];
  const sum = weights.reduce((a, b) => a + b, 0);
  const category = (): GeneratedCategory => {
    let r = random() * sum;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return generatedCategories[i];
    }
    return generatedCategories[0];
  };
  const out: GeneratedPetition[] = [];
  for (let i = 0; i < count; i++) {
    const language = pick(['vi', 'vi', 'zh', 'en'] as const);
    const c = category();
    const topic = pick(topics[c][language]);
    const second = random() < 0.2 ? pick(topics[pick(generatedCategories)][language]) : null;
    const sep = language === 'zh' ? '，' : ', ';
    const body = [
      `${pick(openers[language])} ${topic} ${places[language](1 + Math.floor(random() * 20))}`,
      second ? (language === 'zh' ? `还有${second}` : language === 'vi' ? `ngoài ra còn ${second}` : `and also ${second}`) : null,
      pick(closers[language]),
    ]
      .filter(Boolean)
      .join(sep);
    const routed = random() < (opts.mislabelled ?? 0.05) ? pick(generatedCategories) : c;
    out.push({ language, title: random() < 0.4 ? topic : '', body, category: routed, commune: Math.floor(random() * (opts.communes ?? 4)) });
  }
  return out;
}
