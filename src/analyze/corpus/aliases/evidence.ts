import type { MergeEvidenceKind, SourceRef } from '../../../domain/corpus.js';
import type { EntityType } from '../../../domain/findings.js';
import { contentWords, editDistance, firstLetters, foldWord, isAcronymShape, nameKey, onlyPlaceForm, orgShortForm, spells, withoutLegalForm, words } from './names.js';
import type { AliasParams } from './params.js';
import { type AliasState, type AliasVia, TYPES } from './state.js';

/*
 * Evidence between names, computed from the index state alone (so it does not depend on the order articles
 * were added). Pair evidence links two names; group evidence links a short name (a lone surname, an
 * acronym nobody defined) to whichever candidate it fits, and only merges when all its candidates have
 * become one actor by then (unambiguous in the corpus).
 */

export interface NameNode {
  readonly i: number;
  readonly name: string;
  readonly key: string;
  readonly type: EntityType;
  readonly content: readonly string[];
  readonly folded: string;
  /** Folded content words. */
  readonly foldedWords: readonly string[];
  readonly acronym: boolean;
  /** Mentions of this surface (its own), and articles. */
  readonly mentions: number;
}

export interface Edge {
  readonly kind: MergeEvidenceKind;
  readonly a: number;
  readonly b: number;
  readonly score: number;
  readonly detail: string;
  readonly sources: readonly SourceRef[];
  /** For group candidates: how many articles back this candidate (defining articles + 1). */
  readonly weight?: number;
}

export interface Group {
  readonly node: number;
  readonly candidates: readonly Edge[];
}

export interface Evidence {
  readonly nodes: readonly NameNode[];
  readonly pairs: readonly Edge[];
  readonly groups: readonly Group[];
  /** Supporting evidence (shared context) per pair "a b", added to the actor's evidence when both are in it. */
  readonly support: readonly Edge[];
}

const sum = (r: Record<string, number>): number => Object.values(r).reduce((x, y) => x + y, 0);
const refsOf = (r: Record<string, SourceRef>, max = 5): SourceRef[] =>
  Object.keys(r)
    .sort()
    .slice(0, max)
    .map((k) => r[k]!)
    .filter(Boolean);
const q = (s: string): string => `'${s}'`;

/** The nodes: one per surface name, typed by the majority type of its normalised name. */
export function buildNodes(state: AliasState): NameNode[] {
  const names = Object.keys(state.names).sort();
  const votes = new Map<string, number[]>();
  for (const n of names) {
    const s = state.names[n]!;
    const k = nameKey(n);
    const v = votes.get(k) ?? [0, 0, 0, 0];
    s.types.forEach((c, t) => (v[t] = (v[t] ?? 0) + c));
    votes.set(k, v);
  }
  // an alias votes with its full name's type: a surname the model once typed LOC alone follows its uses as a person
  for (const n of names) {
    const s = state.names[n]!;
    const owner = s.types.indexOf(Math.max(...s.types));
    for (const [alias, a] of Object.entries(s.aliases)) {
      const k = nameKey(alias);
      const v = votes.get(k);
      if (v) v[owner] = (v[owner] ?? 0) + sum(a.articles);
    }
  }
  return names.map((name, i) => {
    const s = state.names[name]!;
    const key = nameKey(name);
    const v = votes.get(key) ?? [0, 0, 0, 0];
    let best = 0;
    v.forEach((c, t) => {
      if (c > (v[best] ?? 0)) best = t;
    });
    const content = contentWords(name);
    const foldedWords = content.map(foldWord);
    return {
      i,
      name,
      key,
      type: TYPES[best] ?? 'MISC',
      content,
      folded: foldedWords.join(' '),
      foldedWords,
      acronym: isAcronymShape(name),
      mentions: sum(s.articles),
    };
  });
}

