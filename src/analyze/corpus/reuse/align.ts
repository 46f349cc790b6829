import type { ReuseParams } from './params.js';

/*
 * Word-level alignment of two articles, seeded by shared shingles (passim's recipe, simplified):
 *  1. seeds: positions (i, j) where article a's shingle i equals b's shingle j, boilerplate and shingles
 *     repeated more than `maxRepeats` times left out; fewer than `minShared` distinct shared shingles -> nothing;
 *  2. chains: seeds in order of i, each joined to the open chain it follows within `maxGap` unmatched words
 *     on both sides (the chain with the nearest diagonal), so a passage survives substitutions and indels;
 *  3. each chain's region is aligned by a banded global edit-distance alignment (Needleman-Wunsch within the
 *     chain's diagonals plus a slack), then extended past its ends word by word with an X-drop;
 *  4. passages overlapping on both sides are merged and re-aligned; runs of more than `maxGap` unmatched
 *     words split a passage; passages shorter than `minWords` or less similar than `minSimilarity` go.
 * Everything is a function of the two word sequences and of which shingles held by both are boilerplate:
 * no randomness, no order (see index.ts: only those shingles re-queue a pair).
 */

export const SAME = 0;
export const SUBSTITUTE = 1;
export const INSERT = 2; // a word of b with no counterpart in a
export const DELETE = 3; // a word of a with no counterpart in b

/** A passage as word ranges [a0, a1) x [b0, b1) and the op codes walking both from (a0, b0). */
export interface WordPassage {
  readonly a0: number;
  readonly a1: number;
  readonly b0: number;
  readonly b1: number;
  readonly ops: Uint8Array;
  readonly same: number;
}

export interface AlignInput {
  readonly words: Uint32Array;
  readonly shingles: Uint32Array;
  /** `sortedShingles(shingles)`, when the caller keeps it. */
  readonly sorted?: Float64Array;
}

const SLACK = 2;
/**
 * Widest spread of diagonals in one chain: bounds the alignment's memory (words x band) on repetitive text.
 * A passage whose insertions minus deletions drift by more than this many words is reported in pieces.
 */
const MAX_BAND = 256;

const POS = 2 ** 21; // positions packed beside a 32-bit hash in a double: hash * POS + position, exact below 2^53

/** An article's shingles sorted by hash (then position), packed as `hash * 2^21 + position`. */
export function sortedShingles(shingles: Uint32Array): Float64Array {
  const out = new Float64Array(shingles.length);
  for (let i = 0; i < shingles.length; i++) out[i] = (shingles[i] as number) * POS + i;
  return out.sort();
}

/** Seeds (i, j), sorted by i then j, by merging the two hash-sorted shingle lists; null below `minShared`. */
function seedsOf(a: AlignInput, b: AlignInput, isBoilerplate: (h: number) => boolean, p: ReuseParams): Float64Array | null {
  const sa = a.sorted ?? sortedShingles(a.shingles);
  const sb = b.sorted ?? sortedShingles(b.shingles);
  const seeds: number[] = [];
  let usable = 0;
  let x = 0;
  let y = 0;
  while (x < sa.length && y < sb.length) {
    const ha = Math.floor((sa[x] as number) / POS);
    const hb = Math.floor((sb[y] as number) / POS);
    if (ha < hb) x++;
    else if (hb < ha) y++;
    else {
      let xe = x + 1;
      while (xe < sa.length && Math.floor((sa[xe] as number) / POS) === ha) xe++;
      let ye = y + 1;
      while (ye < sb.length && Math.floor((sb[ye] as number) / POS) === ha) ye++;
      if (xe - x <= p.maxRepeats && ye - y <= p.maxRepeats && !isBoilerplate(ha)) {
        usable++;
        for (let u = x; u < xe; u++) for (let v = y; v < ye; v++) seeds.push(((sa[u] as number) % POS) * POS + ((sb[v] as number) % POS));
      }
      x = xe;
      y = ye;
    }
  }
  if (usable < p.minShared) return null;
  return Float64Array.from(seeds).sort();
}

