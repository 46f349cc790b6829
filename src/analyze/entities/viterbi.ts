import { type DocumentFeatures, labelFeatures, prevLabelLexicalKeys } from './features.js';
import { LABEL_COUNT, allowed, labelPart, labelType } from './labels.js';
import type { LinearModel, Tagged } from './tagger.js';

const L = LABEL_COUNT;
/** STRICT[(prev + 1) * L + label]: well-formed BILOU transitions only (no repair: Viterbi sees the whole sentence). */
const STRICT = new Uint8Array((L + 1) * L);
for (let p = -1; p < L; p++) for (let l = 0; l < L; l++) STRICT[(p + 1) * L + l] = allowed(p, l) ? 1 : 0;
/** NEXT[p + 1]: the labels allowed after p. */
const NEXT: Uint8Array[] = [];
for (let p = -1; p < L; p++) NEXT.push(Uint8Array.from([...Array(L).keys()].filter((l) => STRICT[(p + 1) * L + l] === 1)));
/** Labels a sentence may end with: O, L, U. */
const CAN_END = Uint8Array.from({ length: L }, (_, l) => (l === 0 || labelPart(l) === 2 || labelPart(l) === 3 ? 1 : 0));

/**
 * Rows of token t's features given the previous label (static rows, then the label-dependent ones; the
 * second previous label is not part of the state and always -1). Appends to `out` and returns its length.
 */
export function tokenRows(f: DocumentFeatures, rows: Int32Array, model: LinearModel, t: number, prev: number, hist: number, out: number[], dyn: Int32Array): number {
  out.length = 0;
  const a = f.offsets[t] ?? 0;
  const b = f.offsets[t + 1] ?? 0;
  for (let k = a; k < b && out.length < 500; k++) {
    const r = rows[k] ?? -1;
    if (r >= 0) out.push(r);
  }
  const m = labelFeatures(f, t, prev, -1, hist, dyn);
  for (let k = 0; k < m; k++) {
    const r = model.table.get(dyn[k] ?? 0);
    if (r >= 0) out.push(r);
  }
  return out.length;
}

/**
 * Per-model cache of the previous-label x word / shape / next-word weights: for a word hash, a block of
 * (L + 1) x L scores (one row per previous label). Frequent words and the few shapes then cost one map
 * look-up per token instead of 3 x 17 table probes. Only for fixed weights (tagging, not training).
 */
const ZERO_BLOCK = new Float32Array((L + 1) * L);

export class LexCache {
  private readonly maps = [new Map<number, Float32Array>(), new Map<number, Float32Array>(), new Map<number, Float32Array>()];
  private readonly dyn = new Int32Array(16);
  constructor(private readonly model: LinearModel, private readonly limit = 50_000) {}

  /** Block of template k (0 word, 1 shape, 2 next word) for token t. */
  block(f: DocumentFeatures, t: number, k: 0 | 1 | 2): Float32Array {
    const hash = (k === 0 ? f.lower[t] : k === 1 ? f.shortShape[t] : f.nextLower[t]) ?? 0;
    const map = this.maps[k] as Map<number, Float32Array>;
    let b = map.get(hash);
    if (b) return b;
    let found: Float32Array | null = null;
    const W = this.model.weights;
    for (let p = -1; p < L; p++) {
      prevLabelLexicalKeys(f, t, p, this.dyn);
      const r = this.model.table.get(this.dyn[2 + k] ?? 0);
      if (r < 0) continue;
      found ??= new Float32Array((L + 1) * L);
      for (let l = 0; l < L; l++) found[(p + 1) * L + l] = W[r * L + l] ?? 0;
    }
    // Words without any such feature (most rare words) share one block of zeros.
    b = found ?? ZERO_BLOCK;
    if (map.size >= this.limit) map.clear();
    map.set(hash, b);
    return b;
  }
}

export interface ViterbiTagged extends Tagged {
  /** The prediction-history value each token was decoded with (-1 none). */
  readonly history: Int8Array;
}

/**
 * First-order Viterbi decoding over BILOU with hard transition constraints, sentence by sentence; the
 * prediction history (type last given to the same capitalised word) is taken from earlier sentences.
 */
