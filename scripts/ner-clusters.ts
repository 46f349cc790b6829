/**
 * Word clusters for the NER model, learnt from unlabeled news text of TUNING splits only: CoNLL eng.train
 * (words only), polnear data/train, BASIL articles 2010-2016, ECB+ topics 1-35. Each word (lowercase,
 * digits folded to 0) gets a vector of positive PMI with its neighbours at -2..+2 among the 2,000 most
 * frequent words, randomly projected to 128 dimensions; spherical k-means then splits the vocabulary in
 * three levels (16, x16, x8), so each word has a coarse, a medium and a fine cluster id (like Brown-cluster
 * prefixes). Writes CLUSTERS_FILE (in the OS temp dir): word TAB id1,id2,id3.
 *   npx tsx scripts/ner-clusters.ts
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { BENCH_DIR } from '../test/support/shared.js';
import { tokenize } from '../src/analyze/tokens/index.js';
import { readConll } from './conll.js';

/** Where the clusters are cached between training runs (derived data: not committed; the model embeds them). */
export const CLUSTERS_FILE = join(tmpdir(), 'triangulate-ner-clusters.tsv');
const OUT = CLUSTERS_FILE;
const t0 = Date.now();
const log = (m: string): void => console.error(`[clusters ${((Date.now() - t0) / 1000).toFixed(0)}s] ${m}`);
const norm = (w: string): string => w.toLowerCase().replace(/[0-9]/g, '0');

function* sentencesOfText(text: string): Generator<string[]> {
  const tok = tokenize(text);
  for (const s of tok.sentences) yield tok.tokens.slice(s.firstToken, s.endToken).map((t) => norm(t.text));
}

