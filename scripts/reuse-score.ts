import type { Span } from '../src/domain/span.js';
import type { ReusePair } from '../src/analyze/corpus/reuse/index.js';

/**
 * Passage-level scoring of reuse pairs against reference passages.
 *  - A reference passage is found when one reported pair of the same two articles covers at least half of
 *    its characters on both sides (coverage = |reported ∩ reference| / |reference|).
 *  - A reported pair is correct when at least half of its characters, on both sides, lie inside reference
 *    passages of the same two articles (planted gold, or reuse that was already in the base texts).
 * A reported passage that merges two adjacent gold passages thus finds both and stays correct; one that
 * runs far past its gold passage is wrong.
 */
export interface RefSide {
  readonly articleId: string;
  readonly span: Span;
}
export interface RefPassage {
  readonly a: RefSide;
  readonly b: RefSide;
}

function inter(x: Span, y: Span): number {
  return Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
}

/** The reference seen with `a` on article `id`, or null when it is not about (id, other). */
function oriented(r: RefPassage, id: string, other: string): RefPassage | null {
  if (r.a.articleId === id && r.b.articleId === other) return r;
  if (r.b.articleId === id && r.a.articleId === other) return { a: r.b, b: r.a };
  return null;
}

export function coverage(part: Span, of: Span): number {
  const len = of.end - of.start;
  return len <= 0 ? 0 : inter(part, of) / len;
}

/** Characters of `s` covered by the union of `spans`, as a fraction of `s`. */
function coveredBy(s: Span, spans: readonly Span[]): number {
  const cuts = spans
    .map((x) => ({ start: Math.max(x.start, s.start), end: Math.min(x.end, s.end) }))
    .filter((x) => x.end > x.start)
    .sort((x, y) => x.start - y.start);
  let covered = 0;
  let reach = s.start;
  for (const c of cuts) {
    if (c.end <= reach) continue;
    covered += c.end - Math.max(c.start, reach);
    reach = c.end;
  }
  return s.end > s.start ? covered / (s.end - s.start) : 0;
}

function byArticlePair<T extends RefPassage>(xs: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = x.a.articleId < x.b.articleId ? `${x.a.articleId}\t${x.b.articleId}` : `${x.b.articleId}\t${x.a.articleId}`;
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/** The reported pair that best covers `gold` (min of both sides' coverage), with that coverage. */
export function bestMatch(gold: RefPassage, reported: readonly ReusePair[]): { pair: ReusePair | null; coverage: number } {
  let best: ReusePair | null = null;
  let bestCov = 0;
  for (const p of reported) {
    const g = oriented(gold, p.a.articleId, p.b.articleId);
    if (!g) continue;
    const c = Math.min(coverage(p.a.span, g.a.span), coverage(p.b.span, g.b.span));
    if (c > bestCov) {
      best = p;
      bestCov = c;
    }
  }
  return { pair: best, coverage: bestCov };
}

export interface Score {
  readonly gold: number;
  readonly found: number;
  readonly reported: number;
  readonly correct: number;
  /** Correct pairs explained by the planted passages alone (the rest by reuse already in the base texts). */
  readonly correctPlanted: number;
  readonly recall: number;
  readonly precision: number;
  /** Over found gold passages: mean of |∩| / |∪| of the best pair's spans with the gold spans (worse side). */
  readonly boundaryJaccard: number;
  readonly foundGold: readonly boolean[];
  readonly wrong: readonly ReusePair[];
}

export function scorePairs(gold: readonly RefPassage[], genuine: readonly RefPassage[], reported: readonly ReusePair[]): Score {
  const reportedBy = byArticlePair(reported);
  const keyOf = (r: RefPassage): string => (r.a.articleId < r.b.articleId ? `${r.a.articleId}\t${r.b.articleId}` : `${r.b.articleId}\t${r.a.articleId}`);
  const foundGold: boolean[] = [];
  let jaccard = 0;
  for (const g of gold) {
    const { pair, coverage: c } = bestMatch(g, reportedBy.get(keyOf(g)) ?? []);
    const ok = pair !== null && c >= 0.5;
    foundGold.push(ok);
    if (ok && pair) {
      const og = oriented(g, pair.a.articleId, pair.b.articleId) as RefPassage;
      const jac = (x: Span, y: Span): number => inter(x, y) / (Math.max(x.end, y.end) - Math.min(x.start, y.start));
      jaccard += Math.min(jac(pair.a.span, og.a.span), jac(pair.b.span, og.b.span));
    }
  }
  const refsBy = byArticlePair([...gold, ...genuine]);
  const goldBy = byArticlePair(gold);
  let correct = 0;
  let correctPlanted = 0;
  const wrong: ReusePair[] = [];
  for (const p of reported) {
    const refs = (refsBy.get(keyOf(p)) ?? []).map((r) => oriented(r, p.a.articleId, p.b.articleId) as RefPassage);
    const ok =
      refs.length > 0 &&
      coveredBy(
        p.a.span,
        refs.map((r) => r.a.span),
      ) >= 0.5 &&
      coveredBy(
        p.b.span,
        refs.map((r) => r.b.span),
      ) >= 0.5;
    if (ok) correct++;
    else wrong.push(p);
    const planted = (goldBy.get(keyOf(p)) ?? []).map((r) => oriented(r, p.a.articleId, p.b.articleId) as RefPassage);
    if (ok && planted.length > 0 && coveredBy(p.a.span, planted.map((r) => r.a.span)) >= 0.5 && coveredBy(p.b.span, planted.map((r) => r.b.span)) >= 0.5) correctPlanted++;
  }
  const found = foundGold.filter(Boolean).length;
  return {
    gold: gold.length,
    found,
    reported: reported.length,
    correct,
    correctPlanted,
    recall: gold.length ? found / gold.length : 1,
    precision: reported.length ? correct / reported.length : 1,
    boundaryJaccard: found ? jaccard / found : 0,
    foundGold,
    wrong,
  };
}