interface Chain {
  i0: number;
  j0: number;
  li: number;
  lj: number;
  dLo: number;
  dHi: number;
}

function chainSeeds(seeds: Float64Array, p: ReuseParams): Chain[] {
  const reach = p.n + p.maxGap;
  const done: Chain[] = [];
  let open: Chain[] = [];
  for (let s = 0; s < seeds.length; s++) {
    const i = Math.floor((seeds[s] as number) / POS);
    const j = (seeds[s] as number) % POS;
    const d = j - i;
    if (open.length > 0 && (open[0] as Chain).li < i - reach) {
      const still: Chain[] = [];
      for (const c of open) (c.li < i - reach ? done : still).push(c);
      open = still;
    }
    let best: Chain | null = null;
    let bestDist = Infinity;
    for (const c of open) {
      if (i <= c.li || j <= c.lj || i - c.li > reach || j - c.lj > reach) continue;
      if (Math.max(c.dHi, d) - Math.min(c.dLo, d) > MAX_BAND) continue;
      const dist = Math.abs(d - (c.lj - c.li));
      if (dist < bestDist) {
        best = c;
        bestDist = dist;
      }
    }
    if (best) {
      best.li = i;
      best.lj = j;
      if (d < best.dLo) best.dLo = d;
      if (d > best.dHi) best.dHi = d;
    } else {
      open.push({ i0: i, j0: j, li: i, lj: j, dLo: d, dHi: d });
    }
  }
  return done.concat(open);
}

/**
 * Global alignment of a[a0, a1) with b[b0, b1) within absolute diagonals [dLo, dHi] (j - i), by edit
 * distance (substitution and indel cost 1). Ties prefer the diagonal, then deletion: deterministic.
 */
export function alignBanded(a: Uint32Array, b: Uint32Array, a0: number, a1: number, b0: number, b1: number, dLo: number, dHi: number): Uint8Array {
  const m = a1 - a0;
  const k = b1 - b0;
  const shift = b0 - a0;
  const lo = Math.min(dLo - shift, 0, k - m) - SLACK;
  const hi = Math.max(dHi - shift, 0, k - m) + SLACK;
  const w = hi - lo + 1;
  const INF = 0x3fffffff;
  const cost = new Int32Array((m + 1) * w).fill(INF);
  const trace = new Uint8Array((m + 1) * w);
  for (let i = 0; i <= m; i++) {
    const row = i * w;
    for (let c = 0; c < w; c++) {
      const j = i + lo + c;
      if (j < 0 || j > k) continue;
      if (i === 0 && j === 0) {
        cost[row + c] = 0;
        continue;
      }
      let best = INF;
      let t = 0;
      if (i > 0 && j > 0) {
        const prev = cost[row - w + c] as number;
        const sub = a[a0 + i - 1] === b[b0 + j - 1] ? 0 : 1;
        if (prev + sub < best) {
          best = prev + sub;
          t = sub === 0 ? SAME : SUBSTITUTE;
        }
      }
      if (i > 0 && c + 1 < w) {
        const prev = (cost[row - w + c + 1] as number) + 1;
        if (prev < best) {
          best = prev;
          t = DELETE;
        }
      }
      if (j > 0 && c > 0) {
        const prev = (cost[row + c - 1] as number) + 1;
        if (prev < best) {
          best = prev;
          t = INSERT;
        }
      }
      cost[row + c] = best;
      trace[row + c] = t;
    }
  }
  const ops: number[] = [];
  let i = m;
  let c = k - m - lo;
  while (i > 0 || i + lo + c > 0) {
    const t = trace[i * w + c] as number;
    ops.push(t);
    if (t === SAME || t === SUBSTITUTE) i--;
    else if (t === DELETE) {
      i--;
      c++;
    } else c--;
  }
  return Uint8Array.from(ops.reverse());
}