export function viterbiDocument(f: DocumentFeatures, rows: Int32Array, model: LinearModel, cache?: LexCache): ViterbiTagged {
  const n = f.lower.length;
  const labels = new Uint8Array(n);
  const confidence = new Float32Array(n);
  const historyAt = new Int8Array(n).fill(-1);
  const W = model.weights;
  const history = new Map<number, number>();
  const dyn = new Int32Array(16);
  const stat = new Float64Array(L);
  // Label-only features (previous label; second previous label, always -1 here): a transition matrix.
  const trans = new Float64Array((L + 1) * L);
  for (let p = -1; p < L; p++) {
    labelFeatures(f, 0, p, -1, -1, dyn);
    for (let k = 0; k < 2; k++) {
      const r = model.table.get(dyn[k] ?? 0);
      if (r < 0) continue;
      for (let l = 0; l < L; l++) trans[(p + 1) * L + l] = (trans[(p + 1) * L + l] ?? 0) + (W[r * L + l] ?? 0);
    }
  }
  const addRow = (to: Float64Array, r: number): void => {
    if (r < 0) return;
    const base = r * L;
    for (let l = 0; l < L; l++) to[l] = (to[l] ?? 0) + (W[base + l] ?? 0);
  };
  const sentences = f.sentenceStarts.length - 1;
  let delta = new Float64Array(64 * L);
  let back = new Int8Array(64 * L);
  for (let s = 0; s < sentences; s++) {
    const from = f.sentenceStarts[s] ?? 0;
    const to = f.sentenceStarts[s + 1] ?? 0;
    const len = to - from;
    if (len === 0) continue;
    if (delta.length < len * L) {
      delta = new Float64Array(len * L * 2);
      back = new Int8Array(len * L * 2);
    }
    delta.fill(-Infinity, 0, len * L);
    for (let i = 0; i < len; i++) {
      const t = from + i;
      const hk = f.historyKey[t] ?? 0;
      const hist = hk !== 0 ? (history.get(hk) ?? -1) : -1;
      historyAt[t] = hist;
      stat.fill(0);
      const a = f.offsets[t] ?? 0;
      const b = f.offsets[t + 1] ?? 0;
      for (let k = a; k < b; k++) addRow(stat, rows[k] ?? -1);
      // Keys 2-4 (previous label x word / shape / next word) depend on the previous label; 5-6 (history) do not.
      if (hist >= 0 || !cache) {
        const m0 = labelFeatures(f, t, -1, -1, hist, dyn);
        for (let k = 5; k < m0; k++) addRow(stat, model.table.get(dyn[k] ?? 0));
      }
      const pFrom = i === 0 ? -1 : 0;
      const pTo = i === 0 ? 0 : L;
      if (cache) {
        const bw = cache.block(f, t, 0);
        const bs = cache.block(f, t, 1);
        const bn = cache.block(f, t, 2);
        for (let p = pFrom; p < pTo; p++) {
          const dp = i === 0 ? 0 : (delta[(i - 1) * L + p] ?? -Infinity);
          if (dp === -Infinity) continue;
          const allow = (p + 1) * L;
          const next = NEXT[p + 1] ?? new Uint8Array(0);
          for (let j = 0; j < next.length; j++) {
            const l = next[j] ?? 0;
            const x = allow + l;
            const v = dp + (stat[l] ?? 0) + (trans[x] ?? 0) + (bw[x] ?? 0) + (bs[x] ?? 0) + (bn[x] ?? 0);
            if (v > (delta[i * L + l] ?? -Infinity)) {
              delta[i * L + l] = v;
              back[i * L + l] = p;
            }
          }
        }
        continue;
      }
      for (let p = pFrom; p < pTo; p++) {
        const dp = i === 0 ? 0 : (delta[(i - 1) * L + p] ?? -Infinity);
        if (dp === -Infinity) continue;
        if (p !== -1) prevLabelLexicalKeys(f, t, p, dyn);
        const r2 = model.table.get(dyn[2] ?? 0) * L;
        const r3 = model.table.get(dyn[3] ?? 0) * L;
        const r4 = model.table.get(dyn[4] ?? 0) * L;
        const allow = (p + 1) * L;
        const next = NEXT[p + 1] ?? new Uint8Array(0);
        for (let j = 0; j < next.length; j++) {
          const l = next[j] ?? 0;
          let v = dp + (stat[l] ?? 0) + (trans[allow + l] ?? 0);
          if (r2 >= 0) v += W[r2 + l] ?? 0;
          if (r3 >= 0) v += W[r3 + l] ?? 0;
          if (r4 >= 0) v += W[r4 + l] ?? 0;
          if (v > (delta[i * L + l] ?? -Infinity)) {
            delta[i * L + l] = v;
            back[i * L + l] = p;
          }
        }
      }
    }
    let best = 0;
    let bestV = -Infinity;
    for (let l = 0; l < L; l++) {
      const v = delta[(len - 1) * L + l] ?? -Infinity;
      if (CAN_END[l] === 1 && v > bestV) {
        bestV = v;
        best = l;
      }
    }
    for (let i = len - 1; i >= 0; i--) {
      labels[from + i] = best;
      best = back[i * L + best] ?? 0;
    }
    // Confidence: the margin of the chosen label at each token (softmax over path-extended scores).
    for (let i = 0; i < len; i++) {
      let z = 0;
      const chosen = labels[from + i] ?? 0;
      const top = delta[i * L + chosen] ?? 0;
      for (let l = 0; l < L; l++) {
        const v = delta[i * L + l] ?? -Infinity;
        if (v > top - 30) z += Math.exp(v - top);
      }
      confidence[from + i] = 1 / z;
    }
    for (let i = 0; i < len; i++) {
      const t = from + i;
      const hk = f.historyKey[t] ?? 0;
      const lab = labels[t] ?? 0;
      if (hk !== 0) history.set(hk, lab === 0 ? 4 : labelType(lab));
    }
  }
  return { labels, confidence, history: historyAt };
}
