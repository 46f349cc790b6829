import type { Mention, TimelineParams } from './types.js';
import { compatible, spanDays, type DateValue } from './values.js';

/*
 * Mentions -> events. Similarity is the cosine of TF-IDF vectors of event terms (IDF over all mentions).
 * Candidate pairs come from an inverted index over terms (terms in more than `maxTermMentions` mentions are not
 * used to look up candidates), each posting list sorted by start year and read only within `yearWindow` years of
 * the mention's own years (year-less mentions read the whole list). Each mention probes the index with its
 * `probeTerms` rarest terms: two mentions are compared when one's rare term is among the other's terms. A probe
 * reads at most `maxProbeReads` postings (the nearest in year first), so a mention has a bounded number of
 * candidates and the cost grows linearly with the corpus; pairs are visited once each, not stored.
 * Never all pairs.
 *  - merge: compatible dates (one contains the other), cosine >= mergeSimilarity and enough shared terms;
 *    pairs are taken best first, and two groups join only when every value of one is compatible with every
 *    value of the other and no sentence would hold two of the group's mentions;
 *  - conflict: incompatible dates of one precision ('2014' and '2016', two days), different articles, no
 *    qualifier (APPROX, BEFORE...) on either value, cosine >= conflictSimilarity and at least conflictMinShared
 *    shared terms: the two groups join, flagged; a flagged group joins nothing else (no chains of conflicts).
 * Every decision is taken in a canonical order (similarity, then keys), so the result does not depend on the
 * order of the input.
 */

export interface Group {
  readonly members: number[];
  readonly conflict: boolean;
}

type Vector = Map<string, number>;

/** "cyberattacks" also counts as "attack" when the corpus has "attack": compounds share their head word. */
function withCompoundHeads(mentions: readonly Mention[]): Map<string, number>[] {
  const vocabulary = new Set<string>();
  for (const m of mentions) for (const t of m.terms.keys()) vocabulary.add(t);
  return mentions.map((m) => {
    const out = new Map(m.terms);
    for (const [t, n] of m.terms) {
      if (t.startsWith('e:') || t.length < 8) continue;
      for (let cut = 3; cut <= t.length - 5; cut++) {
        const head = t.slice(cut);
        if (vocabulary.has(head)) {
          out.set(head, Math.max(out.get(head) ?? 0, n));
          break;
        }
      }
    }
    return out;
  });
}