function* corpus(): Generator<string[]> {
  for (const d of readConll(join(BENCH_DIR, 'conll2003', 'eng.train'))) for (const s of d.sentences) yield s.words.map(norm);
  const polnear = join(BENCH_DIR, 'polnear', 'data', 'train', 'text');
  if (existsSync(polnear)) for (const f of readdirSync(polnear)) yield* sentencesOfText(readFileSync(join(polnear, f), 'utf8'));
  for (let year = 2010; year <= 2016; year++) {
    const dir = join(BENCH_DIR, 'basil', 'articles', String(year));
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) {
      const a = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { title?: string; 'body-paragraphs'?: string[][] };
      yield* sentencesOfText([a.title ?? '', ...(a['body-paragraphs'] ?? []).map((p) => p.join(' '))].join('\n'));
    }
  }
  for (let topic = 1; topic <= 35; topic++) {
    const dir = join(BENCH_DIR, 'ecbplus', 'ECB+', String(topic));
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) {
      const xml = readFileSync(join(dir, f), 'utf8');
      const bySentence = new Map<string, string[]>();
      for (const m of xml.matchAll(/<token[^>]*sentence="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
        const s = bySentence.get(m[1] ?? '') ?? [];
        s.push(norm((m[2] ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'")));
        bySentence.set(m[1] ?? '', s);
      }
      yield* bySentence.values();
    }
  }
}

function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

export function buildClusters(): Map<string, number[]> {
  const sentences = [...corpus()];
  const freq = new Map<string, number>();
  let tokens = 0;
  for (const s of sentences) for (const w of s) {
    freq.set(w, (freq.get(w) ?? 0) + 1);
    tokens++;
  }
  const vocab = [...freq.entries()].filter(([w, c]) => c >= 3 && /\p{L}/u.test(w)).sort((a, b) => b[1] - a[1]).map(([w]) => w);
  const index = new Map(vocab.map((w, i) => [w, i]));
  const C = 2000;
  void 0;
  const OFFS = [-2, -1, 1, 2];
  log(`${sentences.length} sentences, ${tokens} tokens, vocabulary ${vocab.length}`);
  // Co-occurrence counts word x (offset, context word).
  const pairs = new Map<number, number>();
  const ctxCount = new Float64Array(C * OFFS.length);
  const wCount = new Float64Array(vocab.length);
  let total = 0;
  for (const s of sentences) {
    const ids = s.map((w) => index.get(w) ?? -1);
    for (let i = 0; i < ids.length; i++) {
      const w = ids[i] ?? -1;
      if (w < 0) continue;
      for (let o = 0; o < OFFS.length; o++) {
        const c = ids[i + (OFFS[o] ?? 0)] ?? -1;
        if (c < 0 || c >= C) continue;
        const k = w * C * OFFS.length + o * C + c;
        pairs.set(k, (pairs.get(k) ?? 0) + 1);
        ctxCount[o * C + c] = (ctxCount[o * C + c] ?? 0) + 1;
        wCount[w] = (wCount[w] ?? 0) + 1;
        total++;
      }
    }
  }
  log(`${pairs.size} co-occurrence pairs`);
  const rand = rng(12345);
  // Sparse PPMI rows, L2-normalised.
  const DIM = C * OFFS.length;
  const rowsIdx: number[][] = vocab.map(() => []);
  const rowsVal: number[][] = vocab.map(() => []);
  for (const [k, n] of pairs) {
    const w = Math.floor(k / DIM);
    const c = k % DIM;
    const pmi = Math.log((n * total) / ((wCount[w] ?? 1) * (ctxCount[c] ?? 1)));
    if (pmi <= 0) continue;
    rowsIdx[w]?.push(c);
    rowsVal[w]?.push(pmi);
  }
  const X: SparseRows = { idx: rowsIdx.map((r) => Int32Array.from(r)), val: rowsVal.map((r) => {
    const v = Float32Array.from(r);
    let s2 = 0;
    for (const x of v) s2 += x * x;
    const inv = s2 > 0 ? 1 / Math.sqrt(s2) : 0;
    for (let i = 0; i < v.length; i++) v[i] = (v[i] ?? 0) * inv;
    return v;
  }), dim: DIM };
  // Three levels of spherical k-means: 16 clusters, each split in 16, each of those in 8.
  const ids = vocab.map(() => [0, 0, 0]);
  const all = vocab.map((_, i) => i);
  const level1 = kmeans(X, all, 16, rand);
  let next2 = 0;
  let next3 = 0;
  for (let a = 0; a < 16; a++) {
    const members1 = all.filter((i) => level1[i] === a);
    for (const i of members1) (ids[i] as number[])[0] = a;
    const level2 = kmeans(X, members1, 16, rand);
    for (let b = 0; b < 16; b++) {
      const members2 = members1.filter((i) => level2[i] === b);
      if (members2.length === 0) continue;
      const id2 = next2++;
      const level3 = kmeans(X, members2, 8, rand);
      const base3 = next3;
      next3 += 8;
      for (const i of members2) {
        (ids[i] as number[])[1] = id2;
        (ids[i] as number[])[2] = base3 + (level3[i] ?? 0);
      }
    }
    log(`level-1 cluster ${a + 1}/16 split (${members1.length} words)`);
  }
  return new Map(vocab.map((w, i) => [w, ids[i] as number[]]));
}

interface SparseRows {
  readonly idx: Int32Array[];
  readonly val: Float32Array[];
  readonly dim: number;
}

/** Spherical k-means over the sparse rows `members` (dense centroids); returns the assignment per row. */
function kmeans(X: SparseRows, members: number[], k: number, rand: () => number): Int32Array {
  const assign = new Int32Array(X.idx.length);
  if (members.length <= k) {
    members.forEach((m, i) => (assign[m] = i));
    return assign;
  }
  const D = X.dim;
  const cent = new Float32Array(k * D);
  const seed = (j: number, m: number): void => {
    const idx = X.idx[m] ?? new Int32Array(0);
    const val = X.val[m] ?? new Float32Array(0);
    for (let i = 0; i < idx.length; i++) cent[j * D + (idx[i] ?? 0)] = val[i] ?? 0;
  };
  for (let j = 0; j < k; j++) seed(j, members[Math.floor(rand() * members.length)] ?? 0);
  for (let iter = 0; iter < 10; iter++) {
    for (const m of members) {
      const idx = X.idx[m] ?? new Int32Array(0);
      const val = X.val[m] ?? new Float32Array(0);
      let best = 0;
      let bestSim = -Infinity;
      for (let j = 0; j < k; j++) {
        const base = j * D;
        let s = 0;
        for (let i = 0; i < idx.length; i++) s += (val[i] ?? 0) * (cent[base + (idx[i] ?? 0)] ?? 0);
        if (s > bestSim) {
          bestSim = s;
          best = j;
        }
      }
      assign[m] = best;
    }
    cent.fill(0);
    const sizes = new Int32Array(k);
    for (const m of members) {
      const j = assign[m] ?? 0;
      sizes[j] = (sizes[j] ?? 0) + 1;
      const idx = X.idx[m] ?? new Int32Array(0);
      const val = X.val[m] ?? new Float32Array(0);
      for (let i = 0; i < idx.length; i++) cent[j * D + (idx[i] ?? 0)] = (cent[j * D + (idx[i] ?? 0)] ?? 0) + (val[i] ?? 0);
    }
    for (let j = 0; j < k; j++) {
      if ((sizes[j] ?? 0) === 0) seed(j, members[Math.floor(rand() * members.length)] ?? 0);
      let s2 = 0;
      for (let d = 0; d < D; d++) s2 += (cent[j * D + d] ?? 0) ** 2;
      const inv = s2 > 0 ? 1 / Math.sqrt(s2) : 0;
      for (let d = 0; d < D; d++) cent[j * D + d] = (cent[j * D + d] ?? 0) * inv;
    }
  }
  return assign;
}

export function writeClusters(): void {
  const clusters = buildClusters();
  writeFileSync(OUT, [...clusters.entries()].map(([w, ids]) => `${w}\t${ids.join(',')}`).join('\n'));
  log(`wrote ${OUT}: ${clusters.size} words`);
}

if (process.argv[1]?.endsWith('ner-clusters.ts')) writeClusters();
