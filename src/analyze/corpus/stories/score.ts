import type { StoryConfig } from './config.js';
import type { Placed, ScoreParts, Story } from './types.js';

/** The warm-up prefix for a corpus of n articles: the largest power of two <= n. */
export function warmSize(n: number): number {
  return n < 1 ? 0 : 2 ** Math.floor(Math.log2(n));
}

/** Days from `day` to the range [first, last] (0 inside it). */
export function gap(day: number, st: { readonly first: number | null; readonly last: number | null }): number {
  if (st.first === null || st.last === null) return 0;
  return day < st.first ? st.first - day : day > st.last ? day - st.last : 0;
}

/** The score formula (documented in config.ts). */
export function combine(p: ScoreParts, cfg: StoryConfig): number {
  const base = p.actors === null ? p.text : (cfg.textWeight * p.text + cfg.actorWeight * p.actors) / (cfg.textWeight + cfg.actorWeight);
  const score = (base + cfg.dateWeight * p.dates + cfg.passageWeight * p.passages + cfg.figureWeight * p.figures) * (p.yearsDisjoint ? cfg.yearMismatch : 1);
  return p.gapDays === null ? score : score * Math.exp(-p.gapDays / cfg.timeDecayDays);
}

export function prune(m: Map<number, number>, keep: number, keys: readonly string[]): void {
  const sorted = [...m].sort((a, b) => b[1] - a[1] || (keys[a[0]]! < keys[b[0]]! ? -1 : 1));
  m.clear();
  for (const [k, v] of sorted.slice(0, keep)) m.set(k, v);
}

export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The score parts of an article against a story profile or against one earlier article, under the IDF of
 * the index as it stands (read through `idf`, `termDf`, `actorDf`, `corpusSize`).
 */
export class Scoring {
  constructor(
    readonly config: StoryConfig,
    private readonly state: {
      readonly termDf: () => readonly number[];
      readonly actorDf: () => readonly number[];
      readonly figureDf: () => readonly number[];
      readonly corpusSize: () => number;
      readonly idf: (df: number) => number;
      readonly reuseWords: (a: string, b: string) => number;
    },
  ) {}

  private idf(df: number): number {
    return this.state.idf(df);
  }

  /**
   * Shared figures as a 0-1 part: each shared figure counts (IDF / IDF of a figure one article states)^2, so a
   * figure that many articles of the corpus repeat (a group's size, a standing death toll: background) counts
   * little, and one that only these articles state counts fully.
   */
  private figures(shared: Iterable<number>): number {
    const unique = this.idf(1);
    if (!(unique > 0)) return 0;
    let sum = 0;
    for (const id of shared) sum += Math.min(1, this.idf(this.state.figureDf()[id] ?? 0) / unique) ** 2;
    return Math.min(1, sum / this.config.figuresFull);
  }

  /** The same score formula, article against one earlier article (current IDF on both sides). */
  pairParts(x: Placed, y: Placed, xMap: Map<number, number>, xNorm: number, aMap: Map<number, number>, aNorm: number): ScoreParts {
    let dot = 0;
    let yNorm = 0;
    y.top.forEach((id, i) => {
      const w = y.topTf[i]! * this.idf(this.state.termDf()[id]!);
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
        const w = this.idf(this.state.actorDf()[id]!);
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
    const words = this.state.reuseWords(x.c.id, y.c.id);
    const figures = this.figures(x.c.figureIds.filter((id) => y.c.figureIds.includes(id)));
    const yearsDisjoint = x.c.years.length > 0 && y.c.years.length > 0 && !x.c.years.some((v) => y.c.years.includes(v));
    return {
      text,
      actors,
      dates: Math.min(1, matched / this.config.datesFull),
      passages: Math.min(1, words / this.config.reuseFullWords),
      figures,
      yearsDisjoint,
      gapDays: x.c.day !== null && y.c.day !== null ? Math.abs(x.c.day - y.c.day) : null,
    };
  }

  profileParts(
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
      if (v) dot += t.w * v * this.idf(this.state.termDf()[t.id]!);
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
    const figures = this.figures(x.c.figureIds.filter((id) => st.figures.has(id)));
    const day = x.c.day;
    const yearsDisjoint = x.c.years.length > 0 && st.years.size > 0 && !x.c.years.some((y) => st.years.has(y));
    return { text, actors: actorScore, dates, passages, figures, yearsDisjoint, gapDays: day !== null && st.first !== null ? gap(day, st) : null };
  }

  /**
   * The norms of a story's profiles under the current IDF. Recomputed when the story changed or the corpus grew
   * by more than 1% since: the IDF of a large corpus moves slowly, and this keeps scoring linear in corpus size.
   * Still exact for the order-independence guarantee: it depends only on the canonical sequence.
   */
  refreshNorms(st: Story): void {
    const n = this.state.corpusSize();
    if (st.normN >= 0 && n <= st.normN * 1.01) return;
    let t = 0;
    for (const [id, v] of st.terms) t += (v * this.idf(this.state.termDf()[id]!)) ** 2;
    let a = 0;
    for (const [id, v] of st.actors) a += (v * this.idf(this.state.actorDf()[id]!)) ** 2;
    st.termNorm = Math.sqrt(t);
    st.actorNorm = Math.sqrt(a);
    st.normN = n;
  }
}
