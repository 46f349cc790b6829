import { alignArticles, sortedShingles, type AlignInput } from './align.js';
import { REUSE_DEFAULTS, type ReuseParams } from './params.js';
import { swapPair, toPair, type PairSide } from './pair.js';
import { ShingleTable } from './shingle-table.js';
import type { ReuseInput, ReusePair } from './types.js';
import { shingleHashes, wordsOf, type ArticleWords } from './words.js';

export { REUSE_DEFAULTS, type ReuseParams } from './params.js';
export { swapPair, REUSE_RULE } from './pair.js';
export { directionOf } from './direction.js';
export type { AlignmentOp, ReuseDirection, ReuseInput, ReusePair, ReuseSide } from './types.js';
export type { ReuseState } from './state.js';

interface Entry {
  readonly id: string;
  readonly published: string | null;
  readonly text: string;
  readonly words: Uint32Array;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
}

/** Pairs are keyed by their two ordinals: low * 2^26 + high (up to 67M articles, exact in a double). */
const KEY_BASE = 2 ** 26;
const keyOf = (x: number, y: number): number => (x < y ? x * KEY_BASE + y : y * KEY_BASE + x);

/*
 * reuse: passages shared between articles (cross-article stage; pure, no IO).
 *
 *   words.ts         our tokenizer's word tokens -> normalised 32-bit word hashes + character offsets;
 *                    shingle hashes (word n-grams)
 *   shingle-table.ts the inverted index: shingle -> articles, document frequency, boilerplate flag
 *   align.ts         seeds -> chains -> banded alignment + X-drop extension -> merged, joined, filtered passages
 *   pair.ts          word passages -> ReusePair (spans, texts, word ops with spans, similarity, kind, direction)
 *   direction.ts     who published first, at the coarser of two publish-date precisions
 *   state.ts         the index as plain rows (articles, postings, boilerplate, compared pairs, pairs)
 *   params.ts        REUSE_DEFAULTS with the trade-off of each knob
 *
 * For storage, the rows of state.ts map to tables: reuse_articles(id, published, hashes, starts, ends),
 * reuse_postings(shingle, article, token), reuse_boilerplate(shingle, df), reuse_compared(a, b) and
 * reuse_pairs(a, b, ...). Measured by `npm run eval:reuse` and `npx tsx bench/reuse.ts`.
 */

/**
 * Text reuse across a growing corpus. `add` shingles an article, looks its shingles up in the inverted
 * index and queues the pairs sharing at least `minShared` of them; `pairs()` aligns only what is queued
 * (new candidate pairs, and pairs that lost seeds when a shingle they share became boilerplate) and
 * returns every passage pair found so far. The result depends only on the set of articles added, not on
 * their order, and a pair reads the same whichever article came first (`a` has the smaller id).
 * `exportState` / `fromState` move the whole index through plain rows (see state.ts).
 */
export class ReuseIndex {
  readonly params: ReuseParams;
  private readonly entries: Entry[] = [];
  private readonly byId = new Map<string, number>();
  private readonly table: ShingleTable;
  /** Per article, the articles it has been compared with (candidate pairs, both directions). */
  private readonly examined: number[][] = [];
  private readonly results = new Map<number, ReusePair[]>();
  private readonly dirty = new Set<number>();
  /** Scratch: shared-shingle counts per earlier article while one article is added. */
  private counts = new Int32Array(1024);

  constructor(params: Partial<ReuseParams> = {}, capacity = 1 << 16) {
    this.params = { ...REUSE_DEFAULTS, ...params };
    this.table = new ShingleTable(capacity);
  }

