/**
 * A small seeded generator (sfc32) so that a workload is the same on every run with the same
 * seed: the figures of two runs can then be compared row for row.
 */
export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number | string) {
    // Four 32-bit words from the seed (cyrb128-style mixing), then a few rounds to spread them.
    const text = String(seed);
    let h1 = 1779033703,
      h2 = 3144134277,
      h3 = 1013904242,
      h4 = 2773480762;
    for (let i = 0; i < text.length; i++) {
      const k = text.charCodeAt(i);
      h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
      h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
      h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
      h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
    }
    this.#a = h1 >>> 0;
    this.#b = h2 >>> 0;
    this.#c = h3 >>> 0;
    this.#d = h4 >>> 0;
    for (let i = 0; i < 15; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  /** [0, 1) */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** A fork with its own stream: one per table, so adding a column to one leaves the others alone. */
  fork(label: string): Random {
    return new Random(`${this.uint32()}:${label}`);
  }
}

/** Picks from weighted choices in O(log n). */
export class Weighted<T> {
  readonly #items: T[];
  readonly #cumulative: number[];
  readonly #total: number;

  constructor(choices: ReadonlyArray<readonly [T, number]>) {
    this.#items = choices.map(([item]) => item);
    let sum = 0;
    this.#cumulative = choices.map(([, w]) => (sum += w));
    this.#total = sum;
    if (!(sum > 0)) throw new Error('weights must add up to more than 0');
  }

  pick(random: Random): T {
    const x = random.next() * this.#total;
    let lo = 0,
      hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.#items[lo];
  }
}
