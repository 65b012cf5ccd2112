import { it } from 'node:test';
import assert from 'node:assert/strict';
import { termsOf } from '../knowledge/index.ts';
import { evaluate, predict, train, type Example } from './insight.model.ts';
import { agencyKindOf, generateHistory, generatedCategories } from './insight.generated.ts';

const examplesOf = (n: number, seed: number): Example[] =>
  generateHistory(n, { seed }).map((p) => ({ terms: termsOf(`${p.title} ${p.body}`), label: p.category, unitPath: `/1/${p.commune + 2}/` }));

it('routing: on a generated history of 2,000 petitions the first suggestion is right far more often than chance or the most frequent category', () => {
  const e = evaluate(examplesOf(2000, 7));
  assert.equal(e.heldOut, 400);
  const chance = 1 / generatedCategories.length;
  assert.ok(e.accuracy! >= 0.75, `accuracy ${e.accuracy}`);
  assert.ok(e.accuracy! > 3 * chance, `accuracy ${e.accuracy} against chance ${chance}`);
  assert.ok(e.accuracy! > e.baseline! + 0.4, `accuracy ${e.accuracy} against the most frequent category ${e.baseline}`);
  assert.ok(e.top3Accuracy! >= e.accuracy! && e.top3Accuracy! >= 0.9, `top three ${e.top3Accuracy}`);
});

it('routing: an agency is suggested only on the petition\'s branch, with confidences that sum to at most one', () => {
  // Every commune has an agency of each kind; the label is the agency of the petition's commune.
  const history = generateHistory(2000, { seed: 3 });
  const examples: Example[] = history.map((p) => ({ terms: termsOf(`${p.title} ${p.body}`), label: `${p.commune}:${agencyKindOf[p.category]}`, unitPath: `/1/${p.commune + 2}/` }));
  const allowedFor = (e: Example) => (label: string) => `/1/${Number(label.split(':')[0]) + 2}/` === e.unitPath;
  const restricted = evaluate(examples, allowedFor);
  const unrestricted = evaluate(examples);
  assert.ok(restricted.accuracy! >= 0.7 && restricted.accuracy! > restricted.baseline! + 0.2, `accuracy ${restricted.accuracy}, baseline ${restricted.baseline}`);
  assert.ok(restricted.accuracy! > unrestricted.accuracy! + 0.3, 'the branch rules out the other communes\' agencies');

  const model = train(examples);
  const s = predict(model, termsOf('Đường bê tông ở xóm 4 bị sụt lún, xe không đi được'), 3, (l) => l.startsWith('2:'));
  assert.equal(s.length, 3);
  assert.ok(s.every((x) => x.label.startsWith('2:')));
  assert.equal(s[0].label, '2:committee');
  assert.ok(s[0].confidence > 0.5 && s[0].confidence > s[1].confidence);
  assert.ok(s.reduce((a, x) => a + x.confidence, 0) <= 1.000001);
});

it('routing: suggestions follow the words in each language, and too little history gives no figure', () => {
  const model = train(examplesOf(1500, 11));
  assert.equal(predict(model, termsOf('我家的医保卡丢失了，怎么补办？'))[0].label, 'health');
  assert.equal(predict(model, termsOf('xin hoi thu tuc dang ky khai sinh cho con'))[0].label, 'procedures');
  assert.equal(predict(model, termsOf('Someone stole my motorbike last night'))[0].label, 'security');
  assert.deepEqual(predict(train([]), termsOf('anything')), []);
  assert.equal(evaluate(examplesOf(30, 1)).accuracy, null);
});
