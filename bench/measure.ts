/** Latency percentiles and bounded load loops. */

export interface Summary {
  count: number;
  errors: number;
  seconds: number;
  /** Operations per second. */
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Milliseconds, up to a fixed number of samples (the loops are bounded anyway). */
class Latencies {
  readonly #samples: number[] = [];
  readonly #limit: number;
  errors = 0;

  constructor(limit = 5_000_000) {
    this.#limit = limit;
  }

  add(ms: number): void {
    if (this.#samples.length < this.#limit) this.#samples.push(ms);
  }

  get count(): number {
    return this.#samples.length;
  }

  summary(seconds: number): Summary {
    const s = Float64Array.from(this.#samples).sort();
    const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : NaN);
    const sum = s.reduce((a, b) => a + b, 0);
    return {
      count: s.length,
      errors: this.errors,
      seconds: round(seconds, 2),
      throughput: round(s.length / seconds, 1),
      p50: round(at(0.5), 3),
      p95: round(at(0.95), 3),
      p99: round(at(0.99), 3),
      max: round(s.length ? s[s.length - 1] : NaN, 3),
      mean: round(s.length ? sum / s.length : NaN, 3),
    };
  }
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

interface LoopOptions {
  /** Workers running at once. */
  concurrency: number;
  /** Stops after this long … */
  seconds: number;
  /** … or after this many operations, whichever comes first. */
  maxOps: number;
  /** Operations before measuring starts (not counted). */
  warmupOps?: number;
}

/**
 * Runs `op` from `concurrency` workers until the time or the count is used up; an op that
 * throws counts as an error (its time is not recorded). Answers the latencies and the span.
 */
export async function loop(opts: LoopOptions, op: (worker: number, n: number) => Promise<void>): Promise<Summary> {
  let issued = 0;
  const warm = opts.warmupOps ?? 0;
  // Warm-up: connections opened, plans cached, JIT of the server warmed.
  await Promise.all(
    Array.from({ length: Math.min(opts.concurrency, Math.max(warm, 0)) }, async (_, w) => {
      for (let i = w; i < warm; i += opts.concurrency) await op(w, -1).catch(() => {});
    }),
  );
  const latencies = new Latencies();
  const start = performance.now();
  const deadline = start + opts.seconds * 1000;
  await Promise.all(
    Array.from({ length: opts.concurrency }, async (_, w) => {
      while (performance.now() < deadline && issued < opts.maxOps) {
        const n = issued++;
        const t0 = performance.now();
        try {
          await op(w, n);
          latencies.add(performance.now() - t0);
        } catch {
          latencies.errors++;
          if (latencies.errors > 1000 && latencies.errors > latencies.count) throw new Error('more errors than answers: stopping');
        }
      }
    }),
  );
  return latencies.summary((performance.now() - start) / 1000);
}

/** Runs an async function `times` times in sequence and summarises its latencies. */
export async function repeat(times: number, op: (n: number) => Promise<void>, warmup = 3): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await op(-1);
  const latencies = new Latencies();
  const start = performance.now();
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await op(i);
    latencies.add(performance.now() - t0);
  }
  return latencies.summary((performance.now() - start) / 1000);
}
