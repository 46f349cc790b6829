import type { Token } from '../../domain/text.js';
import { OTHER_ABBREVIATIONS, TITLE_ABBREVIATIONS, TLDS } from './abbreviations.js';
import { DIGIT, LOWER, NEWLINE, SPACE, UPPER, WORD, charTable, isApostrophe } from './chars.js';

const EMAIL_CHARS = new Set([0x2e, 0x5f, 0x2b, 0x2d, 0x25]);
const CLITICS = new Set(['s', 're', 've', 'll', 'd', 'm']);
const URL_START = /(?:https?:\/\/|ftp:\/\/|www\.)/iy;
const URL_BODY = /[^\s<>"“”‘’«»]+/y;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/uy;
const HANDLE = /[@#][\p{L}\p{N}_]+/uy;
const URL_TRAILING = /[.,;:!?)\]'’"”]+$/;

/** Scan `text` into tokens. Linear, table-driven, never throws. */
export function scanTokens(text: string): Token[] {
  const cls = charTable();
  const n = text.length;
  const out: Token[] = [];
  let i = 0;
  let newline = false;
  const at = (k: number): number => (k < n ? (cls[text.charCodeAt(k)] ?? 0) : 0);
  const push = (start: number, end: number): void => {
    out.push({ start, end, text: text.slice(start, end), newlineBefore: newline });
    newline = false;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    const k = cls[c] ?? 0;
    if (k & SPACE) {
      if (k & NEWLINE) newline = true;
      i++;
      continue;
    }
    const prevWord = i > 0 && (at(i - 1) & WORD) !== 0;

    // URLs: scheme or www., trailing sentence punctuation left out.
    if ((c === 0x68 || c === 0x48 || c === 0x77 || c === 0x57 || c === 0x66) && !prevWord) {
      URL_START.lastIndex = i;
      if (URL_START.test(text)) {
        URL_BODY.lastIndex = i;
        const m = URL_BODY.exec(text);
        if (m) {
          const body = m[0].replace(URL_TRAILING, '');
          if (body.length > 8) {
            push(i, i + body.length);
            i += body.length;
            continue;
          }
        }
      }
    }
    // @handles and #tags.
    if ((c === 0x40 || c === 0x23) && !prevWord && (at(i + 1) & WORD)) {
      HANDLE.lastIndex = i;
      const m = HANDLE.exec(text);
      if (m) {
        push(i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    }
    if (k & WORD) {
      const end = scanWord(text, i, at);
      push(i, end);
      i = end;
      continue;
    }
    // Clitics split off the previous word: 's 're 've 'll 'd 'm.
    if (isApostrophe(c) && prevWord) {
      let j = i + 1;
      while (j < n && at(j) & LOWER) j++;
      if (j > i + 1 && !(at(j) & WORD) && CLITICS.has(text.slice(i + 1, j).toLowerCase())) {
        push(i, j);
        i = j;
        continue;
      }
      if (j === i + 1 && (text[i + 1] === 'S') && !(at(i + 2) & WORD)) {
        push(i, i + 2);
        i += 2;
        continue;
      }
    }
    // Runs: "--", "...", "?!".
    if (c === 0x2d || c === 0x2e) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) === c) j++;
      push(i, j);
      i = j;
      continue;
    }
    // One code point (a surrogate pair stays whole).
    const end = c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? i + 2 : i + 1;
    push(i, end);
    i = end;
  }
  return out;
}

