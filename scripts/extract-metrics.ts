/*
 * The scoring of the article-extraction and publish-date benchmarks, as their SOURCE.md files describe
 * them (Zyte's evaluate.py and htmldate's evaluation.py), written from the description.
 */

/** `\w+` tokens as Python's Unicode regex finds them: letters, numbers and the underscore (not marks). */
export function wordTokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** Multiset of n-token shingles; a text shorter than n gives one shingle of all its tokens. */
export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = wordTokens(text);
  const out = new Map<string, number>();
  const count = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < count; i++) {
    const slice = tokens.slice(i, i + n);
    if (slice.length === 0) continue;
    const key = slice.join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface PageCounts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

/** TP/FP/FN of 4-token shingles for one page, divided by their sum so that each page weighs the same. */
export function pageCounts(truth: string, predicted: string): PageCounts {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(key) ?? 0;
    const b = p.get(key) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function precisionOf(c: PageCounts): number {
  if (c.fp === 0 && c.fn === 0) return 1;
  if (c.tp === 0 && c.fp === 0) return 0;
  return c.tp / (c.tp + c.fp);
}

function recallOf(c: PageCounts): number {
  if (c.fp === 0 && c.fn === 0) return 1;
  if (c.tp === 0 && c.fn === 0) return 0;
  return c.tp / (c.tp + c.fn);
}

export interface ExtractionScore {
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
  readonly accuracy: number;
  readonly pages: number;
}

const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Mean per-page precision and recall, F1 from the two means, exact token-sequence accuracy. */
export function scoreExtraction(pairs: readonly { readonly truth: string; readonly predicted: string }[]): ExtractionScore {
  const counts = pairs.map((p) => pageCounts(p.truth, p.predicted));
  const precision = mean(counts.filter((c) => c.tp + c.fp > 0).map(precisionOf));
  const recall = mean(counts.filter((c) => c.tp + c.fn > 0).map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const exact = pairs.filter((p) => wordTokens(p.truth).join(' ') === wordTokens(p.predicted).join(' ')).length;
  return { f1, precision, recall, accuracy: pairs.length ? exact / pairs.length : 0, pages: pairs.length };
}

export interface DateScore {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
  readonly precision: number;
  readonly recall: number;
  readonly accuracy: number;
  readonly fScore: number;
}

/**
 * htmldate's outcome per page: no answer -> FN (TN+FN when the gold is missing, which the data set writes as
 * NaN so it counts as FN); an answer equal to the gold day -> TP; any other answer -> FP.
 */
export function scoreDates(pairs: readonly { readonly gold: string | null; readonly predicted: string | null }[]): DateScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const tn = 0;
  for (const { gold, predicted } of pairs) {
    if (predicted === null) fn++;
    else if (predicted === gold) tp++;
    else fp++;
  }
  const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
  return {
    tp,
    fp,
    fn,
    tn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    accuracy: ratio(tp + tn, tp + tn + fp + fn),
    fScore: ratio(2 * tp, 2 * tp + fp + fn),
  };
}
