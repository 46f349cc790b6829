import { STORY_DEFAULTS, type StoryConfig } from './config.js';
import { compareFeatures, storyFeatures, type StoryArticleInput, type StoryFeatures } from './features.js';

export { STORY_DEFAULTS, type StoryConfig } from './config.js';
export { storyFeatures, type StoryArticleInput, type StoryFeatures } from './features.js';
export { explainStory, type StoryExplanation } from './explain.js';

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
 * There is no merge or split pass: between replays a story changes only by an article joining it.
 */

/** Shared passages between two articles, as the reuse stage reports them (word count of the aligned passages). */
export interface ReusePair {
  readonly a: string;
  readonly b: string;
  readonly words: number;
}

/** The parts of the score with which an article joined its story. */
export interface ScoreParts {
  readonly text: number;
  readonly actors: number | null;
  readonly dates: number;
  readonly passages: number;
  /** Both state years outright and none is shared (then the score is multiplied by `yearMismatch`). */
  readonly yearsDisjoint: boolean;
  /** Publish-date gap to the story in days, null when either side is undated. */
  readonly gapDays: number | null;
}

/** How an article joined: its score against the story profile, and against the most similar member. */
export interface JoinParts extends ScoreParts {
  /** The member most similar to the article, and the pair score (same formula, article against article). */
  readonly nearest: string | null;
  readonly nearestScore: number;
}

/** One article's place: a plain row (JSON-able) for the store. */
export interface StoryMemberRow {
  readonly article: string;
  /** The story id: the id of the story's first article in canonical order. */
  readonly story: string;
  /** Score with which it joined; null for the article that founded the story. */
  readonly score: number | null;
  readonly parts: JoinParts | null;
  readonly features: StoryFeatures;
}

export interface StoryRow {
  readonly id: string;
  readonly articles: readonly string[];
  readonly language: string | null;
  /** First and last publish day of its dated members ('YYYY-MM-DD'), null when none is dated. */
  readonly first: string | null;
  readonly last: string | null;
}

/** An article with its features turned into vocabulary ids (compact: 100,000 articles fit in memory). */
interface Compact {
  readonly id: string;
  readonly language: string | null;
  readonly day: number | null;
  readonly termIds: Int32Array;
  readonly termCounts: Float32Array;
  readonly actorIds: Int32Array;
  readonly actorCounts: Float32Array;
  readonly dates: readonly string[];
  readonly years: readonly string[];
}

interface Placed {
  readonly c: Compact;
  story: number;
  score: number | null;
  parts: JoinParts | null;
  /** Salient terms at join time: vocabulary ids and their log term frequency. */
  top: Int32Array;
  topTf: Float32Array;
}

interface Story {
  readonly n: number;
  readonly founder: string;
  readonly language: string | null;
  readonly members: number[];
  first: number | null;
  last: number | null;
  readonly terms: Map<number, number>;
  readonly actors: Map<number, number>;
  readonly dates: Map<string, number>;
  readonly monthDays: Map<string, number>;
  readonly years: Map<string, number>;
  readonly indexed: Set<number>;
  /** Cached profile norms under the IDF of a corpus of `normN` articles; dropped when the story changes. */
  termNorm: number;
  actorNorm: number;
  normN: number;
}

export class StoryIndex {
  readonly config: StoryConfig;
  // Vocabulary: shared across replays (ids never decide an outcome; ties are broken on the strings).
  private readonly termIds = new Map<string, number>();
  readonly termKeys: string[] = [];
  private readonly actorIds = new Map<string, number>();
  readonly actorKeys: string[] = [];
  readonly actorNames: string[] = [];
  // Corpus state, rebuilt by a replay.
  private termDf: number[] = [];
  private actorDf: number[] = [];
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

  constructor(config: Partial<StoryConfig> = {}) {
    this.config = { ...STORY_DEFAULTS, ...config };
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
    this.settle();
    const rows = this.storyList.map((s) => this.storyRow(s));
    return rows.sort((a, b) => b.articles.length - a.articles.length || (a.id < b.id ? -1 : 1));
  }

  /** The story id of an article, or null when it is unknown. */
  storyOf(articleId: string): string | null {
    this.settle();
    const i = this.byId.get(articleId);
    return i === undefined ? null : this.storyList[this.placed[i]!.story]!.founder;
  }

