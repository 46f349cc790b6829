import { STORY_DEFAULTS, type StoryConfig } from './config.js';
import { compareFeatures, storyFeatures, type StoryArticleInput, type StoryFeatures } from './features.js';
import { combine, gap, isoDay, prune, Scoring, warmSize } from './score.js';
import { pairScore, refine, type Refined, type RefineState, type StoryMerge, type Vectors } from './refine.js';
import type { Compact, JoinParts, Placed, ReusePair, ScoreParts, Story, StoryMemberRow, StoryRow } from './types.js';

export { STORY_DEFAULTS, type StoryConfig } from './config.js';
export { storyFeatures, type StoryArticleInput, type StoryFeatures } from './features.js';
export { explainStory, type StoryExplanation } from './explain.js';
export { combine, isoDay, warmSize } from './score.js';
export type { JoinParts, ReusePair, ScoreParts, StoryMemberRow, StoryRow } from './types.js';
export type { StoryMerge } from './refine.js';

/*
 * Stories: articles grouped into clusters about one event, built incrementally.
 *
 * Articles are processed in a canonical order (publish day, undated last, then id). Each article in turn:
 *   1. updates the corpus document frequencies of its terms and actors (the IDF grows with the corpus; it
 *      is warmed up on a canonical prefix first, see `settle`);
 *   2. takes its salient terms (TF-IDF) and actors, and looks them up in an inverted index (key -> stories)
 *      to find candidate stories, kept only within the publish-date window and the language guard;
 *   3. is scored against the candidates that share the most keys (config.ts has the formula) and joins the
 *      best one at or above the threshold, or founds a new story named after itself.
 * An article added out of the canonical order (earlier than one already processed), or reuse pairs that
 * touch processed articles, make the next read replay the clustering from the stored features (no text
 * needed): so the result depends only on the set of articles, never on the order they were added in.
 * Between replays a first-pass story changes only by an article joining it. When stories are read, a merge
 * pass (refine.ts) joins first-pass stories whose members score high on average against each other; it is a
 * function of the first pass, so the result still depends only on the set of articles.
 */

export class StoryIndex {
  readonly config: StoryConfig;
  // Vocabulary: shared across replays (ids never decide an outcome; ties are broken on the strings).
  private readonly termIds = new Map<string, number>();
  readonly termKeys: string[] = [];
  private readonly actorIds = new Map<string, number>();
  readonly actorKeys: string[] = [];
  readonly actorNames: string[] = [];
  private readonly figureIdOf = new Map<string, number>();
  readonly figureKeys: string[] = [];
  // Corpus state, rebuilt by a replay.
  private termDf: number[] = [];
  private actorDf: number[] = [];
  private figureDf: number[] = [];
  private placed: Placed[] = [];
  private byId = new Map<string, number>();
  private storyList: Story[] = [];
  private termPostings = new Map<number, number[]>();
  private actorPostings = new Map<number, number[]>();
  private articleTermPostings = new Map<number, number[]>();
  private articleActorPostings = new Map<number, number[]>();
  // Inputs not yet processed, and whether a replay is due.
  private pending: Compact[] = [];
  private pendingIds = new Set<string>();
  private dirty = false;
  /** Articles whose document frequencies were counted before clustering began (see settle). */
  private warm = 0;
  private readonly reuse = new Map<string, Map<string, number>>();
  /** The merge pass over the current first pass; null when it is due again. */
  private refined: Refined | null = null;

  private readonly scoring: Scoring;

  constructor(config: Partial<StoryConfig> = {}) {
    this.config = { ...STORY_DEFAULTS, ...config };
    this.scoring = new Scoring(this.config, {
      termDf: () => this.termDf,
      actorDf: () => this.actorDf,
      figureDf: () => this.figureDf,
      corpusSize: () => this.placed.length,
      idf: (df) => this.idf(df),
      reuseWords: (a, b) => this.reuse.get(a)?.get(b) ?? 0,
    });
  }

  /** Add an article (its findings included); computes its features. Duplicate ids are ignored. */
  add(article: StoryArticleInput): void {
    this.addFeatures(storyFeatures(article, this.config));
  }

