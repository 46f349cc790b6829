import type { ArticleView } from './article-view.js';
import { closesPhrase, DETERMINERS, isCapitalized, isFunctionWord, isWordToken, MONTHS, WEEKDAYS } from './lexicon.js';

/** A noun phrase found by edges, not by a parser: determiner, modifiers, head, and an optional "of" phrase. */
export interface NounPhrase {
  /** First token (the determiner when there is one). */
  readonly start: number;
  /** First token after the determiner. */
  readonly wordsStart: number;
  /** The head token: the last word before the phrase closes. */
  readonly head: number;
  /** One past the last token, "of" phrase included. */
  readonly end: number;
  readonly determiner: string | null;
}

const range = (a: number, b: number): number[] => Array.from({ length: Math.max(0, b - a) }, (_, k) => a + k);

/** "-ed" and "-ing" words that are not hyphenated compounds: likely verbs, never inside a name's premodifiers. */
export function isVerbForm(text: string): boolean {
  return !text.includes('-') && /^\p{Ll}.{2,}(?:ed|ing)$/u.test(text);
}

export const isPossessive = (t: string): boolean => t === "'s" || t === '’s' || t === "'" || t === '’';

function sameSentence(v: ArticleView, a: number, b: number): boolean {
  return v.sentenceOf[a] === v.sentenceOf[b];
}

/** A word that may sit inside a label: not punctuation, not a function word, not a date word. */
export function isModifierWord(v: ArticleView, i: number): boolean {
  const tok = v.tokens[i];
  if (!tok) return false;
  const low = v.lower[i]!;
  if (!isWordToken(tok.text) && !/^\d[\d,.]*-\p{L}/u.test(tok.text)) return false;
  return !isFunctionWord(low) && !MONTHS.has(low) && !WEEKDAYS.has(low);
}

/**
 * The noun phrase starting at token `i`: optional determiner, then up to six words, closed by
 * punctuation, a function word or a participle after the first word. With `withOf`, a following
 * "of" + short phrase is included ("a commander of the organization").
 */
export function nounPhraseAt(v: ArticleView, i: number, withOf = true): NounPhrase | null {
  const n = v.tokens.length;
  if (i >= n) return null;
  let j = i;
  let determiner: string | null = null;
  const first = v.lower[i]!;
  if (DETERMINERS.has(first) && first !== 'that' && first !== 'those') {
    determiner = first;
    j++;
  }
  const wordsStart = j;
  let head = -1;
  let count = 0;
  while (j < n && count < 6 && sameSentence(v, i, j)) {
    const text = v.tokens[j]!.text;
    if (count > 0 && isPossessive(text)) {
      j++;
      continue;
    }
    if (!isModifierWord(v, j) && v.mentionAt[j] === -1) break;
    if (v.mentionAt[j] === -1 && closesPhrase(v.lower[j]!, count)) break;
    head = j;
    count++;
    j++;
  }
  if (head < 0 || v.mentionAt[head]! >= 0 || isPossessive(v.tokens[head]!.text)) return null;
  let end = head + 1;
  if (withOf && v.lower[end] === 'of' && end + 1 < n && sameSentence(v, head, end + 1)) {
    let k = end + 1;
    if (DETERMINERS.has(v.lower[k]!)) k++;
    let words = 0;
    while (k < n && words < 4 && sameSentence(v, head, k) && (isModifierWord(v, k) || v.mentionAt[k]! >= 0)) {
      if (v.mentionAt[k] === -1 && closesPhrase(v.lower[k]!, words)) break;
      k++;
      words++;
    }
    if (words > 0) end = k;
  }
  return { start: i, wordsStart, head, end, determiner };
}

/**
 * Words before token `i` that modify what follows ("the former Iraqi dictator" before a name):
 * returns the first modifier token and whether a determiner (or possessive) opens the run.
 */
export function modifiersBefore(v: ArticleView, i: number, max = 5): { first: number; opened: boolean } {
  let j = i - 1;
  let count = 0;
  while (j >= 0 && count < max && sameSentence(v, i, j) && !v.tokens[j + 1]!.newlineBefore) {
    const low = v.lower[j]!;
    if (low === 'of' && count > 0 && j > 0 && isCapitalized(v.tokens[j + 1]!.text) && isCapitalized(v.tokens[j - 1]!.text)) {
      j--;
      count++;
      continue;
    }
    const m = v.mentionAt[j]!;
    if (m >= 0) {
      const mention = v.mentions[m]!;
      if (!(mention.type === 'MISC' && mention.end - mention.first === 1)) break;
    } else if (!isModifierWord(v, j)) break;
    else if (isVerbForm(v.tokens[j]!.text) && low !== 'alleged') {
      // A participle only right after a determiner ("the banned X", "an exiled X"); elsewhere a verb.
      const det = j - 1 >= 0 && sameSentence(v, i, j - 1) && DETERMINERS.has(v.lower[j - 1]!);
      if (!det || !/ed$/.test(low)) break;
    }
    j--;
    count++;
  }
  const boundary = j;
  let first = boundary + 1;
  const opened =
    boundary >= 0 &&
    sameSentence(v, i, boundary) &&
    (DETERMINERS.has(v.lower[boundary]!) || isPossessive(v.tokens[boundary]!.text));
  if (!opened) {
    // Without a determiner, a label before a name is a title ("Prime Minister") or a capitalised
    // adjective and a noun ("German magazine"); anything longer is more likely a clause.
    while (first < i && (!isCapitalized(v.tokens[first]!.text) || v.lower[first] === 'of')) first++;
    const sentence = v.sentences[v.sentenceOf[i]!];
    const allCaps = range(first, i).every((k) => isCapitalized(v.tokens[k]!.text) || v.lower[k] === 'of');
    if (!allCaps && i - first > 2) first = i;
    if (i - first === 1 && sentence && first === sentence.firstToken) first = i;
  }
  return { first, opened };
}
