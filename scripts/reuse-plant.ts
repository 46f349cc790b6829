import { rng } from '../bench/generate.js';
import { wordsOf } from '../src/analyze/corpus/reuse/words.js';
import type { ReuseInput, ReusePair } from '../src/analyze/corpus/reuse/index.js';
import type { RefPassage } from './reuse-score.js';

/**
 * A reuse benchmark made from real article text: passages of 20-200 words are taken from source articles,
 * edited at a given rate (each edit a word substitution, insertion or deletion, with words drawn from the
 * corpus itself) and pasted as a paragraph of their own into a different target article. Each source and
 * each target is used once, so that the only new reuse is the planted one. Seeded: the same seed picks the
 * same sources, targets, passages and places for every rate; only the edits differ.
 */
export interface PlantedCorpus {
  readonly inputs: ReuseInput[];
  readonly gold: RefPassage[];
  /** Per target article: where the passage went in and how many characters it added. */
  readonly insertions: Map<string, { at: number; length: number }>;
}

export interface PlantOptions {
  readonly passages: number;
  readonly minWords: number;
  readonly maxWords: number;
  readonly seed: number;
}

export const PLANT_DEFAULTS: PlantOptions = { passages: 300, minWords: 20, maxWords: 200, seed: 20240601 };

function shuffled<T>(xs: readonly T[], r: () => number): T[] {
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export function plantReuse(base: readonly ReuseInput[], rate: number, opts: PlantOptions = PLANT_DEFAULTS): PlantedCorpus {
  const pick = rng(opts.seed);
  const order = shuffled(
    base.map((_, i) => i),
    pick,
  );
  const count = Math.min(opts.passages, Math.floor(base.length / 2));
  const sources = order.slice(0, count);
  const targets = order.slice(count, 2 * count);
  const vocabulary: string[] = [];
  for (const a of base.slice(0, 200)) for (const m of a.text.matchAll(/[A-Za-z]{2,}/g)) vocabulary.push(m[0]);

  const inputs = base.map((a) => ({ ...a }));
  const gold: RefPassage[] = [];
  const insertions = new Map<string, { at: number; length: number }>();
  for (let k = 0; k < count; k++) {
    // Layout choices come from a per-passage stream that does not depend on the rate; edits from another.
    const layout = rng(opts.seed * 31 + k);
    const edits = rng(opts.seed * 17 + k * 7919 + Math.round(rate * 1000));
    const src = base[sources[k] as number] as ReuseInput;
    const tgtIndex = targets[k] as number;
    const tgt = base[tgtIndex] as ReuseInput;
    const w = wordsOf(src.text);
    const want = opts.minWords + Math.floor(layout() * (opts.maxWords - opts.minWords + 1));
    const len = Math.min(want, w.starts.length);
    if (len < opts.minWords) continue;
    const w0 = Math.floor(layout() * (w.starts.length - len + 1));
    const pieces: string[] = [];
    for (let i = 0; i < len; i++) {
      const s = w.starts[w0 + i] as number;
      const e = w.ends[w0 + i] as number;
      const next = i + 1 < len ? (w.starts[w0 + i + 1] as number) : e;
      pieces.push(src.text.slice(s, next));
    }
    const nEdits = Math.round(rate * len);
    const positions = shuffled(
      pieces.map((_, i) => i),
      edits,
    ).slice(0, nEdits);
    const wordAt = (): string => vocabulary[Math.floor(edits() * vocabulary.length)] ?? 'word';
    for (const i of positions) {
      const kind = Math.floor(edits() * 3);
      const piece = pieces[i] as string;
      const s = w.starts[w0 + i] as number;
      const e = w.ends[w0 + i] as number;
      const rest = piece.slice(e - s);
      if (kind === 0) pieces[i] = `${wordAt()}${rest}`;
      else if (kind === 1) pieces[i] = `${wordAt()} ${piece}`;
      else pieces[i] = '';
    }
    const passage = pieces.join('').replace(/\s+$/, '').replace(/^\s+/, '');
    if (passage.length === 0) continue;
    const breaks = [...tgt.text.matchAll(/\n\n/g)].map((m) => m.index);
    const at = breaks.length ? (breaks[Math.floor(layout() * breaks.length)] as number) : tgt.text.length;
    const inserted = `\n\n${passage}`;
    inputs[tgtIndex] = { ...tgt, text: tgt.text.slice(0, at) + inserted + tgt.text.slice(at) };
    insertions.set(tgt.id, { at, length: inserted.length });
    gold.push({
      a: { articleId: src.id, span: { start: w.starts[w0] as number, end: w.ends[w0 + len - 1] as number } },
      b: { articleId: tgt.id, span: { start: at + 2, end: at + 2 + passage.length } },
    });
  }
  return { inputs, gold, insertions };
}

/**
 * Reuse already present in the base texts, carried into the planted corpus: base pairs with spans shifted
 * past the inserted paragraphs (a passage that a paragraph went into now spans it), plus, for every planted passage whose source region is itself shared with
 * another article X, the pair (target, X); and the target's copy against any part of its source (sources
 * that repeat a sentence match the copy twice).
 */
export function genuineReuse(basePairs: readonly ReusePair[], planted: PlantedCorpus): RefPassage[] {
  const shift = (id: string, s: { start: number; end: number }): { start: number; end: number } | null => {
    const ins = planted.insertions.get(id);
    if (!ins || s.end <= ins.at) return s;
    if (s.start >= ins.at) return { start: s.start + ins.length, end: s.end + ins.length };
    // The paragraph went in inside the passage: the passage now spans it.
    return { start: s.start, end: s.end + ins.length };
  };
  const out: RefPassage[] = [];
  for (const p of basePairs) {
    const a = shift(p.a.articleId, p.a.span);
    const b = shift(p.b.articleId, p.b.span);
    if (a && b) out.push({ a: { articleId: p.a.articleId, span: a }, b: { articleId: p.b.articleId, span: b } });
  }
  for (const g of planted.gold) {
    // The planted copy also matches repetitions of its text elsewhere in the source article.
    out.push({ a: g.b, b: { articleId: g.a.articleId, span: { start: 0, end: Number.MAX_SAFE_INTEGER } } });
    for (const p of basePairs) {
      const side = p.a.articleId === g.a.articleId ? p.a : p.b.articleId === g.a.articleId ? p.b : null;
      const other = side === p.a ? p.b : p.a;
      if (!side || side.span.end <= g.a.span.start || side.span.start >= g.a.span.end) continue;
      const o = shift(other.articleId, other.span);
      if (o) out.push({ a: g.b, b: { articleId: other.articleId, span: o } });
    }
  }
  return out;
}
