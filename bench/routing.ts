/**
 * The routing suggestion's accuracy on held-out history, and the time to train it: a generated
 * routed history (server/modules/insight/insight.generated.ts: eight categories in Vietnamese,
 * Chinese and English, 20 % touching a second topic, 5 % routed against their words) of
 * `--size` petitions spread over communes that each have an agency per kind; the newest fifth
 * is held out and a model trained on the rest suggests for it, as the background job measures
 * a deployment's own history.
 *
 *   npm run bench:routing                 quick: 5,000 petitions (what this machine runs)
 *   npm run bench:routing -- --size 50000
 */
import { performance } from 'node:perf_hooks';
import { termsOf } from '../server/modules/knowledge/knowledge.text.ts';
import { evaluate, train, type Example } from '../server/modules/insight/insight.model.ts';
import { agencyKindOf, generateHistory, generatedCategories } from '../server/modules/insight/insight.generated.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const size = arg('size', 5000);
const communes = arg('communes', 10);

const t0 = performance.now();
const history = generateHistory(size, { seed: 42, communes });
const terms = history.map((p) => termsOf(`${p.title} ${p.body}`));
const t1 = performance.now();
const byCategory: Example[] = history.map((p, i) => ({ terms: terms[i], label: p.category, unitPath: `/1/${p.commune + 2}/` }));
const byAgency: Example[] = history.map((p, i) => ({ terms: terms[i], label: `${p.commune}:${agencyKindOf[p.category]}`, unitPath: `/1/${p.commune + 2}/` }));
const onBranch = (e: Example) => (label: string) => `/1/${Number(label.split(':')[0]) + 2}/` === e.unitPath;
const category = evaluate(byCategory);
const agency = evaluate(byAgency, onBranch);
const t2 = performance.now();
train(byCategory);
const t3 = performance.now();

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
console.log(`routing suggestion, ${size.toLocaleString('en')} generated petitions, ${communes} communes, ${generatedCategories.length} categories`);
console.log(`| target | held out | first right | among three | most frequent only | chance |`);
console.log(`| --- | ---: | ---: | ---: | ---: | ---: |`);
console.log(`| category | ${category.heldOut} | ${pct(category.accuracy)} | ${pct(category.top3Accuracy)} | ${pct(category.baseline)} | ${pct(1 / generatedCategories.length)} |`);
console.log(`| agency (on the case's branch) | ${agency.heldOut} | ${pct(agency.accuracy)} | ${pct(agency.top3Accuracy)} | ${pct(agency.baseline)} | ${pct(1 / new Set(Object.values(agencyKindOf)).size)} |`);
console.log(`terms of ${size} petitions: ${(t1 - t0).toFixed(0)} ms; two evaluations: ${(t2 - t1).toFixed(0)} ms; one training on all: ${(t3 - t2).toFixed(0)} ms`);
