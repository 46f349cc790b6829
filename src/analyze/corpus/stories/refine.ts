import type { StoryConfig } from './config.js';
import { combine, type Scoring } from './score.js';
import type { Placed, ScoreParts, Story } from './types.js';

/*
 * The merge pass: after the incremental pass, stories that are about one event but were started apart (an
 * article scored just under the threshold, and later ones followed it) are merged by average linkage.
 *
 * Candidate pairs come from the incremental pass itself: each article remembers the best story it did NOT join
 * (`alt`), with its score. For each such pair of stories the linkage is the mean pair score (the same formula,
 * article against article, under the final IDF) over their members (at most `mergeSample` of each, evenly spread
 * in canonical order). Pairs are taken best first; a pair whose stories already grew by earlier merges is scored
 * again on the grown stories. A pair merges when the linkage reaches `mergeThreshold`. Average linkage, not the
 * single best link, so that one article on the edge does not chain two events together.
 * Cost: one candidate pair per article at most, `mergeSample`^2 pair scores per pair: linear in the corpus.
 */

/** One merge: the story `story` (by its id) joined `into` with mean pair score `linkage`. */
export interface StoryMerge {
  readonly story: string;
  readonly into: string;
  readonly linkage: number;
}

export interface Vectors {
  readonly xMap: Map<number, number>;
  readonly xNorm: number;
  readonly aMap: Map<number, number>;
  readonly aNorm: number;
}

export interface RefineState {
  readonly config: StoryConfig;
  readonly placed: readonly Placed[];
  readonly stories: readonly Story[];
  readonly scoring: Scoring;
  readonly vectors: (p: Placed) => Vectors;
}

export interface Refined {
  /** First-pass story number -> the story number it ended in (the lowest of its group). */
  readonly root: Int32Array;
  /** Member article indexes of each final story (by root number), canonical order. */
  readonly members: Map<number, number[]>;
  readonly merges: Map<number, StoryMerge[]>;
}

/** Pair score of two placed articles: `x` is the later one in canonical order (as when it joined). */
export function pairScore(state: RefineState, later: Placed, earlier: Placed): { score: number; parts: ScoreParts } {
  const v = state.vectors(later);
  const parts = state.scoring.pairParts(later, earlier, v.xMap, v.xNorm, v.aMap, v.aNorm);
  return { score: combine(parts, state.config), parts };
}

function sample(members: readonly number[], k: number): number[] {
  if (members.length <= k) return [...members];
  const out: number[] = [];
  for (let i = 0; i < k; i++) out.push(members[Math.floor(((i + 0.5) * members.length) / k)]!);
  return out;
}

export function refine(state: RefineState): Refined {
  const cfg = state.config;
  const n = state.stories.length;
  const root = Int32Array.from({ length: n }, (_, i) => i);
  const members = new Map<number, number[]>(state.stories.map((s) => [s.n, [...s.members]]));
  const merges = new Map<number, StoryMerge[]>();
  if (!Number.isFinite(cfg.mergeThreshold) || n < 2) return { root, members, merges };

  const find = (s: number): number => {
    while (root[s] !== s) s = root[s] = root[root[s]!]!;
    return s;
  };
  const pairs = new Map<string, { a: number; b: number; score: number }>();
  for (const p of state.placed) {
    if (p.alt < 0 || p.altScore < cfg.mergeFloor) continue;
    const a = Math.min(p.story, p.alt);
    const b = Math.max(p.story, p.alt);
    const key = `${a}:${b}`;
    const cur = pairs.get(key);
    if (!cur || p.altScore > cur.score) pairs.set(key, { a, b, score: p.altScore });
  }
  const linkage = (a: number, b: number): number => {
    const xs = sample(members.get(a)!, cfg.mergeSample);
    const ys = sample(members.get(b)!, cfg.mergeSample);
    let sum = 0;
    for (const x of xs) for (const y of ys) sum += pairScore(state, state.placed[Math.max(x, y)]!, state.placed[Math.min(x, y)]!).score;
    return sum / (xs.length * ys.length);
  };
  const queue = [...pairs.values()].map((p) => ({ ...p, link: linkage(p.a, p.b) }));
  queue.sort((x, y) => y.link - x.link || x.a - y.a || x.b - y.b);
  const grown = new Set<number>();
  for (const q of queue) {
    const ra = find(q.a);
    const rb = find(q.b);
    if (ra === rb) continue;
    // Languages are kept apart here: only a shared passage bridges them, and that is the first pass's job.
    const la = state.stories[ra]!.language;
    const lb = state.stories[rb]!.language;
    if (la && lb && la !== lb) continue;
    const link = ra === q.a && rb === q.b && !grown.has(ra) && !grown.has(rb) ? q.link : linkage(ra, rb);
    if (link < cfg.mergeThreshold) continue;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    root[drop] = keep;
    grown.add(keep);
    const merged = [...members.get(keep)!, ...members.get(drop)!].sort((x, y) => x - y);
    members.set(keep, merged);
    members.delete(drop);
    const log = [...(merges.get(keep) ?? []), ...(merges.get(drop) ?? [])];
    log.push({ story: state.stories[drop]!.founder, into: state.stories[keep]!.founder, linkage: Math.round(link * 1000) / 1000 });
    merges.set(keep, log);
    merges.delete(drop);
  }
  for (let s = 0; s < n; s++) root[s] = find(s);
  return { root, members, merges };
}
