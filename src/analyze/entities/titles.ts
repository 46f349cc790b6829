import type { Token } from '../../domain/text.js';
import { ROLE_NOUNS } from '../phrases/lexicon.js';
import type { Mention } from './mentions.js';

/**
 * Titles and roles of person mentions, and descriptions that stand for a person ("the Norlandic prime
 * minister"). Words that make a phrase a role are generic English job and office nouns, nothing about any
 * story: a title is a run of capitalised words, role words and a few modifiers that holds a role noun.
 */
const MODIFIERS = new Set(['former', 'then', 'acting', 'deputy', 'vice', 'assistant', 'interim', 'late', 'current', 'outgoing', 'incoming', 'senior', 'top', 'chief', 'prime', 'foreign', 'general', 'defense', 'defence', 'interior', 'state', 'regional', 'national', 'federal', 'military', 'ministry', 'government', 'party', 'opposition', 'security', 'police', 'army', 'executive', 'special', 'supreme', 'ex']);
const POSSESSIVE = new Set(["'s", '’s']);
const ARTICLES = new Set(['the', 'a', 'an']);

const isCap = (w: string): boolean => /^\p{Lu}/u.test(w);
const isRole = (w: string): boolean => ROLE_NOUNS.has(w.toLowerCase());
const titleWord = (w: string): boolean => isCap(w) || isRole(w) || MODIFIERS.has(w.toLowerCase()) || POSSESSIVE.has(w);

export interface TitleInput {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Sentence index of each token. */
  readonly sentenceOf: Int32Array;
}

const slice = (inp: TitleInput, a: number, b: number): string => inp.text.slice(inp.tokens[a]?.start ?? 0, inp.tokens[b - 1]?.end ?? 0);
const word = (inp: TitleInput, i: number): string => inp.tokens[i]?.text ?? '';

/** Trim a token range to a title: no leading article/possessive, must hold a role word. */
function asTitle(inp: TitleInput, a: number, b: number): string | null {
  while (a < b && (ARTICLES.has(word(inp, a).toLowerCase()) || POSSESSIVE.has(word(inp, a)) || word(inp, a) === 'of')) a++;
  while (b > a && (word(inp, b - 1) === 'of' || POSSESSIVE.has(word(inp, b - 1)))) b--;
  if (b <= a) return null;
  for (let i = a; i < b; i++) if (isRole(word(inp, i))) return slice(inp, a, b);
  return null;
}