export function gatherEvidence(state: AliasState, p: AliasParams): Evidence {
  const nodes = buildNodes(state);
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const byKey = new Map<string, NameNode[]>();
  for (const n of nodes) pushTo(byKey, n.key, n);
  const pairs: Edge[] = [];
  const groups: Group[] = [];
  const support: Edge[] = [];
  const refOf = (n: NameNode): SourceRef[] => {
    const r = state.names[n.name]?.ref;
    return r ? [r] : [];
  };
  const context = contextOf(state, nodes, p);

  // same name after normalisation
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    const top = [...group].sort((x, y) => y.mentions - x.mentions || (x.name < y.name ? -1 : 1))[0]!;
    for (const n of group) {
      if (n === top) continue;
      pairs.push({ kind: 'same-name', a: top.i, b: n.i, score: p.sameName, detail: `${q(n.name)} and ${q(top.name)} are the same name once case, punctuation and spacing are ignored`, sources: [...refOf(top), ...refOf(n)] });
    }
  }

  // organisations named with and without their legal form ("Foo Corp." and "Foo")
  for (const n of nodes) {
    if (n.type !== 'ORG') continue;
    const bare = withoutLegalForm(n.key);
    if (bare === null) continue;
    const target = (byKey.get(bare) ?? []).filter((x) => x.type === 'ORG').sort((x, y) => y.mentions - x.mentions || x.i - y.i)[0];
    if (target) pairs.push({ kind: 'same-name', a: target.i, b: n.i, score: p.legalForm, detail: `${q(n.name)} is ${q(target.name)} with its legal form`, sources: [...refOf(target), ...refOf(n)] });
  }

  // aliases defined in articles: who goes by which alias
  const aliasOwners = new Map<string, { owner: NameNode; alias: string; via: AliasVia; refs: SourceRef[]; articles: number }[]>();
  for (const owner of nodes) {
    const s = state.names[owner.name]!;
    for (const alias of Object.keys(s.aliases).sort()) {
      const a = s.aliases[alias]!;
      pushTo(aliasOwners, nameKey(alias), { owner, alias, via: a.via, refs: refsOf(a.refs), articles: Object.keys(a.articles).length });
    }
  }
  // Two full names given the same acronym or "known as" name support each other but do not merge on that
  // alone: one acronym often stands for several organisations in a large corpus.
  for (const owners of aliasOwners.values()) {
    const defs = owners.filter((o) => o.via !== 'short-form' && o.owner.type !== 'PER');
    for (let x = 0; x + 1 < defs.length; x++) {
      for (let y = x + 1; y < defs.length; y++) {
        const a = defs[x]!;
        const b = defs[y]!;
        if (a.owner.type !== b.owner.type || a.owner === b.owner) continue;
        support.push({ kind: a.via === 'acronym' ? 'acronym' : 'known-as', a: a.owner.i, b: b.owner.i, score: p.defined, detail: `${q(a.owner.name)} and ${q(b.owner.name)} are both given the name ${q(a.alias)}`, sources: [...a.refs.slice(0, 2), ...b.refs.slice(0, 2)] });
      }
    }
  }
  // adjacent definitions read from the text
  for (const k of Object.keys(state.pairs).sort()) {
    const d = state.pairs[k]!;
    const a = byName.get(d.a);
    const b = byName.get(d.b);
    if (!a || !b || a.type !== b.type) continue;
    const n = Object.keys(d.refs).length;
    pairs.push({ kind: d.via, a: a.i, b: b.i, score: p.defined, detail: `${q(d.b)} is given as another name of ${q(d.a)} in ${n} article${n > 1 ? 's' : ''}`, sources: refsOf(d.refs) });
  }

  const fullPeople = nodes.filter((n) => n.type === 'PER' && n.content.length >= 2 && !n.acronym);
  const lastWord = new Map<string, NameNode[]>();
  for (const n of fullPeople) {
    pushTo(lastWord, n.foldedWords[n.foldedWords.length - 1] ?? '', n);
  }
  const longForms = new Map<string, NameNode[]>();
  for (const f of nodes) if (!f.acronym && f.content.length >= 2) for (const l of new Set(firstLetters(f.name))) pushTo(longForms, `${f.type} ${l}`, f);
  for (const n of nodes) {
    // a name used alone that articles define or shorten for one or more full names
    const cands = new Map<number, Edge>();
    for (const o of aliasOwners.get(n.key) ?? []) {
      if (o.owner.type !== n.type || o.owner === n) continue;
      // A place or adjective shortened in one article ("Downtown X", "X Telecom" tagged as a place) is not the
      // place named alone elsewhere, unless the rest is a formal name ("Republic of X", "City of X").
      if (o.via === 'short-form' && (n.type === 'LOC' || n.type === 'MISC') && !onlyPlaceForm(words(n.name), words(o.owner.name))) continue;
      if (o.via === 'short-form' && n.type === 'ORG' && !orgShortForm(words(n.name), words(o.owner.name))) continue;
      const score = o.via === 'short-form' ? p.inArticleShortForm : p.defined;
      const prev = cands.get(o.owner.i);
      const weight = o.articles + (prev?.weight ?? 1);
      cands.set(o.owner.i, { kind: o.via, a: o.owner.i, b: n.i, score: Math.max(score, prev?.score ?? 0), weight, detail: `${q(o.alias)} is linked to ${q(o.owner.name)} (${o.via}) in ${o.articles} article${o.articles > 1 ? 's' : ''}`, sources: [...(prev?.sources ?? []), ...o.refs].slice(0, 5) });
    }
    // a lone surname: every person whose full name ends with it
    if (n.type === 'PER' && n.content.length === 1 && !n.acronym) {
      for (const f of lastWord.get(n.foldedWords[0] ?? '') ?? []) {
        if (cands.has(f.i) || f === n) continue;
        cands.set(f.i, boosted({ kind: 'short-form', a: f.i, b: n.i, score: p.surname, weight: 1, detail: `${q(n.name)} is the surname of ${q(f.name)}${f.content[f.content.length - 1] === n.content[0] ? '' : ' (spelling folded)'}`, sources: [...refOf(f), ...refOf(n)] }, context, p, support));
      }
    }
    // a person's name without a middle name or initial: every longer name with the same last word that contains its words in order
    if (n.type === 'PER' && n.content.length >= 2 && !n.acronym) {
      for (const f of lastWord.get(n.foldedWords[n.foldedWords.length - 1] ?? '') ?? []) {
        if (f === n || f.content.length <= n.content.length || cands.has(f.i) || !subsequence(n.content, f.content)) continue;
        cands.set(f.i, boosted({ kind: 'short-form', a: f.i, b: n.i, score: p.surname, weight: 1, detail: `${q(n.name)} is ${q(f.name)} without a middle name or initial`, sources: [...refOf(f), ...refOf(n)] }, context, p, support));
      }
    }
    // an acronym: every long form of its type whose initials it spells
    if (n.acronym) {
      const first = n.name.normalize('NFKD').replace(/[^\p{L}]/gu, '').charAt(0).toLowerCase();
      for (const f of longForms.get(`${n.type} ${first}`) ?? []) {
        if (cands.has(f.i) || !spells(n.name, f.name)) continue;
        // letters alone are weak: the two must be mentioned with some of the same names
        const j = jaccard(context, f.i, n.i);
        if (j !== null && j < p.acronymContextMin) continue;
        cands.set(f.i, boosted({ kind: 'acronym', a: f.i, b: n.i, score: p.acronymSpelled, weight: 1, detail: `the letters of ${q(n.name)} spell the initials of ${q(f.name)}`, sources: [...refOf(f), ...refOf(n)] }, context, p, support));
      }
    }
    if (cands.size > 0) groups.push({ node: n.i, candidates: [...cands.values()].sort((x, y) => x.a - y.a) });
  }

  pairs.push(...variants(nodes, p, context, support, refOf));
  return { nodes, pairs, groups, support };
}