  /** Add an article by its stored features (from `rows()` of an earlier index). */
  addFeatures(f: StoryFeatures): void {
    if (this.byId.has(f.id) || this.pendingIds.has(f.id)) return;
    this.pendingIds.add(f.id);
    this.pending.push(this.compact(f));
  }

  /** An article's features back from the compact form (display names: the first in sort order seen for a key). */
  private features(c: Compact): StoryFeatures {
    return {
      id: c.id,
      language: c.language,
      day: c.day,
      terms: Array.from(c.termIds, (id, i) => [this.termKeys[id]!, c.termCounts[i]!] as const),
      actors: Array.from(c.actorIds, (id, i) => [this.actorKeys[id]!, this.actorNames[id]!, c.actorCounts[i]!] as const),
      dates: c.dates,
      years: c.years,
      figures: Array.from(c.figureIds, (id) => this.figureKeys[id]!),
    };
  }

  /** Shared passages between articles (symmetric); strengthens and can bridge languages. */
  addReuse(pairs: readonly ReusePair[]): void {
    for (const p of pairs) {
      if (p.a === p.b || !(p.words > 0)) continue;
      for (const [x, y] of [[p.a, p.b], [p.b, p.a]] as const) {
        let m = this.reuse.get(x);
        if (!m) this.reuse.set(x, (m = new Map()));
        m.set(y, Math.max(m.get(y) ?? 0, p.words));
      }
      if (this.byId.has(p.a) || this.byId.has(p.b)) this.dirty = true;
    }
  }

  get size(): number {
    return this.placed.length + this.pending.length;
  }

  /** Every story, largest first (then by id). Each article is in exactly one. */
  stories(): StoryRow[] {
    const r = this.settle();
    const rows = [...r.members.keys()].map((n) => this.storyRow(n, r));
    return rows.sort((a, b) => b.articles.length - a.articles.length || (a.id < b.id ? -1 : 1));
  }

  /** The story id of an article, or null when it is unknown. */
  storyOf(articleId: string): string | null {
    const r = this.settle();
    const i = this.byId.get(articleId);
    return i === undefined ? null : this.storyList[r.root[this.placed[i]!.story]!]!.founder;
  }

  /** Plain rows, one per article in canonical order: what the store keeps; `fromRows` replays them. */
  rows(): StoryMemberRow[] {
    const r = this.settle();
    return this.placed.map((p) => ({
      article: p.c.id,
      story: this.storyList[r.root[p.story]!]!.founder,
      score: p.score,
      parts: p.parts,
      features: this.features(p.c),
    }));
  }

  static fromRows(rows: readonly Pick<StoryMemberRow, 'features'>[], config: Partial<StoryConfig> = {}, reuse: readonly ReusePair[] = []): StoryIndex {
    const index = new StoryIndex(config);
    index.addReuse(reuse);
    for (const r of rows) index.addFeatures(r.features);
    return index;
  }

  /** Read access for explanations (explain.ts). */
  view(storyId: string): {
    story: StoryRow;
    members: { placed: Placed; f: StoryFeatures }[];
    merges: readonly StoryMerge[];
    reuse: Map<string, Map<string, number>>;
    idfTerm: (id: number) => number;
    idfActor: (id: number) => number;
    idfFigure: (id: number) => number;
  } | null {
    const r = this.settle();
    const s = this.storyList.find((x) => x.founder === storyId);
    const members = s && r.members.get(s.n);
    if (!s || !members) return null;
    return {
      story: this.storyRow(s.n, r),
      members: members.map((i) => ({ placed: this.placed[i]!, f: this.features(this.placed[i]!.c) })),
      merges: r.merges.get(s.n) ?? [],
      reuse: this.reuse,
      idfTerm: (id) => this.idf(this.termDf[id] ?? 0),
      idfActor: (id) => this.idf(this.actorDf[id] ?? 0),
      idfFigure: (id) => this.idf(this.figureDf[id] ?? 0),
    };
  }

