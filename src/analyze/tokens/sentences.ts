import type { Sentence, Token } from '../../domain/text.js';
import { TITLE_ABBREVIATIONS } from './abbreviations.js';

const TERMINAL = new Set(['.', '!', '?', '...', '…', '?!', '!?', '!!', '??', '。', '！', '？', '؟', '।']);
const CLOSING = new Set(['"', "'", '”', '’', '»', ')', ']', '}', '›']);
/** Capitalised words that usually start a sentence: after "U.S." or "Inc." they mean the sentence ended. */
const STARTERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'This', 'That', 'These', 'Those', 'His', 'Her',
  'Its', 'Their', 'Our', 'My', 'But', 'And', 'Or', 'In', 'On', 'At', 'As', 'For', 'If', 'When', 'While', 'After',
  'Before', 'However', 'Meanwhile', 'There', 'Since', 'According', 'Some', 'Many', 'Most', 'One', 'Two', 'Both',
  'Also', 'Yet', 'So', 'Still', 'Last', 'Earlier', 'Later', 'Now', 'Then', 'What', 'Why', 'How', 'Who',
]);

/**
 * Sentences: a break after . ! ? (and an ellipsis before a capital) unless the next word is lowercase,
 * closing quotes and brackets staying with the sentence they close; a break at every line break; no break
 * after title abbreviations ("Gen.", "Mr.", "Jan.") or initials ("J."), and after other abbreviations
 * ("U.S.", "Inc.") only when the next word is a typical sentence starter.
 */
export function splitSentences(text: string, tokens: readonly Token[]): Sentence[] {
  const out: Sentence[] = [];
  const n = tokens.length;
  let first = 0;
  const close = (endToken: number): void => {
    if (endToken <= first) return;
    const a = tokens[first];
    const b = tokens[endToken - 1];
    if (a && b) out.push({ start: a.start, end: b.end, firstToken: first, endToken });
    first = endToken;
  };
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (!t) continue;
    if (i > first && t.newlineBefore) close(i);
    const next = tokens[i + 1];
    if (!next || next.newlineBefore) continue;
    if (!endsSentence(t, next, text)) continue;
    // Absorb closing quotes/brackets and further terminals glued to the end.
    let j = i + 1;
    while (j < n) {
      const u = tokens[j];
      const prev = tokens[j - 1];
      if (!u || !prev || u.newlineBefore) break;
      if ((CLOSING.has(u.text) && u.start === prev.end) || TERMINAL.has(u.text)) j++;
      else break;
    }
    const after = tokens[j];
    if (!after) {
      i = j - 1;
      continue;
    }
    if (after.newlineBefore || !startsLowercase(after.text)) {
      close(j);
      i = j - 1;
    }
  }
  close(n);
  return out;
}

function endsSentence(t: Token, next: Token, text: string): boolean {
  const s = t.text;
  if (TERMINAL.has(s)) {
    if (s === '...' || s === '…') return /^\p{Lu}/u.test(next.text) && next.start > t.end;
    // "3.5" never reaches here; a period glued to a following letter ("e.g" typos) is not an end.
    return !(next.start === t.end && /^\p{L}/u.test(next.text));
  }
  if (s.length > 1 && s.endsWith('.')) {
    const word = s.slice(0, -1);
    const isInitial = /^\p{L}$/u.test(word);
    if (TITLE_ABBREVIATIONS.has(word) && !isInitial) return false;
    void text;
    return STARTERS.has(next.text);
  }
  return false;
}

function startsLowercase(s: string): boolean {
  return /^\p{Ll}/u.test(s);
}
