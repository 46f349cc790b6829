import type { SourceRef } from '../../../domain/corpus.js';
import type { StoredFinding } from '../../../domain/finding.js';
import type { EntityData, EntityType, EntityVia } from '../../../domain/findings.js';
import { isAcronymShape, nameKey, spells, surfaceOf } from './names.js';

/*
 * The compact state the aliases index keeps: per surface name, its type votes and mentions per article;
 * the aliases articles define for it (with the defining mention); adjacent "A (B)" definitions. No texts.
 * Everything is plain JSON (records, not maps) so that rows() is the state itself.
 */

export interface AliasArticleInput {
  readonly id: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly text: string;
  /** Stored findings of kind 'entity' (others are ignored). */
  readonly entities: readonly StoredFinding[];
}

export type AliasVia = 'acronym' | 'known-as' | 'short-form';

export interface AliasStats {
  via: AliasVia;
  /** Mentions of the alias per article. */
  articles: Record<string, number>;
  /** Per article, the mention that defines the full name (the antecedent). */
  refs: Record<string, SourceRef>;
}

export interface NameStats {
  readonly name: string;
  /** Votes PER, ORG, LOC, MISC. */
  types: [number, number, number, number];
  /** Mentions of this surface per article. */
  articles: Record<string, number>;
  /** Mentions that describe it ("the foreign minister") per article: counted for the actor, not a name. */
  described: Record<string, number>;
  /** The first mention (smallest article id, then offset). */
  ref: SourceRef | null;
  /** Aliases that articles link to this full name, by surface. */
  aliases: Record<string, AliasStats>;
}

export interface PairStats {
  readonly a: string;
  readonly b: string;
  readonly via: 'acronym' | 'known-as';
  refs: Record<string, SourceRef>;
}

export interface ArticleInfo {
  readonly outlet: string | null;
  readonly published: string | null;
  /** Surface names of its mentions and of the full names its aliases point to. */
  readonly names: string[];
  /** The type votes it cast: [name, type index, count] (so that removing it takes them back). */
  readonly votes: [string, number, number][];
}

export interface AliasState {
  names: Record<string, NameStats>;
  pairs: Record<string, PairStats>;
  articles: Record<string, ArticleInfo>;
}

export const TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** A record without a prototype: names such as "constructor" or "__proto__" are plain keys. */
export function dict<T>(from?: Record<string, T>): Record<string, T> {
  const d = Object.create(null) as Record<string, T>;
  if (from) for (const k of Object.keys(from)) d[k] = from[k] as T;
  return d;
}

export function emptyState(): AliasState {
  return { names: dict(), pairs: dict(), articles: dict() };
}

/** The state from its JSON (a deep copy with prototype-free records). */
export function reviveState(raw: AliasState): AliasState {
  const names = dict<NameStats>();
  for (const [k, s] of Object.entries(raw.names)) {
    const aliases = dict<AliasStats>();
    for (const [ak, a] of Object.entries(s.aliases)) aliases[ak] = { via: a.via, articles: dict(a.articles), refs: dict(a.refs) };
    names[k] = { name: s.name, types: [...s.types], articles: dict(s.articles), described: dict(s.described), ref: s.ref, aliases };
  }
  const pairs = dict<PairStats>();
  for (const [k, p] of Object.entries(raw.pairs)) pairs[k] = { a: p.a, b: p.b, via: p.via, refs: dict(p.refs) };
  const articles = dict<ArticleInfo>();
  for (const [k, a] of Object.entries(raw.articles)) articles[k] = { outlet: a.outlet, published: a.published, names: [...a.names], votes: a.votes.map((v) => [...v]) };
  return { names, pairs, articles };
}

const earlier = (a: SourceRef | null, b: SourceRef): boolean =>
  a === null || b.articleId < a.articleId || (b.articleId === a.articleId && b.span.start < a.span.start);

function stats(state: AliasState, name: string): NameStats {
  let s = state.names[name];
  if (!s) {
    s = { name, types: [0, 0, 0, 0], articles: dict(), described: dict(), ref: null, aliases: dict() };
    state.names[name] = s;
  }
  return s;
}

const bump = (r: Record<string, number>, k: string): void => {
  r[k] = (r[k] ?? 0) + 1;
};

/** Removes an article's contributions (before re-adding it). */
export function removeArticle(state: AliasState, id: string): void {
  const info = state.articles[id];
  if (!info) return;
  for (const n of info.names) {
    const s = state.names[n];
    if (!s) continue;
    delete s.articles[id];
    delete s.described[id];
    for (const [k, a] of Object.entries(s.aliases)) {
      delete a.articles[id];
      delete a.refs[id];
      if (Object.keys(a.articles).length === 0) delete s.aliases[k];
    }
    if (s.ref?.articleId === id) s.ref = null;
    if (Object.keys(s.articles).length === 0 && Object.keys(s.described).length === 0 && Object.keys(s.aliases).length === 0) delete state.names[n];
  }
  for (const [k, p] of Object.entries(state.pairs)) {
    delete p.refs[id];
    if (Object.keys(p.refs).length === 0) delete state.pairs[k];
  }
  for (const [n, t, c] of info.votes) {
    const s = state.names[n];
    if (s) s.types[t] = Math.max(0, (s.types[t] ?? 0) - c);
  }
  delete state.articles[id];
}

