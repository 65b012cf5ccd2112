/**
 * The figures as numbers: counters added up per dimension and per series bucket, rates and
 * the median derived from them. Both the fast path and the naive reference query end here,
 * so the two can only differ in the counts they read. Definitions: docs/FIGURES.md.
 */
import type { FigureDim } from './figures.tables.ts';
import type { Interval } from './figures.periods.ts';
import { seriesBuckets } from './figures.periods.ts';

/** The counters kept per rollup row (and per delta). */
const baseCounters = [
  'received',
  'accepted',
  'rejected',
  'answered',
  'resolved',
  'resolvedOnTime',
  'escalated',
  'transferred',
  'rated',
  'satisfied',
  'acceptable',
  'unsatisfied',
] as const;
type BaseCounter = (typeof baseCounters)[number];

/** Every counter a row of figures carries, in the order the queries read them. */
export const counters = [...baseCounters, 'overdue'] as const;
type BaseCounts = Record<BaseCounter, number>;

export interface Counts extends BaseCounts {
  /** resolved − resolvedOnTime */
  resolvedLate: number;
  /** open now and past the due time */
  overdue: number;
}

export interface Rates {
  /** answered / received */
  responseRate: number | null;
  /** resolved / received */
  resolutionRate: number | null;
  /** resolvedOnTime / resolved */
  onTimeRate: number | null;
  /** (satisfied + acceptable) / rated */
  satisfactionRate: number | null;
}

type Bucket = Counts & Rates;

export interface SeriesItem extends Bucket {
  period: string;
  from: string;
  to: string;
}

export interface PeriodFigures extends Bucket {
  /** Median time from submission to the first answer, in hours with one decimal. */
  medianHoursToAnswer: number | null;
  /** Petitions without a category (not in byCategory). */
  uncategorized: number;
  byChannel: Record<string, Bucket>;
  byKind: Record<string, Bucket>;
  byCategory: Record<string, Bucket>;
  series?: { interval: Interval; items: SeriesItem[] };
}

interface Raw extends BaseCounts {
  overdue: number;
}

const zero = (): Raw => ({
  received: 0,
  accepted: 0,
  rejected: 0,
  answered: 0,
  resolved: 0,
  resolvedOnTime: 0,
  escalated: 0,
  transferred: 0,
  rated: 0,
  satisfied: 0,
  acceptable: 0,
  unsatisfied: 0,
  overdue: 0,
});

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

function finish(raw: Raw): Bucket {
  return {
    ...raw,
    resolvedLate: raw.resolved - raw.resolvedOnTime,
    responseRate: ratio(raw.answered, raw.received),
    resolutionRate: ratio(raw.resolved, raw.received),
    onTimeRate: ratio(raw.resolvedOnTime, raw.resolved),
    satisfactionRate: ratio(raw.satisfied + raw.acceptable, raw.rated),
  };
}

/** Hours with one decimal from a number of minutes (possibly x.5 for an even count). */
function hoursFromMinutes(minutes: number | null): number | null {
  return minutes === null ? null : Math.round(minutes / 6) / 10;
}

/**
 * Adds up rows of counters. Totals and series come from the kind rows only: every petition
 * is in exactly one row per dimension.
 */
export class FiguresBuilder {
  readonly #total = zero();
  readonly #dims: Record<FigureDim, Map<string, Raw>> = { k: new Map(), c: new Map(), g: new Map() };
  readonly #series = new Map<string, Raw>();

  constructor(private readonly interval?: Interval) {}

  #slot(dim: FigureDim, value: string): Raw {
    let slot = this.#dims[dim].get(value);
    if (!slot) this.#dims[dim].set(value, (slot = zero()));
    return slot;
  }

  #targets(bucket: string, dim: FigureDim, value: string): Raw[] {
    const out = [this.#slot(dim, value)];
    if (dim === 'k') {
      out.push(this.#total);
      if (this.interval) {
        let s = this.#series.get(bucket);
        if (!s) this.#series.set(bucket, (s = zero()));
        out.push(s);
      }
    }
    return out;
  }

  /** A row of one dimension whose counters come in the order of `counters`. */
  addRow(bucket: string, dim: FigureDim, value: string, values: readonly number[]): void {
    for (const target of this.#targets(bucket, dim, value)) {
      for (let i = 0; i < counters.length; i++) if (values[i]) target[counters[i]] += values[i];
    }
  }

  get answered(): number {
    return this.#total.answered;
  }

  build(period: { from: string; to: string }, medianMinutes: number | null): PeriodFigures {
    const named = (dim: FigureDim, skipEmpty = false) => {
      const out: Record<string, Bucket> = {};
      const keys = [...this.#dims[dim].keys()].filter((k) => !(skipEmpty && k === '')).sort();
      for (const key of keys) {
        const raw = this.#dims[dim].get(key)!;
        // A value every petition has left (a reclassified kind) is not shown.
        if (raw.received !== 0) out[key] = finish(raw);
      }
      return out;
    };
    const figures: PeriodFigures = {
      ...finish(this.#total),
      medianHoursToAnswer: hoursFromMinutes(medianMinutes),
      uncategorized: this.#dims.g.get('')?.received ?? 0,
      byChannel: named('c'),
      byKind: named('k'),
      byCategory: named('g', true),
    };
    if (this.interval) {
      figures.series = {
        interval: this.interval,
        items: seriesBuckets(period.from, period.to, this.interval).map((b) => ({
          ...b,
          ...finish(this.#series.get(b.period) ?? zero()),
        })),
      };
    }
    return figures;
  }
}