/**
 * Words matched word by word past (i, j) going `step` (+1 forward from the end, -1 backward from the start),
 * X-drop: stops when mismatches outnumber matches by more than `xDrop` since the best point, and never runs
 * into boilerplate both articles share there (the same boilerplate shingle at x in `a` and y in `b`). Only
 * shingles held by both articles may count: the index re-aligns a pair when a shingle both hold turns
 * boilerplate, not when one held by only one of them does, so an extension stopped by a shingle of `a`
 * alone would depend on whether the pair was aligned before or after that shingle turned.
 */
function extend(a: AlignInput, b: AlignInput, i: number, j: number, step: 1 | -1, p: ReuseParams, isBoilerplate: (h: number) => boolean): Uint8Array {
  let score = 0;
  let best = 0;
  let bestLen = 0;
  const ops: number[] = [];
  for (let t = 0; ; t++) {
    const x = step === 1 ? i + t : i - 1 - t;
    const y = step === 1 ? j + t : j - 1 - t;
    if (x < 0 || y < 0 || x >= a.words.length || y >= b.words.length) break;
    const sh = a.shingles[step === 1 ? x - p.n + 1 : x];
    if (sh !== undefined && sh === b.shingles[step === 1 ? y - p.n + 1 : y] && isBoilerplate(sh)) break;
    const same = a.words[x] === b.words[y];
    ops.push(same ? SAME : SUBSTITUTE);
    score += same ? 1 : -1;
    if (score > best) {
      best = score;
      bestLen = t + 1;
    } else if (score < best - p.xDrop) break;
  }
  const kept = ops.slice(0, bestLen);
  return Uint8Array.from(step === 1 ? kept : kept.reverse());
}

function countSame(ops: Uint8Array): number {
  let s = 0;
  for (const o of ops) if (o === SAME) s++;
  return s;
}

/** Drop unmatched ops at both ends and split at runs of unmatched words longer than `maxGap` on either side. */
function trimAndSplit(a0: number, b0: number, ops: Uint8Array, maxGap: number): WordPassage[] {
  const out: WordPassage[] = [];
  let i = a0;
  let j = b0;
  let start = -1;
  let si = 0;
  let sj = 0;
  let lastSame = -1;
  let li = 0;
  let lj = 0;
  let gapA = 0;
  let gapB = 0;
  const close = (): void => {
    if (start < 0) return;
    const slice = ops.slice(start, lastSame + 1);
    out.push({ a0: si, a1: li, b0: sj, b1: lj, ops: slice, same: countSame(slice) });
    start = -1;
  };
  for (let k = 0; k < ops.length; k++) {
    const o = ops[k] as number;
    if (o === SAME) {
      if (start < 0) {
        start = k;
        si = i;
        sj = j;
      }
      lastSame = k;
      gapA = 0;
      gapB = 0;
      i++;
      j++;
      li = i;
      lj = j;
      continue;
    }
    if (o !== INSERT) gapA++;
    if (o !== DELETE) gapB++;
    if (o !== INSERT) i++;
    if (o !== DELETE) j++;
    if (gapA > maxGap || gapB > maxGap) close();
  }
  close();
  return out;
}

function diagRange(p: WordPassage): [number, number] {
  let i = p.a0;
  let j = p.b0;
  let lo = j - i;
  let hi = lo;
  for (const o of p.ops) {
    if (o !== INSERT) i++;
    if (o !== DELETE) j++;
    const d = j - i;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  return [lo, hi];
}

function mergeOverlapping(a: Uint32Array, b: Uint32Array, passages: WordPassage[], maxGap: number): WordPassage[] {
  let list = passages.slice().sort((x, y) => x.a0 - y.a0 || x.b0 - y.b0);
  // Each merge replaces two passages overlapping on both sides by pieces disjoint on both sides; the
  // round cap only guards against a cycle we have not seen.
  for (let changed = true, rounds = 0; changed && rounds < 10_000; rounds++) {
    changed = false;
    outer: for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const p = list[x] as WordPassage;
        const q = list[y] as WordPassage;
        if (q.a0 >= p.a1) break;
        if (!(q.b0 < p.b1 && p.b0 < q.b1)) continue;
        const a0 = Math.min(p.a0, q.a0);
        const a1 = Math.max(p.a1, q.a1);
        const b0 = Math.min(p.b0, q.b0);
        const b1 = Math.max(p.b1, q.b1);
        const [plo, phi] = diagRange(p);
        const [qlo, qhi] = diagRange(q);
        // Far-apart diagonals (a long repeated passage matched at two offsets): keep the better match.
        const merged =
          Math.max(phi, qhi) - Math.min(plo, qlo) > 2 * MAX_BAND
            ? [p.same >= q.same ? p : q]
            : trimAndSplit(a0, b0, alignBanded(a, b, a0, a1, b0, b1, Math.min(plo, qlo), Math.max(phi, qhi)), maxGap);
        list = list.filter((_, k) => k !== x && k !== y).concat(merged);
        list.sort((u, v) => u.a0 - v.a0 || u.b0 - v.b0);
        changed = true;
        break outer;
      }
    }
  }
  return list;
}