function vectors(mentions: readonly Mention[]): { vecs: Vector[]; df: Map<string, number> } {
  const terms = withCompoundHeads(mentions);
  const df = new Map<string, number>();
  for (const t of terms) for (const k of t.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = mentions.length;
  const vecs = terms.map((t) => {
    const v: Vector = new Map();
    let norm = 0;
    for (const [k, tf] of t) {
      const w = tf * Math.log(1 + n / (df.get(k) ?? 1));
      v.set(k, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [k, w] of v) v.set(k, w / norm);
    return v;
  });
  return { vecs, df };
}

function cosine(a: Vector, b: Vector): { cos: number; shared: number } {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let cos = 0;
  let shared = 0;
  for (const [k, w] of small) {
    const o = large.get(k);
    if (o !== undefined) {
      cos += w * o;
      shared++;
    }
  }
  return { cos, shared };
}

/** Two known values of one precision ('2014' and '2016', two days, two months): the only ones that can conflict. */
const sameShape = (a: DateValue, b: DateValue): boolean => !!a.range && !!b.range && a.value.replace(/\d/g, '9') === b.value.replace(/\d/g, '9');

const yearsOf = (d: DateValue): [number, number] | null => (d.range ? [Number(d.range.start.slice(0, 4)), Number(d.range.end.slice(0, 4))] : null);

/** Pairs of mentions sharing a probed term, with how many probes hit (from both sides). */
function candidatePairs(mentions: readonly Mention[], vecs: readonly Vector[], df: ReadonlyMap<string, number>, params: TimelineParams, visit: (i: number, j: number, hits: number) => void): void {
  const known = new Map<string, { year: number; i: number }[]>();
  const yearless = new Map<string, number[]>();
  vecs.forEach((v, i) => {
    const ys = yearsOf(mentions[i]!.date);
    for (const k of v.keys()) {
      if ((df.get(k) ?? 0) > params.maxTermMentions) continue;
      if (ys) (known.get(k) ?? known.set(k, []).get(k)!).push({ year: ys[0], i });
      else (yearless.get(k) ?? yearless.set(k, []).get(k)!).push(i);
    }
  });
  for (const list of known.values()) list.sort((a, b) => a.year - b.year || a.i - b.i);
  const n = mentions.length;
  const cap = params.maxProbeReads;
  // Pass 1: each mention's own candidates (sorted ids, with how many of its probes hit each). Every probe reads
  // at most `maxProbeReads` postings, nearest in year first: a bounded number of candidates per mention.
  const found: { ids: Int32Array; hits: Uint8Array }[] = new Array(n);
  vecs.forEach((v, i) => {
    const ys = yearsOf(mentions[i]!.date);
    const local = new Map<number, number>();
    const add = (j: number) => {
      if (j !== i) local.set(j, (local.get(j) ?? 0) + 1);
    };
    // Probe with the mention's rarest terms only: a pair that shares one of them is found from either side.
    const probes = [...v.keys()]
      .filter((k) => (df.get(k) ?? 0) <= params.maxTermMentions)
      .sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0) || (a < b ? -1 : 1))
      .slice(0, params.probeTerms);
    for (const k of probes) {
      const loose = yearless.get(k) ?? [];
      for (let p = 0; p < loose.length && p < cap; p++) add(loose[p]!);
      const list = known.get(k) ?? [];
      if (!ys) {
        for (let p = 0; p < list.length && p < cap; p++) add(list[p]!.i);
        continue;
      }
      const lo = ys[0] - params.yearWindow;
      const hi = ys[1] + params.yearWindow;
      const at = (y: number) => {
        let a = 0;
        let b = list.length;
        while (a < b) {
          const mid = (a + b) >> 1;
          if (list[mid]!.year < y) a = mid + 1;
          else b = mid;
        }
        return a;
      };
      const first = at(lo);
      let end = first;
      while (end < list.length && list[end]!.year <= hi) end++;
      if (end - first <= cap) {
        for (let p = first; p < end; p++) add(list[p]!.i);
        continue;
      }
      // More than the cap in the window: the nearest in year to the mention's own years, outwards.
      let left = Math.max(first, at(ys[0])) - 1;
      let right = left + 1;
      for (let taken = 0; taken < cap && (left >= first || right < end); taken++) {
        const dl = left >= first ? ys[0] - list[left]!.year : Infinity;
        const dr = right < end ? Math.max(0, list[right]!.year - ys[1]) : Infinity;
        if (dr <= dl) add(list[right++]!.i);
        else add(list[left--]!.i);
      }
    }
    const ids = Int32Array.from([...local.keys()].sort((x, y) => x - y));
    found[i] = { ids, hits: Uint8Array.from(ids, (j) => local.get(j)!) };
  });
  const hitsOf = (i: number, j: number): number => {
    const { ids, hits } = found[i]!;
    let a = 0;
    let b = ids.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (ids[mid]! < j) a = mid + 1;
      else b = mid;
    }
    return a < ids.length && ids[a] === j ? hits[a]! : 0;
  };
  // Pass 2: every pair once, with the hits of both sides (no corpus-wide map or list of pairs). Edges are
  // sorted by strength later: the order of the visits does not matter.
  for (let i = 0; i < n; i++) {
    const { ids, hits } = found[i]!;
    for (let x = 0; x < ids.length; x++) {
      const j = ids[x]!;
      const back = hitsOf(j, i);
      if (j < i && back > 0) continue; // counted from j's side
      visit(Math.min(i, j), Math.max(i, j), hits[x]! + back);
    }
  }
}

interface Edge {
  readonly i: number;
  readonly j: number;
  readonly cos: number;
}

const byStrength = (mentions: readonly Mention[]) => (a: Edge, b: Edge) =>
  b.cos - a.cos || (mentions[a.i]!.key < mentions[b.i]!.key ? -1 : mentions[a.i]!.key > mentions[b.i]!.key ? 1 : 0) || (mentions[a.j]!.key < mentions[b.j]!.key ? -1 : 1);