  /**
   * The pair score of two articles (the formula of config.ts, the later one in canonical order against the
   * earlier, under the current IDF): what the merge pass averages. Null when either is unknown.
   */
  pair(a: string, b: string): { score: number; parts: ScoreParts } | null {
    this.settle();
    const i = this.byId.get(a);
    const j = this.byId.get(b);
    if (i === undefined || j === undefined) return null;
    return pairScore(this.refineState(), this.placed[Math.max(i, j)]!, this.placed[Math.min(i, j)]!);
  }

  // --- processing ---

  /**
   * Process what was added. The IDF warms up on a canonical prefix: the first `warm` articles in canonical
   * order (warm = the largest power of two <= the number of articles) are all counted before any of them is
   * clustered; every later article adds its own counts when it comes. So early articles are not judged on a
   * corpus of three, the result is still a function of the set of articles alone, and the clustering is
   * replayed only when the corpus crosses a power of two or an article comes out of canonical order:
   * O(n log n) work in all for a corpus that grows one article at a time, one pass for a batch.
   */
  private settle(): Refined {
    this.firstPass();
    this.refined ??= refine(this.refineState());
    return this.refined;
  }

  private refineState(): RefineState {
    return {
      config: this.config,
      placed: this.placed,
      stories: this.storyList,
      scoring: this.scoring,
      vectors: (p) => this.vectors(p),
    };
  }

  /** An article's term and actor vectors under the current IDF (for pair scores). */
  private vectors(p: Placed): Vectors {
    const xMap = new Map<number, number>();
    let x2 = 0;
    p.top.forEach((id, i) => {
      const w = p.topTf[i]! * this.idf(this.termDf[id]!);
      xMap.set(id, w);
      x2 += w * w;
    });
    const aMap = new Map<number, number>();
    let a2 = 0;
    for (const id of p.c.actorIds) {
      const w = this.idf(this.actorDf[id]!);
      aMap.set(id, w);
      a2 += w * w;
    }
    return { xMap, xNorm: Math.sqrt(x2), aMap, aNorm: Math.sqrt(a2) };
  }

  private firstPass(): void {
    if (this.pending.length === 0 && !this.dirty) return;
    this.refined = null;
    const pending = this.pending.sort((a, b) => compareFeatures(a, b));
    this.pending = [];
    this.pendingIds.clear();
    const warm = warmSize(this.placed.length + pending.length);
    const last = this.placed[this.placed.length - 1];
    if (!this.dirty && warm === this.warm && (!last || !pending[0] || compareFeatures(last.c, pending[0]) < 0)) {
      for (const c of pending) this.process(c);
      return;
    }
    const all = [...this.placed.map((p) => p.c), ...pending].sort((a, b) => compareFeatures(a, b));
    this.termDf = [];
    this.actorDf = [];
    this.figureDf = [];
    this.placed = [];
    this.byId = new Map();
    this.storyList = [];
    this.termPostings = new Map();
    this.actorPostings = new Map();
    this.articleTermPostings = new Map();
    this.articleActorPostings = new Map();
    this.dirty = false;
    this.warm = warm;
    for (const c of all.slice(0, warm)) this.count(c);
    for (const c of all) this.process(c);
  }

  private count(c: Compact): void {
    for (const t of c.termIds) this.termDf[t] = (this.termDf[t] ?? 0) + 1;
    for (const a of c.actorIds) this.actorDf[a] = (this.actorDf[a] ?? 0) + 1;
    for (const q of c.figureIds) this.figureDf[q] = (this.figureDf[q] ?? 0) + 1;
  }

  private compact(f: StoryFeatures): Compact {
    const termIds = new Int32Array(f.terms.length);
    const termCounts = new Float32Array(f.terms.length);
    f.terms.forEach(([t, n], i) => {
      termIds[i] = this.vocab(this.termIds, this.termKeys, t);
      termCounts[i] = n;
    });
    const actorIds = new Int32Array(f.actors.length);
    const actorCounts = new Float32Array(f.actors.length);
    f.actors.forEach(([k, name, n], i) => {
      const id = this.vocab(this.actorIds, this.actorKeys, k);
      actorIds[i] = id;
      actorCounts[i] = n;
      const cur = this.actorNames[id];
      if (cur === undefined || name < cur) this.actorNames[id] = name;
    });
    const figureIds = Int32Array.from(f.figures ?? [], (k) => this.vocab(this.figureIdOf, this.figureKeys, k));
    return { id: f.id, language: f.language, day: f.day, termIds, termCounts, actorIds, actorCounts, dates: f.dates, years: f.years ?? [], figureIds };
  }

