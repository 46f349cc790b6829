/*
 * parse: what a number counts. The counted noun is the head of the phrase after the number ("150
 * electronic devices" -> devices); its owner is the "of" phrase after it ("members of the terror
 * group"), a name inside the phrase ("hundreds of FWO members") or a possessive before the number
 * ("the group's 3,000 members").
 */
import type { Span } from '../../domain/span.js';
import type { ArticleView } from '../phrases/article-view.js';
import { closesPhrase, DETERMINERS, isWordToken } from '../phrases/lexicon.js';
import { isModifierWord, isPossessive, nounPhraseAt } from '../phrases/phrase.js';

export interface Counted {
  /** Head token of the counted phrase, or -1 when nothing is counted ("many were injured"). */
  readonly head: number;
  /** One past the counted phrase (the head's end). */
  readonly end: number;
  readonly owner: { readonly first: number; readonly end: number; readonly head: number; readonly mention: number } | null;
}

const IRREGULAR: Readonly<Record<string, string>> = {
  people: 'person', persons: 'person', men: 'man', women: 'woman', children: 'child', feet: 'foot', teeth: 'tooth',
  mice: 'mouse', geese: 'goose', lives: 'life', wives: 'wife', knives: 'knife', leaves: 'leaf', thieves: 'thief',
  police: 'police', staff: 'staff', personnel: 'personnel', troops: 'troop', data: 'data', media: 'media', others: 'other',
  series: 'series', species: 'species', news: 'news', crises: 'crisis', analyses: 'analysis', theses: 'thesis',
};

const AUXILIARY_S = new Set(['is', 'was', 'has', 'does', 'says', 'as', 'its', 'his', 'this', 'thus', 'us', 'yes', 'less', 'unless', 'across', 'always', 'perhaps']);
const NOT_PLURAL = /(?:ss|us|is|news|series|species)$/i;

/** A plural-looking noun: "members", "Iranians", "people". */
export function looksPlural(word: string): boolean {
  const lower = word.toLowerCase();
  if (IRREGULAR[lower] && lower !== 'news' && lower !== 'series' && lower !== 'species' && lower !== 'data' && lower !== 'media') return true;
  return /\p{L}{2,}s$/u.test(word) && !NOT_PLURAL.test(word) && !word.includes('-');
}

/** Singular of an English plural noun, by rule; proper nouns keep their case ("Iranians" -> "Iranian"). */
export function lemmaOf(word: string): string {
  const lower = word.toLowerCase();
  const irregular = IRREGULAR[lower];
  if (irregular) return irregular;
  const keep = (stem: string): string => (word === lower ? stem : word.slice(0, stem.length));
  if (/men$/.test(lower) && lower.length > 4) return keep(lower.slice(0, -3) + 'man');
  if (/[^aeiou]ies$/.test(lower)) return word === lower ? lower.slice(0, -3) + 'y' : word.slice(0, -3) + 'y';
  if (/(?:ches|shes|sses|xes|zes)$/.test(lower)) return keep(lower.slice(0, -2));
  if (/(?:ss|us|is)$/.test(lower)) return keep(lower);
  if (/s$/.test(lower) && lower.length > 3) return keep(lower.slice(0, -1));
  return keep(lower);
}

function ownerMention(v: ArticleView, first: number, end: number): number {
  for (let t = first; t < end; t++) {
    const m = v.mentionAt[t]!;
    if (m >= 0 && v.mentions[m]!.type !== 'MISC') return m;
  }
  return -1;
}

