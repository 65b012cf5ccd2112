/**
 * A seeded pseudo-random source for tests, so that a failing run can be replayed exactly (the
 * robustness walk prints its seed with every failure and reads it back from ZD_FUZZ_SEED).
 */
export interface Random {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Up to n items, in a random order, without repeats. */
  sample<T>(items: readonly T[], n: number): T[];
}

export function seedFromEnv(fallback = 20260302): number {
  const raw = process.env.ZD_FUZZ_SEED;
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`ZD_FUZZ_SEED must be an integer, got "${raw}"`);
  return n;
}

/** mulberry32: small, fast, and good enough to vary test inputs. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    seed,
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)],
    chance: (p) => next() < p,
    sample(items, n) {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, n);
    },
  };
}

// Scripts a petition may arrive in, and characters that break naive code: combining marks,
// zero-width and direction marks, astral emoji.
const alphabets = [
  'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậ',
  'ThanhChươngNghệAnHưngNguyênCẩmTâm',
  '凤冈县永安镇进化镇临江村群众诉求办理',
  '鳳岡縣羣衆訴求辦理',
  'абвгдеёжзийклмнопрст',
  'مرحبا بالعالم',
  '\u0301\u0303\u0309\u200b\u200d\u200e\u202e\ufeff',
  '🙂🏛️👩🏽‍🌾𝔘𝔫𝔦',
];

/** A string of 1..max characters mixing the alphabets above. */
export function unicodeText(random: Random, max = 24): string {
  const length = random.int(1, max);
  let out = '';
  while ([...out].length < length) {
    const chars = [...random.pick(alphabets)];
    out += random.pick(chars);
  }
  return out;
}
