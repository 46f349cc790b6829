import { type DocumentFeatures, labelFeatures } from './features.js';
import type { FeatureTable } from './hash.js';
import { LABEL_COUNT, allowed, labelPart, labelType, makeLabel } from './labels.js';

/**
 * ALLOWED[(prev + 1) * LABEL_COUNT + label]: I and L only continue an open entity of their type. Leaving an
 * open entity (O, B or U after B/I) is allowed too: the previous label is then repaired (B -> U, I -> L),
 * so that the decoder is never forced to stretch a name it no longer believes in.
 */
const ALLOWED = new Uint8Array((LABEL_COUNT + 1) * LABEL_COUNT);
for (let p = -1; p < LABEL_COUNT; p++) {
  for (let l = 0; l < LABEL_COUNT; l++) {
    const part = labelPart(l);
    const ok = part === 1 || part === 2 ? allowed(p, l) : true;
    ALLOWED[(p + 1) * LABEL_COUNT + l] = ok ? 1 : 0;
  }
}

/** A linear model: feature key -> row of LABEL_COUNT weights. */
export interface LinearModel {
  readonly table: FeatureTable;
  weights: Float32Array;
}

/** Training hook: called per token with the predicted label; returns nothing. */
export type LearnHook = (t: number, rows: readonly number[], predicted: number) => void;

/** Rows of the static keys of a document (-1 for unknown keys). */
export function staticRows(f: DocumentFeatures, table: FeatureTable): Int32Array {
  const rows = new Int32Array(f.keys.length);
  for (let i = 0; i < f.keys.length; i++) rows[i] = table.get(f.keys[i] ?? 0);
  return rows;
}

export interface Tagged {
  readonly labels: Uint8Array;
  /** Softmax probability of the chosen label among the allowed ones. */
  readonly confidence: Float32Array;
}

/**
 * Greedy left-to-right decoding with BILOU constraints: each token takes the best-scoring label allowed
 * after the previous one; an entity still open at the sentence end is closed (B -> U, I -> L). The prediction
 * history (the type last given to the same capitalised word) carries across the document's sentences.
 */
export function decodeDocument(f: DocumentFeatures, rows: Int32Array, model: LinearModel, learn?: LearnHook): Tagged {
  const n = f.lower.length;
  const labels = new Uint8Array(n);
  const confidence = new Float32Array(n);
  const scores = new Float64Array(LABEL_COUNT);
  const dyn = new Int32Array(16);
  const active: number[] = [];
  const activeRows = new Int32Array(512);
  const history = new Map<number, number>();
  const W = model.weights;
  const L = LABEL_COUNT;
  const sentences = f.sentenceStarts.length - 1;
  for (let s = 0; s < sentences; s++) {
    const from = f.sentenceStarts[s] ?? 0;
    const to = f.sentenceStarts[s + 1] ?? 0;
    let prev = -1;
    let prev2 = -1;
    for (let t = from; t < to; t++) {
      scores.fill(0);
      let na = 0;
      const a = f.offsets[t] ?? 0;
      const b = f.offsets[t + 1] ?? 0;
      for (let k = a; k < b && na < 500; k++) {
        const r = rows[k] ?? -1;
        if (r >= 0) activeRows[na++] = r;
      }
      const hk = f.historyKey[t] ?? 0;
      const hist = hk !== 0 ? (history.get(hk) ?? -1) : -1;
      const m = labelFeatures(f, t, prev, prev2, hist, dyn);
      for (let k = 0; k < m; k++) {
        const r = model.table.get(dyn[k] ?? 0);
        if (r >= 0) activeRows[na++] = r;
      }
      for (let k = 0; k < na; k++) {
        const base = (activeRows[k] ?? 0) * L;
        for (let l = 0; l < L; l++) scores[l] = (scores[l] ?? 0) + (W[base + l] ?? 0);
      }
      const allow = (prev + 1) * L;
      let best = -1;
      let bestScore = -Infinity;
      for (let l = 0; l < L; l++) {
        if (ALLOWED[allow + l] === 0) continue;
        const v = scores[l] ?? 0;
        if (v > bestScore) {
          bestScore = v;
          best = l;
        }
      }
      let z = 0;
      for (let l = 0; l < L; l++) if (ALLOWED[allow + l] === 1) z += Math.exp(Math.max(-50, (scores[l] ?? 0) - bestScore));
      if (learn) {
        active.length = 0;
        for (let k = 0; k < na; k++) active.push(activeRows[k] ?? 0);
      }
      if (learn) learn(t, active, best);
      labels[t] = best;
      const pp = labelPart(prev);
      if ((pp === 0 || pp === 1) && !(labelType(best) === labelType(prev) && (labelPart(best) === 1 || labelPart(best) === 2))) {
        labels[t - 1] = makeLabel(labelType(prev), pp === 0 ? 3 : 2);
      }
      confidence[t] = 1 / z;
      if (hk !== 0) history.set(hk, best === 0 ? 4 : labelType(best));
      prev2 = prev;
      prev = best;
    }
    // Close an entity left open at the sentence end.
    if (to > from) {
      const last = labels[to - 1] ?? 0;
      const part = labelPart(last);
      if (part === 0) labels[to - 1] = makeLabel(labelType(last), 3);
      else if (part === 1) labels[to - 1] = makeLabel(labelType(last), 2);
    }
  }
  return { labels, confidence };
}