  private vocab(ids: Map<string, number>, keys: string[], key: string): number {
    let id = ids.get(key);
    if (id === undefined) {
      id = keys.length;
      ids.set(key, id);
      keys.push(key);
    }
    return id;
  }

  private idf(df: number): number {
    return Math.max(0, Math.log((Math.max(this.placed.length, this.warm) + 1) / (df + 0.5)));
  }

  private process(c: Compact): void {
    const cfg = this.config;
    const index = this.placed.length;
    if (index >= this.warm) this.count(c);
    const placed: Placed = { c, story: -1, score: null, parts: null, top: new Int32Array(0), topTf: new Float32Array(0), alt: -1, altScore: 0 };
    this.placed.push(placed);
    this.byId.set(c.id, index);

    // Salient terms: TF-IDF with the document frequencies as they stand now.
    const weighted: { id: number; tf: number; w: number }[] = [];
    c.termIds.forEach((id, i) => {
      const tf = 1 + Math.log(c.termCounts[i]!);
      weighted.push({ id, tf, w: tf * this.idf(this.termDf[id]!) });
    });
    weighted.sort((a, b) => b.w - a.w || (this.termKeys[a.id]! < this.termKeys[b.id]! ? -1 : 1));
    const top = weighted.slice(0, cfg.termsPerArticle);
    placed.top = Int32Array.from(top, (x) => x.id);
    placed.topTf = Float32Array.from(top, (x) => x.tf);
    const actors = [...c.actorIds].map((id) => ({ id, w: this.idf(this.actorDf[id]!) }));
    actors.sort((a, b) => b.w - a.w || (this.actorKeys[a.id]! < this.actorKeys[b.id]! ? -1 : 1));

    const { best, alt } = this.bestStory(placed, top, actors);
    if (alt) {
      placed.alt = alt.story;
      placed.altScore = alt.score;
    }
    if (best) {
      placed.story = best.story;
      placed.score = best.score;
      placed.parts = best.parts;
      this.join(this.storyList[best.story]!, index);
    } else {
      const n = this.storyList.length;
      const s: Story = {
        n,
        founder: c.id,
        language: c.language,
        members: [],
        first: null,
        last: null,
        terms: new Map(),
        actors: new Map(),
        dates: new Map(),
        monthDays: new Map(),
        years: new Map(),
        figures: new Map(),
        indexed: new Set(),
        termNorm: 0,
        actorNorm: 0,
        normN: -1,
      };
      this.storyList.push(s);
      placed.story = n;
      this.join(s, index);
    }
  }

