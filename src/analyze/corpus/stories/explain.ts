import type { StoryIndex } from './index.js';
import type { StoryMerge } from './refine.js';
import type { JoinParts, StoryRow } from './types.js';

/**
 * Why the articles of a story belong together: the actors, days, passages, figures and salient terms that at least
 * two of them share, and for each article the score (and its parts) with which it joined.
 */
export interface StoryExplanation {
  readonly story: StoryRow;
  /** Each article with the score and parts with which it joined its first-pass story (null: it founded one). */
  readonly articles: readonly { readonly id: string; readonly score: number | null; readonly parts: JoinParts | null }[];
  /** First-pass stories merged into this one by the merge pass, with the mean pair score that decided. */
  readonly merges: readonly StoryMerge[];
  /** Entity names shared by two or more articles, most shared and most specific (IDF) first. */
  readonly actors: readonly { readonly name: string; readonly articles: readonly string[] }[];
  /** Mentioned days shared by two or more articles ('XXXX-06-20' meets '2023-06-20'). */
  readonly dates: readonly { readonly value: string; readonly articles: readonly string[] }[];
  /** Shared passages between members (when the reuse signal was given). */
  readonly passages: readonly { readonly a: string; readonly b: string; readonly words: number }[];
  /** Specific figures shared by two or more articles ('member:2000': what is counted or the unit, and the value), most specific first. */
  readonly figures: readonly { readonly figure: string; readonly articles: readonly string[] }[];
  /** Salient terms shared by two or more articles, by summed TF-IDF weight. */
  readonly terms: readonly { readonly term: string; readonly weight: number; readonly articles: readonly string[] }[];
}

const LIMIT = 12;

export function explainStory(index: StoryIndex, storyId: string): StoryExplanation | null {
  const v = index.view(storyId);
  if (!v) return null;
  const ids = v.members.map((m) => m.f.id);

  const actorArticles = new Map<number, string[]>();
  const actorIdOf = new Map(index.actorKeys.map((k, i) => [k, i]));
  for (const m of v.members) {
    for (const [key] of m.f.actors) {
      const id = actorIdOf.get(key)!;
      const list = actorArticles.get(id) ?? [];
      list.push(m.f.id);
      actorArticles.set(id, list);
    }
  }
  const actors = [...actorArticles]
    .filter(([, list]) => list.length >= 2)
    .map(([id, list]) => ({ id, list, w: list.length * v.idfActor(id) }))
    .sort((a, b) => b.list.length - a.list.length || b.w - a.w || (index.actorKeys[a.id]! < index.actorKeys[b.id]! ? -1 : 1))
    .slice(0, LIMIT)
    .map((a) => ({ name: index.actorNames[a.id]!, articles: a.list }));

  const byMonthDay = new Map<string, { value: string; articles: Set<string> }>();
  for (const m of v.members) {
    for (const d of m.f.dates) {
      const md = d.slice(5);
      const cur = byMonthDay.get(md) ?? { value: d, articles: new Set<string>() };
      if (cur.value.startsWith('XXXX') && !d.startsWith('XXXX')) cur.value = d;
      cur.articles.add(m.f.id);
      byMonthDay.set(md, cur);
    }
  }
  const dates = [...byMonthDay.values()]
    .filter((d) => d.articles.size >= 2)
    .sort((a, b) => b.articles.size - a.articles.size || (a.value < b.value ? -1 : 1))
    .slice(0, LIMIT)
    .map((d) => ({ value: d.value, articles: [...d.articles] }));

  const members = new Set(ids);
  const passages: { a: string; b: string; words: number }[] = [];
  for (const a of ids) {
    for (const [b, words] of v.reuse.get(a) ?? []) if (members.has(b) && a < b) passages.push({ a, b, words });
  }
  passages.sort((x, y) => y.words - x.words || (x.a < y.a ? -1 : 1));

  const figureArticles = new Map<number, string[]>();
  const figureIdOf = new Map(index.figureKeys.map((k, i) => [k, i]));
  for (const m of v.members) {
    for (const key of m.f.figures ?? []) {
      const id = figureIdOf.get(key)!;
      figureArticles.set(id, [...(figureArticles.get(id) ?? []), m.f.id]);
    }
  }
  const figures = [...figureArticles]
    .filter(([, list]) => list.length >= 2)
    .map(([id, list]) => ({ id, list, w: list.length * v.idfFigure(id) }))
    .sort((a, b) => b.w - a.w || (index.figureKeys[a.id]! < index.figureKeys[b.id]! ? -1 : 1))
    .slice(0, LIMIT)
    .map((f) => ({ figure: index.figureKeys[f.id]!, articles: f.list }));

  const termArticles = new Map<number, { w: number; articles: string[] }>();
  for (const m of v.members) {
    m.placed.top.forEach((id, i) => {
      const cur = termArticles.get(id) ?? { w: 0, articles: [] };
      cur.w += m.placed.topTf[i]! * v.idfTerm(id);
      cur.articles.push(m.f.id);
      termArticles.set(id, cur);
    });
  }
  const terms = [...termArticles]
    .filter(([, t]) => t.articles.length >= 2)
    .sort((a, b) => b[1].w - a[1].w || (index.termKeys[a[0]]! < index.termKeys[b[0]]! ? -1 : 1))
    .slice(0, LIMIT)
    .map(([id, t]) => ({ term: index.termKeys[id]!, weight: round(t.w), articles: t.articles }));

  return {
    story: v.story,
    articles: v.members.map((m) => ({ id: m.f.id, score: m.placed.score === null ? null : round(m.placed.score), parts: m.placed.parts })),
    merges: v.merges,
    actors,
    dates,
    passages,
    figures,
    terms,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
