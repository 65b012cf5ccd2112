/**
 * The routing suggestion's model: a multinomial naive Bayes over the terms of a petition's
 * title and text (the knowledge module's terms: Vietnamese folded syllables and their pairs,
 * Chinese words and character pairs, English stems), with add-one smoothing. Small enough to
 * keep as JSON in one row, trained in a second on tens of thousands of petitions, and
 * explainable: a label scores high when the petition's words were frequent in its history.
 *
 * Pure: no I/O. Training reads examples, prediction reads a model.
 */

export interface Example {
  /** The petition's terms with their weights (termsOf). */
  terms: Map<string, number>;
  /** The category, or the agency's id as text. */
  label: string;
  /** Where the case is: an agency is suggested only on the petition's branch of the tree. */
  unitPath: string;
}

export interface RoutingModel {
  /** Per label: how many examples, and the total weight of their terms. */
  labels: Record<string, { docs: number; total: number }>;
  /** Per term: its weight under each label. */
  terms: Record<string, Record<string, number>>;
  vocabulary: number;
  docs: number;
}

export interface Suggestion {
  label: string;
  /** The model's probability among the labels allowed, 0…1. */
  confidence: number;
}

/** At most this many distinct terms are kept, the most frequent ones. */
const maxVocabulary = 30_000;

export function train(examples: readonly Example[], vocabularyLimit = maxVocabulary): RoutingModel {
  const labels: RoutingModel['labels'] = {};
  const byTerm = new Map<string, Map<string, number>>();
  const frequency = new Map<string, number>();
  for (const e of examples) {
    const l = (labels[e.label] ??= { docs: 0, total: 0 });
    l.docs++;
    for (const [term, w] of e.terms) {
      let row = byTerm.get(term);
      if (!row) byTerm.set(term, (row = new Map()));
      row.set(e.label, (row.get(e.label) ?? 0) + w);
      frequency.set(term, (frequency.get(term) ?? 0) + 1);
    }
  }
  let kept = [...byTerm.keys()];
  if (kept.length > vocabularyLimit) {
    kept = kept.sort((a, b) => frequency.get(b)! - frequency.get(a)! || (a < b ? -1 : 1)).slice(0, vocabularyLimit);
  }
  const terms: RoutingModel['terms'] = {};
  for (const term of kept) {
    const row: Record<string, number> = {};
    for (const [label, w] of byTerm.get(term)!) {
      row[label] = Math.round(w * 100) / 100;
      labels[label].total += row[label];
    }
    terms[term] = row;
  }
  return { labels, terms, vocabulary: kept.length, docs: examples.length };
}

/**
 * The labels ranked for a petition's terms, with their probabilities among the labels
 * `allowed` accepts (all by default): at most `top`.
 */
export function predict(model: RoutingModel, terms: Map<string, number>, top = 3, allowed?: (label: string) => boolean): Suggestion[] {
  const candidates = Object.keys(model.labels).filter((l) => !allowed || allowed(l));
  if (candidates.length === 0 || model.docs === 0) return [];
  const v = model.vocabulary + 1;
  const scores = candidates.map((label) => {
    const { docs, total } = model.labels[label];
    let s = Math.log(docs / model.docs);
    const denominator = Math.log(total + v);
    for (const [term, w] of terms) {
      const row = model.terms[term];
      if (!row) continue; // a word never seen says nothing about any label
      s += w * (Math.log((row[label] ?? 0) + 1) - denominator);
    }
    return { label, s };
  });
  const best = Math.max(...scores.map((x) => x.s));
  const sum = scores.reduce((acc, x) => acc + Math.exp(x.s - best), 0);
  return scores
    .map((x) => ({ label: x.label, confidence: Math.exp(x.s - best) / sum }))
    .sort((a, b) => b.confidence - a.confidence || (a.label < b.label ? -1 : 1))
    .slice(0, top);
}

export interface Evaluation {
  /** Examples the measured model was trained on, and held out from it. */
  trained: number;
  heldOut: number;
  /** The first suggestion was right. */
  accuracy: number | null;
  /** The right label was among the first three. */
  top3Accuracy: number | null;
  /** Always suggesting the label most frequent in training. */
  baseline: number | null;
}

/** Fewer held-out examples than this give no figure. */
const minHeldOut = 10;

/**
 * Accuracy on held-out history: examples are in time order (oldest first); a model trained on
 * the older four fifths suggests for the newest fifth, as it would have in service.
 * `allowedFor` restricts the labels for one example (an agency on its branch).
 */
export function evaluate(
  examples: readonly Example[],
  allowedFor?: (e: Example) => (label: string) => boolean,
  heldOutShare = 0.2,
): Evaluation {
  const heldOut = Math.floor(examples.length * heldOutShare);
  const cut = examples.length - heldOut;
  if (heldOut < minHeldOut) return { trained: cut, heldOut, accuracy: null, top3Accuracy: null, baseline: null };
  const older = examples.slice(0, cut);
  const newer = examples.slice(cut);
  const model = train(older);
  let first = 0;
  let inTop3 = 0;
  let baselineHits = 0;
  for (const e of newer) {
    const allowed = allowedFor?.(e);
    const s = predict(model, e.terms, 3, allowed);
    if (s[0]?.label === e.label) first++;
    if (s.some((x) => x.label === e.label)) inTop3++;
    // the baseline: the most frequent label this example could take
    const frequent = Object.entries(model.labels)
      .filter(([l]) => !allowed || allowed(l))
      .sort((a, b) => b[1].docs - a[1].docs || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    if (frequent === e.label) baselineHits++;
  }
  const r = (x: number) => Math.round((x / newer.length) * 1000) / 1000;
  return { trained: cut, heldOut, accuracy: r(first), top3Accuracy: r(inTop3), baseline: r(baselineHits) };
}