  private bestStory(
    x: Placed,
    top: readonly { id: number; w: number }[],
    actors: readonly { id: number; w: number }[],
  ): { best: { story: number; score: number; parts: JoinParts } | null; alt: { story: number; score: number } | null } {
    const cfg = this.config;
    const scan = (postings: Map<number, number[]>, keys: readonly { id: number }[], hits: Map<number, number>) => {
      for (const k of keys.slice(0, cfg.lookupKeys)) {
        const list = postings.get(k.id);
        if (!list) continue;
        for (let i = Math.max(0, list.length - cfg.postingScan); i < list.length; i++) hits.set(list[i]!, (hits.get(list[i]!) ?? 0) + 1);
      }
    };
    const hits = new Map<number, number>();
    scan(this.termPostings, top, hits);
    scan(this.actorPostings, actors, hits);
    const shared = this.sharedWords(x.c.id);
    for (const s of shared.keys()) hits.set(s, (hits.get(s) ?? 0) + cfg.lookupKeys);
    const articleHits = new Map<number, number>();
    if (cfg.nearestWeight > 0) {
      scan(this.articleTermPostings, top, articleHits);
      scan(this.articleActorPostings, actors, articleHits);
    }

    const day = x.c.day;
    const allowed = (st: Story) => {
      if (day !== null && st.first !== null && gap(day, st) > cfg.windowDays) return false;
      const lx = x.c.language;
      if (lx && st.language && lx !== st.language) return (shared.get(st.n) ?? 0) >= cfg.crossLanguageReuseWords;
      return true;
    };
    const candidates = new Set(topByHits(hits, cfg.maxCandidates, (s) => allowed(this.storyList[s]!)));

    // Nearest members: the articles sharing the most keys, scored pairwise.
    const xMap = new Map(top.map((t) => [t.id, t.w]));
    const xNorm = Math.hypot(...top.map((t) => t.w));
    const aMap = new Map(actors.map((a) => [a.id, a.w]));
    const aNorm = Math.hypot(...actors.map((a) => a.w));
    const nearest = new Map<number, { article: number; score: number }>();
    if (cfg.nearestWeight > 0) {
      for (const y of topByHits(articleHits, cfg.maxCandidates, () => true)) {
        const py = this.placed[y]!;
        const st = this.storyList[py.story]!;
        if (!allowed(st)) continue;
        const score = combine(this.scoring.pairParts(x, py, xMap, xNorm, aMap, aNorm), cfg);
        const cur = nearest.get(st.n);
        if (!cur || score > cur.score || (score === cur.score && y < cur.article)) nearest.set(st.n, { article: y, score });
        candidates.add(st.n);
      }
    }
    if (candidates.size === 0) return { best: null, alt: null };

    let best: { story: number; score: number; parts: JoinParts } | null = null;
    // The two highest-scoring candidates, whatever the threshold: the one not joined is a merge candidate.
    let first: { story: number; score: number } | null = null;
    let second: { story: number; score: number } | null = null;
    for (const s of [...candidates].sort((a, b) => a - b)) {
      const st = this.storyList[s]!;
      const parts = this.scoring.profileParts(x, st, top, xNorm, actors, aNorm, shared.get(s) ?? 0);
      const near = nearest.get(s);
      const profile = combine(parts, cfg);
      let score = (1 - cfg.nearestWeight) * profile + cfg.nearestWeight * (near?.score ?? 0);
      // Across languages, the shared passage that let the story through the language guard is the evidence.
      if (x.c.language && st.language && x.c.language !== st.language) score = Math.max(score, parts.passages);
      if (!first || score > first.score) {
        second = first;
        first = { story: s, score };
      } else if (!second || score > second.score) second = { story: s, score };
      if (score >= cfg.threshold && (!best || score > best.score || (score === best.score && s < best.story))) {
        best = { story: s, score, parts: { ...parts, nearest: near ? this.placed[near.article]!.c.id : null, nearestScore: near?.score ?? 0 } };
      }
    }
    return { best, alt: best ? second : first };
  }

  private sharedWords(id: string): Map<number, number> {
    const out = new Map<number, number>();
    for (const [other, words] of this.reuse.get(id) ?? []) {
      const i = this.byId.get(other);
      if (i === undefined || i >= this.placed.length - 1) continue;
      const s = this.placed[i]!.story;
      out.set(s, (out.get(s) ?? 0) + words);
    }
    return out;
  }