/** Spelling and transliteration variants: same type, same number of words, same initials, few edits after folding. */
function variants(nodes: readonly NameNode[], p: AliasParams, context: Context, support: Edge[], refOf: (n: NameNode) => SourceRef[]): Edge[] {
  const out: Edge[] = [];
  const blocks = new Map<string, NameNode[]>();
  for (const n of nodes) {
    if (n.acronym) continue;
    const letters = n.folded.replace(/ /g, '').length;
    if (n.content.length === 1 && letters < p.minSingleTokenLetters) continue;
    // a person's lone word is a surname: it joins a full name through the surname rule, which checks ambiguity
    if (n.content.length === 1 && n.type === 'PER') continue;
    if (!/\p{L}/u.test(n.folded)) continue;
    // every word must keep its first letter, so the initials block exactly
    const k = `${n.type} ${n.foldedWords.map((w) => w.charAt(0)).join('')}`;
    pushTo(blocks, k, n);
  }
  for (const block of blocks.values()) {
    for (const [x, y] of nearPairs(block)) {
      {
        const a = block[x]!;
        const b = block[y]!;
        if (a.key === b.key) continue; // same name: already linked
        if (!a.foldedWords.every((w, i) => w.charAt(0) === b.foldedWords[i]?.charAt(0))) continue;
        const letters = Math.max(a.folded.length, b.folded.length) - (a.content.length - 1);
        const single = a.content.length === 1;
        const allowed = single && letters < p.minSingleTokenEditLetters ? 0 : Math.floor(letters / p.lettersPerEdit);
        const d = editDistance(a.folded, b.folded, allowed);
        if (d > allowed) continue;
        // each word changes by at most one letter in six once folded: short words ("Mark"/"Mary") must fold alike
        const wordsOk = a.foldedWords.every((fa, i) => {
          const fb = b.foldedWords[i] ?? '';
          const max = Math.floor(Math.max(fa.length, fb.length) / 6);
          return editDistance(fa, fb, max) <= max;
        });
        if (!wordsOk) continue;
        const score = p.variantFolded - d * p.variantPerEdit;
        const how = d === 0 ? 'the same once transliteration variants (vowels, doubled letters, particles) are folded' : `${d} letter${d > 1 ? 's' : ''} apart once transliteration variants are folded`;
        out.push(boosted({ kind: 'spelling-variant', a: a.i, b: b.i, score, detail: `${q(a.name)} and ${q(b.name)} are ${how}`, sources: [...refOf(a), ...refOf(b)] }, context, p, support));
      }
    }
  }
  return out;
}