/** The counted phrase after token `from` (after the number and its unit). */
export function countedAfter(v: ArticleView, from: number, numberFirst: number): Counted {
  const n = v.tokens.length;
  const sentence = v.sentenceOf[numberFirst];
  let k = from;
  let possessiveOwner: Counted['owner'] = null;
  // "hundreds of FWO members", "dozens of others", "2,000 of its members".
  if (v.lower[k] === 'of') {
    k++;
    if (DETERMINERS.has(v.lower[k] ?? '') && v.lower[k] !== 'that') {
      if (['its', 'their', 'his', 'her', 'our'].includes(v.lower[k]!)) possessiveOwner = { first: k, end: k + 1, head: k, mention: -1 };
      k++;
    }
  }
  const runStart = k;
  let head = -1;
  let count = 0;
  while (k < n && count < 5 && v.sentenceOf[k] === sentence) {
    const text = v.tokens[k]!.text;
    const m = v.mentionAt[k]!;
    // "Iranian and Iraqi citizens": two adjectives joined by "and" stay in the phrase.
    if (v.lower[k] === 'and' && count > 0 && /^\p{Lu}/u.test(v.tokens[k - 1]!.text) && /^\p{Lu}/u.test(v.tokens[k + 1]?.text ?? '') && v.mentionAt[k + 2] === -1 && /^\p{Ll}/u.test(v.tokens[k + 2]?.text ?? '')) {
      k++;
      continue;
    }
    // Right after a number, a plural that is also a verb is the noun: "10,000 calls", "3 runs".
    const pluralNoun = count === 0 && looksPlural(text) && !AUXILIARY_S.has(v.lower[k]!) && isWordToken(text);
    if (m < 0 && !pluralNoun && (!isWordToken(text) || !isModifierWord(v, k) || closesPhrase(v.lower[k]!, count))) break;
    if (m < 0 || v.mentions[m]!.type === 'MISC') head = k;
    count++;
    k++;
    // A plural noun ends the phrase: "3,000 people fled", "150 devices seized".
    if (m < 0 && looksPlural(text) && v.mentionAt[k] === -1) break;
  }
  if (head < 0) return { head: -1, end: from, owner: possessiveOwner };
  // A name inside the phrase owns what is counted, when it comes before the head ("FWO members").
  const inner = ownerMention(v, runStart, head);
  let owner: Counted['owner'] = inner >= 0 ? { first: v.mentions[inner]!.first, end: v.mentions[inner]!.end, head: v.mentions[inner]!.end - 1, mention: inner } : possessiveOwner;
  if (v.lower[head + 1] === 'of' && v.sentenceOf[head + 2] === sentence) {
    const np = nounPhraseAt(v, head + 2, false);
    if (np) owner = { first: np.start, end: np.head + 1, head: np.head, mention: ownerMention(v, np.start, np.head + 1) };
    else {
      const m = v.mentionAt[head + 2]!;
      if (m >= 0) owner = { first: v.mentions[m]!.first, end: v.mentions[m]!.end, head: v.mentions[m]!.end - 1, mention: m };
      else if (DETERMINERS.has(v.lower[head + 2]!) && v.mentionAt[head + 3]! >= 0) {
        const mm = v.mentionAt[head + 3]!;
        owner = { first: head + 2, end: v.mentions[mm]!.end, head: v.mentions[mm]!.end - 1, mention: mm };
      }
    }
  }
  return { head, end: head + 1, owner };
}

/** "the group's 3,000 members": a possessive right before the claim. */
export function possessiveBefore(v: ArticleView, first: number): Counted['owner'] {
  const p = first - 1;
  if (p < 1 || !isPossessive(v.tokens[p]!.text)) return null;
  const m = v.mentionAt[p - 1]!;
  if (m >= 0) return { first: v.mentions[m]!.first, end: v.mentions[m]!.end, head: p - 1, mention: m };
  let start = p - 1;
  while (start > 0 && isModifierWord(v, start - 1) && p - start < 4) start--;
  if (start > 0 && DETERMINERS.has(v.lower[start - 1]!)) start--;
  return { first: start, end: p, head: p - 1, mention: -1 };
}

export const partOf = (v: ArticleView, first: number, end: number): { span: Span; text: string } => {
  const span = { start: v.tokens[first]!.start, end: v.tokens[end - 1]!.end };
  return { span, text: v.text.slice(span.start, span.end) };
};