  private join(st: Story, index: number): void {
    const cfg = this.config;
    const p = this.placed[index]!;
    st.members.push(index);
    st.normN = -1;
    const day = p.c.day;
    if (day !== null) {
      st.first = st.first === null ? day : Math.min(st.first, day);
      st.last = st.last === null ? day : Math.max(st.last, day);
    }
    p.top.forEach((id, i) => st.terms.set(id, (st.terms.get(id) ?? 0) + p.topTf[i]!));
    if (st.terms.size > 2 * cfg.termsPerStory) prune(st.terms, cfg.termsPerStory, this.termKeys);
    for (const a of p.c.actorIds) st.actors.set(a, (st.actors.get(a) ?? 0) + 1);
    if (st.actors.size > 2 * cfg.termsPerStory) prune(st.actors, cfg.termsPerStory, this.actorKeys);
    for (const y of p.c.years) st.years.set(y, (st.years.get(y) ?? 0) + 1);
    for (const q of p.c.figureIds) st.figures.set(q, (st.figures.get(q) ?? 0) + 1);
    if (st.figures.size > 2 * cfg.termsPerStory) prune(st.figures, cfg.termsPerStory, this.figureKeys);
    for (const d of p.c.dates) {
      st.dates.set(d, (st.dates.get(d) ?? 0) + 1);
      st.monthDays.set(d.slice(5), (st.monthDays.get(d.slice(5)) ?? 0) + 1);
    }
    const post = (postings: Map<number, number[]>, id: number, key: number) => {
      if (st.indexed.has(key)) return;
      st.indexed.add(key);
      let list = postings.get(id);
      if (!list) postings.set(id, (list = []));
      list.push(st.n);
    };
    for (const id of p.top.slice(0, cfg.lookupKeys)) post(this.termPostings, id, id * 2);
    for (const id of p.c.actorIds) post(this.actorPostings, id, id * 2 + 1);
    const postArticle = (postings: Map<number, number[]>, id: number) => {
      let list = postings.get(id);
      if (!list) postings.set(id, (list = []));
      list.push(index);
    };
    if (cfg.nearestWeight > 0) {
      for (const id of p.top.slice(0, cfg.lookupKeys)) postArticle(this.articleTermPostings, id);
      for (const id of p.c.actorIds) postArticle(this.articleActorPostings, id);
    }
  }

  /** A final story (first-pass story `n` and those merged into it). */
  private storyRow(n: number, r: Refined): StoryRow {
    const s = this.storyList[n]!;
    const members = r.members.get(n)!;
    let first: number | null = null;
    let last: number | null = null;
    for (const i of members) {
      const d = this.placed[i]!.c.day;
      if (d === null) continue;
      first = first === null ? d : Math.min(first, d);
      last = last === null ? d : Math.max(last, d);
    }
    return {
      id: s.founder,
      articles: members.map((i) => this.placed[i]!.c.id),
      language: s.language,
      first: first === null ? null : isoDay(first),
      last: last === null ? null : isoDay(last),
    };
  }
}

/**
 * The k keys with the most hits (ties: lower key first) that pass `keep`, without sorting every key: hit counts
 * are small integers, so keys are bucketed by count and only the last bucket needed is sorted.
 */
function topByHits(hits: Map<number, number>, k: number, keep: (key: number) => boolean): number[] {
  const buckets: number[][] = [];
  for (const [key, n] of hits) (buckets[n] ??= []).push(key);
  const out: number[] = [];
  for (let n = buckets.length - 1; n > 0 && out.length < k; n--) {
    const b = buckets[n];
    if (!b) continue;
    b.sort((x, y) => x - y);
    for (const key of b) {
      if (out.length >= k) break;
      if (keep(key)) out.push(key);
    }
  }
  return out;
}

/**
 * Stored story rows, checked for the current features format: rows written before articles kept their figures
 * (StoryFeatures.figures) throw, so that a caller that rebuilds on a throw (the corpus run's loadIndexes) gets
 * the figures back; `fromRows` itself reads such rows as articles without figures.
 */
export function readStoryRows(data: unknown): StoryMemberRow[] {
  if (!Array.isArray(data)) throw new Error('story rows: not a list');
  for (const r of data as { features?: { figures?: unknown } }[]) {
    if (!Array.isArray(r?.features?.figures)) throw new Error('story rows: written before figures were kept; rebuild');
  }
  return data as StoryMemberRow[];
}

/** Cluster a whole set of articles at once (convenience over StoryIndex). */
export function clusterStories(articles: readonly StoryArticleInput[], config: Partial<StoryConfig> = {}, reuse: readonly ReusePair[] = []): StoryIndex {
  const index = new StoryIndex(config);
  index.addReuse(reuse);
  for (const a of articles) index.add(a);
  return index;
}
