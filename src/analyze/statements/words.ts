/**
 * A small word scanner over one stretch of text, for finding noun-phrase edges around a cue. The pipeline's
 * tokens give sentences; inside a sentence we only need words and punctuation with offsets, and the exact
 * same splitting whatever tokenizer ran before, so the statements rules do not depend on its details.
 */

export interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Lower case, curly apostrophes folded. */
  readonly lower: string;
  readonly isWord: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:[.'’&\-][\p{L}\p{N}]+)*|\S/gu;
const ABBREV = /^(?:[A-Z]|[A-Z][a-z]{1,3}|[A-Z](?:\.[A-Z])+)$/;

/** Words and punctuation marks of text.slice(from, to), offsets into the whole text. */
export function scanWords(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  const slice = text.slice(from, to);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m !== null; m = WORD.exec(slice)) {
    let end = m.index + m[0].length;
    const isWord = /[\p{L}\p{N}]/u.test(m[0]);
    // "Mr." "Gov." "U.S." keep their dot; a sentence's final dot stays a separate mark.
    if (isWord && slice[end] === '.' && ABBREV.test(m[0]) && /^(?:\s[\p{L}\p{N}(]|[),])/u.test(slice.slice(end + 1, end + 3))) end += 1;
    const t = slice.slice(m.index, end);
    out.push({ start: from + m.index, end: from + end, text: t, lower: t.toLowerCase().replace(/’/g, "'"), isWord });
    WORD.lastIndex = end;
  }
  return out;
}

export const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you']);

export const QUOTE_MARKS = /["“”„«»‘’']/;

export function isCapitalized(w: Word): boolean {
  return /^\p{Lu}/u.test(w.text);
}
