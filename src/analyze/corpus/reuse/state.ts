import { ReuseIndex, pairKey } from './index.js';
import type { ReuseParams } from './params.js';
import type { ReusePair } from './types.js';
import { shingleHashes, wordsOf } from './words.js';

/**
 * The reuse index as plain JSON-able rows, one array per future table:
 *  - articles: id, publish value, text, and per word its hash and character offsets;
 *  - postings: shingle hash -> (article, first word index) for every shingle that is not boilerplate;
 *  - boilerplate: shingle hash and document frequency of shingles over the cap (their postings are gone);
 *  - compared: the article pairs already compared (so that a shingle turning boilerplate re-aligns them);
 *  - pairs: the passage pairs found.
 * `importReuseState(exportReuseState(x))` behaves exactly like `x`: adding more articles to either gives the
 * same pairs.
 */
export interface ReuseState {
  readonly format: 'triangulate-reuse/1';
  readonly params: ReuseParams;
  readonly articles: readonly ReuseArticleRow[];
  readonly postings: readonly { readonly shingle: number; readonly articleId: string; readonly token: number }[];
  readonly boilerplate: readonly { readonly shingle: number; readonly df: number }[];
  readonly compared: readonly (readonly [string, string])[];
  readonly pairs: readonly ReusePair[];
}

export interface ReuseArticleRow {
  readonly id: string;
  readonly published: string | null;
  readonly text: string;
  readonly hashes: readonly number[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

export function exportReuseState(index: ReuseIndex): ReuseState {
  index.flush();
  const { entries, table, examined, results } = index.internals();
  const articles: ReuseArticleRow[] = entries.map((e) => ({ id: e.id, published: e.published, text: e.text, hashes: [...e.words], starts: [...e.starts], ends: [...e.ends] }));
  const firstToken = entries.map((e) => {
    const first = new Map<number, number>();
    shingleHashes(e.words, index.params.n).forEach((h, i) => {
      if (!first.has(h)) first.set(h, i);
    });
    return first;
  });
  const postings: { shingle: number; articleId: string; token: number }[] = [];
  const boilerplate: { shingle: number; df: number }[] = [];
  for (const s of table.entries()) {
    if (s.boilerplate) boilerplate.push({ shingle: s.shingle, df: s.df });
    else for (const ord of s.holders) postings.push({ shingle: s.shingle, articleId: entries[ord]?.id ?? '', token: firstToken[ord]?.get(s.shingle) ?? 0 });
  }
  const compared: [string, string][] = [];
  examined.forEach((others, x) => {
    for (const y of others) if (x < y) compared.push([entries[x]?.id ?? '', entries[y]?.id ?? '']);
  });
  const pairs: ReusePair[] = [];
  for (const list of results.values()) pairs.push(...list);
  return { format: 'triangulate-reuse/1', params: index.params, articles, postings, boilerplate, compared, pairs };
}

export function importReuseState(state: ReuseState): ReuseIndex {
  const index = new ReuseIndex(state.params, Math.max(1 << 16, (state.postings.length + state.boilerplate.length) * 2));
  const { entries, table, examined, byId } = index.internals();
  for (const a of state.articles) {
    const words = Uint32Array.from(a.hashes);
    byId.set(a.id, entries.length);
    (entries as { id: string; published: string | null; text: string; words: Uint32Array; starts: Uint32Array; ends: Uint32Array }[]).push({
      id: a.id,
      published: a.published,
      text: a.text,
      words,
      starts: Uint32Array.from(a.starts),
      ends: Uint32Array.from(a.ends),
    });
    examined.push([]);
  }
  const ord = (id: string): number => {
    const o = byId.get(id);
    if (o === undefined) throw new Error(`reuse state: unknown article ${id}`);
    return o;
  };
  for (const b of state.boilerplate) table.restoreBoilerplate(b.shingle, b.df);
  for (const p of state.postings) table.restorePosting(p.shingle, ord(p.articleId));
  restoreComparisons(index, state);
  return index;
}

/**
 * The reuse index without what its articles' texts give back: article ids in order, the pairs already compared
 * and the passages found. Small enough to keep for 100,000 articles (the full state holds every word hash and
 * posting). `importCompactReuseState` rebuilds the shingle table from the texts, in the same order, without
 * aligning anything again; adding more articles then gives the same pairs as the original index would.
 */
export interface CompactReuseState {
  readonly format: 'triangulate-reuse-compact/1';
  readonly params: ReuseParams;
  readonly articles: readonly { readonly id: string; readonly published: string | null }[];
  readonly compared: readonly (readonly [string, string])[];
  readonly pairs: readonly ReusePair[];
}

export function exportCompactReuseState(index: ReuseIndex): CompactReuseState {
  const full = exportReuseState(index);
  return {
    format: 'triangulate-reuse-compact/1',
    params: full.params,
    articles: full.articles.map((a) => ({ id: a.id, published: a.published })),
    compared: full.compared,
    pairs: full.pairs,
  };
}

/** `textOf` gives each stored article's text; an article it does not know makes the import fail (rebuild then). */
export function importCompactReuseState(state: CompactReuseState, textOf: (id: string) => string | undefined): ReuseIndex {
  if (state.format !== 'triangulate-reuse-compact/1') throw new Error(`reuse state: unknown format ${String(state.format)}`);
  const index = new ReuseIndex(state.params, Math.max(1 << 16, state.articles.length * 256));
  const { entries, table, examined, byId } = index.internals();
  const noop = (): void => {};
  for (const a of state.articles) {
    const text = textOf(a.id);
    if (text === undefined) throw new Error(`reuse state: no text for article ${a.id}`);
    const w = wordsOf(text);
    const ord = entries.length;
    byId.set(a.id, ord);
    (entries as { id: string; published: string | null; text: string; words: Uint32Array; starts: Uint32Array; ends: Uint32Array }[]).push({
      id: a.id,
      published: a.published,
      text,
      words: w.hashes,
      starts: w.starts,
      ends: w.ends,
    });
    examined.push([]);
    // The table as the original sequence of adds left it; comparisons are restored below, not redone.
    const distinct = Uint32Array.from(shingleHashes(w.hashes, state.params.n)).sort();
    for (let k = 0; k < distinct.length; k++) {
      if (k > 0 && distinct[k - 1] === distinct[k]) continue;
      table.add(distinct[k]!, ord, state.params.dfCap, noop, noop);
    }
  }
  restoreComparisons(index, state);
  return index;
}

/** The pairs already compared and the passages found, back into an index whose articles are in. */
function restoreComparisons(index: ReuseIndex, state: Pick<ReuseState, 'compared' | 'pairs'>): void {
  const { examined, results, byId } = index.internals();
  const ord = (id: string): number => {
    const o = byId.get(id);
    if (o === undefined) throw new Error(`reuse state: unknown article ${id}`);
    return o;
  };
  for (const [x, y] of state.compared) {
    examined[ord(x)]?.push(ord(y));
    examined[ord(y)]?.push(ord(x));
  }
  for (const p of state.pairs) {
    const key = pairKey(ord(p.a.articleId), ord(p.b.articleId));
    const list = results.get(key);
    if (list) list.push(p);
    else results.set(key, [p]);
  }
}