  get size(): number {
    return this.entries.length;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Adds an article; false (and nothing changes) when an article with that id is already in. */
  add(input: ReuseInput): boolean {
    return this.addWords(input, wordsOf(input.text));
  }

  addAll(inputs: Iterable<ReuseInput>): void {
    for (const x of inputs) this.add(x);
  }

  /** Adds an article whose words are already known (import, or a caller that kept them). */
  addWords(input: ReuseInput, w: ArticleWords): boolean {
    if (this.byId.has(input.id)) return false;
    const ord = this.entries.length;
    const shingles = shingleHashes(w.hashes, this.params.n);
    this.entries.push({ id: input.id, published: input.published, text: input.text, words: w.hashes, starts: w.starts, ends: w.ends });
    this.byId.set(input.id, ord);
    this.examined.push([]);
    if (this.counts.length < this.entries.length) {
      const grown = new Int32Array(this.counts.length * 2);
      grown.set(this.counts);
      this.counts = grown;
    }
    const counts = this.counts;
    const touched: number[] = [];
    const onPosting = (other: number): void => {
      const c = counts[other] as number;
      if (c === 0) touched.push(other);
      counts[other] = c + 1;
    };
    const onBoilerplate = (holders: number[]): void => this.requeueAmong(holders);
    const distinct = Uint32Array.from(shingles).sort();
    for (let k = 0; k < distinct.length; k++) {
      const h = distinct[k] as number;
      if (k > 0 && distinct[k - 1] === h) continue;
      this.table.add(h, ord, this.params.dfCap, onPosting, onBoilerplate);
    }
    touched.sort((x, y) => x - y);
    for (const other of touched) {
      const c = counts[other] as number;
      counts[other] = 0;
      if (c < this.params.minShared) continue;
      this.examined[ord]?.push(other);
      this.examined[other]?.push(ord);
      this.dirty.add(keyOf(ord, other));
    }
    return true;
  }

  /** A shingle held by `holders` became boilerplate: pairs among them that were compared must be re-aligned. */
  private requeueAmong(holders: number[]): void {
    const set = new Set(holders);
    for (const u of holders) for (const v of this.examined[u] ?? []) if (u < v && set.has(v)) this.dirty.add(keyOf(u, v));
  }

  /** Aligns every queued pair. Called by `pairs()`; call it directly to spread the work. */
  flush(): void {
    if (this.dirty.size === 0) return;
    const sorted = new Map<number, AlignInput>();
    const input = (ord: number): AlignInput => {
      let s = sorted.get(ord);
      if (!s) {
        const e = this.entries[ord] as Entry;
        const shingles = shingleHashes(e.words, this.params.n);
        s = { words: e.words, shingles, sorted: sortedShingles(shingles) };
        sorted.set(ord, s);
      }
      return s;
    };
    const side = (ord: number): PairSide => {
      const e = this.entries[ord] as Entry;
      return { id: e.id, text: e.text, published: e.published, offsets: e };
    };
    const isBoilerplate = (h: number): boolean => this.table.isBoilerplate(h);
    const keys = [...this.dirty].sort((x, y) => x - y);
    this.dirty.clear();
    for (const key of keys) {
      let x = Math.floor(key / KEY_BASE);
      let y = key % KEY_BASE;
      // Align with the smaller id first, so that the pair does not depend on which article came first.
      if ((this.entries[x] as Entry).id > (this.entries[y] as Entry).id) [x, y] = [y, x];
      const passages = alignArticles(input(x), input(y), isBoilerplate, this.params);
      if (passages.length === 0) {
        this.results.delete(key);
        continue;
      }
      const sx = side(x);
      const sy = side(y);
      this.results.set(
        key,
        passages.map((p) => toPair(p, sx, sy)),
      );
    }
  }

  /** Every passage pair, ordered by the ids of `a` and `b`, then by position. */
  pairs(): ReusePair[] {
    this.flush();
    const out: ReusePair[] = [];
    for (const list of this.results.values()) out.push(...list);
    return out.sort(comparePairs);
  }

  /** The pairs involving one article, each seen from it (`a` is that article). */
  pairsOf(id: string): ReusePair[] {
    this.flush();
    const ord = this.byId.get(id);
    if (ord === undefined) return [];
    const out: ReusePair[] = [];
    for (const other of this.examined[ord] ?? []) {
      for (const p of this.results.get(keyOf(ord, other)) ?? []) out.push(p.a.articleId === id ? p : swapPair(p));
    }
    return out.sort(comparePairs);
  }

  stats(): { articles: number; shingles: number; candidatePairs: number; alignedPairs: number; passages: number; tableBytes: number } {
    this.flush();
    let candidates = 0;
    for (const list of this.examined) candidates += list.length;
    let passages = 0;
    for (const list of this.results.values()) passages += list.length;
    return { articles: this.entries.length, shingles: this.table.size, candidatePairs: candidates / 2, alignedPairs: this.results.size, passages, tableBytes: this.table.bytes };
  }

  /** @internal state.ts reads and restores the index through these. */
  internals(): { entries: readonly Entry[]; table: ShingleTable; examined: number[][]; results: Map<number, ReusePair[]>; byId: Map<string, number> } {
    return { entries: this.entries, table: this.table, examined: this.examined, results: this.results, byId: this.byId };
  }
}

export function comparePairs(x: ReusePair, y: ReusePair): number {
  return (
    cmp(x.a.articleId, y.a.articleId) || cmp(x.b.articleId, y.b.articleId) || x.a.span.start - y.a.span.start || x.b.span.start - y.b.span.start
  );
}

function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The reuse pairs of a set of articles, in one call. */
export function findReuse(inputs: Iterable<ReuseInput>, params: Partial<ReuseParams> = {}): ReusePair[] {
  const index = new ReuseIndex(params);
  index.addAll(inputs);
  return index.pairs();
}

export { keyOf as pairKey, KEY_BASE };
