import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newAccessKey, newTrackingCode, normaliseTrackingCode, trackingAlphabet, trackingCodeLength } from './petitions.codes.ts';

test('tracking codes and access keys: the alphabet, no repeats over many draws, every character used in every place', () => {
  const codes = Array.from({ length: 20_000 }, newTrackingCode);
  assert.equal(new Set(codes).size, codes.length, '2^40 codes: 20,000 draws do not repeat');
  for (const code of codes) assert.equal(normaliseTrackingCode(code), code);
  for (let place = 0; place < trackingCodeLength; place++) {
    const seen = new Map<string, number>();
    for (const code of codes) seen.set(code[place], (seen.get(code[place]) ?? 0) + 1);
    assert.equal(seen.size, trackingAlphabet.length, `every character at place ${place + 1}`);
    // 625 expected for each; a character drawn twice as often as another would show a bias.
    for (const n of seen.values()) assert.ok(n > 450 && n < 800, `place ${place + 1}: ${n}`);
  }
  const keys = Array.from({ length: 2_000 }, newAccessKey);
  assert.equal(new Set(keys).size, keys.length);
  for (const key of keys) assert.match(key, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  assert.ok(!keys.some((k) => codes.includes(k.replace('-', ''))), 'a key is not a code drawn nearby');
});
