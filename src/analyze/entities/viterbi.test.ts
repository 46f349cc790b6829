import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFeatures } from './features.js';
import { FeatureTable } from './hash.js';
import { LABEL_COUNT, allowed, labelPart } from './labels.js';
import { lexiconsOf } from './model.js';
import { staticRows } from './tagger.js';
import { tokenRows, viterbiDocument } from './viterbi.js';

const L = LABEL_COUNT;
const WORDS = ['Rome', 'said', 'the', 'Bank', 'of', 'X', 'NEW', 'talks', '.', 'Ann'];

/** A model over every key the sentence can produce, with pseudo-random weights. */
function randomModel(sentences: string[][], seed: number): { f: ReturnType<typeof extractFeatures>; rows: Int32Array; model: { table: FeatureTable; weights: Float32Array } } {
  const f = extractFeatures(sentences, lexiconsOf({ clusters: null, gazetteer: null }));
  const table = new FeatureTable(1 << 12);
  for (const k of f.keys) table.add(k);
  const model = { table, weights: new Float32Array(0) };
  let x = seed || 1;
  const rnd = (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return ((x >>> 0) % 2001) / 100 - 10;
  };
  // Label-dependent keys for every previous label and history value.
  const dyn = new Int32Array(16);
  const keys: number[] = [];
  for (let t = 0; t < f.lower.length; t++) {
    for (let p = -1; p < L; p++) {
      for (const h of [-1, 0, 1, 2, 3, 4]) {
        tokenRows(f, new Int32Array(f.keys.length).fill(-1), model, t, p, h, keys, dyn);
        // tokenRows returns rows; the keys themselves are in dyn after the call.
        for (let k = 0; k < 7; k++) if (dyn[k]) table.add(dyn[k] ?? 0);
      }
    }
  }
  model.weights = Float32Array.from({ length: table.size * L }, rnd);
  return { f, rows: staticRows(f, table), model };
}

function pathScore(f: ReturnType<typeof extractFeatures>, rows: Int32Array, model: { table: FeatureTable; weights: Float32Array }, labels: number[], hist: Int8Array): number {
  const out: number[] = [];
  const dyn = new Int32Array(16);
  let s = 0;
  labels.forEach((l, t) => {
    tokenRows(f, rows, model, t, t === 0 ? -1 : (labels[t - 1] ?? 0), hist[t] ?? -1, out, dyn);
    for (const r of out) s += model.weights[r * L + l] ?? 0;
  });
  return s;
}

describe('viterbiDocument', () => {
  it('finds the best well-formed BILOU path of a short sentence (brute force over all paths)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 1e6 }), (words, seed) => {
        const { f, rows, model } = randomModel([words], seed);
        const got = viterbiDocument(f, rows, model);
        const n = words.length;
        let best = -Infinity;
        const path: number[] = [];
        const walk = (t: number): void => {
          if (t === n) {
            const last = path[n - 1] ?? 0;
            if (last !== 0 && labelPart(last) <= 1) return;
            best = Math.max(best, pathScore(f, rows, model, path, got.history));
            return;
          }
          for (let l = 0; l < L; l++) {
            if (!allowed(t === 0 ? -1 : (path[t - 1] ?? 0), l)) continue;
            path[t] = l;
            walk(t + 1);
          }
        };
        walk(0);
        expect(pathScore(f, rows, model, Array.from(got.labels), got.history)).toBeCloseTo(best, 3);
      }),
      { numRuns: 25 },
    );
  });

  it('always returns well-formed BILOU sequences, closed at each sentence end', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 1e6 }), (sentences, seed) => {
        const { f, rows, model } = randomModel(sentences, seed);
        const { labels } = viterbiDocument(f, rows, model);
        let t = 0;
        for (const s of sentences) {
          for (let i = 0; i < s.length; i++, t++) expect(allowed(i === 0 ? -1 : (labels[t - 1] ?? 0), labels[t] ?? 0)).toBe(true);
          const last = labels[t - 1] ?? 0;
          expect(last === 0 || labelPart(last) >= 2).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });
});
