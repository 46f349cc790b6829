import type { StoryConfig } from './config.js';
import { combine, type Scoring } from './score.js';
import type { Placed, ScoreParts, Story } from './types.js';

/*
 * The merge pass: after the incremental pass, stories that are about one event but were started apart (an
 * article scored just under the threshold, and later ones followed it) are put together, in two steps:
 *   1. attach: a story of at most `attachMaxSize` articles joins the larger candidate story whose final profile
 *      its members score best against, at `attachThreshold` or more (an early article was scored against the
 *      few members its story had then; the final profile is what it is about);
 *   2. merge: candidate pairs of stories, best first, merge when their average linkage reaches `mergeThreshold`.
 *
 * Candidate pairs come from the incremental pass itself: each article remembers the best story it did NOT join
 * (`alt`), with its score. For each such pair of stories the linkage is the mean pair score (the same formula,
 * article against article, under the final IDF) over their members (at most `mergeSample` of each, evenly spread
 * in canonical order). Pairs are taken best first; a pair whose stories already grew by earlier merges is scored
 * again on the grown stories. A pair merges when the linkage reaches `mergeThreshold`. Average linkage, not the
 * single best link, so that one article on the edge does not chain two events together.
 * Cost: one candidate pair per article at most, `mergeSample`^2 pair scores per pair: linear in the corpus.
 */

/**
 * One step of the merge pass: the first-pass story `story` (by its id) went `into` another. `step` says which
 * test decided and `linkage` its value: 'attach', the mean score of its members against the other's profile;
 * 'merge', the mean pair score between the members of the two.
 */
export interface StoryMerge {
  readonly story: string;
  readonly into: string;
  readonly step: 'attach' | 'merge';
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

/**
 * An article against a first-pass story's profile: the join formula, centroid part only, and without shared
 * passages. Attaching is a lower bar than joining, so it rests on what the articles say (terms, actors, days):
 * outlets copy background paragraphs into reports of other events, and a copied paragraph alone must not pull
 * a report into another event's story.
 */
export function profileScore(state: RefineState, x: Placed, st: Story): number {
  const v = state.vectors(x);
  const top = [...v.xMap].map(([id, w]) => ({ id, w }));
  const actors = [...v.aMap].map(([id, w]) => ({ id, w }));
  return combine(state.scoring.profileParts(x, st, top, v.xNorm, actors, v.aNorm, 0), state.config);
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
  // Attach: a small story goes to the larger candidate story whose profile its members score best against
  // (profileScore), when that mean reaches `attachThreshold`: the final profile, which an early article never saw.
  const attachTo = new Map<number, { into: number; score: number }>();
  if (Number.isFinite(cfg.attachThreshold)) {
    const small = (s: number) => state.stories[s]!.members.length <= cfg.attachMaxSize;
    for (const { a, b } of pairs.values()) {
      for (const [x, t] of [[a, b], [b, a]] as const) {
        const sx = state.stories[x]!;
        const st = state.stories[t]!;
        if (!small(x) || st.members.length <= sx.members.length) continue;
        if (sx.language && st.language && sx.language !== st.language) continue;
        let sum = 0;
        for (const m of sx.members) sum += profileScore(state, state.placed[m]!, st);
        const score = sum / sx.members.length;
        const cur = attachTo.get(x);
        if (score >= cfg.attachThreshold && (!cur || score > cur.score || (score === cur.score && t < cur.into))) attachTo.set(x, { into: t, score });
      }
    }
  }

  const linkage = (a: number, b: number): number => {
    const xs = sample(members.get(a)!, cfg.mergeSample);
    const ys = sample(members.get(b)!, cfg.mergeSample);
    let sum = 0;
    for (const x of xs) for (const y of ys) sum += pairScore(state, state.placed[Math.max(x, y)]!, state.placed[Math.min(x, y)]!).score;
    return sum / (xs.length * ys.length);
  };
  // The union takes the name of its earliest story; the log names the story that moved as the test saw it.
  const join = (ra: number, rb: number, link: number, step: StoryMerge['step'], moved = Math.max(ra, rb), into = Math.min(ra, rb)) => {
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    root[drop] = keep;
    const merged = [...members.get(keep)!, ...members.get(drop)!].sort((x, y) => x - y);
    members.set(keep, merged);
    members.delete(drop);
    const log = [...(merges.get(keep) ?? []), ...(merges.get(drop) ?? [])];
    log.push({ story: state.stories[moved]!.founder, into: state.stories[into]!.founder, step, linkage: Math.round(link * 1000) / 1000 });
    merges.set(keep, log);
    merges.delete(drop);
  };
  for (const [x, { into, score }] of [...attachTo].sort((p, q) => p[0] - q[0])) {
    const ra = find(x);
    const rb = find(into);
    if (ra !== rb) join(ra, rb, score, 'attach', x, into);
  }
  const grown = new Set<number>();

  const rooted = new Map<string, { a: number; b: number }>();
  for (const p of pairs.values()) {
    const a = Math.min(find(p.a), find(p.b));
    const b = Math.max(find(p.a), find(p.b));
    if (a !== b) rooted.set(`${a}:${b}`, { a, b });
  }
  const queue = [...rooted.values()].map((p) => ({ ...p, link: linkage(p.a, p.b) }));
  queue.sort((x, y) => y.link - x.link || x.a - y.a || x.b - y.b);
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
    join(ra, rb, link, 'merge');
    grown.add(Math.min(ra, rb));
  }
  for (let s = 0; s < n; s++) root[s] = find(s);
  return { root, members, merges };
}