/** Groups of mention indexes, each one event. `mentions` must be in canonical (key) order. */
export function groupMentions(mentions: readonly Mention[], params: TimelineParams): Group[] {
  const { vecs, df } = vectors(mentions);
  const merges: Edge[] = [];
  const conflicts: Edge[] = [];
  candidatePairs(mentions, vecs, df, params, (i, j, hits) => {
    const a = mentions[i]!;
    const b = mentions[j]!;
    if (a.articleId === b.articleId && a.sentence === b.sentence) return;
    if (compatible(a.date, b.date)) {
      const { cos, shared } = cosine(vecs[i]!, vecs[j]!);
      const fineEqual = a.date.value === b.date.value && spanDays(a.date) <= 31;
      // A year-less day takes its year from the other mention: ask more of the words.
      const min = a.date.range && b.date.range ? params.mergeSimilarity : Math.max(params.mergeSimilarity, params.yearlessSimilarity);
      if (cos >= min && shared >= (fineEqual ? params.minSharedSameValue : params.minShared)) merges.push({ i, j, cos });
    } else if (a.articleId !== b.articleId && !a.mod && !b.mod && hits >= 2 && sameShape(a.date, b.date)) {
      // A conflict needs a strong match: two probed terms in common at least, before the cosine is computed.
      const { cos, shared } = cosine(vecs[i]!, vecs[j]!);
      if (cos >= params.conflictSimilarity && shared >= params.conflictMinShared) conflicts.push({ i, j, cos });
    }
  });
  merges.sort(byStrength(mentions));
  conflicts.sort(byStrength(mentions));

  const parent = mentions.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  const members = new Map<number, number[]>(mentions.map((_, i) => [i, [i]]));
  const flagged = new Set<number>();
  // Per group: its sentences and its distinct values, kept up to date on union (the smaller side moves into the
  // larger), so a merge check costs the smaller group's size, not a rebuild of both.
  const sentenceKey = (m: number) => `${mentions[m]!.articleId}#${mentions[m]!.sentence}`;
  const sentences = new Map<number, Set<string>>(mentions.map((_, i) => [i, new Set([sentenceKey(i)])]));
  const values = new Map<number, Map<string, DateValue>>(mentions.map((m, i) => [i, new Map([[m.date.value, m.date]])]));
  const sentencesClash = (ra: number, rb: number): boolean => {
    const [small, large] = [sentences.get(ra)!, sentences.get(rb)!].sort((x, y) => x.size - y.size) as [Set<string>, Set<string>];
    for (const k of small) if (large.has(k)) return true;
    return false;
  };
  const valuesOf = (r: number): DateValue[] => [...values.get(r)!.values()];
  /** The smaller of two groups' collections moves into the larger, which is filed under `keep`. */
  const join = <C>(m: Map<number, C>, keep: number, drop: number, size: (c: C) => number, add: (into: C, from: C) => void): void => {
    const [into, from] = size(m.get(keep)!) >= size(m.get(drop)!) ? [m.get(keep)!, m.get(drop)!] : [m.get(drop)!, m.get(keep)!];
    add(into, from);
    m.set(keep, into);
    m.delete(drop);
  };
  const union = (ra: number, rb: number, conflict: boolean) => {
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    parent[drop] = keep;
    join(members, keep, drop, (c) => c.length, (into, from) => void into.push(...from));
    join(sentences, keep, drop, (c) => c.size, (into, from) => from.forEach((k) => into.add(k)));
    join(values, keep, drop, (c) => c.size, (into, from) => from.forEach((v, k) => into.has(k) || into.set(k, v)));
    if (conflict || flagged.has(drop)) flagged.add(keep);
    flagged.delete(drop);
  };
  for (const e of merges) {
    const ra = find(e.i);
    const rb = find(e.j);
    if (ra === rb || flagged.has(ra) || flagged.has(rb) || sentencesClash(ra, rb)) continue;
    const va = valuesOf(ra);
    const vb = valuesOf(rb);
    if (va.every((x) => vb.every((y) => compatible(x, y)))) union(ra, rb, false);
  }
  for (const e of conflicts) {
    const ra = find(e.i);
    const rb = find(e.j);
    // One conflict per group: a flagged group takes no further member (no chains of conflicts).
    if (ra === rb || flagged.has(ra) || flagged.has(rb) || sentencesClash(ra, rb)) continue;
    union(ra, rb, true);
  }
  return [...members.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([r, ms]) => ({ members: ms.sort((x, y) => x - y), conflict: flagged.has(r) }));
}

/** Cosine of two mentions' term vectors, for picking the description most like the others. */
export function similarityMatrix(mentions: readonly Mention[], indexes: readonly number[]): number[][] {
  const { vecs } = vectors(indexes.map((i) => mentions[i]!));
  return vecs.map((a) => vecs.map((b) => cosine(a, b).cos));
}