/** Titles before the name ("former Secretary of State Dana Holt") and in appositives (", the bank's chief,"). */
export function attachTitles(inp: TitleInput, ms: Mention[], personAt: (i: number) => boolean): void {
  for (const m of ms) {
    if (m.type !== 'PER') continue;
    const sent = inp.sentenceOf[m.first] ?? -1;
    const titles: string[] = [];
    // Left: walk back over title words ("of" only between title words).
    let a = m.first;
    while (a > 0 && (inp.sentenceOf[a - 1] ?? -2) === sent && !personAt(a - 1)) {
      const w = word(inp, a - 1);
      if (titleWord(w) && !ARTICLES.has(w.toLowerCase())) a--;
      // "leader of the Foo Party Name": a role, "of the", then the organisation.
      else if (w.toLowerCase() === 'the' && word(inp, a - 2) === 'of' && isRole(word(inp, a - 3)) && a < m.first) a -= 3;
      else if (w === 'of' && a - 2 >= 0 && (isCap(word(inp, a - 2)) || isRole(word(inp, a - 2)))) a--;
      else break;
    }
    const left = a < m.first ? asTitle(inp, a, m.first) : null;
    if (left) titles.push(left);
    // Right appositive: "X, the Iranian Foreign Ministry's spokesperson, said".
    if (word(inp, m.end) === ',') {
      const b = m.end + 1;
      let e = b;
      while (e < inp.tokens.length && e - b < 12 && (inp.sentenceOf[e] ?? -2) === sent && !/^[,.;:)!?"”]$/.test(word(inp, e))) e++;
      const first = word(inp, b).toLowerCase();
      if (e > b && (ARTICLES.has(first) || isCap(word(inp, b)) || MODIFIERS.has(first)) && !personAt(b)) {
        const t = asTitle(inp, b, e);
        if (t && isRole(lastRoleWord(inp, b, e))) titles.push(t);
      }
    }
    // Left appositive: "The bank's chief, X, said".
    if (m.first >= 2 && word(inp, m.first - 1) === ',') {
      let s = m.first - 1;
      while (s > 0 && (inp.sentenceOf[s - 1] ?? -2) === sent && !/^[,.;:(!?"“]$/.test(word(inp, s - 1)) && m.first - s < 12) s--;
      if (ARTICLES.has(word(inp, s).toLowerCase()) && isRole(word(inp, m.first - 2))) {
        const t = asTitle(inp, s, m.first - 1);
        if (t) titles.push(t);
      }
    }
    m.titles = [...new Set(titles)];
  }
}

function lastRoleWord(inp: TitleInput, a: number, b: number): string {
  // The role noun closing the appositive's head: the last role word before any "of"/"for" complement.
  let last = '';
  for (let i = a; i < b; i++) {
    const w = word(inp, i);
    if (w === 'of' || w === 'for' || w === 'at' || w === 'in') break;
    if (isRole(w)) last = w;
  }
  return last;
}

/**
 * Descriptions: "the Norlandic prime minister" not followed by a name. Linked to the one person whose titles
 * hold the same role noun and every other lowercase word of the description; nationality-like capitalised
 * words may be missing from the title. Returns new mentions.
 */
export function linkDescriptions(inp: TitleInput, ms: readonly Mention[], taken: (i: number) => boolean): Mention[] {
  const people = ms.filter((m) => m.type === 'PER' && m.titles.length > 0 && m.via !== 'description');
  if (people.length === 0) return [];
  const out: Mention[] = [];
  for (let i = 0; i < inp.tokens.length; i++) {
    if (!ARTICLES.has(word(inp, i).toLowerCase()) || word(inp, i).toLowerCase() === 'a') continue;
    let e = i + 1;
    while (e < inp.tokens.length && e - i <= 6 && titleWord(word(inp, e)) && (inp.sentenceOf[e] ?? -1) === inp.sentenceOf[i] && !taken(e)) e++;
    // Shrink to end at a role word; a following capitalised word means this is a title before a name.
    while (e > i + 1 && !isRole(word(inp, e - 1))) e--;
    if (e <= i + 1) continue;
    if (isCap(word(inp, e)) && !POSSESSIVE.has(word(inp, e))) continue;
    const words = inp.tokens.slice(i + 1, e).map((t) => t.text).filter((w) => !POSSESSIVE.has(w));
    const head = (words[words.length - 1] ?? '').toLowerCase();
    const names = new Map<string, Mention>();
    for (const p of people) {
      const titleWords = new Set(p.titles.flatMap((t) => t.toLowerCase().split(/[\s’']+/)));
      if (!titleWords.has(head)) continue;
      const fits = words.every((w) => titleWords.has(w.toLowerCase()) || (isCap(w) && /(an|ian|ese|ish|i)$/.test(w)));
      if (!fits) continue;
      if (!names.has(p.name ?? '')) names.set(p.name ?? '', p);
    }
    if (names.size !== 1) continue;
    const p = [...names.values()][0];
    if (!p) continue;
    out.push({
      first: i + 1,
      end: e,
      type: 'PER',
      via: 'description',
      rule: 'entities/description',
      confidence: 1,
      name: p.name,
      antecedent: p.antecedent ?? { start: inp.tokens[p.first]?.start ?? 0, end: inp.tokens[p.end - 1]?.end ?? 0 },
      titles: [],
    });
    i = e - 1;
  }
  return out;
}

const NOT_NAME = new Set(['the', 'a', 'an', 'but', 'and', 'in', 'on', 'at', 'when', 'while', 'after', 'before', 'as', 'if', 'mr', 'mrs', 'ms', 'dr', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/**
 * A person mention right after a capitalised word that is not a role, a title abbreviation or an acronym
 * ("US President Barack | Obama") takes that word in: first names the model left out.
 */
export function extendPersonNames(inp: TitleInput, ms: Mention[], taken: (i: number) => boolean): void {
  for (const m of ms) {
    if (m.type !== 'PER' || m.via !== 'model') continue;
    let a = m.first;
    while (a > 0 && m.first - a < 2 && (inp.sentenceOf[a - 1] ?? -1) === inp.sentenceOf[m.first] && !taken(a - 1)) {
      const w = word(inp, a - 1);
      if (!/^\p{Lu}\p{Ll}+$/u.test(w) || isRole(w) || MODIFIERS.has(w.toLowerCase()) || NOT_NAME.has(w.toLowerCase())) break;
      if (inp.tokens[a]?.newlineBefore) break;
      a--;
    }
    if (a < m.first && !(a === 0 || (inp.sentenceOf[a - 1] ?? -1) !== inp.sentenceOf[a]) ) m.first = a;
  }
}