/**
 * The pairs (x < y, in that order) of a block that can pass the per-word check of `variants`: their last words
 * must be within floor(longer / 6) edits, so they share a string made by deleting at most that many letters
 * from each (symmetric deletions). Each name is filed under the deletion variants of its last word, so a
 * large block costs its near pairs, not all its pairs; the pairs found are a superset of those that pass.
 */
function nearPairs(block: readonly NameNode[]): [number, number][] {
  const byKey = new Map<string, number[]>();
  block.forEach((n, x) => {
    for (const k of deletions(n.foldedWords[n.foldedWords.length - 1] ?? '', wordEdits(n.foldedWords[n.foldedWords.length - 1]?.length ?? 0))) pushTo(byKey, k, x);
  });
  const seen = new Set<number>();
  const out: [number, number][] = [];
  for (const xs of byKey.values()) {
    for (let s = 0; s + 1 < xs.length; s++) {
      for (let t = s + 1; t < xs.length; t++) {
        const key = xs[s]! * block.length + xs[t]!;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push([xs[s]!, xs[t]!]);
      }
    }
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** The most edits a word of this length can be from another under the per-word limit (a sixth of the longer). */
function wordEdits(length: number): number {
  let e = 0;
  while (e + 1 <= Math.floor((length + e + 1) / 6)) e++;
  return e;
}

/** The word with up to `k` letters deleted, every way (distinct strings, the word itself included). */
function deletions(word: string, k: number): Set<string> {
  let level = new Set([word]);
  const out = new Set(level);
  for (let d = 0; d < k; d++) {
    const next = new Set<string>();
    for (const w of level) for (let i = 0; i < w.length; i++) next.add(w.slice(0, i) + w.slice(i + 1));
    for (const w of next) out.add(w);
    level = next;
  }
  return out;
}

interface Context {
  of(i: number): Set<string>;
  key(i: number): string;
}

/** The names co-mentioned with a name (in a sample of its articles), by normalised key. */
function contextOf(state: AliasState, nodes: readonly NameNode[], p: AliasParams): Context {
  const cache = new Map<number, Set<string>>();
  const of = (i: number): Set<string> => {
    let c = cache.get(i);
    if (c) return c;
    c = new Set<string>();
    const node = nodes[i];
    const s = node ? state.names[node.name] : undefined;
    if (node && s) {
      const ids = [...new Set([...Object.keys(s.articles), ...Object.values(s.aliases).flatMap((a) => Object.keys(a.articles))])].sort().slice(0, p.contextSample);
      for (const id of ids) for (const n of state.articles[id]?.names ?? []) c.add(nameKey(n));
      c.delete(node.key);
    }
    cache.set(i, c);
    return c;
  };
  return { of, key: (i) => nodes[i]?.key ?? '' };
}

/** Jaccard similarity of the names mentioned around two names (the two themselves left out); null when either has none. */
function jaccard(context: Context, x: number, y: number): number | null {
  const a = new Set(context.of(x));
  const b = new Set(context.of(y));
  for (const s of [a, b]) {
    s.delete(context.key(x));
    s.delete(context.key(y));
  }
  const { inter, union } = nameKeyOfSets(a, b);
  return a.size === 0 || b.size === 0 ? null : inter / union;
}

/** Adds the shared-context boost to a weak edge and records the supporting evidence. */
function boosted(e: Edge, context: Context, p: AliasParams, support: Edge[]): Edge {
  const a = new Set(context.of(e.a));
  const b = new Set(context.of(e.b));
  for (const s of [a, b]) {
    s.delete(context.key(e.a));
    s.delete(context.key(e.b));
  }
  const na = nameKeyOfSets(a, b);
  if (na.union === 0) return e;
  const j = na.inter / na.union;
  if (j < p.contextMin) return e;
  const add = Math.min(p.contextBoost, j * p.contextBoost * 2);
  support.push({ kind: 'shared-context', a: e.a, b: e.b, score: Math.round(j * 100) / 100, detail: `they are mentioned with the same ${na.inter} other name${na.inter > 1 ? 's' : ''} (${Math.round(j * 100)}% of the names around them)`, sources: [] });
  return { ...e, score: Math.min(0.99, Math.round((e.score + add) * 1000) / 1000) };
}

function nameKeyOfSets(a: Set<string>, b: Set<string>): { inter: number; union: number } {
  let inter = 0;
  for (const k of a) if (b.has(k)) inter++;
  return { inter, union: a.size + b.size - inter };
}

function pushTo<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** The words of `short` appear in `long` in the same order. */
function subsequence(short: readonly string[], long: readonly string[]): boolean {
  let j = 0;
  for (const w of long) if (w === short[j]) j++;
  return j === short.length;
}