/** Adds one article's entity mentions to the state. */
export function addArticle(state: AliasState, article: AliasArticleInput): void {
  removeArticle(state, article.id);
  const ents = article.entities.filter((f) => f.kind === 'entity') as (StoredFinding & { data: EntityData })[];
  const ref = (span: { start: number; end: number }, rule: string, findingId: string | null): SourceRef => ({
    articleId: article.id,
    outlet: article.outlet,
    published: article.published,
    span: { start: span.start, end: span.end },
    text: article.text.slice(span.start, span.end),
    findingId,
    rule,
  });
  const byStart = new Map<number, StoredFinding & { data: EntityData }>();
  for (const f of ents) if (!byStart.has(f.span.start) || byStart.get(f.span.start)!.span.end === f.span.end) byStart.set(f.span.start, f);
  const findingAt = (s: { start: number; end: number }): StoredFinding | null => {
    const f = byStart.get(s.start);
    return f && f.span.end === s.end ? f : null;
  };
  const names = new Set<string>();
  const votes = new Map<string, number>();
  const vote = (s: NameStats, t: number): void => {
    s.types[t] = (s.types[t] ?? 0) + 1;
    const k = `${t}\u0000${s.name}`;
    votes.set(k, (votes.get(k) ?? 0) + 1);
  };
  for (const f of ents) {
    const d = f.data;
    if (!d || typeof d.name !== 'string') continue;
    const t = Math.max(0, TYPES.indexOf(d.type));
    const surface = surfaceOf(f.text);
    const full = surfaceOf(d.name);
    if (surface.length === 0) continue;
    const via: EntityVia = d.via;
    if (via === 'description') {
      if (full.length === 0) continue;
      const s = stats(state, full);
      bump(s.described, article.id);
      names.add(full);
      continue;
    }
    const aliasVia = via === 'acronym' || via === 'known-as' || via === 'short-form' ? via : null;
    if (aliasVia && full.length > 0 && nameKey(surface) !== nameKey(full)) {
      const s = stats(state, full);
      vote(s, t);
      const a = (s.aliases[surface] ??= { via: aliasVia, articles: dict(), refs: dict() });
      bump(a.articles, article.id);
      if (d.antecedent) {
        const r = ref(d.antecedent, f.rule, findingAt(d.antecedent)?.id ?? null);
        if (earlier(a.refs[article.id] ?? null, r)) a.refs[article.id] = r;
      }
      names.add(full);
      continue;
    }
    const s = stats(state, surface);
    vote(s, t);
    bump(s.articles, article.id);
    const r = ref(f.span, f.rule, f.id);
    if (earlier(s.ref, r)) s.ref = r;
    names.add(surface);
  }
  addAdjacent(state, article, ents, ref);
  state.articles[article.id] = { outlet: article.outlet, published: article.published, names: [...names].sort(),
    votes: [...votes].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([k, c]) => {
      const [t, n] = k.split('\u0000');
      return [n ?? '', Number(t), c] as [string, number, number];
    }),
  };
}

/**
 * Definitions the entities stage left unlinked, read from the text between two mentions of the same type:
 * "Foo Association (The Friends of Foo)", "Foo Bar Organization (FBO)", "Foo Bar, also known as Baz".
 */
function addAdjacent(
  state: AliasState,
  article: AliasArticleInput,
  ents: readonly (StoredFinding & { data: EntityData })[],
  ref: (span: { start: number; end: number }, rule: string, id: string | null) => SourceRef,
): void {
  const sorted = [...ents].sort((x, y) => x.span.start - y.span.start);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    if (a.data.type !== b.data.type || a.data.type === 'MISC') continue;
    if (a.data.via === 'description' || b.data.via === 'description') continue;
    const between = article.text.slice(a.span.end, b.span.start);
    const paren = /^\s*\(\s*(?:the\s+)?$/i.test(between) && /^\s*\)/.test(article.text.slice(b.span.end, b.span.end + 3));
    const knownAs = /^,?\s*\(?\s*(?:also\s+)?(?:known|called|referred to)\s+as\s+["“]?$/i.test(between);
    if (!paren && !knownAs) continue;
    const na = surfaceOf(a.text);
    const nb = surfaceOf(b.text);
    if (nameKey(na) === nameKey(nb) || na.split(' ').length < 2) continue;
    if (nameKey(b.data.name) === nameKey(na)) continue; // the entities stage linked it already
    const acronym = isAcronymShape(nb);
    if (acronym && !spells(nb, na)) continue;
    if (!acronym && paren && nb.split(' ').length < 2) continue;
    const key = `${na}\u0000${nb}`;
    const p = (state.pairs[key] ??= { a: na, b: nb, via: acronym ? 'acronym' : 'known-as', refs: dict() });
    const r = ref({ start: a.span.start, end: b.span.end }, 'aliases/adjacent-definition', null);
    if (earlier(p.refs[article.id] ?? null, r)) p.refs[article.id] = r;
  }
}