/**
 * Two passages in the same order in both articles, separated by at most `maxJoinGap` words on each side, are
 * one edited passage when at least half of the words in between still align (heavy edits leave no shared
 * shingle for a stretch, but most words survive); unrelated text in between aligns far less than half.
 */
function joinAdjacent(a: Uint32Array, b: Uint32Array, passages: WordPassage[], p: ReuseParams): WordPassage[] {
  const list = passages.slice().sort((x, y) => x.a0 - y.a0 || x.b0 - y.b0);
  const out: WordPassage[] = [];
  let cur = list[0];
  for (let k = 1; k < list.length; k++) {
    const q = list[k] as WordPassage;
    const c = cur as WordPassage;
    const ga = q.a0 - c.a1;
    const gb = q.b0 - c.b1;
    let joined: WordPassage | null = null;
    if (ga >= 0 && gb >= 0 && ga <= p.maxJoinGap && gb <= p.maxJoinGap) {
      const [clo, chi] = diagRange(c);
      const [qlo, qhi] = diagRange(q);
      const ops = alignBanded(a, b, c.a0, q.a1, c.b0, q.b1, Math.min(clo, qlo), Math.max(chi, qhi));
      let i = c.a0;
      let sameInGap = 0;
      for (const o of ops) {
        if (o === SAME && i >= c.a1 && i < q.a0) sameInGap++;
        if (o !== INSERT) i++;
      }
      const pieces = trimAndSplit(c.a0, c.b0, ops, p.maxGap);
      if (pieces.length === 1 && sameInGap * 2 >= Math.max(ga, gb)) joined = pieces[0] as WordPassage;
    }
    if (joined) cur = joined;
    else {
      out.push(c);
      cur = q;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** The passages shared by two articles, in order of their start in `a`. */
export function alignArticles(a: AlignInput, b: AlignInput, isBoilerplate: (h: number) => boolean, p: ReuseParams): WordPassage[] {
  const seeds = seedsOf(a, b, isBoilerplate, p);
  if (!seeds) return [];
  const raw: WordPassage[] = [];
  for (const c of chainSeeds(seeds, p)) {
    const a1 = c.li + p.n;
    const b1 = c.lj + p.n;
    const core = alignBanded(a.words, b.words, c.i0, a1, c.j0, b1, c.dLo, c.dHi);
    const back = extend(a, b, c.i0, c.j0, -1, p, isBoilerplate);
    const fwd = extend(a, b, a1, b1, 1, p, isBoilerplate);
    const ops = new Uint8Array(back.length + core.length + fwd.length);
    ops.set(back, 0);
    ops.set(core, back.length);
    ops.set(fwd, back.length + core.length);
    raw.push(...trimAndSplit(c.i0 - back.length, c.j0 - back.length, ops, p.maxGap));
  }
  const merged = mergeOverlapping(a.words, b.words, raw, p.maxGap);
  return joinAdjacent(a.words, b.words, merged, p).filter((x) => {
    const wa = x.a1 - x.a0;
    const wb = x.b1 - x.b0;
    return Math.min(wa, wb) >= p.minWords && (2 * x.same) / (wa + wb) >= p.minSimilarity;
  });
}