/** End of the word token that starts at `i` (a letter or digit). */
function scanWord(text: string, i: number, at: (k: number) => number): number {
  const n = text.length;
  // "n't" as a token of its own ("do" "n't").
  if ((text[i] === 'n' || text[i] === 'N') && isApostrophe(text.charCodeAt(i + 1)) && (text[i + 2] === 't' || text[i + 2] === 'T') && !(at(i + 3) & WORD)) {
    return i + 3;
  }
  let j = i;
  for (;;) {
    while (j < n && at(j) & WORD) j++;
    const c = j < n ? text.charCodeAt(j) : -1;
    const next = at(j + 1);
    const prev = at(j - 1);
    if ((c === 0x2d || c === 0x2011) && next & WORD) {
      j++; // hyphenated word
      continue;
    }
    if ((c === 0x2e || c === 0x2c) && prev & DIGIT && next & DIGIT && digitsOnlyBack(text, i, j, at)) {
      if (c === 0x2e || groupOfThree(j + 1, at)) {
        j++; // 3.5, 2,000
        continue;
      }
    }
    if (isApostrophe(c) && next & WORD) {
      // "n't": stop before the n; clitics: stop here; otherwise O'Brien, Qur'an stay whole.
      if ((text[j - 1] === 'n' || text[j - 1] === 'N') && j - 1 > i && (text[j + 1] === 't' || text[j + 1] === 'T') && !(at(j + 2) & WORD)) return j - 1;
      let e = j + 1;
      while (e < n && at(e) & WORD) e++;
      if (CLITICS.has(text.slice(j + 1, e).toLowerCase())) return j;
      j = e;
      continue;
    }
    if (c === 0x26 && prev & UPPER && next & UPPER) {
      j++; // AT&T, S&P
      continue;
    }
    break;
  }
  // An email address ("a.b@example.org"): look past dots, underscores and pluses for an @.
  const cj = text.charCodeAt(j);
  if (cj === 0x40 || cj === 0x2e || cj === 0x5f || cj === 0x2b) {
    let k = j;
    while (k < n && (at(k) & WORD || EMAIL_CHARS.has(text.charCodeAt(k)))) k++;
    if (text.charCodeAt(k) === 0x40 && at(k + 1) & WORD) {
      EMAIL.lastIndex = i;
      const m = EMAIL.exec(text);
      if (m) return i + m[0].length;
    }
  }
  if (text.charCodeAt(j) === 0x2e) return withPeriod(text, i, j, at);
  return j;
}

/** The word [i, j) is followed by a period at j: include it for abbreviations, initials and domains. */
function withPeriod(text: string, i: number, j: number, at: (k: number) => number): number {
  const word = text.slice(i, j);
  // Initials and letter-dot sequences: "J.", "U.S.", "e.g.", "U.S.A.".
  if (j - i === 1 && at(i) & (UPPER | LOWER)) {
    let e = j + 1;
    while (at(e) & (UPPER | LOWER) && !(at(e + 1) & WORD) && text.charCodeAt(e + 1) === 0x2e) e += 2;
    // A lone lowercase letter with a period ("grade a.") is an initial only inside a sequence.
    if (e === j + 1 && at(i) & LOWER) return j;
    return e;
  }
  if (TITLE_ABBREVIATIONS.has(word) || OTHER_ABBREVIATIONS.has(word)) return j + 1;
  // "example.com", "kayhan.ir": a known top-level domain after the period.
  let e = j + 1;
  while (at(e) & LOWER) e++;
  if (e > j + 1 && !(at(e) & WORD) && TLDS.has(text.slice(j + 1, e))) {
    // Keep going through further labels ("bbc.co.uk").
    while (text.charCodeAt(e) === 0x2e && at(e + 1) & LOWER) {
      let f = e + 1;
      while (at(f) & LOWER) f++;
      if (at(f) & WORD || !TLDS.has(text.slice(e + 1, f))) break;
      e = f;
    }
    return e;
  }
  return j;
}

function digitsOnlyBack(text: string, i: number, j: number, at: (k: number) => number): boolean {
  // The number part right before j is digits (possibly after earlier separators): "2,000" yes, "A4.5" no.
  let k = j - 1;
  while (k >= i && at(k) & DIGIT) k--;
  return k < i || text[k] === ',' || text[k] === '.' || text[k] === '-' ;
}

function groupOfThree(k: number, at: (k: number) => number): boolean {
  return (at(k) & DIGIT) !== 0 && (at(k + 1) & DIGIT) !== 0 && (at(k + 2) & DIGIT) !== 0 && !(at(k + 3) & DIGIT);
}