  /** Plain rows, one per article in canonical order: what the store keeps; `fromRows` replays them. */
  rows(): StoryMemberRow[] {
    this.settle();
    return this.placed.map((p) => ({
      article: p.c.id,
      story: this.storyList[p.story]!.founder,
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
  view(storyId: string): { story: StoryRow; members: { placed: Placed; f: StoryFeatures }[]; reuse: Map<string, Map<string, number>>; idfTerm: (id: number) => number; idfActor: (id: number) => number } | null {
    this.settle();
    const s = this.storyList.find((x) => x.founder === storyId);
    if (!s) return null;
    return {
      story: this.storyRow(s),
      members: s.members.map((i) => ({ placed: this.placed[i]!, f: this.features(this.placed[i]!.c) })),
      reuse: this.reuse,
      idfTerm: (id) => this.idf(this.termDf[id] ?? 0),
      idfActor: (id) => this.idf(this.actorDf[id] ?? 0),
    };
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
  private settle(): void {
    if (this.pending.length === 0 && !this.dirty) return;
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
    return { id: f.id, language: f.language, day: f.day, termIds, termCounts, actorIds, actorCounts, dates: f.dates, years: f.years ?? [] };
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
    const placed: Placed = { c, story: -1, score: null, parts: null, top: new Int32Array(0), topTf: new Float32Array(0) };
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

    const best = this.bestStory(placed, top, actors);
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
  ): { story: number; score: number; parts: JoinParts } | null {
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
    const byHits = (a: [number, number], b: [number, number]) => b[1] - a[1] || a[0] - b[0];
    const candidates = new Set(
      [...hits]
        .filter(([s]) => allowed(this.storyList[s]!))
        .sort(byHits)
        .slice(0, cfg.maxCandidates)
        .map(([s]) => s),
    );

    // Nearest members: the articles sharing the most keys, scored pairwise.
    const xMap = new Map(top.map((t) => [t.id, t.w]));
    const xNorm = Math.hypot(...top.map((t) => t.w));
    const aMap = new Map(actors.map((a) => [a.id, a.w]));
    const aNorm = Math.hypot(...actors.map((a) => a.w));
    const nearest = new Map<number, { article: number; score: number }>();
    if (cfg.nearestWeight > 0) {
      for (const [y] of [...articleHits].sort(byHits).slice(0, cfg.maxCandidates)) {
        const py = this.placed[y]!;
        const st = this.storyList[py.story]!;
        if (!allowed(st)) continue;
        const score = combine(this.pairParts(x, py, xMap, xNorm, aMap, aNorm), cfg);
        const cur = nearest.get(st.n);
        if (!cur || score > cur.score || (score === cur.score && y < cur.article)) nearest.set(st.n, { article: y, score });
        candidates.add(st.n);
      }
    }
    if (candidates.size === 0) return null;

    let best: { story: number; score: number; parts: JoinParts } | null = null;
    for (const s of [...candidates].sort((a, b) => a - b)) {
      const st = this.storyList[s]!;
      const parts = this.scoreParts(x, st, top, xNorm, actors, aNorm, shared.get(s) ?? 0);
      const near = nearest.get(s);
      const profile = combine(parts, cfg);
      let score = (1 - cfg.nearestWeight) * profile + cfg.nearestWeight * (near?.score ?? 0);
      // Across languages, the shared passage that let the story through the language guard is the evidence.
      if (x.c.language && st.language && x.c.language !== st.language) score = Math.max(score, parts.passages);
      if (score >= cfg.threshold && (!best || score > best.score || (score === best.score && s < best.story))) {
        best = { story: s, score, parts: { ...parts, nearest: near ? this.placed[near.article]!.c.id : null, nearestScore: near?.score ?? 0 } };
      }
    }
    return best;
  }

  /** The same score formula, article against one earlier article (current IDF on both sides). */
  private pairParts(x: Placed, y: Placed, xMap: Map<number, number>, xNorm: number, aMap: Map<number, number>, aNorm: number): ScoreParts {
    let dot = 0;
    let yNorm = 0;
    y.top.forEach((id, i) => {
      const w = y.topTf[i]! * this.idf(this.termDf[id]!);
      yNorm += w * w;
      const xw = xMap.get(id);
      if (xw) dot += xw * w;
    });
    const text = dot > 0 && xNorm > 0 ? dot / (xNorm * Math.sqrt(yNorm)) : 0;
    let actors: number | null = null;
    if (aMap.size > 0 || y.c.actorIds.length > 0) {
      let adot = 0;
      let ayNorm = 0;
      for (const id of y.c.actorIds) {
        const w = this.idf(this.actorDf[id]!);
        ayNorm += w * w;
        const xw = aMap.get(id);
        if (xw) adot += xw * w;
      }
      actors = adot > 0 && aNorm > 0 ? adot / (aNorm * Math.sqrt(ayNorm)) : 0;
    }
    let matched = 0;
    for (const d of x.c.dates) {
      const md = d.slice(5);
      if (y.c.dates.some((e) => e === d || (e.slice(5) === md && (e.startsWith('XXXX') || d.startsWith('XXXX'))))) matched++;
    }
    const words = this.reuse.get(x.c.id)?.get(y.c.id) ?? 0;
    const yearsDisjoint = x.c.years.length > 0 && y.c.years.length > 0 && !x.c.years.some((v) => y.c.years.includes(v));
    return {
      text,
      actors,
      dates: Math.min(1, matched / this.config.datesFull),
      passages: Math.min(1, words / this.config.reuseFullWords),
      yearsDisjoint,
      gapDays: x.c.day !== null && y.c.day !== null ? Math.abs(x.c.day - y.c.day) : null,
    };
  }

  private scoreParts(
    x: Placed,
    st: Story,
    top: readonly { id: number; w: number }[],
    xNorm: number,
    actors: readonly { id: number; w: number }[],
    aNorm: number,
    sharedWords: number,
  ): ScoreParts {
    const cfg = this.config;
    let dot = 0;
    for (const t of top) {
      const v = st.terms.get(t.id);
      if (v) dot += t.w * v * this.idf(this.termDf[t.id]!);
    }
    if (dot > 0 || (actors.length > 0 && st.actors.size > 0)) this.refreshNorms(st);
    const text = dot > 0 && xNorm > 0 ? dot / (xNorm * st.termNorm) : 0;

    let actorScore: number | null = null;
    if (actors.length > 0 || st.actors.size > 0) {
      let adot = 0;
      for (const a of actors) {
        const v = st.actors.get(a.id);
        if (v) adot += a.w * v * a.w;
      }
      actorScore = adot > 0 && aNorm > 0 ? adot / (aNorm * st.actorNorm) : 0;
    }

    let matched = 0;
    for (const d of x.c.dates) {
      const md = d.slice(5);
      if (d.startsWith('XXXX')) {
        if (st.monthDays.has(md)) matched++;
      } else if (st.dates.has(d) || st.dates.has(`XXXX-${md}`)) matched++;
    }
    const dates = Math.min(1, matched / cfg.datesFull);
    const passages = Math.min(1, sharedWords / cfg.reuseFullWords);
    const day = x.c.day;
    const yearsDisjoint = x.c.years.length > 0 && st.years.size > 0 && !x.c.years.some((y) => st.years.has(y));
    return { text, actors: actorScore, dates, passages, yearsDisjoint, gapDays: day !== null && st.first !== null ? gap(day, st) : null };
  }

  /**
   * The norms of a story's profiles under the current IDF. Recomputed when the story changed or the corpus grew
   * by more than 1% since: the IDF of a large corpus moves slowly, and this keeps scoring linear in corpus size.
   * Still exact for the order-independence guarantee: it depends only on the canonical sequence.
   */
  private refreshNorms(st: Story): void {
    const n = this.placed.length;
    if (st.normN >= 0 && n <= st.normN * 1.01) return;
    let t = 0;
    for (const [id, v] of st.terms) t += (v * this.idf(this.termDf[id]!)) ** 2;
    let a = 0;
    for (const [id, v] of st.actors) a += (v * this.idf(this.actorDf[id]!)) ** 2;
    st.termNorm = Math.sqrt(t);
    st.actorNorm = Math.sqrt(a);
    st.normN = n;
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

  private storyRow(s: Story): StoryRow {
    return {
      id: s.founder,
      articles: s.members.map((i) => this.placed[i]!.c.id),
      language: s.language,
      first: s.first === null ? null : isoDay(s.first),
      last: s.last === null ? null : isoDay(s.last),
    };
  }
}

/** The warm-up prefix for a corpus of n articles: the largest power of two <= n. */
export function warmSize(n: number): number {
  return n < 1 ? 0 : 2 ** Math.floor(Math.log2(n));
}

function gap(day: number, st: Story): number {
  if (st.first === null || st.last === null) return 0;
  return day < st.first ? st.first - day : day > st.last ? day - st.last : 0;
}

/** The score formula (documented in config.ts). */
export function combine(p: ScoreParts, cfg: StoryConfig): number {
  const base = p.actors === null ? p.text : (cfg.textWeight * p.text + cfg.actorWeight * p.actors) / (cfg.textWeight + cfg.actorWeight);
  const score = (base + cfg.dateWeight * p.dates + cfg.passageWeight * p.passages) * (p.yearsDisjoint ? cfg.yearMismatch : 1);
  return p.gapDays === null ? score : score * Math.exp(-p.gapDays / cfg.timeDecayDays);
}

function prune(m: Map<number, number>, keep: number, keys: readonly string[]): void {
  const sorted = [...m].sort((a, b) => b[1] - a[1] || (keys[a[0]]! < keys[b[0]]! ? -1 : 1));
  m.clear();
  for (const [k, v] of sorted.slice(0, keep)) m.set(k, v);
}

export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Cluster a whole set of articles at once (convenience over StoryIndex). */
export function clusterStories(articles: readonly StoryArticleInput[], config: Partial<StoryConfig> = {}, reuse: readonly ReusePair[] = []): StoryIndex {
  const index = new StoryIndex(config);
  index.addReuse(reuse);
  for (const a of articles) index.add(a);
  return index;
}
