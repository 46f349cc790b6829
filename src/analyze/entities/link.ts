import type { EntityType } from '../../domain/findings.js';
import type { Token } from '../../domain/text.js';
import type { Mention } from './mentions.js';

/**
 * In-article linking: every mention gets the article-level name it refers to. Order matters:
 *  1. drop mentions that are common capitalised words (the model's sentence-initial mistakes);
 *  2. acronyms and "known as" aliases defined next to a full name;
 *  3. document consistency: untagged repeats of a tagged name (or a defined alias) become mentions;
 *  4. short forms: a mention whose words are the start or end of exactly one longer name ("Vell" ->
 *     "Ana Vell"), and case variants ("IRAN" in a headline -> "Iran").
 */
const NEVER_ALONE = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan.', 'feb.', 'aug.', 'sept.', 'sep.', 'oct.', 'nov.', 'dec.', 'today', 'yesterday', 'tomorrow', 'but', 'and', 'or', 'if',
  'in', 'on', 'at', 'for', 'as', 'after', 'before', 'however', 'meanwhile', 'dear', 'mr.', 'mrs.', 'ms.', 'dr.', 'news',
]);

export interface LinkInput {
  readonly text: string;
  readonly tokens: readonly Token[];
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').replace(/’/g, "'");
const key = (s: string): string => norm(s).toLowerCase();
const hasLetter = (s: string): boolean => /\p{L}/u.test(s);
const isCapital = (s: string): boolean => /^\p{Lu}/u.test(s);

export function mentionText(inp: LinkInput, m: { first: number; end: number }): string {
  const a = inp.tokens[m.first];
  const b = inp.tokens[m.end - 1];
  return a && b ? inp.text.slice(a.start, b.end) : '';
}

export function dropNoise(inp: LinkInput, ms: Mention[]): Mention[] {
  return ms.filter((m) => {
    const words = inp.tokens.slice(m.first, m.end).map((t) => t.text);
    if (!words.some(hasLetter)) return false;
    if (words.length === 1 && NEVER_ALONE.has((words[0] ?? '').toLowerCase())) return false;
    return true;
  });
}

/** Acronym shape: 2-10 characters, at least two capitals, letters (and dots/hyphens) only. */
function isAcronym(w: string): boolean {
  return w.length >= 2 && w.length <= 10 && /^[\p{L}.&-]+$/u.test(w) && (w.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

/** The acronym's capitals, in order, are a subsequence of the name's word initials, starting with the first. */
export function acronymFits(acronym: string, name: string): boolean {
  const caps = (acronym.match(/\p{Lu}/gu) ?? []).map((c) => c.toLowerCase());
  const initials = name
    .split(/[\s-]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.charAt(0).toLowerCase());
  if (caps.length < 2 || caps[0] !== initials[0]) return false;
  let j = 0;
  for (const c of caps) {
    while (j < initials.length && initials[j] !== c) j++;
    if (j >= initials.length) return false;
    j++;
  }
  return true;
}

interface Alias {
  readonly words: string[];
  readonly type: EntityType;
  readonly name: string;
  readonly antecedent: { start: number; end: number };
  readonly via: 'acronym' | 'known-as';
}

function span(inp: LinkInput, m: { first: number; end: number }): { start: number; end: number } {
  return { start: inp.tokens[m.first]?.start ?? 0, end: inp.tokens[m.end - 1]?.end ?? 0 };
}

/** Aliases defined beside a mention: "Full Name (FN)", "Full Name, known as FN", "(known as FN)". */
export function definedAliases(inp: LinkInput, ms: readonly Mention[]): Alias[] {
  const out: Alias[] = [];
  const w = (i: number): string => inp.tokens[i]?.text ?? '';
  for (const m of ms) {
    const full = norm(mentionText(inp, m));
    let i = m.end;
    if (w(i) === '(' && isAcronym(w(i + 1)) && w(i + 2) === ')' && acronymFits(w(i + 1), full)) {
      out.push({ words: [w(i + 1)], type: m.type, name: full, antecedent: span(inp, m), via: 'acronym' });
      continue;
    }
    // "Foo Association (The Friends of Foo)": a longer name of the same kind in parentheses is another name.
    const inner = ms.find((o) => o.first === i + 1 || (o.first === i + 2 && w(i + 1).toLowerCase() === 'the'));
    if (w(i) === '(' && inner && inner.type === m.type && (m.type === 'ORG' || m.type === 'PER') && inner.end - inner.first > 1 && w(inner.end) === ')') {
      out.push({ words: inp.tokens.slice(inner.first, inner.end).map((t) => t.text), type: m.type, name: full, antecedent: span(inp, m), via: 'known-as' });
      continue;
    }
    if (w(i) === ',' || w(i) === '(') i++;
    if (w(i).toLowerCase() === 'also') i++;
    if (w(i).toLowerCase() === 'known' && w(i + 1).toLowerCase() === 'as') {
      let j = i + 2;
      if (w(j) === '"' || w(j) === '“') j++;
      const start = j;
      while (j < inp.tokens.length && j - start < 5 && isCapital(w(j)) && !(j > start && inp.tokens[j]?.newlineBefore)) j++;
      if (j > start) {
        const words = inp.tokens.slice(start, j).map((t) => t.text);
        const via = words.length === 1 && isAcronym(words[0] ?? '') ? 'acronym' : 'known-as';
        out.push({ words, type: m.type, name: full, antecedent: span(inp, m), via });
      }
    }
  }
  return out;
}

/**
 * Token positions where `words` occur (exact text), not overlapping `taken` (with `within`, a taken token
 * is fine when every mention it belongs to lies inside the occurrence: the longer name replaces them).
 */
function occurrences(inp: LinkInput, words: readonly string[], taken: Uint8Array, within?: readonly Mention[]): number[] {
  const out: number[] = [];
  const n = inp.tokens.length;
  outer: for (let i = 0; i + words.length <= n; i++) {
    for (let k = 0; k < words.length; k++) {
      if (inp.tokens[i + k]?.text !== words[k]) continue outer;
      if (taken[i + k]) {
        const end = i + words.length;
        const inside = within?.every((m) => m.end <= i + k || m.first > i + k || (m.first >= i && m.end <= end));
        if (!within || !inside) continue outer;
      }
    }
    // Not glued to a neighbouring capitalised word ("Iran" inside "Iran Air" stays with the model).
    const before = inp.tokens[i - 1]?.text ?? '';
    const after = inp.tokens[i + words.length]?.text ?? '';
    if ((isCapital(before) && i > 0 && !inp.tokens[i]?.newlineBefore && !/^[\p{Lu}]+$/u.test(before) && !NEVER_ALONE.has(before.toLowerCase())) || (isCapital(after) && hasLetter(after) && !/^\p{Lu}+$/u.test(words.join('')))) continue;
    out.push(i);
  }
  return out;
}

function mark(taken: Uint8Array, m: { first: number; end: number }): void {
  for (let i = m.first; i < m.end; i++) taken[i] = 1;
}

/** Steps 2-4 above; returns all mentions, sorted, with `name` set. */
export function linkMentions(inp: LinkInput, model: Mention[]): Mention[] {
  const ms = dropNoise(inp, model);
  const taken = new Uint8Array(inp.tokens.length);
  for (const m of ms) mark(taken, m);
  for (const m of ms) m.name = norm(mentionText(inp, m));

  // Aliases: every occurrence (tagged or not) points at the full name.
  const aliases = definedAliases(inp, ms);
  for (const a of aliases) {
    const aliasKey = key(a.words.join(' '));
    for (const m of ms) {
      if (key(mentionText(inp, m)) === aliasKey && m.via === 'model') {
        Object.assign(m, { type: a.type, name: a.name, antecedent: a.antecedent, via: a.via, rule: `entities/${a.via}` });
      }
    }
    for (const i of occurrences(inp, a.words, taken)) {
      const m: Mention = { first: i, end: i + a.words.length, type: a.type, via: a.via, rule: `entities/${a.via}`, confidence: 1, name: a.name, antecedent: a.antecedent, titles: [] };
      ms.push(m);
      mark(taken, m);
    }
  }

  // Document consistency: repeats of a model-tagged name.
  const tagged = new Map<string, Mention>();
  for (const m of ms) {
    const words = inp.tokens.slice(m.first, m.end).map((t) => t.text);
    if (words.some((w) => isCapital(w)) && !tagged.has(words.join('\u0000'))) tagged.set(words.join('\u0000'), m);
  }
  const byLength = [...tagged.entries()].sort((a, b) => b[0].split('\u0000').length - a[0].split('\u0000').length);
  for (const [k, src] of byLength) {
    const words = k.split('\u0000');
    if (words.length === 1 && NEVER_ALONE.has((words[0] ?? '').toLowerCase())) continue;
    for (const i of occurrences(inp, words, taken, words.length > 1 ? ms : undefined)) {
      if (ms.some((o) => o.first === i && o.end === i + words.length)) continue;
      const m: Mention = { first: i, end: i + words.length, type: src.type, via: 'document', rule: 'entities/document', confidence: 1, name: src.name, antecedent: src.antecedent, titles: [] };
      // Shorter mentions inside this longer repeat give way to it.
      for (let j = ms.length - 1; j >= 0; j--) {
        const o = ms[j];
        if (o && o.first >= m.first && o.end <= m.end) ms.splice(j, 1);
      }
      ms.push(m);
      mark(taken, m);
    }
  }

  linkShortForms(inp, ms);
  return ms.sort((a, b) => a.first - b.first);
}

/** "Vell" -> "Ana Vell"; "IRAN" -> "Iran"; the longest unambiguous containing name wins. */
function linkShortForms(inp: LinkInput, ms: Mention[]): void {
  const wordsOf = (m: Mention): string[] => inp.tokens.slice(m.first, m.end).map((t) => t.text.toLowerCase()).filter((w) => w !== "'s" && w !== '’s');
  const full = ms.filter((m) => m.via === 'model' || m.via === 'document' || m.via === 'pattern');
  for (const m of ms) {
    if (m.via !== 'model' && m.via !== 'document' && m.via !== 'pattern') continue;
    const mine = wordsOf(m);
    const names = new Map<string, Mention>();
    for (const o of full) {
      if (o === m) continue;
      const theirs = wordsOf(o);
      const same = theirs.length === mine.length && theirs.every((w, i) => w === mine[i]);
      const longer = theirs.length > mine.length && (starts(theirs, mine) || ends(theirs, mine));
      // A different type only when the longer name is a person and this is its surname ("Vell" -> "Ana Vell").
      if (longer && o.type !== m.type && !(o.type === 'PER' && ends(theirs, mine))) continue;
      // A case variant only links to a form that is not all capitals.
      if (same && (o.name === m.name || /\p{Ll}/u.test(m.name ?? '') || !/\p{Ll}/u.test(o.name ?? ''))) continue;
      if (!longer && !same) continue;
      const prev = names.get(o.name ?? '');
      if (!prev || o.first < prev.first) names.set(o.name ?? '', o);
    }
    // Keep only the longest names; two different longest names = ambiguous.
    const cands = [...names.values()];
    const maxLen = Math.max(0, ...cands.map((c) => c.end - c.first));
    const longest = cands.filter((c) => c.end - c.first === maxLen);
    const distinct = new Set(longest.map((c) => key(c.name ?? '')));
    if (distinct.size !== 1) continue;
    const target = longest[0];
    if (!target) continue;
    const root = target;
    m.name = target.name;
    m.type = target.type;
    m.antecedent = root.antecedent ?? span(inp, root);
    if (maxLen > m.end - m.first) {
      m.via = 'short-form';
      m.rule = 'entities/short-form';
    }
  }
}

function starts(a: readonly string[], b: readonly string[]): boolean {
  return b.every((w, i) => a[i] === w);
}
function ends(a: readonly string[], b: readonly string[]): boolean {
  const off = a.length - b.length;
  return b.every((w, i) => a[off + i] === w);
}
